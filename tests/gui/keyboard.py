"""Keys as a keyboard sends them: to the widget that has the focus, or to the window when no widget has it.

A test that hands a key to a widget of its own choosing (`qtbot.keyClick(screen.phone_input, Esc)`) takes a path no
keyboard takes: the key reaches that widget wherever the focus is, and a shortcut that fires only with the focus
in the right place looks as if it worked. Every key a person presses without first clicking a field goes
through here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QWidget


def keyboard_target() -> QWidget | QWindow:
    """Where the next key goes: the focus widget; with none, the window the platform hands the keys to (Qt then
    routes them inside it, shortcuts first, as it does for a real key)."""
    widget = QApplication.focusWidget()
    if widget is not None:
        return widget
    window = QGuiApplication.focusWindow()
    if window is not None:
        return window
    active = QApplication.activeWindow()
    if active is not None:
        return active
    raise AssertionError("no window has the keyboard: a key pressed now would reach no window of the kiosk")


def press(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press and release one key where the keyboard's keys go now."""
    qtbot.keyClick(keyboard_target(), key, modifier)


def type_text(qtbot, text: str) -> None:
    """Type `text` key by key (QTest types Latin-1 only). The target is looked up again for every key: a key may
    move the focus (the first key on an outcome starts the next sale in the amount field)."""
    for char in text:
        qtbot.keyClick(keyboard_target(), char)
