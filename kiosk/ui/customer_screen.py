"""The customer's screen, mirroring Vipps' landing page: phone entry on the left, the QR code on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.money import format_kroner
from kiosk.domain.phone import PhoneError, normalise_phone
from kiosk.ui.countdown import clock_text
from kiosk.ui.keypad import Keypad
from kiosk.ui.qr_widget import QrCodeWidget


class CustomerScreen(QWidget):
    """Signals: phone_submitted(str eight_digits), cancel_requested()."""

    phone_submitted = Signal(str)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerScreen")
        self.phone_input = QLineEdit(self)
        self.phone_input.setObjectName("phoneInput")
        self.phone_input.setAccessibleName("Your mobile number, 8 digits")
        self.phone_input.setMaxLength(14)
        self.phone_input.setPlaceholderText("8 digits")
        self.keypad = Keypad(self)
        self.phone_error = QLabel("", self)
        self.phone_error.setObjectName("phoneError")
        self.phone_error.setWordWrap(True)
        self.send_button = QPushButton("Send to my phone", self)
        self.send_button.setObjectName("sendToPhoneButton")
        self.send_button.setAccessibleName("Send the payment to my phone")
        self.amount = QLabel("", self)
        self.amount.setObjectName("customerAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QrCodeWidget(self)
        self.qr_hint = QLabel("Scan with your phone's camera", self)
        self.qr_hint.setObjectName("qrHint")
        self.qr_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = QLabel("", self)
        self.countdown.setObjectName("countdown")
        self.countdown.setAccessibleName("Time left to pay")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase = QLabel("", self)
        self.phase.setObjectName("countdownPhase")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase.setWordWrap(True)
        self.cancel_button = QPushButton("Cancel payment (Esc)", self)
        self.cancel_button.setObjectName("cancelPaymentButton")
        self.cancel_button.setAccessibleName("Cancel this payment")
        self._layout()
        self._connect_signals()

    def _layout(self) -> None:
        prefix = QLabel("+47", self)
        prefix.setAccessibleName("Norway, +47")
        phone_row = QHBoxLayout()
        phone_row.addWidget(prefix)
        phone_row.addWidget(self.phone_input, 1)
        left = QVBoxLayout()
        title = QLabel("Or type your mobile number", self)
        title.setWordWrap(True)
        left.addWidget(title)
        left.addLayout(phone_row)
        left.addWidget(self.keypad)
        left.addWidget(self.phone_error)
        left.addWidget(self.send_button)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.amount)
        right.addWidget(self.qr, 1, Qt.AlignmentFlag.AlignCenter)
        right.addWidget(self.qr_hint)
        right.addWidget(self.countdown)
        right.addWidget(self.phase)
        grid = QGridLayout(self)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(self.cancel_button, 1, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)

    def _connect_signals(self) -> None:
        self.keypad.digit.connect(self.phone_input.insert)
        self.keypad.backspace.connect(self.phone_input.backspace)
        self.keypad.cleared.connect(self.phone_input.clear)
        self.phone_input.returnPressed.connect(self._on_send)
        self.phone_input.textEdited.connect(lambda _text: self.phone_error.clear())
        self.send_button.clicked.connect(self._on_send)
        self.cancel_button.clicked.connect(self.cancel_requested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel_requested)

    # ---- what the flow tells it ------------------------------------------------------------------------------

    def start_sale(self, amount_ore: int) -> None:
        """A new customer: nothing of the previous one remains on screen."""
        self.amount.setText(format_kroner(amount_ore))
        self.phone_input.clear()
        self.phone_error.clear()
        self.qr.clear()
        self.qr_hint.setText("Getting the payment ready…")
        self.countdown.clear()
        self.phase.clear()
        self.set_phone_entry_enabled(False)
        self.phone_input.setFocus()

    def show_qr(self, landing_url: str, matrix: list[list[bool]] | None = None) -> None:
        self.qr.set_text(landing_url, matrix)
        self.qr.show()
        self.qr_hint.setText("Scan with your phone's camera")
        self.set_phone_entry_enabled(True)

    def show_sent_to_phone(self, phone_masked: str) -> None:
        self.qr.clear()
        self.qr_hint.setText(f"Sent to {phone_masked}. Open Vipps on your phone and approve.")
        self.phone_input.clear()
        self.set_phone_entry_enabled(True)

    def set_phone_entry_enabled(self, enabled: bool) -> None:
        self.send_button.setEnabled(enabled)

    def show_time_left(self, seconds: float, in_landing_phase: bool) -> None:
        self.countdown.setText(clock_text(seconds))
        self.phase.setText("Scan the code or type your number" if in_landing_phase else "Approve in the Vipps app")

    def _on_send(self) -> None:
        if not self.send_button.isEnabled():
            return
        try:
            phone = normalise_phone(self.phone_input.text())
        except PhoneError as exc:
            self.phone_error.setText(str(exc))
            return
        self.phone_error.clear()
        self.set_phone_entry_enabled(False)
        self.qr_hint.setText("Sending to your phone…")
        self.phone_submitted.emit(phone)
