"""The copy of a till's ledger to the shop database, on a real PostgreSQL."""

from __future__ import annotations

import pytest

from kiosk.ledger import Ledger
from kiosk.shop_ledger.copier import ShopCopier, TillClaimed
from kiosk.shop_ledger.schema import migrations
from tests.shop.tills import assert_copied_once, ledger_sql, ring_up, target


def test_a_tills_sales_reach_the_shop_database_once_each(pg, shop_db, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    with Ledger.open(ledger_file) as ledger:
        ring_up(ledger)  # sold before the till joined the shop: sent too
        copier = ShopCopier(ledger_file, target(pg, shop_db, "kasse-1"))
        try:
            ring_up(ledger, 12_000, refund_ore=2_000)
            assert copier.catch_up() > 0
            assert assert_copied_once(pg, shop_db, "kasse-1", ledger_file) == 2
            assert copier.catch_up() == 0  # nothing new: nothing sent again
            ring_up(ledger, 500)
            copier.catch_up()
            assert assert_copied_once(pg, shop_db, "kasse-1", ledger_file) == 3
        finally:
            copier.close()
    with pg.admin(shop_db) as db:
        (mark, copied_at) = db.execute("SELECT high_water_mark, last_copied_at FROM tills").fetchone()
    assert mark > 0
    assert copied_at is not None


def test_a_single_till_without_a_shop_database_writes_no_outbox(tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    with Ledger.open(ledger_file) as ledger:
        ring_up(ledger)
    assert ledger_sql(ledger_file, "SELECT count(*) FROM shop_outbox") == [(0,)]


def test_the_outbox_is_trimmed_once_copied(pg, shop_db, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    with Ledger.open(ledger_file) as ledger:
        copier = ShopCopier(ledger_file, target(pg, shop_db, "kasse-1"))
        try:
            for _ in range(3):
                ring_up(ledger)
            copier.catch_up()
            left = ledger_sql(ledger_file, "SELECT count(*) FROM shop_outbox")
        finally:
            copier.close()
    assert left == [(0,)]


def test_a_second_ledger_under_a_till_id_already_taken_is_refused(pg, shop_db, tmp_path):
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for path in (first, second):
        with Ledger.open(path) as ledger:
            ring_up(ledger)
    one = ShopCopier(first, target(pg, shop_db, "kasse-1"))
    other = ShopCopier(second, target(pg, shop_db, "kasse-1"))
    try:
        one.catch_up()
        with pytest.raises(TillClaimed, match="Till kasse-1 is already copied"):
            other.catch_up()
        assert_copied_once(pg, shop_db, "kasse-1", first)  # the first till's rows untouched
    finally:
        one.close()
        other.close()


def test_the_migrations_are_recorded(pg, shop_db, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    Ledger.open(ledger_file).close()
    copier = ShopCopier(ledger_file, target(pg, shop_db, "kasse-1"))
    try:
        copier.catch_up()
    finally:
        copier.close()
    with pg.admin(shop_db) as db:
        assert db.execute("SELECT version FROM schema_version ORDER BY version").fetchall() == [
            (n,) for n, _ in migrations()
        ]
