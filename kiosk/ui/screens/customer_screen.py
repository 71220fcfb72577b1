"""The customer's screen, mirroring Vipps' landing page: phone entry on the left, the QR code on the right. It
speaks the shop's market: its brand (Vipps, MobilePay), its country code before the number, its numbers' rules."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.message import Message
from kiosk.domain.phone import PhoneError, normalise_phone
from kiosk.ui.countdown import clock_text
from kiosk.ui.language.i18n import LANGUAGE_NAMES, brand_is_vipps, is_available, money, other_language, shop_market
from kiosk.ui.language.messages import translated
from kiosk.ui.screens.keypad import Keypad
from kiosk.ui.screens.qr_widget import QrCodeWidget

# What the language switch says to a screen reader, in the language it switches to: it is there for whoever
# reads that language, not the one on screen.
_SWITCH_DESCRIPTIONS = {
    "en": "Show this payment in English",
    "nb": "Vis denne betalingen på norsk",
    "da": "Vis denne betaling på dansk",
    "fi": "Näytä tämä maksu suomeksi",
}
# What a screen reader says for the country code before the number, per market.
_PREFIX_NAMES = {
    "NO": QT_TRANSLATE_NOOP("CustomerScreen", "Norway, +47"),
    "DK": QT_TRANSLATE_NOOP("CustomerScreen", "Denmark, +45"),
    "FI": QT_TRANSLATE_NOOP("CustomerScreen", "Finland, +358"),
}
# How long a number is as people there type it: the field's hint, and a screen reader's name for it.
_NUMBER_HINTS = {
    "NO": (
        QT_TRANSLATE_NOOP("CustomerScreen", "8 digits"),
        QT_TRANSLATE_NOOP("CustomerScreen", "Your mobile number, 8 digits"),
    ),
    "DK": (
        QT_TRANSLATE_NOOP("CustomerScreen", "8 digits"),
        QT_TRANSLATE_NOOP("CustomerScreen", "Your mobile number, 8 digits"),
    ),
    # A Finn types the number with its leading 0: 040 123 4567, or 11 digits in the longer 04x ranges.
    "FI": (
        QT_TRANSLATE_NOOP("CustomerScreen", "10 or 11 digits, 0 first"),
        QT_TRANSLATE_NOOP("CustomerScreen", "Your mobile number, 10 or 11 digits with the 0 first"),
    ),
}
# The longest way a customer may type their number: "+47 912 34 567", "0045 20 12 34 56", "+358 457 123 4567".
_MAX_TYPED = {"NO": 15, "DK": 16, "FI": 18}


class CustomerScreen(QWidget):
    """Signals: phone_submitted(str number): the national number as kiosk.domain.phone.normalise_phone gives it
    in the shop's market (`91234567`, `20123456`, `401234567`), cancel_requested(), language_requested(str
    language): the customer asks for the other language for their sale."""

    phone_submitted = Signal(str)
    cancel_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerScreen")
        self._market = shop_market()  # the shop's, for the kiosk's lifetime
        self._vipps = brand_is_vipps()  # else MobilePay (see there: each text written out for both)
        self.phone_input = QLineEdit(self)
        self.phone_input.setObjectName("phoneInput")
        self.phone_input.setMaxLength(_MAX_TYPED[self._market.country])
        self.keypad = Keypad(self)
        self.phone_error = QLabel("", self)
        self.phone_error.setObjectName("phoneError")
        self.phone_error.setWordWrap(True)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("sendToPhoneButton")
        self.amount = QLabel("", self)
        self.amount.setObjectName("customerAmount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QrCodeWidget(self)
        self.qr_hint = QLabel("", self)
        self.qr_hint.setObjectName("qrHint")
        self.qr_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.countdown = QLabel("", self)
        self.countdown.setObjectName("countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase = QLabel("", self)
        self.phase.setObjectName("countdownPhase")
        self.phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase.setWordWrap(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelPaymentButton")
        self.language_toggle = QPushButton(self)
        self.language_toggle.setObjectName("customerLanguageToggle")
        self.prefix = QLabel(f"+{self._market.calling_code}", self)
        self.prefix.setObjectName("phonePrefix")
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        # What is on screen, kept as the means to say it: a language switch says it all again.
        self._amount_ore: int | None = None
        self._hint: Callable[[], str] = lambda: ""
        self._phone_error: Message | str = ""
        self._in_landing_phase = True
        self._layout()
        self._retranslate()
        self._connect_signals()

    def _layout(self) -> None:
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.prefix)
        phone_row.addWidget(self.phone_input, 1)
        left = QVBoxLayout()
        left.addWidget(self.title)
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
        grid.addWidget(self.language_toggle, 1, 0)
        grid.addWidget(self.cancel_button, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)

    def _retranslate(self) -> None:
        hint, name = _NUMBER_HINTS[self._market.country]
        self.phone_input.setAccessibleName(self.tr(name))
        self.phone_input.setPlaceholderText(self.tr(hint))
        self.send_button.setText(self.tr("Send to my phone"))
        self.send_button.setAccessibleName(self.tr("Send the payment to my phone"))
        self.countdown.setAccessibleName(self.tr("Time left to pay"))
        self.cancel_button.setText(self.tr("Cancel payment (Esc)"))
        self.cancel_button.setAccessibleName(self.tr("Cancel this payment"))
        self.prefix.setAccessibleName(self.tr(_PREFIX_NAMES[self._market.country]))
        self.title.setText(self.tr("Or type your mobile number"))
        other = other_language()
        self.language_toggle.setText(LANGUAGE_NAMES[other])
        self.language_toggle.setAccessibleName(LANGUAGE_NAMES[other])
        self.language_toggle.setAccessibleDescription(_SWITCH_DESCRIPTIONS[other])
        self.language_toggle.setVisible(is_available(other))
        self.amount.setText(money(self._amount_ore) if self._amount_ore is not None else "")
        self.qr_hint.setText(self._hint())
        self.phone_error.setText(translated(self._phone_error) if self._phone_error else "")
        self._show_phase()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _connect_signals(self) -> None:
        self.keypad.digit.connect(self.phone_input.insert)
        self.keypad.backspace.connect(self.phone_input.backspace)
        self.keypad.cleared.connect(self.phone_input.clear)
        self.phone_input.returnPressed.connect(self._on_send)
        self.phone_input.textEdited.connect(lambda _text: self._show_phone_error(""))
        self.send_button.clicked.connect(self._on_send)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.language_toggle.clicked.connect(self._on_language_toggle)
        # Esc is the window's (kiosk.ui.screen_keys): a shortcut of this screen fired only with the focus in it.

    # ---- what the flow tells it ------------------------------------------------------------------------------

    def start_sale(self, amount_ore: int) -> None:
        """A new customer: nothing of the previous one remains on screen."""
        self._amount_ore = amount_ore
        self.amount.setText(money(amount_ore))
        self.phone_input.clear()
        self._show_phone_error("")
        self.qr.clear()
        self._show_hint(lambda: self.tr("Getting the payment ready…"))
        self.countdown.clear()
        self._in_landing_phase = True
        self.phase.clear()
        self.set_phone_entry_enabled(False)

    def show_qr(self, landing_url: str, matrix: list[list[bool]] | None = None) -> None:
        self.qr.set_text(landing_url, matrix)
        self.qr.show()
        self._show_hint(lambda: self.tr("Scan with your phone's camera"))
        self.set_phone_entry_enabled(True)

    def show_sent_to_phone(self, phone_masked: str) -> None:
        self.qr.clear()
        self._show_hint(
            lambda: (
                self.tr("Sent to {phone}. Open Vipps on your phone and approve.")
                if self._vipps
                else self.tr("Sent to {phone}. Open MobilePay on your phone and approve.")
            ).format(phone=phone_masked)
        )
        self.phone_input.clear()
        self.set_phone_entry_enabled(True)

    def set_on_own_screen(self, own: bool) -> None:
        """On the customer's own screen Cancel is the staff's (on theirs, with Esc): the customer sees none."""
        self.cancel_button.setVisible(not own)

    def show_sent_to_app(self) -> None:
        """Pushed to the app of the customer whose own code was scanned (the kiosk never learns their number)."""
        self.qr.clear()
        self._show_hint(
            lambda: (
                self.tr("Sent to your Vipps app. Open Vipps on your phone and approve.")
                if self._vipps
                else self.tr("Sent to your MobilePay app. Open MobilePay on your phone and approve.")
            )
        )
        self.phone_input.clear()
        self.set_phone_entry_enabled(True)

    def set_phone_entry_enabled(self, enabled: bool) -> None:
        self.send_button.setEnabled(enabled)

    def show_time_left(self, seconds: float, in_landing_phase: bool) -> None:
        self.countdown.setText(clock_text(seconds))
        self._in_landing_phase = in_landing_phase
        self._show_phase()

    def _show_phase(self) -> None:
        if not self.countdown.text():
            return
        if self._in_landing_phase:
            self.phase.setText(self.tr("Scan the code or type your number"))
        else:
            self.phase.setText(
                self.tr("Approve in the Vipps app") if self._vipps else self.tr("Approve in the MobilePay app")
            )

    def _show_hint(self, hint: Callable[[], str]) -> None:
        self._hint = hint
        self.qr_hint.setText(hint())

    def _show_phone_error(self, message: Message | str) -> None:
        self._phone_error = message
        self.phone_error.setText(translated(message) if message else "")

    def _on_language_toggle(self) -> None:
        self.language_requested.emit(other_language())
        self.phone_input.setFocus()  # typing a number goes on where it was

    def _on_send(self) -> None:
        if not self.send_button.isEnabled():
            return
        try:
            phone = normalise_phone(self.phone_input.text(), self._market)
        except PhoneError as exc:
            self._show_phone_error(exc.message)
            return
        self._show_phone_error("")
        self.set_phone_entry_enabled(False)
        self._show_hint(lambda: self.tr("Sending to your phone…"))
        self.phone_submitted.emit(phone)
