"""The shop's PostgreSQL for the tests: one throwaway server per session, one fresh database per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.manager_pin import ManagerPin
from kiosk.settings.model import KioskSettings, ShopSettings
from kiosk.ui.main_window import MainWindow
from tests.shop.pg_server import TILL_PASSWORD, PgServer, PgUnavailable

# Till kasse-1's schedule, shrunk as the GUI tests shrink Vipps' (a poll every 0.1 s).
TILL_KIOSK = KioskSettings(poll_start_delay_s=0.05, poll_interval_s=0.1, outcome_display_s=60, till_id="kasse-1")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        server = PgServer().init()
    except PgUnavailable as exc:
        pytest.fail(str(exc))  # never skipped: dev.py installs postgresql, and a missing server is a broken setup
    try:
        yield server
    finally:
        server.destroy()


@pytest.fixture
def pg(pg_server: PgServer) -> Iterator[PgServer]:
    """The server, running: a test that stopped or killed it leaves it started again for the next."""
    yield pg_server
    if pg_server.postmaster_pid() is None or not _answers(pg_server):
        pg_server.kill()
        pg_server.start()


def _answers(server: PgServer) -> bool:
    try:
        with server.admin() as db:
            db.execute("SELECT 1")
    except Exception:
        return False
    return True


@pytest.fixture
def shop_db(pg: PgServer) -> str:
    """A new empty database for this test; its name."""
    return pg.database()


@pytest.fixture
def shop_window(qtbot, sim, pg, shop_db, tmp_path):
    """Till kasse-1's window with the shop database set and the manager PIN 1234. Calling it builds one;
    `port=` points it elsewhere (where nothing listens, or a proxy)."""
    windows: list[MainWindow] = []

    def build(port: int | None = None, **shop_changes) -> MainWindow:
        pin = ManagerPin(tmp_path / "pin.json")
        if not pin.is_set():
            pin.set("1234")
        shop = ShopSettings(
            sounds=False, database=pg.url(shop_db, port=port), database_password=TILL_PASSWORD, **shop_changes
        )
        window = MainWindow(TILL_KIOSK, tmp_path / "ledger.sqlite3", demo=False, pin=pin, shop=shop)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        window.connect_vipps(demo_vipps_settings(sim.base_url))
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.flow.cancel_open_sale()
        qtbot.waitUntil(lambda w=window: w.flow.active_runs == 0, timeout=15_000)
        qtbot.waitUntil(lambda w=window: not w.back_office._jobs, timeout=15_000)
        window.close()
        window.deleteLater()
