"""The main window: a header (shop, till id, DEMO mark), one status line, and the stack of screens.

The window itself is the first frame: it is built from what loads before the first paint. Its screens, its flow
and the manager's screens come from kiosk.ui.after_first_frame (the start-up seam: see kiosk.ui.app), built
just after the first frame or, with screens not deferred, at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.message import Message
from kiosk.settings.model import KioskSettings, ShopSettings, VippsSettings
from kiosk.ui.closing import CLOSE_S, Deadline
from kiosk.ui.language.i18n import brand_is_vipps, use_market
from kiosk.ui.look.theme import stylesheet, use_palette
from kiosk.ui.screens.status_line import StatusLine

LEAVE_KIOSK_MODE = QT_TRANSLATE_NOOP("PinScreen", "leave kiosk mode")

if TYPE_CHECKING:
    from PySide6.QtGui import QShortcut

    from kiosk.settings.manager_pin import ManagerPin
    from kiosk.ui.checkout_flow import CheckoutFlow
    from kiosk.ui.idle_watch import IdleWatch
    from kiosk.ui.kiosk_lock import KioskLock
    from kiosk.ui.look.sounds import SoundCues
    from kiosk.ui.manager_screens import ManagerScreens
    from kiosk.ui.scan_input import ScanInput
    from kiosk.ui.screen_keys import ScreenKeys
    from kiosk.ui.screens.amount_screen import AmountScreen
    from kiosk.ui.screens.back_office import BackOffice
    from kiosk.ui.screens.customer_display import CustomerDisplay
    from kiosk.ui.screens.customer_screen import CustomerScreen
    from kiosk.ui.screens.outcome_screen import OutcomeScreen
    from kiosk.ui.screens.pin_screen import PinScreen
    from kiosk.ui.screens.settings_screen import SettingsScreen
    from kiosk.ui.screens.staff_sale_screen import StaffSaleScreen


def the_rest() -> ModuleType:
    """The start-up seam's one door (see kiosk.ui.app): kiosk.ui.after_first_frame, which imports all that the
    first frame does not show: the screens, the flow, the services and, through them, the ledger and the
    network stack. After the first call it is Python's module cache."""
    from kiosk.ui import after_first_frame  # the seam: loaded once the first frame is on screen, never before

    return after_first_frame


class MainWindow(QMainWindow):
    """The window: its shell (header, status line, an empty stack) is built at once; the screens either at once
    too, or, with `defer_screens`, just after the first frame, so a shop sees the kiosk's window without waiting
    for every screen's code to load."""

    first_frame_shown = Signal()  # emitted once, just after the window's first paint
    restart_requested = Signal()  # the manager saved new settings and wants them used now

    amount_screen: AmountScreen
    customer_screen: CustomerScreen
    customer_display: CustomerDisplay | None
    outcome_screen: OutcomeScreen
    pin_screen: PinScreen
    flow: CheckoutFlow
    kiosk_lock: KioskLock
    idle_watch: IdleWatch
    keys: ScreenKeys
    scan_input: ScanInput
    sounds: SoundCues
    manager: ManagerScreens
    staff_sale_screen: StaffSaleScreen  # with a customer display only
    fullscreen_key: QShortcut  # F11

    def __init__(
        self,
        kiosk: KioskSettings,
        ledger_file: Path,
        demo: bool,
        pin: ManagerPin | Callable[[], ManagerPin],
        defer_screens: bool = False,
        shop: ShopSettings | None = None,
    ) -> None:
        """`pin` may be a factory: the PIN's module (hashing, files) then loads with the screens, after the
        first frame."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.demo = demo
        self.shop = shop or ShopSettings()
        self.kiosk = kiosk
        self.ledger_file = ledger_file
        self.pin = pin
        use_palette(self.shop.theme, self.shop.market.brand)
        # The shop's market for every screen built after this: its currency, its brand, its phone numbers.
        use_market(self.shop.market)
        # Sizes follow the system's font size, so a shop that asks for larger text gets a larger kiosk.
        self.setStyleSheet(stylesheet(QApplication.font().pointSizeF()))
        self.resize(1280, 800)
        self.stack = QStackedWidget(self)
        self._vipps: VippsSettings | None = None
        self._unlock_for = ""
        self.status = StatusLine(self.stack, self)
        self.demo_badge = QLabel(self)
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setVisible(demo)
        self.header_title = QLabel(self)
        self.header_title.setObjectName("headerTitle")
        # Which till this is, for staff of a shop with several (its [kiosk] till_id); none for a till on its own.
        self.till_badge = QLabel(self)
        self.till_badge.setObjectName("tillId")
        self.till_badge.setVisible(bool(kiosk.till_id))
        header = QHBoxLayout()
        header.addWidget(self.header_title)
        header.addWidget(self.till_badge)
        header.addStretch(1)
        header.addWidget(self.demo_badge)
        self.manager_button = QPushButton(self)
        self.manager_button.setObjectName("managerButton")
        header.addWidget(self.manager_button)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(self.status)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._screens_built = False
        self._first_frame = False
        self._retranslate()
        if not defer_screens:
            self.build_screens()

    def paintEvent(self, event: QPaintEvent) -> None:
        # paintEvent, not event(): only the paints then cross into Python, not every event of the window.
        super().paintEvent(event)
        if not self._first_frame:
            self._first_frame = True
            QTimer.singleShot(0, self.first_frame_shown)  # once this frame is on screen

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        vipps = brand_is_vipps()
        kiosk = self.tr("Vipps kiosk") if vipps else self.tr("MobilePay kiosk")
        if self.demo:
            self.setWindowTitle(self.tr("Vipps kiosk – DEMO") if vipps else self.tr("MobilePay kiosk – DEMO"))
        else:
            self.setWindowTitle(kiosk)
        self.header_title.setText(self.shop.name or kiosk)
        self.till_badge.setText(self.tr("Till {till}").format(till=self.kiosk.till_id))
        self.till_badge.setAccessibleName(self.tr("This till: {till}").format(till=self.kiosk.till_id))
        self.demo_badge.setText(
            self.tr("DEMO – simulated Vipps, no real money")
            if vipps
            else self.tr("DEMO – simulated MobilePay, no real money")
        )
        self.manager_button.setText(self.tr("Manager"))
        self.manager_button.setAccessibleName(self.tr("Open the back office (manager PIN)"))
        self.status.setAccessibleName(self.tr("Payment status"))
        self.status.retranslate()

    def build_screens(self) -> None:
        """The till's screens and its flow (once): see kiosk.ui.after_first_frame."""
        if self._screens_built:
            return
        self._screens_built = True
        the_rest().build_till(self)
        self._connect_till()
        self.flow.new_sale()
        if self._vipps is not None:
            self.flow.connect_vipps(self._vipps)
        if self.kiosk.kiosk_mode:
            self.kiosk_lock.lock()

    def _connect_till(self) -> None:
        self.flow.status_changed.connect(self._on_status)
        self.manager_button.clicked.connect(self._on_manager)
        self.fullscreen_key.activated.connect(self._toggle_fullscreen)
        self.pin_screen.unlocked.connect(self._on_unlocked)
        self.pin_screen.cancelled.connect(self.back_to_till)
        self.outcome_screen.outcome_shown.connect(self._on_outcome_shown)
        self.idle_watch.idle.connect(self._on_idle)
        self.stack.currentChanged.connect(self._watch_for_idle)
        self.amount_screen.amount_input.textChanged.connect(self._watch_for_idle)

    def connect_vipps(self, vipps: VippsSettings) -> None:
        self._vipps = vipps
        if not self._screens_built:
            return  # build_screens() passes it on
        self.flow.connect_vipps(vipps)
        self.manager.set_vipps(vipps)

    @property
    def back_office(self) -> BackOffice:
        """Built on first use: start-up shows the till first."""
        return self.manager.back_office

    @property
    def settings_screen(self) -> SettingsScreen | None:
        return self.manager.settings_screen if self._screens_built else None

    def ask_for_first_pin(self) -> None:
        """First start with real credentials: the manager chooses a PIN before anything else."""
        self.build_screens()
        self._ask_pin("back office", QT_TRANSLATE_NOOP("PinScreen", "choose one"))

    def set_startup_notice(self, notice: Message | None) -> None:
        self.build_screens()
        self.flow.set_startup_notice(notice)

    @Slot(str)
    def _on_outcome_shown(self, outcome: str) -> None:
        """Heard by those not looking: a chime when paid, a buzz when it failed; staff's own cancel is silent."""
        if outcome == "PAID":
            self.sounds.play("approved")
        elif outcome in ("REJECTED", "REFUSED", "EXPIRED", "NOT_STARTED"):
            self.sounds.play("failed")

    @Slot()
    def _on_manager(self) -> None:
        if self.stack.currentWidget() is not self.amount_screen:
            return  # never in the middle of a sale
        self._ask_pin("back office", QT_TRANSLATE_NOOP("PinScreen", "open the back office"))

    def _ask_pin(self, unlock_for: str, why: str) -> None:
        self._unlock_for = unlock_for
        self.pin_screen.ask(why)
        self.status.say_on(self.pin_screen, Message("Manager PIN needed"))
        self.stack.setCurrentWidget(self.pin_screen)

    @Slot()
    def _on_unlocked(self) -> None:
        if self._unlock_for == "kiosk mode":
            self.kiosk_lock.unlock()
            self.back_to_till()
            return
        self.manager.open_today()

    @Slot()
    def back_to_till(self) -> None:
        self.flow.new_sale()

    @Slot(object)
    def _on_status(self, text: Message | str) -> None:
        self.status.say_for_till(text)  # the flow's news: about the till's screens (see StatusLine)

    @Slot()
    def _toggle_fullscreen(self) -> None:
        """Kiosk mode is free to enter; leaving it (and so reaching the desktop) takes the manager PIN."""
        if not self.kiosk_lock.locked:
            self.kiosk_lock.lock()
        elif self.stack.currentWidget() is self.amount_screen:
            self._ask_pin("kiosk mode", LEAVE_KIOSK_MODE)

    @Slot()
    def on_kiosk_mode_button(self) -> None:
        """From the back office, so already behind the PIN: lock and go back to the till, or unlock here."""
        if self.kiosk_lock.locked:
            self.kiosk_lock.unlock()
            return
        self.kiosk_lock.lock()
        self.back_to_till()

    # ---- idle return ---------------------------------------------------------------------------------------------

    @Slot()
    def _watch_for_idle(self) -> None:
        """Idle time counts where someone left something behind: a typed amount, a PIN prompt, the back office or
        the settings. Never during a sale (its own countdown ends it) or on an outcome (which times out itself),
        and never while the first manager PIN is being chosen (nobody may skip that)."""
        current = self.stack.currentWidget()
        typed = current is self.amount_screen and bool(self.amount_screen.amount_input.text())
        behind_pin = current is self.pin_screen and self.pin_screen.cancel_button.isVisibleTo(self.pin_screen)
        if typed or behind_pin or self.manager.on_screen():
            self.idle_watch.arm()
        else:
            self.idle_watch.disarm()

    @Slot()
    def _on_idle(self) -> None:
        if self.manager.busy:
            self.idle_watch.arm()  # a refund or an export under way finishes where the manager can see it
            return
        self.back_to_till()

    @Slot()
    def on_restart(self) -> None:
        self.kiosk_lock.allow_close()
        self.restart_requested.emit()

    def show_fatal(self, message: Message | str) -> None:
        if self._screens_built:
            self.amount_screen.set_ready(False)
            self.kiosk_lock.allow_close()  # the program ends: nothing is left to guard
        self.status.say_now(message)

    def close_sales(self) -> Deadline:
        """Cancel the open sale and stop every sale's threads (see CheckoutFlow.close). Returns the closing
        deadline, which the first call set, for the rest of closing to share."""
        if self._screens_built:
            return self.flow.close()
        return Deadline(CLOSE_S)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A key that no widget took (the focus was nowhere, or beside the screen): the screen on show gets it."""
        if self._screens_built and self.keys.hand_on(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._screens_built and not self.kiosk_lock.may_close():
            event.ignore()  # Alt+F4 and the like: a locked kiosk closes only after the PIN unlocked it
            if self.stack.currentWidget() is self.amount_screen:
                self._ask_pin("kiosk mode", LEAVE_KIOSK_MODE)
            return
        self.status.setText(self.tr("Closing…"))
        self.close_sales()
        if self._screens_built and self.customer_display is not None:
            self.customer_display.shut()  # else the customer's window, still open, keeps the program running
        event.accept()
