"""The keys the README promises, pressed where a keyboard sends them (tests/gui/keyboard.py): Enter charges, Esc
cancels (and leaves the manager's screens), F11 locks, any key on an outcome starts the next sale. Also with the
focus lost, and on a kiosk that starts locked, as a counter PC does."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.settings.demo import demo_vipps_settings
from tests.conftest import TEST_API
from tests.gui.keyboard import press, type_text
from tests.gui.steps import charge, wait_outcome
from tests.helpers import FAULT_PATHS
from tests.resilience.conftest import CountedRule


def _focus_name() -> str | None:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else None


def _lose_focus(window, where: str) -> None:
    """What a stray click, a dialog that came and went or a window manager can leave behind."""
    if where == "nowhere":
        focused = QApplication.focusWidget()
        if focused is not None:
            focused.clearFocus()
        assert QApplication.focusWidget() is None
    else:
        window.manager_button.setFocus()  # outside every screen (it takes no focus from a click or Tab)
        assert QApplication.focusWidget() is window.manager_button


@pytest.mark.parametrize(
    "details",
    ["answered", pytest.param("hanging", marks=pytest.mark.slow)],  # waits out the hang it sets up
)
@pytest.mark.parametrize("locked", [False, True], ids=["window", "kiosk mode"])
def test_esc_on_the_keyboard_after_enter_cancels_the_waiting_payment_at_vipps(qtbot, make_window, sim, locked, details):
    vipps = replace(demo_vipps_settings(sim.base_url, api=TEST_API), request_timeout_s=3)
    window = make_window(vipps)
    if locked:  # as a counter PC is all day (F11 here; `kiosk_mode = true` locks the same way at start)
        press(qtbot, Qt.Key.Key_F11)
        qtbot.waitUntil(window.isFullScreen)
    hanging = None
    if details == "hanging":
        # Each details read is answered only after 8 s: a poll is hanging when Esc comes.
        hanging = CountedRule(sim, FAULT_PATHS[TEST_API]["read"], method="GET", delay_s=8)
    charge(qtbot, window, "250")
    if hanging is not None:
        qtbot.waitUntil(lambda: hanging.matched >= 1)
    press(qtbot, Qt.Key.Key_Escape)
    wait_outcome(qtbot, window, "CANCELLED", timeout=6_000)  # not after the hanging read
    assert window.outcome_screen.title.text() == "Payment cancelled"
    (reference,) = sim.records()
    qtbot.waitUntil(lambda: sim.record(reference).cancelled, timeout=6_000)
    sim.clear_faults()
    if locked:
        window.kiosk_lock.unlock()  # the fixture closes the window


def test_a_keyboard_only_sale_on_a_locked_kiosk(qtbot, window, sim):
    press(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert _focus_name() == "amountInput"
    charge(qtbot, window, "250")
    assert _focus_name() == "phoneInput"
    press(qtbot, Qt.Key.Key_Escape)
    wait_outcome(qtbot, window, "CANCELLED")
    assert _focus_name() == "newSaleButton"
    type_text(qtbot, "4")
    assert window.stack.currentWidget() is window.amount_screen
    assert window.amount_screen.amount_input.text() == "4"
    window.kiosk_lock.unlock()  # the fixture closes the window


@pytest.mark.parametrize("where", ["nowhere", "manager button"])
def test_the_keys_work_with_the_focus_lost(qtbot, window, sim, where):
    _lose_focus(window, where)
    type_text(qtbot, "250")  # the amount field takes the typing back
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.customer_screen.qr.text), timeout=10_000)
    assert [p["amount"] for p in sim.payments()] == [25000]

    _lose_focus(window, where)
    press(qtbot, Qt.Key.Key_Escape)
    wait_outcome(qtbot, window, "CANCELLED")
    (reference,) = sim.records()
    qtbot.waitUntil(lambda: sim.record(reference).cancelled)

    _lose_focus(window, where)
    type_text(qtbot, "5")
    assert window.stack.currentWidget() is window.amount_screen
    assert window.amount_screen.amount_input.text() == "5"  # the key that ended the outcome is not lost

    _lose_focus(window, where)
    press(qtbot, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    window.kiosk_lock.unlock()


def test_each_screen_puts_the_focus_where_its_keys_are_meant(qtbot, window, sim):
    assert _focus_name() == "amountInput"
    charge(qtbot, window, "100")
    assert _focus_name() == "phoneInput"
    press(qtbot, Qt.Key.Key_Escape)
    wait_outcome(qtbot, window, "CANCELLED")
    assert _focus_name() == "newSaleButton"
    press(qtbot, Qt.Key.Key_Space)
    assert _focus_name() == "amountInput"
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=10_000)
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    assert _focus_name() == "pinInput"
    type_text(qtbot, "1234")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office)
    assert _focus_name() == "transactionsTable"  # arrow keys pick a sale
    qtbot.mouseClick(window.back_office.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.settings_screen)
    assert _focus_name() == "environmentChoice"
    press(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.back_office
    assert _focus_name() == "transactionsTable"
    press(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.amount_screen
    assert _focus_name() == "amountInput"


@pytest.mark.parametrize("where", ["where the screen put it", "nowhere"])
def test_esc_leaves_the_pin_prompt_the_settings_and_the_back_office(qtbot, window, where):
    def escape() -> None:
        if where == "nowhere":
            _lose_focus(window, where)
        press(qtbot, Qt.Key.Key_Escape)

    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    escape()
    assert window.stack.currentWidget() is window.amount_screen
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, "1234")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office)
    qtbot.mouseClick(window.back_office.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.settings_screen)
    escape()
    assert window.stack.currentWidget() is window.back_office
    escape()
    assert window.stack.currentWidget() is window.amount_screen
    assert window.status.text() == "Ready. Type the amount and press Enter."


def test_esc_does_not_skip_choosing_the_first_manager_pin(qtbot, sim, tmp_path):
    from kiosk.settings.manager_pin import ManagerPin
    from kiosk.ui.main_window import MainWindow
    from tests.gui.conftest import FAST_KIOSK

    window = MainWindow(FAST_KIOSK, tmp_path / "ledger.sqlite3", demo=False, pin=ManagerPin(tmp_path / "pin.json"))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.ask_for_first_pin()
    press(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.pin_screen
    window.close()


def test_the_status_line_follows_the_screen_it_sits_on(qtbot, sim, tmp_path):
    """The first start with real credentials: the services get ready (and the flow says "Ready") while the
    manager is choosing the PIN."""
    from kiosk.settings.manager_pin import ManagerPin
    from kiosk.ui.main_window import MainWindow
    from tests.gui.conftest import FAST_KIOSK

    window = MainWindow(FAST_KIOSK, tmp_path / "ledger.sqlite3", demo=False, pin=ManagerPin(tmp_path / "pin.json"))
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.ask_for_first_pin()  # as start-up does after the first frame, before the services are ready
    window.set_startup_notice("Settled 1 sale(s) left unfinished.")
    window.connect_vipps(demo_vipps_settings(sim.base_url, api=TEST_API))
    assert window.pin_screen.title.text() == "Choose a manager PIN (4 to 8 digits)"
    assert window.status.text() == "Manager PIN needed"
    type_text(qtbot, "4321")
    window.pin_screen.repeat_input.setFocus()  # the second field, as Tab or a click reaches it
    type_text(qtbot, "4321")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office)
    assert window.status.text() == "Back office"
    press(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.amount_screen
    assert window.status.text() == "Ready. Type the amount and press Enter."
    window.close()
