"""Faults on the way to the shop database, each checked against every till's SQLite and PostgreSQL: nothing lost,
nothing twice. Sales keep being recorded throughout; the copy catches up by itself when it can."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest

from kiosk.ledger import Ledger
from kiosk.shop_ledger.connection import ShopUnreachable
from kiosk.shop_ledger.copier import ShopCopier
from kiosk.shop_ledger.schema import migrations
from tests.shop.proxy import StallingProxy
from tests.shop.tills import assert_copied_once, ledger_sql, ring_up, target, wait_until

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def till(tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    with Ledger.open(ledger_file) as ledger:
        yield ledger_file, ledger


@pytest.mark.slow  # kills a till's process, or stops and kills PostgreSQL
@pytest.mark.parametrize("how", ["stopped", "killed"])
def test_the_database_going_away_mid_day_loses_nothing(pg, shop_db, till, how):
    ledger_file, ledger = till
    copier = ShopCopier(ledger_file, target(pg, shop_db, "kasse-1"), bound_s=2)
    try:
        ring_up(ledger)
        copier.catch_up()
        pg.stop() if how == "stopped" else pg.kill()
        for _ in range(5):
            ring_up(ledger)  # the till sells on: its ledger is the journal
        with pytest.raises(ShopUnreachable):
            copier.copy_round()
        pg.start()
        copier.catch_up()  # the same copier, reconnecting by itself
        assert assert_copied_once(pg, shop_db, "kasse-1", ledger_file) == 6
    finally:
        copier.close()


@pytest.mark.slow  # waits out a hang, an outage or a rate limit it sets up: seconds by design
def test_a_connection_that_hangs_is_given_up_within_the_bound_and_retried(pg, shop_db, till):
    ledger_file, ledger = till
    proxy = StallingProxy(pg.port)
    copier = ShopCopier(ledger_file, target(pg, shop_db, "kasse-1", port=proxy.port), bound_s=1.5)
    try:
        ring_up(ledger)
        copier.catch_up()
        proxy.hang()
        ring_up(ledger)
        started = time.monotonic()
        with pytest.raises(ShopUnreachable):
            copier.copy_round()  # an open connection that never answers
        given_up_open = time.monotonic() - started
        started = time.monotonic()
        with pytest.raises(ShopUnreachable):
            copier.copy_round()  # a new connection whose handshake never comes back
        given_up_new = time.monotonic() - started
        assert given_up_open < 3
        assert given_up_new < 4  # libpq's connect_timeout is at least 2 s
        proxy.resume()
        ring_up(ledger)
        copier.catch_up()
        assert assert_copied_once(pg, shop_db, "kasse-1", ledger_file) == 3
    finally:
        copier.close()
        proxy.close()


@pytest.mark.slow  # kills a till's process, or stops and kills PostgreSQL
def test_a_till_sigkilled_mid_copy_resumes_with_no_loss_and_no_duplicate(pg, shop_db, till):
    ledger_file, ledger = till
    for _ in range(150):
        ring_up(ledger)
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.shop.copy_forever", str(ledger_file), pg.url(shop_db), "kasse-1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == b"started\n"
        with pg.admin(shop_db) as db:

            def copied_part() -> bool:
                try:
                    row = db.execute("SELECT high_water_mark FROM tills").fetchone()
                except psycopg.errors.UndefinedTable:
                    return False  # not migrated yet
                return bool(row) and row[0] > 100

            wait_until(copied_part, 20)  # part of the day copied: now kill it
        process.kill()
        process.wait(10)
        with pg.admin(shop_db) as db:
            (mark,) = db.execute("SELECT high_water_mark FROM tills").fetchone()
        ((newest,),) = ledger_sql(ledger_file, "SELECT max(seq) FROM shop_outbox")
        assert 0 < mark < newest, "the kill was meant to land mid-copy"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(10)
    ring_up(ledger)
    copier = ShopCopier(ledger_file, target(pg, shop_db, "kasse-1"))
    try:
        copier.catch_up()
    finally:
        copier.close()
    assert assert_copied_once(pg, shop_db, "kasse-1", ledger_file) == 151


def test_two_tills_starting_at_once_on_an_empty_database_migrate_it_once(pg, shop_db, tmp_path):
    files = [tmp_path / f"till-{n}.sqlite3" for n in range(4)]
    for path in files:
        with Ledger.open(path) as ledger:
            ring_up(ledger)
    go = threading.Barrier(len(files))
    failures: list[BaseException] = []

    def start(n: int) -> None:
        copier = ShopCopier(files[n], target(pg, shop_db, f"kasse-{n}"))
        try:
            go.wait(10)
            copier.catch_up()
        except BaseException as exc:
            failures.append(exc)
        finally:
            copier.close()

    threads = [threading.Thread(target=start, args=(n,)) for n in range(len(files))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert failures == []
    with pg.admin(shop_db) as db:
        assert db.execute("SELECT version FROM schema_version ORDER BY version").fetchall() == [
            (n,) for n, _ in migrations()
        ]
    for n, path in enumerate(files):
        assert_copied_once(pg, shop_db, f"kasse-{n}", path)


def test_a_till_whose_clock_is_an_hour_off_is_copied_in_its_own_order(pg, shop_db, till):
    """The till's clock jumps back an hour mid-day (or was an hour off): its records are still copied in the
    order it wrote them, and the later write of a sale wins over the earlier one, whatever the clock said."""
    ledger_file, ledger = till
    now = datetime.now(UTC)
    first = ring_up(ledger, at=now)
    earlier = ring_up(ledger, at=now - timedelta(hours=1))  # written second, stamped an hour before
    refund = ledger.begin_refund(first, 1000, "late-refund")
    ledger.finish_refund(refund.id, done=True)  # the first sale changes again after the "earlier" one
    copier = ShopCopier(ledger_file, target(pg, shop_db, "kasse-1"), batch=3)  # several rounds
    try:
        copier.catch_up()
    finally:
        copier.close()
    assert assert_copied_once(pg, shop_db, "kasse-1", ledger_file) == 2
    with pg.admin(shop_db) as db:
        rows = dict(db.execute("SELECT id, refunded_ore FROM sales").fetchall())
    assert rows == {first: 1000, earlier: 0}
