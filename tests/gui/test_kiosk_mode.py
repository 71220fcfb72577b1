"""Kiosk mode, idle return and the settings behind the PIN, through the real window offscreen."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from kiosk.ui.app import relaunch_command
from tests.gui.keyboard import press, type_text
from tests.gui.steps import charge, open_requests, type_phone, wait_outcome


def _frameless(window) -> bool:
    return bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint)


def _type_pin(qtbot, window, pin: str) -> None:
    assert window.stack.currentWidget() is window.pin_screen
    type_text(qtbot, pin)
    press(qtbot, Qt.Key.Key_Return)


def _open_back_office(qtbot, window) -> None:
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    _type_pin(qtbot, window, "1234")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office)


def test_the_kiosk_mode_setting_starts_locked_and_only_the_pin_lets_anyone_out(qtbot, make_window):
    window = make_window(kiosk_mode=True)
    qtbot.waitUntil(window.isFullScreen)
    assert _frameless(window)

    window.close()  # Alt+F4, or the window manager's close: refused, the PIN is asked
    assert window.isVisible()
    assert window.stack.currentWidget() is window.pin_screen
    _type_pin(qtbot, window, "0000")
    qtbot.waitUntil(lambda: window.pin_screen.message.text().startswith("Wrong PIN"))
    assert window.isFullScreen()

    qtbot.waitUntil(lambda: window.pin_screen.unlock_button.isEnabled())
    qtbot.waitUntil(lambda: window.pin_screen._pin.wait_s() == 0, timeout=20_000)
    _type_pin(qtbot, window, "1234")
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not _frameless(window)
    assert window.stack.currentWidget() is window.amount_screen
    assert not window.kiosk_lock.locked  # now the fixture's close() is allowed


def test_f11_locks_at_once_and_leaving_takes_the_pin(qtbot, window):
    press(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert _frameless(window)
    press(qtbot, Qt.Key.Key_F11)
    assert window.stack.currentWidget() is window.pin_screen
    assert window.isFullScreen()
    qtbot.mouseClick(window.pin_screen.cancel_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.amount_screen
    assert window.isFullScreen()
    press(qtbot, Qt.Key.Key_F11)
    _type_pin(qtbot, window, "1234")
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not _frameless(window)


def test_the_manager_locks_and_unlocks_from_the_back_office(qtbot, window):
    _open_back_office(qtbot, window)
    office = window.back_office
    assert office.kiosk_mode_button.text() == "Lock kiosk mode"
    qtbot.mouseClick(office.kiosk_mode_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.isFullScreen)
    assert window.stack.currentWidget() is window.amount_screen  # locked, and the till is back

    _open_back_office(qtbot, window)
    assert office.kiosk_mode_button.text() == "Leave kiosk mode"
    qtbot.mouseClick(office.kiosk_mode_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert office.kiosk_mode_button.text() == "Lock kiosk mode"


def test_a_typed_amount_left_alone_goes_back_to_a_fresh_sale(qtbot, make_window):
    window = make_window(idle_return_s=0.3)
    type_text(qtbot, "149")
    assert window.idle_watch.armed
    qtbot.waitUntil(lambda: window.amount_screen.amount_input.text() == "", timeout=5_000)
    assert not window.idle_watch.armed  # an empty till has nothing to go back from


def test_an_open_back_office_left_alone_locks_itself_again(qtbot, make_window):
    window = make_window(idle_return_s=0.3)
    _open_back_office(qtbot, window)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.amount_screen, timeout=5_000)
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.pin_screen  # the PIN is asked again


def test_a_sale_in_progress_is_never_cut_short_by_idle_return(qtbot, make_window, sim):
    window = make_window(idle_return_s=0.2)
    charge(qtbot, window, "25")
    assert not window.idle_watch.armed
    shown = window.customer_screen.countdown.text()
    # Wait for the countdown to move on (a second at least: five idle periods), then the sale is still there.
    qtbot.waitUntil(lambda: window.customer_screen.countdown.text() != shown, timeout=5_000)
    assert window.stack.currentWidget() is window.customer_screen


def test_the_next_customer_never_sees_the_previous_customers_number(qtbot, window, sim):
    charge(qtbot, window, "49")
    type_phone(qtbot, window, "91234567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)
    qtbot.waitUntil(lambda: "******67" in window.customer_screen.qr_hint.text())  # masked even for its own customer
    sim.respond(open_requests(sim, "91234567")[0]["pspTransactionId"], "91234567", "reject")
    wait_outcome(qtbot, window, "REJECTED")
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=10_000)
    qtbot.mouseClick(window.outcome_screen.new_sale_button, Qt.MouseButton.LeftButton)

    charge(qtbot, window, "12")
    screen = window.customer_screen
    shown = [w.text() for w in screen.findChildren(QLabel)] + [w.text() for w in screen.findChildren(QLineEdit)]
    assert not any("67" in text or "9123" in text for text in shown), shown


def test_settings_open_from_the_back_office_and_a_restart_is_offered_after_saving(qtbot, window):
    _open_back_office(qtbot, window)
    qtbot.mouseClick(window.back_office.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.settings_screen is not None and window.stack.currentWidget() is window.settings_screen
    )
    screen = window.settings_screen
    assert not screen.restart_button.isVisible()
    screen.shop_name.setText("Kaffebaren")
    screen.kiosk_mode.setChecked(True)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.restart_button.isVisible()
    from kiosk.settings.loading import load_settings

    saved = load_settings()
    assert saved.shop.name == "Kaffebaren"
    assert saved.kiosk.kiosk_mode
    with qtbot.waitSignal(window.restart_requested, timeout=2_000):
        qtbot.mouseClick(screen.restart_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(screen.back_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.back_office


@pytest.mark.slow  # starts a process of its own
def test_the_restart_command_starts_this_same_kiosk(monkeypatch):
    monkeypatch.setattr(sys, "argv", ["kiosk", "--version"])
    program, arguments = relaunch_command()
    done = subprocess.run([program, *arguments], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0
    assert done.stdout.startswith("kiosk ")


def test_a_manager_at_work_in_the_back_office_is_not_sent_back(qtbot, make_window):
    window = make_window(idle_return_s=1.0)
    _open_back_office(qtbot, window)
    timer = window.idle_watch._timer
    qtbot.waitUntil(lambda: 0 < timer.remainingTime() < 600, timeout=5_000)
    qtbot.mouseClick(window.back_office.refund_amount, Qt.MouseButton.LeftButton)
    type_text(qtbot, "5")  # typing counts as someone there
    assert timer.remainingTime() > 900
    qtbot.mouseClick(window.back_office.settings_button, Qt.MouseButton.LeftButton)  # so does a button
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.settings_screen)
    assert timer.remainingTime() > 900
