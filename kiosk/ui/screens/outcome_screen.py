"""How a sale ended: its own icon, colour and words for each outcome; back to a fresh sale by time or key."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.message import Message
from kiosk.ui.language.i18n import brand_is_vipps, money
from kiosk.ui.language.messages import translated
from kiosk.ui.look.theme import palette

# icon, title; the icon and the words carry the meaning, the colour only repeats it
_LOOK = {
    "PAID": ("✔", QT_TRANSLATE_NOOP("OutcomeScreen", "Paid")),
    "REJECTED": ("✖", QT_TRANSLATE_NOOP("OutcomeScreen", "Rejected in Vipps")),
    "REFUSED": ("✖", QT_TRANSLATE_NOOP("OutcomeScreen", "Card refused")),
    "EXPIRED": ("⌛", QT_TRANSLATE_NOOP("OutcomeScreen", "Time ran out")),
    "CANCELLED": ("⊘", QT_TRANSLATE_NOOP("OutcomeScreen", "Payment cancelled")),
    "NOT_STARTED": ("⚠", QT_TRANSLATE_NOOP("OutcomeScreen", "The payment was not started")),
    "NO_ANSWER": ("…", QT_TRANSLATE_NOOP("OutcomeScreen", "No answer from Vipps yet")),
}
# The titles that name the brand, where the customer sees MobilePay (kiosk.ui.language.i18n.brand_is_vipps).
_MOBILEPAY_TITLES = {
    "REJECTED": QT_TRANSLATE_NOOP("OutcomeScreen", "Rejected in MobilePay"),
    "NO_ANSWER": QT_TRANSLATE_NOOP("OutcomeScreen", "No answer from MobilePay yet"),
}


class OutcomeScreen(QWidget):
    """Signals: new_sale_requested(str typed): `typed` is the key that ended the screen, so the first digit of
    the next amount is not lost."""

    new_sale_requested = Signal(str)
    outcome_shown = Signal(str)  # for the sound cue

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeScreen")
        self.icon = QLabel("", self)
        self.icon.setObjectName("outcomeIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel("", self)
        self.title.setObjectName("outcomeTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel("", self)
        self.detail.setObjectName("outcomeDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.new_sale_button = QPushButton(self)
        self.new_sale_button.setObjectName("newSaleButton")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.icon, self.title, self.detail):
            layout.addWidget(widget)
        layout.addWidget(self.new_sale_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self.outcome = ""
        self._amount_ore = 0
        self._message: Message | str = ""  # as the checkout made it: said again in a new language
        self._return_timer = QTimer(self)
        self._return_timer.setSingleShot(True)
        self._return_timer.timeout.connect(lambda: self.new_sale_requested.emit(""))
        self.new_sale_button.clicked.connect(lambda: self.new_sale_requested.emit(""))
        self._retranslate()

    def _retranslate(self) -> None:
        self.icon.setAccessibleName(self.tr("Outcome symbol"))
        self.new_sale_button.setText(self.tr("New sale"))
        self.new_sale_button.setAccessibleName(self.tr("Start a new sale"))
        if self.outcome:
            self._show_words()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def show_outcome(self, outcome: str, amount_ore: int, message: Message | str, return_after_s: float | None) -> None:
        """`return_after_s` None keeps the screen until staff act (an outcome nobody may miss). `message` is in
        English, as the checkout wrote it; it is shown in the language on screen."""
        icon, _title = _LOOK[outcome]
        colour = palette().outcome[outcome]
        self.outcome = outcome
        self._amount_ore = amount_ore
        self._message = message
        self.icon.setText(icon)
        self.icon.setStyleSheet(f"color: {colour};")
        self.title.setStyleSheet(f"color: {colour};")
        self._show_words()
        self.outcome_shown.emit(outcome)
        if return_after_s is None:
            self._return_timer.stop()
        else:
            self._return_timer.start(int(return_after_s * 1000))

    def _show_words(self) -> None:
        title = (
            _LOOK[self.outcome][1] if brand_is_vipps() else _MOBILEPAY_TITLES.get(self.outcome, _LOOK[self.outcome][1])
        )
        if self.outcome == "PAID":
            self.title.setText(self.tr("Paid: {amount}").format(amount=money(self._amount_ore)))
        else:
            self.title.setText(self.tr(title))
        # A message that only repeats the title ("Paid") is not said twice.
        self.detail.setText(translated(self._message) if str(self._message) not in ("", title) else "")

    def stop_timer(self) -> None:
        self._return_timer.stop()

    def end(self, typed: str = "") -> None:
        """Staff are back: the next sale, starting with `typed` (the key that ended this screen)."""
        self._return_timer.stop()
        self.new_sale_requested.emit(typed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.end(event.text() if event.text().isprintable() else "")
        event.accept()
