"""The customer's own window, on the customer-facing screen: full screen, without a frame, never the keyboard's.

It shows the idle view between sales, the customer screen (amount, QR, phone entry and keypad, countdown,
language switch) during one, and the outcome after it. The customer screen itself is one widget that moves
between this window and the staff's stack, so a sale that moves (its screen unplugged) keeps its QR, its typed
digits and its countdown: nothing is made again, nothing is shown twice.

Why it never takes the keyboard: staff keys (Esc, Enter, F11) must reach the staff's window whatever the
customer touches. Qt.WindowDoesNotAcceptFocus keeps the window manager from giving it the focus on a touch or a
click, and WA_ShowWithoutActivating from activating it when it is shown.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.message import Message
from kiosk.ui.language.i18n import brand_is_vipps
from kiosk.ui.look.theme import palette
from kiosk.ui.monitors import NONE, customer_screen, describe
from kiosk.ui.screens.idle_view import IdleView
from kiosk.ui.screens.outcome_screen import OutcomeScreen
from kiosk.ui.screens.staff_sale_screen import StaffSaleScreen

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)

WINDOW_FLAGS = Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowDoesNotAcceptFocus


class CustomerDisplay(QWidget):
    """Signals: lost(): its screen was unplugged; whatever of a sale it showed must go to the staff's screen.
    appeared(): a screen was plugged in (the flow decides whether now, between sales, is the time to use it)."""

    lost = Signal()
    appeared = Signal()

    def __init__(self, setting: str, staff_window: QWidget, shop_name: str, style: str) -> None:
        super().__init__(None, WINDOW_FLAGS)
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)  # a plain QWidget paints no style sheet background
        self._retranslate()
        # The staff's look, and the background a window of its own does not get from the main window's rule.
        self.setStyleSheet(f"{style}\nQWidget#customerDisplay {{ background: {palette().background}; }}")
        self._setting = setting
        self._staff_window = staff_window
        self._screen: QScreen | None = None
        self._closing = False
        self.stack = QStackedWidget(self)
        self.idle_view = IdleView(shop_name, self.stack)
        self.outcome_view = OutcomeScreen(self.stack)
        self.outcome_view.setObjectName("customerOutcomeScreen")
        self.outcome_view.new_sale_button.hide()  # the next sale is the staff's to start
        self.stack.addWidget(self.idle_view)
        self.stack.addWidget(self.outcome_view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        application = QGuiApplication.instance()
        application.screenRemoved.connect(self._on_screen_removed)
        application.screenAdded.connect(self._on_screen_added)
        # A window of its own (no parent: a parent would make it the staff window's transient, which a window
        # manager keeps over that window's screen), so it goes when the staff's window goes.
        staff_window.destroyed.connect(self.deleteLater)

    def _retranslate(self) -> None:
        # Never seen on the frameless window itself: the name a window manager (and xdotool) knows it by.
        self.setWindowTitle(self.tr("Vipps – customer") if brand_is_vipps() else self.tr("MobilePay – customer"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @property
    def in_use(self) -> bool:
        """Whether the customer has a screen of their own now."""
        return self._screen is not None

    def place(self) -> bool:
        """Between sales: choose the customer's screen as it is now (one plugged in since is used from here on),
        show the idle view there, or nothing without one. Returns whether there is one."""
        chosen = customer_screen(self._setting, self._staff_window.screen())
        if chosen is None:
            if self._screen is not None:
                log.info("the customer display is no longer used")
            self._screen = None
            self.hide()
            return False
        if chosen is not self._screen:
            log.info("the customer display is %s", describe(chosen))
        self._screen = chosen
        self.stack.setCurrentWidget(self.idle_view)
        self._show_on(chosen)
        return True

    def _show_on(self, screen: QScreen) -> None:
        handle = self.windowHandle()
        if handle is not None and handle.screen() is not screen:
            handle.setScreen(screen)
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        # Not showFullScreen(): it also asks to activate the window, which this one must never be.
        self.setWindowState(Qt.WindowState.WindowFullScreen)
        self.show()

    def show_sale(self, sale_screen: QWidget) -> None:
        """The sale's customer screen, taken from wherever it was."""
        if self.stack.indexOf(sale_screen) < 0:
            self.stack.addWidget(sale_screen)
        self.stack.setCurrentWidget(sale_screen)

    def give_back(self, sale_screen: QWidget) -> bool:
        """Let go of the sale's customer screen (for the staff's stack to take). Returns whether it was here."""
        if self.stack.indexOf(sale_screen) < 0:
            return False
        self.stack.removeWidget(sale_screen)
        return True

    def show_outcome(self, outcome: str, amount_ore: int, message: Message | str) -> None:
        self.outcome_view.show_outcome(outcome, amount_ore, message, None)
        self.stack.setCurrentWidget(self.outcome_view)

    @Slot(QScreen)
    def _on_screen_added(self, _screen: QScreen) -> None:
        self.appeared.emit()

    @Slot(QScreen)
    def _on_screen_removed(self, screen: QScreen) -> None:
        if screen is not self._screen:
            return
        log.warning("the customer display %s was unplugged: the sale goes on on the staff's screen", screen.name())
        self._screen = None
        self.hide()  # before Qt moves the window to a screen that is left (the staff's, over their window)
        self.lost.emit()

    def shut(self) -> None:
        """The program ends: the window may close now."""
        self._closing = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The customer's window is never closed by a customer (no frame, no keyboard; a window manager's close
        # is refused): it goes with the program.
        if self._closing:
            event.accept()
        else:
            event.ignore()


def attach_customer_display(window: MainWindow, setting: str, shop_name: str) -> CustomerDisplay | None:
    """The customer's window for `window`'s till, and the staff's view of the sale it shows (a screen of the
    window's stack, where Esc cancels). None for "none": one screen, as ever."""
    if setting == NONE:
        return None
    display = CustomerDisplay(setting, window, shop_name, window.styleSheet())
    staff = StaffSaleScreen(window.stack)
    window.stack.addWidget(staff)
    window.staff_sale_screen = staff
    window.keys.add(staff, staff, staff.cancel_requested.emit)
    window.flow.use_customer_display(display, staff)
    return display
