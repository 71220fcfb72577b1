"""Charge key → QR painted while the shop copy runs (issue #17): with PostgreSQL up, down and hanging, against a
till with no shop database, all in one run.

Real counter windows (benchmarks/counter.py's Counter), each with a ledger of its own, so the baseline's
ledger never had the copy enabled (its outbox triggers stay idle, as on a till without [shop] database). The
cases take turns in blocks, in a shuffled order each round, so the machine's noise falls on all of them alike.
Each shop block starts the copy through the app's own hook (kiosk.ui.workers.shop_copy.start_shop_copy), waits until it
is in its state, measures a few sales, and stops it. The copy is only ever running in its own case's block.

- up: the copy has sent the ledger and copies every sale of the block as it is recorded;
- down: a real PostgreSQL server, stopped: connections are refused, the copy retries and backs off;
- hanging: through the tests' stalling proxy (in a process of its own): connections accepted, nothing answered;
  the copy is stuck in a round on the database throughout the block.

Two of the five windows have no shop database: together they are the baseline, and one against the other is
the control, this benchmark's own spread on the machine (the windows differ in nothing else), which a shop
case's ratio is read against. Blocks are short and rounds many: the load of other work on a shared machine
changes within seconds.
"""

from __future__ import annotations

import contextlib
import logging
import random
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from PySide6.QtTest import QTest

from benchmarks.counter import FAST, Counter, PaintClock, spin
from benchmarks.figures import Figure
from benchmarks.proxy_process import ProxyProcess
from kiosk.settings.model import KioskSettings, Settings, ShopSettings
from kiosk.ui.workers.shop_copy import IDLE_S, ShopCopy, start_shop_copy
from tests.shop.pg_server import TILL_PASSWORD, PgServer

BASELINE = "no shop database"
CONTROL = "a second till with no shop database"
UP, DOWN, HANGING = "PostgreSQL up", "PostgreSQL down (stopped)", "PostgreSQL hanging (stalled link)"
TARGET_RATIO = 1.05


@dataclass
class Case:
    name: str
    counter: Counter
    url: str = ""  # the shop database this till copies to; empty for the baseline
    samples: list[float] = field(default_factory=list)
    copies: int = 0  # copy threads started and stopped in this case's blocks
    in_shop: Callable[[], int] | None = None  # how many of this till's sales the shop database has (up only)

    @property
    def ledger_file(self) -> Path:
        return Path(self.counter.folder.name) / "ledger.sqlite3"


def figures(quick: bool = False) -> list[Figure]:
    rounds, per_block = (5, 6) if quick else (16, 10)
    cases: list[Case] = []
    with contextlib.ExitStack() as cleanup:  # undone in reverse: windows, proxy, servers
        server = PgServer().init()
        cleanup.callback(server.destroy)
        stopped = PgServer().init()  # a second cluster, stopped below: its port refuses, as a stopped server's does
        cleanup.callback(stopped.destroy)
        down_url = stopped.url(stopped.database())
        stopped.stop()
        proxy = ProxyProcess(server.port)
        cleanup.callback(proxy.close)
        up_db = server.database()
        shop = cleanup.enter_context(server.admin(up_db))
        cleanup.callback(_close_windows, cases)
        for name, url in [
            (BASELINE, ""),
            (UP, server.url(up_db)),
            (DOWN, down_url),
            (HANGING, server.url(server.database(), port=proxy.port)),
            (CONTROL, ""),
        ]:
            cases.append(Case(name, Counter(FAST), url))
        cases[1].in_shop = lambda: _count(shop, "SELECT count(*) FROM sales WHERE till_id = 'kasse-1'")
        for case in cases:
            _charge(case.counter)  # every window's first sale, before anything is measured
        order = random.Random(17)
        with _quiet_retries():
            for _ in range(rounds):
                for case in order.sample(cases, len(cases)):
                    _block(case, per_block, proxy)
    return _report(cases)


def _close_windows(cases: list[Case]) -> None:
    for case in cases:
        case.counter.close()


@contextlib.contextmanager
def _quiet_retries() -> Iterator[None]:
    """The copy logs each failed round as a warning: while the database is down or hanging on purpose, that is
    hundreds of lines on the table's stderr."""
    log = logging.getLogger("kiosk.ui.workers.shop_copy")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def _block(case: Case, sales: int, proxy: ProxyProcess) -> None:
    copy = _start_copy(case, proxy) if case.url else None
    try:
        # Unmeasured: puts a hanging copy into the round it is stuck in. The copy looks at the outbox every IDLE_S,
        # so by IDLE_S and a margin after the sale began a hanging one waits on the database. Every case pauses
        # alike: the first sale after a pause is slower on any machine, and unequal pauses biased the ratio.
        until = time.monotonic() + IDLE_S + 0.1
        _charge(case.counter)
        spin(lambda: time.monotonic() > until)
        clock = PaintClock()
        qr = case.counter.window.customer_screen.qr
        qr.installEventFilter(clock)
        for _ in range(sales):
            case.samples.append(_charge(case.counter, clock))
        qr.removeEventFilter(clock)
        in_shop = case.in_shop
        if in_shop is not None:  # proof that it copied each sale: all of them are there before it stops
            recorded = _ledger_sales(case.ledger_file)
            spin(lambda: in_shop() >= recorded, timeout_s=10)
    finally:
        if copy is not None:
            if case.name == HANGING:
                proxy.resume()  # the stuck round gets its answer now instead of at its deadline: a shorter run
            copy.stop()
            copy.deleteLater()
            case.copies += 1


def _start_copy(case: Case, proxy: ProxyProcess) -> ShopCopy:
    """The copy as the app starts it once Vipps is connected, in its state before the block's first sale."""
    settings = Settings(
        kiosk=KioskSettings(till_id="kasse-1"),
        shop=ShopSettings(database=case.url, database_password=TILL_PASSWORD),
    )
    if case.name == HANGING:
        proxy.resume()  # connected, migrated and sent once, then the link stalls
    copy = start_shop_copy(settings, case.ledger_file, False, case.counter.window)
    assert copy is not None
    copied: list[int] = []
    unreachable: list[str] = []
    copy.copied.connect(copied.append)
    copy.unreachable.connect(unreachable.append)
    if case.name == DOWN:
        spin(lambda: bool(unreachable), timeout_s=15)
    else:
        spin(lambda: bool(copied) or bool(unreachable), timeout_s=15)
        if unreachable:
            raise RuntimeError(f"the shop copy could not reach PostgreSQL: {unreachable[0]}")
    if case.name == HANGING:
        proxy.hang()
    return copy


def _charge(counter: Counter, clock: PaintClock | None = None) -> float:
    """One sale to its QR and cancelled, as benchmarks/counter.py's charge_to_qr does; ms from the key to the QR
    painted when `clock` watches the QR."""
    window = counter.window
    screen = window.amount_screen
    screen.amount_input.setText("149,50")
    started = time.perf_counter()
    if clock is not None:
        clock.painted_at = 0.0
    QTest.keyClick(screen.amount_input, "\r")
    if clock is not None:
        spin(lambda: clock.painted_at > started and bool(window.customer_screen.qr.text))
        took = (clock.painted_at - started) * 1000
    else:
        spin(lambda: bool(window.customer_screen.qr.text))
        took = 0.0
    window.flow.cancel_open_sale()
    counter.wait_outcome("CANCELLED")
    counter.next_sale()
    return took


def _count(db: psycopg.Connection, query: str) -> int:
    try:
        (count,) = db.execute(query).fetchone() or (0,)
    except psycopg.errors.UndefinedTable:  # not migrated yet
        return 0
    return int(count)


def _ledger_sales(ledger_file: Path) -> int:
    with contextlib.closing(sqlite3.connect(ledger_file)) as db:
        (count,) = db.execute("SELECT count(*) FROM sales").fetchone()
    return int(count)


def _p90(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=10)[-1]


def _report(cases: list[Case]) -> list[Figure]:
    by_name = {case.name: case for case in cases}
    alone, control = by_name[BASELINE], by_name[CONTROL]
    base = alone.samples + control.samples
    base_median, base_p90 = statistics.median(base), _p90(base)
    found = [
        Figure(f"charge key to QR, {BASELINE}: 2 tills, {len(base)} sales, p90 {base_p90:.1f} ms", base_median, 0, ""),
        Figure(
            "  control: the one till against the other",
            statistics.median(control.samples),
            statistics.median(alone.samples),
            "≈ 1× (the benchmark's own spread)",
        ),
    ]
    for case in cases:
        if not case.url:
            continue
        median, p90 = statistics.median(case.samples), _p90(case.samples)
        copied = ", each sale copied" if case.in_shop is not None else ""
        target, met = f"≤ {TARGET_RATIO}× {BASELINE}", median <= TARGET_RATIO * base_median
        found.append(Figure(f"charge key to QR, {case.name}{copied}, median", median, base_median, target, met))
        found.append(Figure(f"  … its p90, copy started and stopped {case.copies}×", p90, base_p90, ""))
    return found
