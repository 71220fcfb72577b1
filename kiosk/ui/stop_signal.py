"""SIGTERM (how systemd stops the kiosk's unit) ends the kiosk as closing the window does, kiosk mode or not.

A Python signal handler runs only when the interpreter gets control, and inside Qt's event loop it may not for
a long time. So the C-level handler writes the signal's number to a socket (`signal.set_wakeup_fd`), and a
QSocketNotifier on the other end wakes the event loop, which then closes the window on the GUI thread.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, Slot

log = logging.getLogger(__name__)
STOP_SIGNALS = (signal.SIGTERM,)


class StopSignal(QObject):
    """Calls `stop` on the GUI thread when the process gets SIGTERM. Lives as long as the event loop runs."""

    def __init__(self, stop: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = stop
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)  # the C handler must never block on a full socket
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_signal)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for number in STOP_SIGNALS:
            # A Python handler that does nothing: the default action would kill the process on the spot. The
            # work happens in _on_signal, woken through the wakeup socket.
            signal.signal(number, _noted)

    @Slot()
    def _on_signal(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except BlockingIOError:
            return
        if any(number in STOP_SIGNALS for number in numbers):
            log.info("stopping on %s", signal.Signals(next(n for n in numbers if n in STOP_SIGNALS)).name)
            self._stop()

    def uninstall(self) -> None:
        for number in STOP_SIGNALS:
            signal.signal(number, signal.SIG_DFL)
        signal.set_wakeup_fd(self._previous_fd)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


def _noted(_number: int, _frame: object) -> None:
    """The signal is handled through the wakeup socket (see StopSignal)."""
