"""Notices when nobody has touched the kiosk for a while, so a half-typed amount or an open back office does not
wait there for the next person at the counter."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

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


class InputClock(QObject):
    """When a person last touched the application: one per application, living as long as it does.

    Its event filter sees every event of the application. Owned by the application, not by a window, so it can
    never be half destroyed while an event is being filtered (a window's child would be, as the window goes)."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.last_input = time.monotonic()
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last_input = time.monotonic()
        return False


def input_clock() -> InputClock:
    app = QCoreApplication.instance()
    assert app is not None, "the input clock needs the application"
    clock = app.findChild(InputClock)
    return clock if clock is not None else InputClock(app)


class IdleWatch(QObject):
    """Signals: idle(), once `timeout_s` passed without input while armed. Installed once the screens are built,
    so the first frame does not wait for the filter."""

    idle = Signal()

    def __init__(self, timeout_s: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timeout_s = timeout_s
        self._clock = input_clock()
        self._armed_at = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._check)

    @property
    def armed(self) -> bool:
        return self._timer.isActive()

    def arm(self) -> None:
        """Start (or restart) counting idle time."""
        self._armed_at = time.monotonic()
        self._wait(self._timeout_s)

    def disarm(self) -> None:
        self._timer.stop()

    def _wait(self, seconds: float) -> None:
        self._timer.start(max(1, round(seconds * 1000)))

    def _check(self) -> None:
        quiet_since = max(self._armed_at, self._clock.last_input)
        left = self._timeout_s - (time.monotonic() - quiet_since)
        if left > 0.001:
            self._wait(left)  # someone touched it meanwhile: count from then
            return
        self.idle.emit()
