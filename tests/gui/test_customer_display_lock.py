"""Kiosk mode with two screens: both are locked, the customer's window goes only with the program."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.keyboard import press
from tests.gui.offscreen_screens import CUSTOMER
from tests.gui.steps import charge, wait_outcome


def test_f11_locks_both_screens_and_neither_window_closes_without_the_pin(qtbot, two_screens, window):
    display = window.customer_display
    press(qtbot, Qt.Key.Key_F11)
    assert window.isFullScreen()
    assert window.screen().name() == ""  # the staff's own screen, not the customer's
    assert display.isFullScreen()
    assert display.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert display.screen().name() == CUSTOMER["name"]
    url = charge(qtbot, window, "80")
    assert not window.close()  # Alt+F4 on the staff's window: the PIN is asked
    assert not display.close()  # a window manager's close on the customer's: refused
    assert display.isVisible()
    assert window.customer_screen.qr.text == url
    press(qtbot, Qt.Key.Key_Escape)
    wait_outcome(qtbot, window, "CANCELLED")


def test_the_customers_window_goes_when_the_staffs_window_closes(qtbot, two_screens, window):
    display = window.customer_display
    assert display.isVisible()
    assert not display.close()  # never by itself
    assert window.close()
    assert not display.isVisible()  # else it alone would keep the program running
