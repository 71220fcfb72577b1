"""Staff key in the cart total; Enter (or a barcode scanner's Enter) charges."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.money import AmountError, parse_kroner


class AmountScreen(QWidget):
    """Signals: charge_requested(int amount_ore, str payment_text)."""

    charge_requested = Signal(int, str)

    def __init__(self, ceiling_ore: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amountScreen")
        self._ceiling_ore = ceiling_ore
        self.amount_input = QLineEdit(self)
        self.amount_input.setObjectName("amountInput")
        self.amount_input.setAccessibleName("Amount to charge, in kroner")
        self.amount_input.setPlaceholderText("0,00")
        self.amount_input.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_input.setMaxLength(16)
        self.text_input = QLineEdit(self)
        self.text_input.setObjectName("paymentTextInput")
        self.text_input.setAccessibleName("Payment text shown to the customer (optional)")
        self.text_input.setMaxLength(100)
        self.error = QLabel("", self)
        self.error.setObjectName("amountError")
        self.error.setAccessibleName("Amount problem")
        self.error.setWordWrap(True)
        self.charge_button = QPushButton("Charge with Vipps", self)
        self.charge_button.setObjectName("chargeButton")
        self.charge_button.setAccessibleName("Charge with Vipps")
        self.charge_button.setEnabled(False)

        form = QFormLayout()
        form.addRow("Amount (kr)", self.amount_input)
        form.addRow("Text (optional)", self.text_input)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.charge_button)
        layout.addStretch(2)
        layout.setContentsMargins(120, 24, 120, 24)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.amount_input.returnPressed.connect(self._on_charge)
        self.text_input.returnPressed.connect(self._on_charge)
        self.charge_button.clicked.connect(self._on_charge)
        self.amount_input.textEdited.connect(lambda _text: self.error.clear())

    def set_ready(self, ready: bool) -> None:
        self.charge_button.setEnabled(ready)

    def reset(self) -> None:
        """A fresh sale: empty fields, no message, the amount field focused for the next customer."""
        self.amount_input.clear()
        self.text_input.clear()
        self.error.clear()
        self.amount_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_charge(self) -> None:
        if not self.charge_button.isEnabled():
            self.error.setText("Still connecting to Vipps. One moment.")
            return
        try:
            amount = parse_kroner(self.amount_input.text(), ceiling_ore=self._ceiling_ore)
        except AmountError as exc:
            self.error.setText(str(exc))
            self.amount_input.setFocus()
            self.amount_input.selectAll()
            return
        self.error.clear()
        self.charge_requested.emit(amount, self.text_input.text().strip())
