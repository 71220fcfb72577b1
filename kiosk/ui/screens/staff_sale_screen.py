"""The staff's screen while the customer pays on their own: what the customer sees, in words, never the QR."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.countdown import clock_text
from kiosk.ui.language.i18n import brand_is_vipps, money
from kiosk.ui.look.text_size import larger


class StaffSaleScreen(QWidget):
    """Signals: cancel_requested()."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("staffSaleScreen")
        # It takes the focus itself (not the Cancel button, which Space would press): Esc is the window's.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.title = QLabel(self)
        self.title.setObjectName("staffSaleTitle")
        self.amount = QLabel(self)
        self.amount.setObjectName("staffSaleAmount")
        self.seen = QLabel(self)
        self.seen.setObjectName("customerSees")
        self.time_left = QLabel(self)
        self.time_left.setObjectName("customerTimeLeft")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("staffCancelButton")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.setStyleSheet(larger({"staffSaleAmount": 30, "customerTimeLeft": 26}))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.title, self.amount, self.seen, self.time_left):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        # What is on the customer's screen, kept as the means to say it again in another language.
        self._amount_ore: int | None = None
        self._seen: Callable[[], str] = lambda: ""
        self._seconds: float | None = None
        self._retranslate()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("The customer pays on their own screen"))
        self.cancel_button.setText(self.tr("Cancel payment (Esc)"))
        self.cancel_button.setAccessibleName(self.tr("Cancel this payment"))
        self.amount.setText(money(self._amount_ore) if self._amount_ore is not None else "")
        self.seen.setText(self._seen())
        self._show_time_left()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def start_sale(self, amount_ore: int) -> None:
        self._amount_ore = amount_ore
        self.amount.setText(money(amount_ore))
        self._seconds = None
        self.time_left.clear()
        self._say(lambda: self.tr("Getting the payment ready…"))

    def show_qr(self) -> None:
        self._say(lambda: self.tr("The customer sees the QR code and the keypad"))

    def show_sent_to_phone(self, phone_masked: str) -> None:
        self._say(lambda: self.tr("Sent to {phone}").format(phone=phone_masked))

    def show_sent_to_app(self) -> None:
        self._say(
            lambda: (
                self.tr("Sent to the Vipps app of the customer whose code was scanned")
                if brand_is_vipps()
                else self.tr("Sent to the MobilePay app of the customer whose code was scanned")
            )
        )

    def show_sending(self) -> None:
        self._say(lambda: self.tr("The customer typed their number: sending it to their phone…"))

    def show_time_left(self, seconds: float, _in_landing_phase: bool = True) -> None:
        self._seconds = seconds
        self._show_time_left()

    def _show_time_left(self) -> None:
        if self._seconds is None:
            return
        self.time_left.setText(self.tr("Waiting for the customer: {time} left").format(time=clock_text(self._seconds)))

    def _say(self, seen: Callable[[], str]) -> None:
        self._seen = seen
        self.seen.setText(seen())
