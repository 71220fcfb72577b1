"""The main window: a header (shop, till id, DEMO mark), one status line, and the stack of screens."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.message import Message
from kiosk.settings.model import KioskSettings, Settings, ShopSettings, VippsSettings
from kiosk.ui.look.theme import stylesheet, use_palette
from kiosk.ui.screens.status_line import StatusLine

LEAVE_KIOSK_MODE = QT_TRANSLATE_NOOP("PinScreen", "leave kiosk mode")

if TYPE_CHECKING:
    from collections.abc import Callable

    from kiosk.settings.manager_pin import ManagerPin
    from kiosk.ui.checkout_flow import CheckoutFlow
    from kiosk.ui.closing import Deadline
    from kiosk.ui.idle_watch import IdleWatch
    from kiosk.ui.kiosk_lock import KioskLock
    from kiosk.ui.screen_keys import ScreenKeys
    from kiosk.ui.screens.amount_screen import AmountScreen
    from kiosk.ui.screens.back_office import BackOffice
    from kiosk.ui.screens.customer_display import CustomerDisplay
    from kiosk.ui.screens.customer_screen import CustomerScreen
    from kiosk.ui.screens.outcome_screen import OutcomeScreen
    from kiosk.ui.screens.pin_screen import PinScreen
    from kiosk.ui.screens.settings_screen import SettingsScreen


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
        self._demo = demo
        self._shop = shop or ShopSettings()
        use_palette(self._shop.theme)
        from PySide6.QtWidgets import QApplication

        # Sizes follow the system's font size, so a shop that asks for larger text gets a larger kiosk.
        self.setStyleSheet(stylesheet(QApplication.font().pointSizeF()))
        self.resize(1280, 800)
        self.stack = QStackedWidget(self)
        self._kiosk = kiosk
        self._ledger_file = ledger_file
        self._pin = pin
        self._vipps: VippsSettings | None = None
        self._back_office: BackOffice | None = None  # built on first use: start-up shows the till first
        self.settings_screen: SettingsScreen | None = None
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

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._first_frame:
            self._first_frame = True
            QTimer.singleShot(0, self.first_frame_shown)  # once this frame is on screen
        return handled

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Vipps kiosk – DEMO") if self._demo else self.tr("Vipps kiosk"))
        self.header_title.setText(self._shop.name or self.tr("Vipps kiosk"))
        self.till_badge.setText(self.tr("Till {till}").format(till=self._kiosk.till_id))
        self.till_badge.setAccessibleName(self.tr("This till: {till}").format(till=self._kiosk.till_id))
        self.demo_badge.setText(self.tr("DEMO – simulated Vipps, no real money"))
        self.manager_button.setText(self.tr("Manager"))
        self.manager_button.setAccessibleName(self.tr("Open the back office (manager PIN)"))
        self.status.setAccessibleName(self.tr("Payment status"))
        self.status.retranslate()

    def build_screens(self) -> None:
        """The till's screens and its flow (once)."""
        if self._screens_built:
            return
        self._screens_built = True
        from kiosk.ui.checkout_flow import CheckoutFlow
        from kiosk.ui.screens.amount_screen import AmountScreen
        from kiosk.ui.screens.customer_screen import CustomerScreen
        from kiosk.ui.screens.outcome_screen import OutcomeScreen
        from kiosk.ui.screens.pin_screen import PinScreen

        kiosk = self._kiosk
        self.amount_screen = AmountScreen(kiosk.max_amount_ore, self.stack)
        self.customer_screen = CustomerScreen(self.stack)
        self.outcome_screen = OutcomeScreen(self.stack)
        pin = self._pin if hasattr(self._pin, "verify") else self._pin()  # type: ignore[operator]
        self.pin_screen = PinScreen(pin, self.stack)
        for screen in (self.amount_screen, self.customer_screen, self.outcome_screen, self.pin_screen):
            self.stack.addWidget(screen)
            screen.ensurePolished()  # styles resolved now, not on the first customer's first frame
        self.flow = CheckoutFlow(
            self.stack, self.amount_screen, self.customer_screen, self.outcome_screen, kiosk, self._ledger_file
        )
        from kiosk.ui.screen_keys import ScreenKeys

        # Where the focus goes on each screen, and what Esc means there (README, "Keys").
        self.keys = ScreenKeys(self, self.stack)
        customer = self.customer_screen
        self.keys.add(self.amount_screen, self.amount_screen.amount_input)
        self.keys.add(customer, customer.phone_input, customer.cancel_requested.emit)
        self.keys.add(self.outcome_screen, self.outcome_screen.new_sale_button, self.outcome_screen.end)
        self.keys.add(self.pin_screen, self.pin_screen.pin_input, self.pin_screen.leave)
        self._build_customer_display()
        self.flow.shop_name = self._shop.name
        from kiosk.ui.scan_input import ScanInput

        # The counter's scanner: a customer's personal QR, wherever the focus is on the till (README). With a
        # customer display, the staff's view of the sale is where the focus is while the customer pays.
        till = [self.amount_screen, customer, self.outcome_screen]
        if self.customer_display is not None:
            till.append(self.staff_sale_screen)
        self.scan_input = ScanInput(till, self.flow.scan_personal_qr, self.status.say_for_till, self)
        self._connect_signals()
        from kiosk.settings.paths import data_dir
        from kiosk.ui.look.sounds import SoundCues

        self.sounds = SoundCues(data_dir() / "sounds", enabled=self._shop.sounds)
        self.outcome_screen.outcome_shown.connect(self._on_outcome_shown)
        from kiosk.ui.idle_watch import IdleWatch
        from kiosk.ui.kiosk_lock import KioskLock

        self.kiosk_lock = KioskLock(self)
        self.idle_watch = IdleWatch(kiosk.idle_return_s, self)
        self.idle_watch.idle.connect(self._on_idle)
        self.idle_watch.watch(self.pin_screen)
        self.stack.currentChanged.connect(self._watch_for_idle)
        self.amount_screen.amount_input.textChanged.connect(self._watch_for_idle)
        self.flow.new_sale()
        if self._vipps is not None:
            self.flow.connect_vipps(self._vipps)
        if kiosk.kiosk_mode:
            self.kiosk_lock.lock()

    def _build_customer_display(self) -> None:
        """The customer's own window for a second screen ([kiosk] customer_display), unless it says "none"."""
        from kiosk.ui.screens.customer_display import attach_customer_display

        self.customer_display = attach_customer_display(self, self._kiosk.customer_display, self._shop.name)

    def _connect_signals(self) -> None:
        self.flow.status_changed.connect(self._on_status)
        self.manager_button.clicked.connect(self._on_manager)
        self.pin_screen.unlocked.connect(self._on_unlocked)
        self.pin_screen.cancelled.connect(self._on_back_to_till)
        from PySide6.QtCore import Qt  # the Qt namespace costs ~20 ms to load: after the first frame
        from PySide6.QtGui import QKeySequence, QShortcut

        self.manager_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        fullscreen = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        fullscreen.activated.connect(self._toggle_fullscreen)

    def connect_vipps(self, vipps: VippsSettings) -> None:
        self._vipps = vipps
        if not self._screens_built:
            return  # build_screens() passes it on
        self.flow.connect_vipps(vipps)
        if self._back_office is not None:
            self._back_office.set_vipps(vipps)

    @property
    def back_office(self) -> BackOffice:
        if self._back_office is None:
            from kiosk.ui.screens.back_office import BackOffice

            # A demo shows its own ledger only: it never copies to the shop's database (README); it has a market.
            shop = None if self._demo else self._shop
            self._back_office = BackOffice(self._ledger_file, self._kiosk, self.stack, shop, self._shop.market)
            self.stack.addWidget(self._back_office)
            self._back_office.back_requested.connect(self._on_back_to_till)
            self._back_office.settings_requested.connect(self._open_settings)
            self._back_office.kiosk_mode_requested.connect(self._on_kiosk_mode_button)
            self.keys.add(self._back_office, self._back_office.table, self._back_office.back_requested.emit)
            self._back_office.show_kiosk_mode(self.kiosk_lock.locked)
            self.kiosk_lock.changed.connect(self._back_office.show_kiosk_mode)
            self.idle_watch.watch(self._back_office)
            if self._vipps is not None:
                self._back_office.set_vipps(self._vipps)
        return self._back_office

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
            self._on_back_to_till()
            return
        from datetime import date  # not needed for the first frame

        self.back_office.open_day(date.today())
        self._back_to_back_office()

    @Slot()
    def _on_back_to_till(self) -> None:
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
    def _on_kiosk_mode_button(self) -> None:
        """From the back office, so already behind the PIN: lock and go back to the till, or unlock here."""
        if self.kiosk_lock.locked:
            self.kiosk_lock.unlock()
            return
        self.kiosk_lock.lock()
        self._on_back_to_till()

    # ---- idle return ---------------------------------------------------------------------------------------------

    @Slot()
    def _watch_for_idle(self) -> None:
        """Idle time counts where someone left something behind: a typed amount, a PIN prompt, the back office or
        the settings. Never during a sale (its own countdown ends it) or on an outcome (which times out itself),
        and never while the first manager PIN is being chosen (nobody may skip that)."""
        current = self.stack.currentWidget()
        typed = current is self.amount_screen and bool(self.amount_screen.amount_input.text())
        behind_pin = current is self.pin_screen and self.pin_screen.cancel_button.isVisibleTo(self.pin_screen)
        manager = current is not None and current in (self._back_office, self.settings_screen)
        if typed or behind_pin or manager:
            self.idle_watch.arm()
        else:
            self.idle_watch.disarm()

    @Slot()
    def _on_idle(self) -> None:
        if self._back_office is not None and self._back_office.busy:
            self.idle_watch.arm()  # a refund or an export under way finishes where the manager can see it
            return
        self._on_back_to_till()

    # ---- settings ------------------------------------------------------------------------------------------------

    @Slot()
    def _open_settings(self) -> None:
        """The settings as the file has them now (read off the GUI thread: a keyring can take a moment)."""
        from kiosk.settings.loading import load_settings
        from kiosk.settings.model import ConfigError
        from kiosk.settings.paths import config_path
        from kiosk.ui.workers.background import BackgroundJob, JobKind

        self.status.say_on(self.back_office, Message("Reading the settings…"))
        job = BackgroundJob(lambda _progress: load_settings(), expected=(ConfigError,), kind=JobKind.PERSON)
        job.done.connect(lambda settings: self._show_settings(settings, config_path()))
        job.failed.connect(self._on_settings_unread)
        job.start()

    @Slot(object)
    def _on_settings_unread(self, message: Message | str) -> None:
        self.status.say_on(self.back_office, message)

    def _show_settings(self, settings: Settings, config_file: Path) -> None:
        from kiosk.ui.screens.settings_screen import SettingsScreen

        if self.settings_screen is None:
            self.settings_screen = SettingsScreen(settings, config_file, self.stack)
            self.stack.addWidget(self.settings_screen)
            self.settings_screen.back_requested.connect(self._back_to_back_office)
            self.settings_screen.restart_requested.connect(self._on_restart)
            self.idle_watch.watch(self.settings_screen)
            settings_screen = self.settings_screen
            self.keys.add(settings_screen, settings_screen.environment, settings_screen.back_requested.emit)
        else:
            self.settings_screen.show_settings(settings)
        self.status.say_on(self.settings_screen, Message("Settings"))
        self.stack.setCurrentWidget(self.settings_screen)

    @Slot()
    def _on_restart(self) -> None:
        self.kiosk_lock.allow_close()
        self.restart_requested.emit()

    @Slot()
    def _back_to_back_office(self) -> None:
        self.status.say_on(self.back_office, Message("Back office"))
        self.stack.setCurrentWidget(self.back_office)

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
        from kiosk.ui.closing import CLOSE_S, Deadline

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
