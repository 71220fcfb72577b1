"""Kiosk mode: the window fills the screen without a frame, and only the manager PIN lets anyone out of it.

What a window can do alone stops at its own edges: a desktop's Alt+Tab or a second screen stay the window
manager's. On a counter PC the kiosk runs under the cage compositor (packaging/linux), where there is nothing
else to switch to.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget


class KioskLock(QObject):
    """Signals: changed(bool locked)."""

    changed = Signal(bool)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._locked = False
        self._closing_allowed = False

    @property
    def locked(self) -> bool:
        return self._locked

    def lock(self) -> None:
        self._locked = True
        # Changing the frame hides the window; showing it full screen brings it back, frameless.
        self._window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        self._window.showFullScreen()
        self.changed.emit(True)

    def unlock(self) -> None:
        self._locked = False
        self._window.setWindowFlag(Qt.WindowType.FramelessWindowHint, False)
        self._window.showNormal()
        self.changed.emit(False)

    def allow_close(self) -> None:
        """The program itself is ending (it cannot start, say): a locked window must not stand in its way."""
        self._closing_allowed = True

    def may_close(self) -> bool:
        return not self._locked or self._closing_allowed
