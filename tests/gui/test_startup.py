"""Start-up: the window comes first; the ledger check and the embedded simulator follow off the GUI thread."""

from __future__ import annotations

import httpx

from kiosk.settings.loading import load_settings
from kiosk.settings.model import Settings
from kiosk.settings.paths import config_path
from kiosk.ui.language.messages import translated
from kiosk.ui.services import Services
from tests.conftest import TEST_API
from tests.helpers import sale_left_open_by_a_crash


def test_demo_mode_starts_the_embedded_simulator_behind_the_window(qtbot, tmp_path):
    services = Services(Settings(demo_api=TEST_API), demo=True, ledger_file=tmp_path / "ledger.sqlite3")
    with qtbot.waitSignal(services.ready, timeout=20_000) as ready:
        services.start()
    vipps = ready.args[0]
    assert vipps.base_url.startswith("http://127.0.0.1:")
    assert vipps.merchant_serial_number == "123456"
    assert httpx.get(f"{vipps.base_url}/_sim/payments", trust_env=False).json() == []
    services.stop()
    assert services.simulator_url is None


def test_the_demo_takes_its_payments_through_the_api_the_settings_name(qtbot, tmp_path):
    config_path().write_text('[vipps]\napi = "epayment"\n', encoding="utf-8")  # no credentials: a demo
    settings = load_settings()
    services = Services(settings, demo=settings.demo, ledger_file=tmp_path / "ledger.sqlite3")
    with qtbot.waitSignal(services.ready, timeout=20_000) as ready:
        services.start()
    vipps = ready.args[0]
    services.stop()
    assert vipps.api == "epayment"
    assert vipps.base_url.startswith("http://127.0.0.1:")  # the embedded simulator


def test_a_damaged_ledger_stops_the_kiosk_with_a_clear_message_and_is_left_as_it_was(qtbot, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    damaged = b"SQLite format 3\x00" + b"\x13" * 4000
    ledger_file.write_bytes(damaged)
    services = Services(Settings(demo_api=TEST_API), demo=True, ledger_file=ledger_file)
    with qtbot.waitSignal(services.failed, timeout=20_000) as failed:
        services.start()
    services.stop()
    message = translated(failed.args[0])  # as the screen shows it
    assert "damaged or unreadable" in message
    assert "Traceback" not in message
    assert ledger_file.read_bytes() == damaged


def test_start_up_settles_a_sale_a_crash_left_open_before_it_is_ready(qtbot, tmp_path, language):
    language("en")  # as start-up sets it: English has its plural forms too
    from kiosk.ledger import Ledger

    ledger_file = tmp_path / "ledger.sqlite3"
    sale_id = sale_left_open_by_a_crash(ledger_file)
    services = Services(Settings(demo_api=TEST_API), demo=True, ledger_file=ledger_file)
    notices: list[str] = []
    services.recovered.connect(lambda notice: notices.append(translated(notice)))
    with qtbot.waitSignal(services.ready, timeout=20_000):
        services.start()
    services.stop()
    assert notices == ["Settled 1 sale left unfinished."]
    with Ledger.open(ledger_file) as ledger:
        assert ledger.sale(sale_id).state == "NOT_PAID"
        assert [a.state for a in ledger.attempts_of(sale_id)] == ["INIT_FAILED"]
