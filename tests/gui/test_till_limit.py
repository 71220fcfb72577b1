"""The till's limit (`[kiosk] max_amount`, or an older Norwegian file's `max_amount_kr`) as the settings file
says it, to the øre."""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import Qt

from kiosk.settings.loading import load_settings
from kiosk.settings.paths import config_path
from kiosk.ui.screens.settings_screen import SettingsScreen
from tests.gui.keyboard import press, type_text

FAST = "poll_start_delay_s = 0.05\npoll_interval_s = 0.1\nlanding_window_s = 30\napproval_window_s = 60\n"


def _charge(qtbot, window, text: str) -> None:
    """Click the amount field, select what is there and type over it as a keyboard does (into whatever has the
    focus), press Enter."""
    qtbot.mouseClick(window.amount_screen.amount_input, Qt.MouseButton.LeftButton)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)


def test_a_limit_of_4_35_takes_4_35_and_refuses_4_36(qtbot, make_window, sim, tmp_path):
    # 4.35 in TOML is a binary float just under 4.35: int(4.35 * 100) made the limit 4,34 kr.
    path = tmp_path / "limit.toml"
    path.write_text(f"[kiosk]\n{FAST}max_amount_kr = 4.35\n", encoding="utf-8")
    window = make_window(**asdict(load_settings(path).kiosk))
    qtbot.waitUntil(window.amount_screen.charge_button.isEnabled, timeout=10_000)
    _charge(qtbot, window, "4,36")
    assert window.amount_screen.error.text() == "That is over this till's limit of NOK\u00a04.35."
    assert sim.payments() == []
    _charge(qtbot, window, "4,35")
    qtbot.waitUntil(lambda: len(sim.payments()) == 1, timeout=10_000)
    assert [payment["amount"] for payment in sim.payments()] == [435]


def test_the_settings_screen_keeps_the_limit_to_the_ore(qtbot, tmp_path):
    config_path().write_text("[kiosk]\nmax_amount_kr = 4999.95\n", encoding="utf-8")
    screen = SettingsScreen(load_settings(), config_path())
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.saved):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert load_settings().kiosk.max_amount_ore == 499_995
    assert "max_amount = 4999.95" in config_path().read_text(encoding="utf-8")  # the key of every market
