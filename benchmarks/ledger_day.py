"""Benchmarks of a busy day in the ledger: CSV export and the back office's day view."""

from __future__ import annotations

import csv
import os
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from benchmarks.figures import Figure
from kiosk.ledger import Ledger
from kiosk.ledger.export_csv import write_day_csv
from kiosk.ledger.report import day_bounds


def build_day(path: Path, sales: int, day: date) -> None:
    """`sales` captured sales spread over the local day, written in one transaction (benchmark set-up only)."""
    with Ledger.open(path):
        pass  # create and migrate
    start = datetime.combine(day, datetime.min.time()).astimezone()
    step = 86_000 / max(sales, 1)
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO sales (created_at, amount_ore, payment_text, state, outcome, order_id, phone_masked,"
            " attempt_count, captured_ore, refunded_ore) VALUES (?, ?, '', 'PAID', 'PAID', ?, ?, 1, ?, 0)",
            (
                (
                    (start + timedelta(seconds=i * step)).astimezone(UTC).isoformat(timespec="milliseconds"),
                    1000 + i % 50_000,
                    f"kiosk-{i:08d}",
                    f"******{i % 100:02d}",
                    1000 + i % 50_000,
                )
                for i in range(sales)
            ),
        )
        # Each sale paid by its one attempt, whose Vipps reference the CSV names.
        db.execute(
            "INSERT INTO attempts (sale_id, psp_transaction_id, merchant_order_id, idempotency_key, channel, state,"
            " created_at, updated_at, provider) SELECT id, printf('%032x', id), order_id, 'key-' || id, 'QR',"
            " 'CAPTURED', created_at, created_at, 'psp' FROM sales"
        )
        db.execute("UPDATE sales SET paid_attempt_id = (SELECT id FROM attempts WHERE sale_id = sales.id)")
    db.close()


def bare_csv_ms(path: Path, day: date, output: Path) -> float:
    """The baseline: sqlite3 rows straight into csv, no formatting: the same columns, the Vipps reference of
    each sale's attempt (paid, else last) found the same way."""
    started = time.perf_counter()
    start, end = day_bounds(day)
    with sqlite3.connect(path) as db, output.open("w", newline="") as file:
        csv.writer(file, delimiter=";").writerows(
            db.execute(
                "SELECT sales.created_at, sales.order_id, sales.amount_ore, sales.captured_ore, sales.refunded_ore,"
                " sales.state, sales.phone_masked, sales.attempt_count, named.psp_transaction_id, sales.currency"
                " FROM sales"
                " LEFT JOIN attempts AS named ON named.id = COALESCE(sales.paid_attempt_id,"
                " (SELECT max(id) FROM attempts WHERE attempts.sale_id = sales.id))"
                " WHERE sales.created_at >= ? AND sales.created_at < ?",
                (start, end),
            )
        )
    db.close()
    return (time.perf_counter() - started) * 1000


def kiosk_csv_ms(path: Path, day: date, output: Path) -> float:
    started = time.perf_counter()
    with Ledger.open(path) as ledger:
        write_day_csv(ledger, day, output)
    return (time.perf_counter() - started) * 1000


def _bare_select_ms(path: Path, day: date) -> float:
    started = time.perf_counter()
    start, end = day_bounds(day)
    with sqlite3.connect(path) as db:
        db.execute("SELECT * FROM sales WHERE created_at >= ? AND created_at < ?", (start, end)).fetchall()
    db.close()
    return (time.perf_counter() - started) * 1000


def day_view_ms(path: Path, day: date, rounds: int = 3) -> tuple[float, float, float]:
    """The back office opening a day, as the manager sees it: from the request (`open_day`, which reads in the
    background) until the totals, the hour chart and the first rows of the table have been painted. Against
    the bare SELECT of the day's rows. Also how much of it the GUI thread spends: from the rows' arrival on it
    to the painted frame. Medians of `rounds`."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    import kiosk.vipps  # noqa: F401 - the kiosk's start-up has loaded it before any manager opens a day
    from benchmarks.counter import PaintClock, spin
    from kiosk.settings.model import KioskSettings
    from kiosk.ui.screens.back_office import BackOffice

    app = QApplication.instance() or QApplication([])
    office = BackOffice(path, KioskSettings())
    office.resize(1200, 700)
    office.show()
    app.processEvents()
    rows_clock, chart_clock, totals_clock = PaintClock(), PaintClock(), PaintClock()
    office.table.viewport().installEventFilter(rows_clock)
    office.chart.installEventFilter(chart_clock)
    office.totals.installEventFilter(totals_clock)
    arrived = [0.0]
    office.model.modelReset.connect(lambda: arrived.__setitem__(0, time.perf_counter()))
    totals, guis = [], []
    for _ in range(rounds):
        office.model.set_rows([], more=False)  # an empty table, as before the manager opens the day
        office.totals.clear()
        spin(lambda: not office._jobs)
        app.processEvents()
        arrived[0] = 0.0
        started = time.perf_counter()
        office.open_day(day)

        def shown(started: float = started) -> bool:
            return (
                arrived[0] > started
                and office.model.rowCount() > 0
                and min(rows_clock.painted_at, chart_clock.painted_at, totals_clock.painted_at) > arrived[0]
            )

        spin(shown)
        finished = max(rows_clock.painted_at, chart_clock.painted_at, totals_clock.painted_at)
        totals.append((finished - started) * 1000)
        guis.append((finished - arrived[0]) * 1000)
    office.close()
    bare = statistics.median(_bare_select_ms(path, day) for _ in range(rounds))
    return statistics.median(totals), bare, statistics.median(guis)


def figures(quick: bool = False) -> list[Figure]:
    result = []
    for sales in (10_000, 100_000):
        measured = measure(sales)
        value, baseline = measured["csv"]
        met = value <= 2 * baseline and (sales > 10_000 or value < 2000)
        result.append(Figure(f"CSV export, {sales:,} sales", value, baseline, "≤ 2× bare sqlite3→csv", met))
        if "day_view" in measured:
            value, baseline = measured["day_view"]
            result.append(Figure(f"back office day view, {sales:,} sales", value, baseline, "≤ 300 ms", value <= 300))
            value, baseline = measured["day_view_gui"]
            result.append(Figure("  of which on the GUI thread", value, baseline, "a frame or two", None))
    del quick  # the day sizes are the issue's own; they take seconds either way
    return result


def measure(sales: int) -> dict[str, tuple[float, float]]:
    day = date.today()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ledger.sqlite3"
        build_day(path, sales, day)
        bare = min(bare_csv_ms(path, day, Path(folder) / "bare.csv") for _ in range(3))
        ours = min(kiosk_csv_ms(path, day, Path(folder) / "ours.csv") for _ in range(3))
        figures = {"csv": (ours, bare)}
        if sales >= 100_000:
            total, bare_select, gui = day_view_ms(path, day)
            figures["day_view"] = (total, bare_select)
            figures["day_view_gui"] = (gui, bare_select)
        return figures
