"""Notices when nobody has touched the kiosk for a while, so a half-typed amount or an open back office does not
wait there for the next person at the counter.

It listens to the controls' own signals (a key typed into a field, a button pressed, a row picked), not to an
event filter on the application: a Python filter there is handed every object Qt delivers an event to, including
widgets in the middle of their destruction, and PySide's wrappers for those crashed the kiosk now and then as
windows came and went.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QWidget,
)


class IdleWatch(QObject):
    """Signals: idle(), once `timeout_s` passed without anyone using a watched screen's controls while armed."""

    idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, round(timeout_s * 1000)))
        self._timer.timeout.connect(self.idle)

    @property
    def armed(self) -> bool:
        return self._timer.isActive()

    def arm(self) -> None:
        """Start (or restart) counting idle time."""
        self._timer.start()

    def disarm(self) -> None:
        self._timer.stop()

    def watch(self, screen: QWidget) -> None:
        """Count any use of the screen's own controls (its attributes, and those in its dicts of fields) as someone
        there. Only controls the screen made itself: asking Qt for a widget's inner parts (a table's scroll bars,
        a date field's line edit) makes Python wrappers for objects Qt alone frees, and PySide can later mistake
        a new widget for one of them."""
        controls: list[object] = []
        for value in vars(screen).values():
            controls.extend(value.values() if isinstance(value, dict) else [value])
        for control in controls:
            if isinstance(control, QLineEdit):
                control.textChanged.connect(self._touched)
            elif isinstance(control, QAbstractButton):
                control.pressed.connect(self._touched)
            elif isinstance(control, QComboBox):
                control.activated.connect(self._touched)
            elif isinstance(control, QDateEdit):
                control.dateChanged.connect(self._touched)
            elif isinstance(control, QDoubleSpinBox):
                control.valueChanged.connect(self._touched)
            elif isinstance(control, QAbstractItemView):
                control.pressed.connect(self._touched)

    @Slot()
    def _touched(self) -> None:
        if self._timer.isActive():
            self._timer.start()
