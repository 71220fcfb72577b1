"""Staff key in the cart total; Enter (or a barcode scanner's Enter) charges. The amount is read the way of the
shop's market (kiosk.domain.money.parse_amount), in hundredths of its currency."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.checkout.waiting_words import still_connecting
from kiosk.domain.message import Message
from kiosk.domain.money import AmountError, parse_amount
from kiosk.ui.language.i18n import brand_is_vipps, currency_unit, money, shop_market
from kiosk.ui.language.messages import translated

# What a screen reader says the field takes, by the shop's currency (Danish kroner are kroner too).
_FIELD_NAMES = {
    "NOK": QT_TRANSLATE_NOOP("AmountScreen", "Amount to charge, in kroner"),
    "DKK": QT_TRANSLATE_NOOP("AmountScreen", "Amount to charge, in kroner"),
    "EUR": QT_TRANSLATE_NOOP("AmountScreen", "Amount to charge, in euros"),
}


class AmountScreen(QWidget):
    """Signals: charge_requested(int amount_ore, str payment_text): hundredths of the shop's currency."""

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
        market = shop_market()
        self.amount_input.setAccessibleName(self.tr(_FIELD_NAMES[market.currency]))
        # Zero as the screen writes money: the decimal mark and the currency staff may type, or leave out.
        self.amount_input.setPlaceholderText(money(0))
        self.text_input.setAccessibleName(self.tr("Payment text shown to the customer (optional)"))
        self.error.setAccessibleName(self.tr("Amount problem"))
        charge = self.tr("Charge with Vipps") if brand_is_vipps() else self.tr("Charge with MobilePay")
        self.charge_button.setText(charge)
        self.charge_button.setAccessibleName(charge)
        self.amount_label.setText(self.tr("Amount ({unit})").format(unit=currency_unit()))
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
            self._show_error(still_connecting(shop_market()))
            return
        try:
            amount = parse_amount(self.amount_input.text(), shop_market(), ceiling=self._ceiling_ore)
        except AmountError as exc:
            self._show_error(exc.message)
            self.amount_input.setFocus()
            self.amount_input.selectAll()
            return
        self._show_error("")
        self.charge_requested.emit(amount, self.text_input.text().strip())
