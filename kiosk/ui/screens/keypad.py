"""An on-screen number pad for a touch screen. Its keys never take the keyboard focus from the field."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget


class Keypad(QWidget):
    """Signals: digit(str) for 0-9, backspace(), cleared()."""

    digit = Signal(str)
    backspace = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypad")
        grid = QGridLayout(self)
        grid.setSpacing(8)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "back"]
        self._keys: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            button = QPushButton(self._label(key), self)
            button.setObjectName(f"keypad_{key}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(72, 60)
            if key == "clear":
                button.clicked.connect(self.cleared)
            elif key == "back":
                button.clicked.connect(self.backspace)
            else:
                button.clicked.connect(lambda _checked=False, k=key: self.digit.emit(k))
            grid.addWidget(button, index // 3, index % 3)
            self._keys[key] = button
        self._retranslate()

    def key(self, name: str) -> QPushButton:
        """One key: "0" to "9", "clear" or "back"."""
        return self._keys[name]

    def buttons(self) -> list[QPushButton]:
        return list(self._keys.values())

    def _retranslate(self) -> None:
        for key, button in self._keys.items():
            button.setAccessibleName(key)
        self._keys["clear"].setAccessibleName(self.tr("Clear the number"))
        self._keys["back"].setAccessibleName(self.tr("Delete the last digit"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    @staticmethod
    def _label(key: str) -> str:
        return {"clear": "C", "back": "⌫"}.get(key, key)
