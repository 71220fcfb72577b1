"""The shop's country at start: the demo sells on the simulator's sales unit of that market, and the settings
screen keeps the country (which it does not show) when it saves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.diagnostics.connection_check import check_connection
from kiosk.settings.loading import load_settings
from kiosk.settings.paths import config_path
from kiosk.simulator.demo import DEMO_SALES_UNITS
from kiosk.ui.screens.settings_screen import SettingsScreen
from kiosk.ui.services import Services

REAL_DANISH_SHOP = """[vipps]
base_url = "https://api.vipps.no"
client_id = "a-danish-shop"
client_secret = "its-secret"
subscription_key = "its-key"
merchant_serial_number = "654321"
[shop]
country = "DK"
"""


def _demo_vipps(qtbot, tmp_path, demo: bool):
    settings = load_settings()
    services = Services(settings, demo=demo, ledger_file=tmp_path / "ledger-demo.sqlite3")
    with qtbot.waitSignal(services.ready, timeout=20_000) as ready:
        services.start()
    return services, ready.args[0]


@pytest.mark.parametrize("country", ["NO", "DK", "FI"])
def test_a_file_naming_only_its_country_runs_the_demo_on_that_markets_sales_unit(qtbot, tmp_path, country):
    config_path().write_text(f'[shop]\ncountry = "{country}"\n', encoding="utf-8")
    services, vipps = _demo_vipps(qtbot, tmp_path, demo=True)
    try:
        unit = DEMO_SALES_UNITS[country]
        assert (vipps.merchant_serial_number, vipps.client_id) == (unit.merchant_serial_number, unit.client_id)
        assert vipps.api == ("psp" if country == "NO" else "epayment")
        # The embedded simulator takes that unit's credentials and knows its MSN, as Vipps would.
        results = check_connection(vipps)
        assert [str(r.name) for r in results if r.ok] == [
            "Access token",
            f"{'PSP' if country == 'NO' else 'ePayment'} access",
        ]
    finally:
        services.stop()


def test_kiosk_demo_in_a_danish_shop_with_credentials_sells_on_the_danish_demo_unit(qtbot, tmp_path):
    config_path().write_text(REAL_DANISH_SHOP, encoding="utf-8")
    config_path().chmod(0o600)
    services, vipps = _demo_vipps(qtbot, tmp_path, demo=True)  # `kiosk --demo`
    services.stop()
    assert (vipps.merchant_serial_number, vipps.api) == (DEMO_SALES_UNITS["DK"].merchant_serial_number, "epayment")
    assert vipps.base_url.startswith("http://127.0.0.1:")


def test_the_settings_screen_keeps_the_shops_country_and_writes_the_limit_as_max_amount(qtbot):
    config_path().write_text(
        '[shop]\ncountry = "DK"\nlanguage = "en"\n[kiosk]\nmax_amount_kr = 2500.5\n', encoding="utf-8"
    )
    screen = SettingsScreen(load_settings(), config_path())
    qtbot.addWidget(screen)
    screen.show()
    with qtbot.waitSignal(screen.saved):
        qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    saved = load_settings()
    assert (saved.shop.country, saved.api, saved.kiosk.max_amount_ore) == ("DK", "epayment", 250_050)
    written = config_path().read_text(encoding="utf-8")
    assert "max_amount = 2500.5" in written
    assert "max_amount_kr" not in written
