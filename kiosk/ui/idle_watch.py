"""Notices when nobody has touched the kiosk for a while, so a half-typed amount or an open back office does not
wait there for the next person at the counter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

# What a person does; paints, timers and the network's signals are not someone at the counter.
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)


class IdleWatch(QObject):
    """Signals: idle(), once `timeout_s` passed without input while armed.

    Its event filter sees every event of the application, so it is installed only once the screens are built
    (not on the way to the first frame) and does no more than compare the event's type."""

    idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, round(timeout_s * 1000)))
        self._timer.timeout.connect(self.idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def armed(self) -> bool:
        return self._timer.isActive()

    def arm(self) -> None:
        """Start (or restart) counting idle time."""
        self._timer.start()

    def disarm(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._timer.isActive() and event.type() in _INPUT:
            self._timer.start()
        return False
