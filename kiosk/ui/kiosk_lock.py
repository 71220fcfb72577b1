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
        self._set_frameless(True)
        self._window.showFullScreen()
        self.changed.emit(True)

    def unlock(self) -> None:
        self._locked = False
        self._set_frameless(False)
        self._window.showNormal()
        self.changed.emit(False)

    def _set_frameless(self, frameless: bool) -> None:
        """Without a frame, or with it again, and the window stays shown. QWidget.setWindowFlag on a shown window
        hides it and shows it again, and Qt then forgets that it is the active window: no widget had the focus,
        so keys reached no screen's widget (measured on Xvfb and offscreen; a window manager may or may not give
        the focus back). The platform window takes the new frame as it is."""
        window, hint = self._window, Qt.WindowType.FramelessWindowHint
        handle = window.windowHandle()
        if handle is None or not window.isVisible():
            window.setWindowFlag(hint, frameless)  # not on screen: nothing to hide
            return
        window.overrideWindowFlags(window.windowFlags() | hint if frameless else window.windowFlags() & ~hint)
        handle.setFlags(handle.flags() | hint if frameless else handle.flags() & ~hint)

    def allow_close(self) -> None:
        """The program itself is ending (it cannot start, say): a locked window must not stand in its way."""
        self._closing_allowed = True

    def may_close(self) -> bool:
        return not self._locked or self._closing_allowed
