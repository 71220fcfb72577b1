"""Where the keyboard's keys go. Each screen names the widget that takes the focus when the screen is shown and
what Esc means on it; Esc is the window's, and a key that no widget of the screen took is handed to the screen.

Why at the window: Qt gives a key to the focus widget, and a shortcut of one screen fires only while the focus is
inside that screen. The focus is not always there: after the window was shown again (the kiosk lock did that),
after a click on a control outside the screens, or after a dialog came and went, it may be nowhere or beside
the screen on show. Esc then did nothing (the waiting payment stayed open at Vipps) and the outcome screen never
heard the key that should start the next sale. A window shortcut fires wherever the focus is, and a key that no
widget took comes up to the window, which passes it on here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget


class ScreenKeys(QObject):
    def __init__(self, window: QWidget, stack: QStackedWidget) -> None:
        super().__init__(window)
        self._stack = stack
        self._focus: dict[QWidget, QWidget] = {}
        self._escape: dict[QWidget, Callable[[], None]] = {}
        self._handing_on = False
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)  # the window's: fires wherever the focus is
        escape.activated.connect(self._on_escape)
        stack.currentChanged.connect(self.focus_screen)

    def add(self, screen: QWidget, focus: QWidget, escape: Callable[[], None] | None = None) -> None:
        """`focus` takes the focus whenever `screen` is shown; `escape` is what Esc does there (nothing if None)."""
        self._focus[screen] = focus
        if escape is not None:
            self._escape[screen] = escape
        if self._stack.currentWidget() is screen:
            self.focus_screen()

    @Slot()
    def focus_screen(self) -> None:
        """Put the focus where the screen on show wants it."""
        target = self._focus.get(self._stack.currentWidget())
        if target is not None and target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_escape(self) -> None:
        action = self._escape.get(self._stack.currentWidget())
        if action is not None:
            action()

    def hand_on(self, event: QKeyEvent) -> bool:
        """A key no widget took has come up to the window. If the focus was not on the screen on show (nowhere,
        or beside it), the screen never saw the key: the focus goes where the screen wants it, and the key with
        it. Returns whether it was handed on."""
        screen = self._stack.currentWidget()
        target = self._focus.get(screen)
        focused = self._stack.window().focusWidget()  # where the window sent the key (Qt's own focus may be lost)
        if self._handing_on or target is None or not target.isEnabled():
            return False
        if focused is not None and (focused is screen or screen.isAncestorOf(focused)):
            return False  # the screen had its chance and left the key
        self._handing_on = True  # a key the target leaves comes up to the window again: once is enough
        try:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            again = QKeyEvent(
                event.type(), event.key(), event.modifiers(), event.text(), event.isAutoRepeat(), event.count()
            )
            again.setTimestamp(event.timestamp())  # when it was pressed: the scan reader times keys by it
            QApplication.sendEvent(target, again)
        finally:
            self._handing_on = False
        return True
