"""The shop database (issue #17) on a throwaway PostgreSQL over loopback: how soon a sale is in the shop's ledger,
how fast a till catches up after a day offline, and the shop-wide CSV against a bare COPY of the same rows."""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import psycopg

from benchmarks.figures import Figure
from benchmarks.ledger_day import build_day
from kiosk.ledger import Ledger
from kiosk.ledger.report import day_bounds
from kiosk.shop_ledger.copier import ShopCopier
from kiosk.shop_ledger.export import write_shop_day_csv
from kiosk.shop_ledger.journal import Journal
from tests.shop.pg_server import PgServer
from tests.shop.tills import ring_up, target


def figures(quick: bool = False) -> list[Figure]:
    server = PgServer().init()
    try:
        with tempfile.TemporaryDirectory() as folder:
            work = Path(folder)
            return [
                *copy_lag(server, work, sales=30 if quick else 150),
                catch_up(server, work, sales=1000),
                shop_csv(server, work, tills=10, sales=10_000),
            ]
    finally:
        server.destroy()


def copy_lag(server: PgServer, work: Path, sales: int) -> list[Figure]:
    """From a sale's last commit on the till to its row being readable in the shop database, with the copy
    running on its QThread as the kiosk runs it (an idle look at the outbox every 0.2 s)."""
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.workers.shop_copy import ShopCopy

    # A QApplication, not a bare QCoreApplication: the shop suite's next benchmark builds counter windows.
    _app = QApplication.instance() or QApplication([])
    dbname = server.database()
    ledger_file = work / "lag.sqlite3"
    lags = []
    with Ledger.open(ledger_file) as ledger, server.admin(dbname) as shop:
        copy = ShopCopy(ledger_file, target(server, dbname, "kasse-1"))
        copy.start()
        try:
            for _ in range(sales):
                sale_id = ring_up(ledger)
                committed = time.perf_counter()
                while True:
                    try:
                        row = shop.execute(
                            "SELECT state FROM sales WHERE id = %s AND captured_ore > 0", (sale_id,)
                        ).fetchone()
                    except Exception:  # not migrated yet on the first sale
                        row = None
                    if row:
                        break
                    time.sleep(0.002)
                lags.append((time.perf_counter() - committed) * 1000)
        finally:
            copy.stop()
    lags.sort()
    p99 = lags[min(len(lags) - 1, int(len(lags) * 0.99))]
    median = statistics.median(lags)
    return [
        Figure(
            f"shop copy lag commit→PostgreSQL, p99 of {sales}", p99, median, "p99 ≤ 1 s (baseline: median)", p99 <= 1000
        )
    ]


def catch_up(server: PgServer, work: Path, sales: int) -> Figure:
    """A till that sold `sales` while the shop database was away, sending them all once it is back. Baseline:
    the same sales rows inserted into PostgreSQL by one bare executemany."""
    dbname = server.database()
    ledger_file = work / "offline.sqlite3"
    Ledger.open(ledger_file).close()
    journal = Journal(ledger_file)
    journal.enable()
    journal.close()
    build_day(ledger_file, sales, date.today())  # through the triggers: every row in the outbox
    started = time.perf_counter()
    copier = ShopCopier(ledger_file, target(server, dbname, "kasse-1"))
    try:
        copier.catch_up()
    finally:
        copier.close()
    ours = (time.perf_counter() - started) * 1000
    with sqlite3.connect(ledger_file) as ledger:
        rows = ledger.execute("SELECT id, created_at, amount_ore, state FROM sales").fetchall()
    ledger.close()
    with server.admin(dbname) as shop:
        shop.execute("CREATE TABLE bare (id bigint, created_at timestamptz, amount_ore bigint, state text)")
        started = time.perf_counter()
        with shop.cursor() as cursor:
            cursor.executemany("INSERT INTO bare VALUES (%s, %s, %s, %s)", rows)
        bare = (time.perf_counter() - started) * 1000
    return Figure(f"catch-up after {sales:,} sales offline", ours, bare, "≤ 5 s (baseline: bare inserts)", ours <= 5000)


def shop_csv(server: PgServer, work: Path, tills: int, sales: int) -> Figure:
    """`kiosk export --shop` of a day of `tills` × `sales` paid sales, against a bare COPY (SELECT …) TO STDOUT
    (FORMAT csv) of the same rows (the same columns, the same attempt joined)."""
    dbname = server.database()
    seed = work / "seed.sqlite3"
    Ledger.open(seed).close()
    copier = ShopCopier(seed, target(server, dbname, "seed"))  # only to migrate the empty database
    copier.catch_up()
    copier.close()
    day = date.today()
    start, end = day_bounds(day)
    with server.admin(dbname) as shop:
        shop.execute(
            "INSERT INTO tills (shop_id, till_id, ledger_id, last_copied_at)"
            " SELECT 'shop', 'kasse-' || t, 'bench-' || t, now() FROM generate_series(1, %s) AS t",
            (tills,),
        )
        shop.execute(
            "INSERT INTO sales (shop_id, till_id, id, created_at, amount_ore, payment_text, state, outcome,"
            " paid_attempt_id, order_id, phone_masked, attempt_count, captured_ore, refunded_ore, provider, copied_seq)"
            " SELECT 'shop', 'kasse-' || t, i, %s::timestamptz + (i * 8.6) * interval '1 second', 1000 + i %% 50000,"
            " '', 'PAID', 'PAID', i, 'kiosk-' || t || '-' || i, '******' || lpad((i %% 100)::text, 2, '0'), 1,"
            " 1000 + i %% 50000, 0, 'psp', i FROM generate_series(1, %s) AS t, generate_series(1, %s) AS i",
            (start, tills, sales),
        )
        shop.execute(
            "INSERT INTO attempts (shop_id, till_id, id, sale_id, psp_transaction_id, merchant_order_id,"
            " idempotency_key, channel, state, created_at, updated_at, provider, copied_seq)"
            " SELECT shop_id, till_id, id, id, md5(till_id || id), order_id, 'key-' || id, 'QR', 'CAPTURED',"
            " created_at, created_at, 'psp', id FROM sales WHERE till_id <> 'seed'"
        )
        shop.execute("ANALYZE")
    bare_ms = []
    ours_ms = []
    shop_target = target(server, dbname, "kasse-1")
    for _ in range(3):
        bare_ms.append(_bare_copy_ms(server, dbname, start, end, work / "bare.csv"))
        started = time.perf_counter()
        result = write_shop_day_csv(shop_target, day, work / "shop.csv")
        ours_ms.append((time.perf_counter() - started) * 1000)
    assert result.sales == tills * sales, result
    ours, bare = min(ours_ms), min(bare_ms)
    return Figure(
        f"shop CSV export, {tills} tills × {sales:,} sales", ours, bare, "≤ 2× bare COPY … TO STDOUT", ours <= 2 * bare
    )


BARE = (
    "COPY (SELECT s.created_at, s.order_id, s.amount_ore, s.captured_ore, s.refunded_ore, s.state,"
    " s.phone_masked, s.attempt_count, named.psp_transaction_id, s.till_id FROM sales AS s"
    " LEFT JOIN attempts AS named ON named.shop_id = s.shop_id AND named.till_id = s.till_id"
    " AND named.id = COALESCE(s.paid_attempt_id, (SELECT max(a.id) FROM attempts AS a"
    " WHERE a.shop_id = s.shop_id AND a.till_id = s.till_id AND a.sale_id = s.id))"
    " WHERE s.shop_id = 'shop' AND s.created_at >= %s AND s.created_at < %s"
    " ORDER BY s.created_at, s.till_id, s.id) TO STDOUT (FORMAT csv)"
)


def _bare_copy_ms(server: PgServer, dbname: str, start: str, end: str, output: Path) -> float:
    """The same rows, columns and order straight out of COPY into a file: a connection made as ours is (over
    TCP, with the till's password), and the same work_mem the export sets, so both sort in memory."""
    started = time.perf_counter()
    place = target(server, dbname, "kasse-1")
    with (
        psycopg.connect(place.url, password=place.password) as shop,
        output.open("wb") as file,
        shop.cursor() as cursor,
    ):
        cursor.execute("SET work_mem = '64MB'")
        with cursor.copy(BARE, (start, end)) as copy:
            for chunk in copy:
                file.write(chunk)
    return (time.perf_counter() - started) * 1000
