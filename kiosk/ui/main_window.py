"""The main window: a header (shop, DEMO mark), one status line, and the stack of screens."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAccessible, QAccessibleEvent, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kiosk.config import KioskSettings
from kiosk.domain.money import ORE_PER_KRONE
from kiosk.ui.amount_screen import AmountScreen
from kiosk.ui.checkout_flow import CheckoutFlow
from kiosk.ui.customer_screen import CustomerScreen
from kiosk.ui.outcome_screen import OutcomeScreen
from kiosk.ui.theme import STYLE


class MainWindow(QMainWindow):
    def __init__(self, kiosk: KioskSettings, ledger_file: Path, demo: bool) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Vipps kiosk" + (" – DEMO" if demo else ""))
        self.setStyleSheet(STYLE)
        self.resize(1280, 800)
        self.stack = QStackedWidget(self)
        self.amount_screen = AmountScreen(int(kiosk.max_amount_kr * ORE_PER_KRONE), self.stack)
        self.customer_screen = CustomerScreen(self.stack)
        self.outcome_screen = OutcomeScreen(self.stack)
        for screen in (self.amount_screen, self.customer_screen, self.outcome_screen):
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
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addLayout(header)
        layout.addWidget(self.status)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.flow = CheckoutFlow(
            self.stack, self.amount_screen, self.customer_screen, self.outcome_screen, kiosk, ledger_file
        )
        self.flow.status_changed.connect(self._on_status)
        fullscreen = QShortcut(QKeySequence(Qt.Key.Key_F11), self)
        fullscreen.activated.connect(self._toggle_fullscreen)
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
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def show_fatal(self, message: str) -> None:
        self.amount_screen.set_ready(False)
        self._on_status(message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.status.setText("Closing…")
        self.flow.close()
        event.accept()
