"""Staff key in the cart total; Enter (or a barcode scanner's Enter) charges."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.message import Message
from kiosk.domain.money import AmountError, parse_kroner
from kiosk.ui.language.i18n import current_language
from kiosk.ui.language.messages import translated


class AmountScreen(QWidget):
    """Signals: charge_requested(int amount_ore, str payment_text)."""

    charge_requested = Signal(int, str)

    def __init__(self, ceiling_ore: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("amountScreen")
        self._ceiling_ore = ceiling_ore
        self.amount_input = QLineEdit(self)
        self.amount_input.setObjectName("amountInput")
        self.amount_input.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_input.setMaxLength(16)
        self.text_input = QLineEdit(self)
        self.text_input.setObjectName("paymentTextInput")
        self.text_input.setMaxLength(100)
        self.error = QLabel("", self)
        self.error.setObjectName("amountError")
        self.error.setWordWrap(True)
        self.charge_button = QPushButton(self)
        self.charge_button.setObjectName("chargeButton")
        self.charge_button.setEnabled(False)
        self.amount_label = QLabel(self)
        self.text_label = QLabel(self)
        self._error_source: Message | str = ""  # the message on show: said again in a new language

        form = QFormLayout()
        form.addRow(self.amount_label, self.amount_input)
        form.addRow(self.text_label, self.text_input)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.charge_button)
        layout.addStretch(2)
        layout.setContentsMargins(120, 24, 120, 24)
        self._retranslate()
        self._connect_signals()

    def _retranslate(self) -> None:
        self.amount_input.setAccessibleName(self.tr("Amount to charge, in kroner"))
        self.amount_input.setPlaceholderText("0,00" if current_language() == "nb" else "0.00")
        self.text_input.setAccessibleName(self.tr("Payment text shown to the customer (optional)"))
        self.error.setAccessibleName(self.tr("Amount problem"))
        self.charge_button.setText(self.tr("Charge with Vipps"))
        self.charge_button.setAccessibleName(self.tr("Charge with Vipps"))
        self.amount_label.setText(self.tr("Amount (kr)"))
        self.text_label.setText(self.tr("Text (optional)"))
        self._show_error(self._error_source)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _show_error(self, message: Message | str) -> None:
        self._error_source = message
        self.error.setText(translated(message) if message else "")

    def _connect_signals(self) -> None:
        self.amount_input.returnPressed.connect(self._on_charge)
        self.text_input.returnPressed.connect(self._on_charge)
        self.charge_button.clicked.connect(self._on_charge)
        self.amount_input.textEdited.connect(lambda _text: self._show_error(""))

    def set_ready(self, ready: bool) -> None:
        self.charge_button.setEnabled(ready)

    def reset(self) -> None:
        """A fresh sale: empty fields, no message, the amount field focused for the next customer."""
        self.amount_input.clear()
        self.text_input.clear()
        self._show_error("")
        self.amount_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_charge(self) -> None:
        if not self.charge_button.isEnabled():
            self._show_error(Message("Still connecting to Vipps. One moment."))
            return
        try:
            amount = parse_kroner(self.amount_input.text(), ceiling_ore=self._ceiling_ore)
        except AmountError as exc:
            self._show_error(exc.message)
            self.amount_input.setFocus()
            self.amount_input.selectAll()
            return
        self._show_error("")
        self.charge_requested.emit(amount, self.text_input.text().strip())
