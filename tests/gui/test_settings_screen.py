"""The settings screen: credentials typed in, tested against the (real) simulator, saved without secrets in the
file, and read back by the kiosk's own start-up."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.settings.loading import load_settings
from kiosk.settings.model import Settings, ShopSettings
from kiosk.settings.paths import config_path
from kiosk.simulator.demo import DEMO_SALES_UNIT
from kiosk.simulator.server import SimulatorServer
from kiosk.ui.screens.settings_screen import SettingsScreen
from tests.helpers import SimControl


@pytest.fixture
def screen(qtbot) -> SettingsScreen:
    widget = SettingsScreen(Settings(), config_path())
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _fill(qtbot, screen: SettingsScreen, base_url: str, secret: str = DEMO_SALES_UNIT.client_secret) -> None:
    screen.environment.setCurrentIndex(screen.environment.findData("other"))
    screen.base_url.setText(base_url)
    unit = DEMO_SALES_UNIT
    values = {
        "client_id": unit.client_id,
        "client_secret": secret,
        "subscription_key": unit.subscription_key,
        "merchant_serial_number": unit.merchant_serial_number,
        "psp_id": unit.psp_id,
        "make_payment_token": unit.make_payment_token,
    }
    for name, value in values.items():
        screen.fields[name].clear()
        qtbot.keyClicks(screen.fields[name], value)


def test_a_demo_kiosk_shows_the_simulator_with_nothing_to_fill_in(screen):
    assert screen.environment.currentData() == "simulator"
    assert not screen.fields["client_id"].isEnabled()
    assert not screen.test_button.isEnabled()
    assert screen.timings["poll_interval_s"].value() == 2.0


def test_test_connection_says_exactly_what_is_wrong_then_that_it_works(qtbot, screen, sim):
    _fill(qtbot, screen, sim.base_url, secret="not-the-secret")
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("Not working yet."), timeout=15_000)
    assert "check client_id, client_secret and the subscription key" in screen.message.text()
    assert "not-the-secret" not in screen.message.text()
    screen.fields["client_secret"].clear()
    qtbot.keyClicks(screen.fields["client_secret"], DEMO_SALES_UNIT.client_secret)
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("The connection works."), timeout=15_000)
    assert "✓ PSP access" in screen.message.text()
    assert not config_path().exists()  # testing saves nothing


def test_a_mistake_is_shown_and_nothing_saved(qtbot, screen, sim):
    _fill(qtbot, screen, sim.base_url)
    screen.fields["merchant_serial_number"].setText("12ab")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "merchant_serial_number must be exactly 6 digits" in screen.message.text()
    assert not config_path().exists()


def test_saved_settings_are_what_the_kiosk_starts_with_and_secrets_stay_out_of_the_file(qtbot, screen, sim):
    _fill(qtbot, screen, sim.base_url)
    screen.shop_name.setText("Corner Café")
    screen.language.setCurrentIndex(screen.language.findData("fi"))
    screen.theme.setCurrentIndex(screen.theme.findData("high-contrast"))
    screen.timings["poll_interval_s"].setValue(3.0)
    with qtbot.waitSignal(screen.saved):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "Saved. Restart the kiosk to use the new settings."
    assert DEMO_SALES_UNIT.client_secret not in config_path().read_text(encoding="utf-8")
    loaded = load_settings()
    assert loaded.vipps.base_url == sim.base_url
    assert loaded.vipps.client_secret == DEMO_SALES_UNIT.client_secret
    assert loaded.kiosk.poll_interval_s == 3.0
    assert (loaded.shop.name, loaded.shop.language, loaded.shop.theme) == ("Corner Café", "fi", "high-contrast")


@pytest.mark.parametrize(("language", "name"), [("da", "Dansk"), ("fi", "Suomi")])
def test_a_danish_or_finnish_shops_language_is_shown_and_kept(qtbot, sim, language, name):
    screen = SettingsScreen(Settings(shop=ShopSettings(language=language)), config_path())
    qtbot.addWidget(screen)
    assert screen.language.currentText() == name  # not a blank choice that would save no language
    _fill(qtbot, screen, sim.base_url)
    with qtbot.waitSignal(screen.saved):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert load_settings().shop.language == language


def test_stored_secrets_are_never_shown_and_kept_when_left_empty(qtbot, sim):
    first = SettingsScreen(Settings(), config_path())
    qtbot.addWidget(first)
    _fill(qtbot, first, sim.base_url)
    with qtbot.waitSignal(first.saved):
        qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    again = SettingsScreen(load_settings(), config_path())
    qtbot.addWidget(again)
    assert again.fields["client_secret"].text() == ""
    assert again.fields["client_secret"].placeholderText() == "stored; type to replace"
    assert again.fields["client_id"].text() == DEMO_SALES_UNIT.client_id
    again.shop_name.setText("Renamed")
    with qtbot.waitSignal(again.saved):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert load_settings().vipps.client_secret == DEMO_SALES_UNIT.client_secret
    assert load_settings().shop.name == "Renamed"


def test_the_api_picker_disables_the_psp_fields_under_epayment_and_is_saved(qtbot, screen, sim):
    _fill(qtbot, screen, sim.base_url)
    assert screen.api.currentData() == "psp"
    assert all(screen.fields[name].isEnabled() for name in ("psp_id", "make_payment_url", "make_payment_token"))
    screen.api.setCurrentIndex(screen.api.findData("epayment"))
    assert not any(screen.fields[name].isEnabled() for name in ("psp_id", "make_payment_url", "make_payment_token"))
    assert screen.fields["client_id"].isEnabled()
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("The connection works."), timeout=15_000)
    assert "✓ ePayment access" in screen.message.text()
    with qtbot.waitSignal(screen.saved):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert 'api = "epayment"' in config_path().read_text(encoding="utf-8")
    loaded = load_settings()
    assert (loaded.api, loaded.vipps.api) == ("epayment", "epayment")
    assert loaded.vipps.psp_id == DEMO_SALES_UNIT.psp_id  # kept: it settles and refunds yesterday's PSP sales
    again = SettingsScreen(loaded, config_path())
    qtbot.addWidget(again)
    assert again.api.currentData() == "epayment"
    assert not again.fields["psp_id"].isEnabled()


def test_an_epayment_shop_saves_without_any_psp_setting(qtbot, screen, sim):
    _fill(qtbot, screen, sim.base_url)
    screen.fields["psp_id"].clear()
    screen.api.setCurrentIndex(screen.api.findData("epayment"))
    with qtbot.waitSignal(screen.saved):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert load_settings().vipps.psp_id == ""


def test_the_demo_on_epayment_is_saved_as_the_api_alone(qtbot, screen):
    assert screen.environment.currentData() == "simulator"
    assert screen.api.isEnabled()  # the demo runs on either API
    screen.api.setCurrentIndex(screen.api.findData("epayment"))
    with qtbot.waitSignal(screen.saved):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    loaded = load_settings()
    assert (loaded.demo, loaded.api) == (True, "epayment")


# ---- the stored secrets belong to the address they were stored for ---------------------------------------------


def _type(qtbot, widget, text: str) -> None:
    """Click into a field and type over what is in it, as a person does: the keys go where the focus is."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(QApplication.focusWidget(), text)


@pytest.fixture
def other_sim() -> Iterator[SimControl]:
    """A second simulator on this PC: "another host" that must not receive the secrets stored for the first."""
    with SimulatorServer() as server:
        control = SimControl(server.base_url)
        yield control
        control.close()


@pytest.fixture
def stored_screen(qtbot, sim) -> SettingsScreen:
    """The settings screen of a kiosk whose secrets were stored for `sim`."""
    first = SettingsScreen(Settings(), config_path())
    qtbot.addWidget(first)
    _fill(qtbot, first, sim.base_url)
    with qtbot.waitSignal(first.saved):
        qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    screen = SettingsScreen(load_settings(), config_path())
    qtbot.addWidget(screen)
    with qtbot.waitActive(screen):
        screen.show()
        screen.activateWindow()
    return screen


def test_a_new_address_gets_no_stored_secret_from_test_connection(qtbot, sim, other_sim, stored_screen):
    screen = stored_screen
    assert screen.fields["client_secret"].placeholderText() == "stored; type to replace"
    _type(qtbot, screen.base_url, other_sim.base_url)
    assert screen.fields["client_secret"].placeholderText() == ""
    assert "type the secrets for the new address" in screen.message.text()
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text() not in ("", "Asking Vipps…") and screen._job is None)
    assert "client_secret is missing" in screen.message.text()
    assert other_sim.token_counts()["asked"] == 0  # no request carried the stored secret to the new address
    assert sim.token_counts()["asked"] == 0


def test_a_new_address_is_not_saved_with_the_stored_secrets(qtbot, sim, other_sim, stored_screen):
    screen = stored_screen
    _type(qtbot, screen.base_url, other_sim.base_url)
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert "client_secret is missing" in screen.message.text()
    assert load_settings().vipps.base_url == sim.base_url  # nothing saved


def test_back_at_the_stored_address_the_stored_secrets_are_used_again(qtbot, sim, other_sim, stored_screen):
    screen = stored_screen
    _type(qtbot, screen.base_url, other_sim.base_url)
    _type(qtbot, screen.base_url, sim.base_url)
    assert screen.fields["client_secret"].placeholderText() == "stored; type to replace"
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("The connection works."), timeout=15_000)
    assert other_sim.token_counts()["asked"] == 0


def test_secrets_typed_for_the_new_address_are_sent_there(qtbot, other_sim, stored_screen):
    screen = stored_screen
    _type(qtbot, screen.base_url, other_sim.base_url)
    unit = DEMO_SALES_UNIT
    for name, value in (
        ("client_secret", unit.client_secret),
        ("subscription_key", unit.subscription_key),
        ("make_payment_token", unit.make_payment_token),
    ):
        _type(qtbot, screen.fields[name], value)
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("The connection works."), timeout=15_000)
    assert other_sim.token_counts()["issued"] >= 1


# ---- a shop with several tills: till id, shop database, shop id, and the database's password --------------------

DATABASE = "postgresql://kiosk@127.0.0.1:5432/shop"


@pytest.fixture
def active_screen(qtbot) -> SettingsScreen:
    widget = SettingsScreen(Settings(), config_path())
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    return widget


def _fill_shop(qtbot, screen: SettingsScreen, till_id: str) -> None:
    box = screen.shop_database
    _type(qtbot, box.till_id, till_id)
    _type(qtbot, box.database, DATABASE)
    _type(qtbot, box.shop_id, "sentrum")
    _type(qtbot, box.password, "pg-secret-value")


def test_the_shop_database_is_saved_with_its_till_and_the_password_goes_to_the_secret_store(qtbot, active_screen):
    _fill_shop(qtbot, active_screen, "kasse-2")
    with qtbot.waitSignal(active_screen.saved):
        qtbot.mouseClick(active_screen.save_button, Qt.MouseButton.LeftButton)
    saved = load_settings()
    assert (saved.kiosk.till_id, saved.shop.database, saved.shop.shop_id) == ("kasse-2", DATABASE, "sentrum")
    assert saved.shop.database_password == "pg-secret-value"
    assert "pg-secret-value" not in config_path().read_text(encoding="utf-8")
    again = SettingsScreen(saved, config_path())
    qtbot.addWidget(again)
    assert again.shop_database.password.text() == ""  # never shown again
    assert again.shop_database.password.placeholderText() == "stored; type to replace"
    with qtbot.waitSignal(again.saved):  # left empty, it stays as it is
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert load_settings().shop.database_password == "pg-secret-value"


def test_a_bad_till_id_is_one_line_and_nothing_is_saved_or_stored(qtbot, active_screen):
    _fill_shop(qtbot, active_screen, "Kasse 2")
    qtbot.mouseClick(active_screen.save_button, Qt.MouseButton.LeftButton)
    assert active_screen.message.text() == (
        "config.toml: [kiosk] till_id must be 1 to 16 lower-case letters, digits or '-', starting with a letter or "
        "digit, like \"kasse-1\" (got 'Kasse 2')"
    )
    assert not config_path().exists()
    assert not (config_path().parent / "secrets.json").exists()


def test_a_database_makes_test_connection_available_in_a_demo_too(qtbot, active_screen):
    assert not active_screen.test_button.isEnabled()
    _type(qtbot, active_screen.shop_database.database, DATABASE)
    assert active_screen.test_button.isEnabled()
