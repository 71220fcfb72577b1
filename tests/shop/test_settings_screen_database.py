"""The settings screen's "Test connection" asks the shop database too (reachable, schema, till id), with the
password typed or stored, before anything is saved; on a real PostgreSQL."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.settings.model import Settings
from kiosk.settings.paths import config_path
from kiosk.ui.screens.settings_screen import SettingsScreen
from tests.gui.test_settings_screen import _type
from tests.shop.pg_server import TILL_PASSWORD


def _screen(qtbot) -> SettingsScreen:
    screen = SettingsScreen(Settings(), config_path())
    qtbot.addWidget(screen)
    with qtbot.waitActive(screen):
        screen.show()
        screen.activateWindow()
    return screen


def test_test_connection_checks_the_shop_database_with_the_typed_password(qtbot, pg, shop_db):
    screen = _screen(qtbot)
    box = screen.shop_database
    _type(qtbot, box.till_id, "kasse-1")
    _type(qtbot, box.database, pg.url(shop_db))
    _type(qtbot, box.password, "not-the-password")
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("Not working yet."), timeout=10_000)
    assert "✗ Shop database:" in screen.message.text()
    assert "password authentication failed" in screen.message.text()
    assert "not-the-password" not in screen.message.text()
    _type(qtbot, box.password, TILL_PASSWORD)
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("The connection works."), timeout=10_000)
    lines = screen.message.text().splitlines()
    assert [line.split(":")[0] for line in lines[1:]] == ["✓ Shop database", "✓ Shop schema", "✓ Till id"]
    assert not config_path().exists()  # tested, not saved
