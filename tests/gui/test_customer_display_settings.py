"""The settings screen's choice of the customer's display: the screens Qt finds, by name, saved as the file's
[kiosk] customer_display."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.settings.file import save_settings
from kiosk.settings.loading import load_settings
from kiosk.settings.model import KioskSettings, Settings
from kiosk.settings.paths import config_path
from kiosk.ui.screens.settings_screen import SettingsScreen
from tests.gui.offscreen_screens import CUSTOMER


def _screen(qtbot, settings: Settings) -> SettingsScreen:
    widget = SettingsScreen(settings, config_path())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _save(qtbot, screen: SettingsScreen) -> Settings:
    with qtbot.waitSignal(screen.saved):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    return load_settings()


def test_the_screens_qt_finds_are_listed_by_name_and_the_one_picked_is_saved(qtbot, two_screens):
    screen = _screen(qtbot, Settings())
    choice = screen.customer_display
    assert choice.objectName() == "customerDisplayChoice"
    listed = [(choice.itemData(i), choice.itemText(i)) for i in range(choice.count())]
    assert listed == [
        ("auto", "Automatic: a second screen if there is one"),
        ("none", "None: one screen for staff and customer"),
        (CUSTOMER["name"], "HDMI-1 (1024×600)"),
    ]  # the staff's screen has no name offscreen: a nameless screen cannot be picked
    assert choice.currentData() == "auto"
    choice.setCurrentIndex(choice.findData(CUSTOMER["name"]))
    assert _save(qtbot, screen).kiosk.customer_display == "HDMI-1"


def test_a_screen_that_is_not_plugged_in_now_is_kept(qtbot):
    save_settings(config_path(), {"kiosk": {"customer_display": "DP-7"}})
    screen = _screen(qtbot, load_settings())
    assert screen.customer_display.currentText() == "DP-7 (not connected now)"
    screen.shop_name.setText("Kiosken")
    assert _save(qtbot, screen).kiosk.customer_display == "DP-7"


def test_saving_other_settings_keeps_none(qtbot):
    screen = _screen(qtbot, Settings(kiosk=KioskSettings(customer_display="none")))
    assert screen.customer_display.currentData() == "none"
    screen.shop_name.setText("Kiosken")
    assert _save(qtbot, screen).kiosk.customer_display == "none"
