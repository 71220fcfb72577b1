"""A countdown that mirrors Vipps' approval window: the landing-page part, then the part in the app."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal


def clock_text(seconds: float) -> str:
    whole = max(0, int(seconds + 0.999))  # 4:59.2 left shows as 5:00, as a countdown should
    return f"{whole // 60}:{whole % 60:02d}"


class Countdown(QObject):
    """Signals: ticked(float seconds_left, bool in_landing_phase), expired()."""

    ticked = Signal(float, bool)
    expired = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._on_tick)
        self._deadline = 0.0
        self._landing_deadline = 0.0

    def start(self, window_s: float, landing_s: float) -> None:
        now = time.monotonic()
        self._deadline = now + window_s
        self._landing_deadline = now + landing_s
        self._timer.start()
        self._on_tick()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def seconds_left(self) -> float:
        return max(0.0, self._deadline - time.monotonic())

    def _on_tick(self) -> None:
        now = time.monotonic()
        left = self._deadline - now
        if left <= 0:
            self._timer.stop()
            self.ticked.emit(0.0, False)
            self.expired.emit()
            return
        self.ticked.emit(left, now < self._landing_deadline)
