"""Saving the settings screen (which has no shop database fields yet) keeps the till's shop settings as they
are: a manager changing the sounds must not cut the till off from the shop's ledger."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from kiosk.settings.loading import load_settings
from kiosk.settings.paths import config_path
from kiosk.settings.secrets import SecretStore
from kiosk.ui.screens.settings_screen import SettingsScreen

URL = "postgresql://kiosk@127.0.0.1:5432/shop"


def test_saving_other_settings_keeps_till_id_database_and_shop_id(qtbot):
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'[kiosk]\ntill_id = "kasse-2"\n[shop]\ndatabase = "{URL}"\nshop_id = "sentrum"\n')
    SecretStore.beside(path).save_database_password(URL, "pg-secret-value")
    screen = SettingsScreen(load_settings(), path)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.sounds.isChecked()
    # Clicked on its box, at the left, as a person does (a click in the middle of a wide row may miss the label).
    qtbot.mouseClick(screen.sounds, Qt.MouseButton.LeftButton, pos=QPoint(8, screen.sounds.height() // 2))
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    saved = load_settings()
    assert not saved.shop.sounds  # the change was saved
    assert (saved.kiosk.till_id, saved.shop.database, saved.shop.shop_id) == ("kasse-2", URL, "sentrum")
    assert saved.shop.database_password == "pg-secret-value"
    assert "pg-secret-value" not in path.read_text()
