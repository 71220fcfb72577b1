"""How a sale ended: its own icon, colour and words for each outcome; back to a fresh sale by time or key."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.money import format_kroner
from kiosk.ui.theme import palette

# icon, title; the icon and the words carry the meaning, the colour only repeats it
_LOOK = {
    "PAID": ("✔", "Paid"),
    "REJECTED": ("✖", "Rejected in Vipps"),
    "REFUSED": ("✖", "Card refused"),
    "EXPIRED": ("⌛", "Time ran out"),
    "CANCELLED": ("⊘", "Payment cancelled"),
    "NOT_STARTED": ("⚠", "The payment was not started"),
    "NO_ANSWER": ("…", "No answer from Vipps yet"),
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
        self.icon.setAccessibleName("Outcome symbol")
        self.title = QLabel("", self)
        self.title.setObjectName("outcomeTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel("", self)
        self.detail.setObjectName("outcomeDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        self.new_sale_button = QPushButton("New sale", self)
        self.new_sale_button.setObjectName("newSaleButton")
        self.new_sale_button.setAccessibleName("Start a new sale")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.icon, self.title, self.detail):
            layout.addWidget(widget)
        layout.addWidget(self.new_sale_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self.outcome = ""
        self._return_timer = QTimer(self)
        self._return_timer.setSingleShot(True)
        self._return_timer.timeout.connect(lambda: self.new_sale_requested.emit(""))
        self.new_sale_button.clicked.connect(lambda: self.new_sale_requested.emit(""))

    def show_outcome(self, outcome: str, amount_ore: int, message: str, return_after_s: float | None) -> None:
        """`return_after_s` None keeps the screen until staff act (an outcome nobody may miss)."""
        icon, title = _LOOK[outcome]
        colour = palette().outcome[outcome]
        self.outcome = outcome
        self.icon.setText(icon)
        self.icon.setStyleSheet(f"color: {colour};")
        self.title.setText(f"{title}: {format_kroner(amount_ore)}" if outcome == "PAID" else title)
        self.title.setStyleSheet(f"color: {colour};")
        self.detail.setText(message if message != title else "")
        self.new_sale_button.setFocus()
        self.outcome_shown.emit(outcome)
        if return_after_s is None:
            self._return_timer.stop()
        else:
            self._return_timer.start(int(return_after_s * 1000))

    def stop_timer(self) -> None:
        self._return_timer.stop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self._return_timer.stop()
        typed = event.text() if event.text().isprintable() else ""
        self.new_sale_requested.emit(typed)
        event.accept()
