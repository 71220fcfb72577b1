"""The copy's thread in a running Qt application: it sends what the till records, a sale never waits on it even
while the database hangs, and it stops within its bound."""

from __future__ import annotations

import time

import pytest

from kiosk.ledger import Ledger
from kiosk.settings.model import KioskSettings, Settings, ShopSettings
from kiosk.ui.workers.shop_copy import ShopCopy, start_shop_copy
from tests.shop.pg_server import TILL_PASSWORD
from tests.shop.proxy import StallingProxy
from tests.shop.tills import assert_copied_once, ring_up, target


def _in_shop(pg, dbname, till_id="kasse-1") -> int:
    with pg.admin(dbname) as db:
        try:
            (count,) = db.execute("SELECT count(*) FROM sales WHERE till_id = %s", (till_id,)).fetchone()
        except Exception:
            return 0
    return count


def test_the_thread_copies_each_sale_soon_after_it_is_recorded(qtbot, pg, shop_db, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    with Ledger.open(ledger_file) as ledger:
        copy = ShopCopy(ledger_file, target(pg, shop_db, "kasse-1"), idle_s=0.05)
        copy.start()
        try:
            ring_up(ledger)
            qtbot.waitUntil(lambda: _in_shop(pg, shop_db) == 1, timeout=5000)
            ring_up(ledger)
            qtbot.waitUntil(lambda: _in_shop(pg, shop_db) == 2, timeout=5000)
        finally:
            copy.stop()
        assert assert_copied_once(pg, shop_db, "kasse-1", ledger_file) == 2


@pytest.mark.slow  # waits out a hang, an outage or a rate limit it sets up: seconds by design
def test_sales_never_wait_on_a_hanging_database_and_it_stops_in_time(qtbot, pg, shop_db, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    proxy = StallingProxy(pg.port)
    with Ledger.open(ledger_file) as ledger:
        copy = ShopCopy(ledger_file, target(pg, shop_db, "kasse-1", port=proxy.port), idle_s=0.05)
        copy.start()
        try:
            ring_up(ledger)
            qtbot.waitUntil(lambda: _in_shop(pg, shop_db) == 1, timeout=5000)
            proxy.hang()
            with qtbot.waitSignal(copy.unreachable, timeout=10_000):
                started = time.monotonic()
                for _ in range(20):
                    ring_up(ledger)  # the copier is stuck on the database meanwhile
                twenty_sales_s = time.monotonic() - started
            assert twenty_sales_s < 2
            started = time.monotonic()
        finally:
            copy.stop()
            proxy.close()
        assert time.monotonic() - started < 8


def test_the_app_starts_a_copy_only_with_a_shop_database_and_never_for_a_demo(qapp, tmp_path, pg, shop_db):
    ledger_file = tmp_path / "ledger.sqlite3"
    Ledger.open(ledger_file).close()
    alone = Settings()
    assert start_shop_copy(alone, ledger_file, False, qapp) is None
    shop = Settings(
        kiosk=KioskSettings(till_id="kasse-1"),
        shop=ShopSettings(database=pg.url(shop_db), database_password=TILL_PASSWORD),
    )
    assert start_shop_copy(shop, ledger_file, True, qapp) is None
    copy = start_shop_copy(shop, ledger_file, False, qapp)
    assert copy is not None
    copy.stop()
