"""The main window: a header (shop, DEMO mark), one status line, and the stack of screens."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAccessible, QAccessibleEvent, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.config import KioskSettings, VippsSettings
from kiosk.domain.money import ORE_PER_KRONE
from kiosk.manager_pin import ManagerPin
from kiosk.ui.amount_screen import AmountScreen
from kiosk.ui.back_office import BackOffice
from kiosk.ui.checkout_flow import CheckoutFlow
from kiosk.ui.customer_screen import CustomerScreen
from kiosk.ui.outcome_screen import OutcomeScreen
from kiosk.ui.pin_screen import PinScreen
from kiosk.ui.theme import STYLE


class MainWindow(QMainWindow):
    def __init__(self, kiosk: KioskSettings, ledger_file: Path, demo: bool, pin: ManagerPin) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Vipps kiosk" + (" – DEMO" if demo else ""))
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)
        self.stack = QStackedWidget(self)
        self.amount_screen = AmountScreen(int(kiosk.max_amount_kr * ORE_PER_KRONE), self.stack)
        self.customer_screen = CustomerScreen(self.stack)
        self.outcome_screen = OutcomeScreen(self.stack)
        self.pin_screen = PinScreen(pin, self.stack)
        self.back_office = BackOffice(ledger_file, kiosk, self.stack)
        for screen in (
            self.amount_screen,
            self.customer_screen,
            self.outcome_screen,
            self.pin_screen,
            self.back_office,
        ):
            self.stack.addWidget(screen)
        self.status = QLabel("Starting…", self)
        self.status.setObjectName("paymentStatus")
        self.status.setAccessibleName("Payment status")
        self.status.setWordWrap(True)
        self.demo_badge = QLabel("DEMO – simulated Vipps, no real money", self)
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setVisible(demo)
        title = QLabel("Vipps kiosk", self)
        title.setObjectName("headerTitle")
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.demo_badge)
        self.manager_button = QPushButton("Manager", self)
        self.manager_button.setObjectName("managerButton")
        self.manager_button.setAccessibleName("Open the back office (manager PIN)")
        self.manager_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header.addWidget(self.manager_button)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(self.status)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.flow = CheckoutFlow(
            self.stack, self.amount_screen, self.customer_screen, self.outcome_screen, kiosk, ledger_file
        )
        self._unlock_for = ""
        self._connect_signals()
        self.flow.new_sale()

    def _connect_signals(self) -> None:
        self.flow.status_changed.connect(self._on_status)
        self.manager_button.clicked.connect(self._on_manager)
        self.pin_screen.unlocked.connect(self._on_unlocked)
        self.pin_screen.cancelled.connect(self._on_back_to_till)
        self.back_office.back_requested.connect(self._on_back_to_till)
        fullscreen = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        fullscreen.activated.connect(self._toggle_fullscreen)

    def connect_vipps(self, vipps: VippsSettings) -> None:
        self.flow.connect_vipps(vipps)
        self.back_office.set_vipps(vipps)

    def ask_for_first_pin(self) -> None:
        """First start with real credentials: the manager chooses a PIN before anything else."""
        self._ask_pin("back office", "choose one")

    @Slot()
    def _on_manager(self) -> None:
        if self.stack.currentWidget() is not self.amount_screen:
            return  # never in the middle of a sale
        self._ask_pin("back office", "open the back office")

    def _ask_pin(self, unlock_for: str, why: str) -> None:
        self._unlock_for = unlock_for
        self.pin_screen.ask(why)
        self.stack.setCurrentWidget(self.pin_screen)
        self._on_status("Manager PIN needed")

    @Slot()
    def _on_unlocked(self) -> None:
        if self._unlock_for == "full screen":
            self.showNormal()
            self._on_back_to_till()
            return
        self.back_office.open_day(date.today())
        self.stack.setCurrentWidget(self.back_office)
        self._on_status("Back office")

    @Slot()
    def _on_back_to_till(self) -> None:
        self.flow.new_sale()

    @Slot(str)
    def _on_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)
        # Screen readers announce the change: the payment's state is what customer and staff wait for.
        QAccessible.updateAccessibility(QAccessibleEvent(self.status, QAccessible.Event.NameChanged))
        QAccessible.updateAccessibility(QAccessibleEvent(self.status, QAccessible.Event.Alert))

    @Slot()
    def _toggle_fullscreen(self) -> None:
        """Full screen is free to enter; leaving it (and so reaching the desktop) takes the manager PIN."""
        if not self.isFullScreen():
            self.showFullScreen()
        elif self.stack.currentWidget() is self.amount_screen:
            self._ask_pin("full screen", "leave full screen")

    def show_fatal(self, message: str) -> None:
        self.amount_screen.set_ready(False)
        self._on_status(message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.status.setText("Closing…")
        self.flow.close()
        event.accept()
