"""The whole shop's day as CSV, from the shop database: the columns of a till's own export (kiosk.ledger.export_csv)
and `till`, after the vipps reference (each added last when it came). The server formats and streams the rows
(COPY), so a day of a hundred thousand sales is written in about the time PostgreSQL takes to read them. Read
only: it never migrates or writes the database."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg

from kiosk.ledger.export_csv import HEADER, cannot_write_export
from kiosk.ledger.report import day_bounds
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.connection import ShopUnreachable, connect, deadline
from kiosk.shop_ledger.schema import migrations
from kiosk.shop_ledger.shop_day import ELSEWHERE, NAMED_ATTEMPT

# New columns go last, as ever, in both files: the till's `till`, then what a till's export gained since it.
_TILL_AT = HEADER.index("vipps reference") + 1
SHOP_HEADER = [*HEADER[:_TILL_AT], "till", *HEADER[_TILL_AT:]]
BOUND_S = 30.0
LAGGING = timedelta(minutes=2)

# The same rows, order and attempt as kiosk.ledger.export_csv's query, for every till of the shop (or one). A
# refund another till made (its claim DONE) counts at once, before the sale's own till has learned of it and
# copied it back as one of its refunds (under the claim's key: then it is counted there, and only there).
_ROWS = f"""
SELECT date_trunc('second', (s.created_at AT TIME ZONE 'UTC')
                  + CASE WHEN s.created_at < %(switch)s THEN %(before)s::interval ELSE %(after)s::interval END)::text,
       NULLIF(s.order_id, ''), kiosk_kroner(s.amount_ore), kiosk_kroner(s.captured_ore),
       kiosk_kroner(s.refunded_ore + COALESCE(elsewhere.ore, 0)),
       kiosk_status(s.state, s.outcome, s.captured_ore, s.refunded_ore + COALESCE(elsewhere.ore, 0)),
       NULLIF(s.phone_masked, ''), s.attempt_count, kiosk_api_title(s.provider), NULLIF(named.psp_transaction_id, ''),
       s.till_id, s.currency
FROM sales AS s
{NAMED_ATTEMPT}{ELSEWHERE}
WHERE s.shop_id = %(shop)s AND s.created_at >= %(start)s AND s.created_at < %(end)s
    AND (%(till)s::text IS NULL OR s.till_id = %(till)s)
ORDER BY s.created_at, s.till_id, s.id
"""  # noqa: S608 - constants of kiosk.shop_ledger.shop_day spliced in; every value is a parameter


@dataclass(frozen=True)
class ShopExport:
    sales: int
    lagging: list[str]  # "till kasse-2: last copied 14:02", for each till that has not said so lately


def local_offsets(day: date) -> dict[str, object]:
    """The local day's UTC offsets: before and after its one change of clock (DST), and when that is. The
    server knows no zone name of this PC's, so the day's own offsets are handed to it."""
    start = datetime.combine(day, datetime.min.time()).astimezone()
    end = datetime.combine(day + timedelta(days=1), datetime.min.time()).astimezone()
    before, after = start.utcoffset() or timedelta(0), end.utcoffset() or timedelta(0)  # always set by astimezone
    low, high = int(start.timestamp()), int(end.timestamp())
    if before != after:  # the second the clock changed (always a whole one), found by halving
        while high - low > 1:
            middle = (low + high) // 2
            if datetime.fromtimestamp(middle).astimezone().utcoffset() == before:
                low = middle
            else:
                high = middle
    return {"before": before, "after": after, "switch": datetime.fromtimestamp(high, UTC)}


def write_shop_day_csv(target: ShopDatabase, day: date, output: Path, till: str | None = None) -> ShopExport:
    """Write the shop's day (or one till's) to `output`, via a temporary file moved into place. Raises
    ShopUnreachable (the database) or ExportError (the file)."""
    start, end = day_bounds(day)
    parameters = {"shop": target.shop_id, "start": start, "end": end, "till": till, **local_offsets(day)}
    db = connect(target, BOUND_S, purpose="export")
    partial = output.with_name(output.name + ".partial")
    db.read_only = True  # an export never writes the shop's ledger
    try:
        with deadline(db, BOUND_S * 2):
            _check_schema(db)
            db.execute("SET LOCAL work_mem = '64MB'")  # a busy shop's day sorted in memory, not on disk
            db.execute("SET LOCAL DateStyle = 'ISO'")  # a local time as text: 2026-11-24 14:02:07, as the till's
            with partial.open("wb") as file:
                head = io.StringIO()
                csv.writer(head, delimiter=";", lineterminator="\r\n").writerow(SHOP_HEADER)
                file.write(("\ufeff" + head.getvalue()).encode())
                sales = 0
                statement = f"COPY ({_ROWS.strip()}) TO STDOUT (FORMAT csv, DELIMITER ';')"
                with db.cursor() as cursor, cursor.copy(statement, parameters) as copy:
                    for chunk in copy:
                        data = bytes(chunk)
                        sales += data.count(b"\n")
                        file.write(data.replace(b"\n", b"\r\n"))  # Excel's line ends, as a till's export has
                file.flush()
                os.fsync(file.fileno())
            lagging = _lagging(db, target.shop_id, till)
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise cannot_write_export(output, exc) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        db.close()
    return ShopExport(sales, lagging)


def _check_schema(db: psycopg.Connection) -> None:
    row = db.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    if not row or not row[0]:
        raise ShopUnreachable("The shop database has no sales yet: no till has copied to it.")
    (version,) = db.execute("SELECT max(version) FROM schema_version").fetchone() or (0,)
    if version < len(migrations()):
        raise ShopUnreachable("The shop database's schema is older than this kiosk's: start a till to update it.")
    if version > len(migrations()):
        raise ShopUnreachable("The shop database was set up by a newer kiosk: update this one to export from it.")


def _lagging(db: psycopg.Connection, shop_id: str, till: str | None) -> list[str]:
    rows = db.execute(
        "SELECT till_id, last_copied_at FROM tills WHERE shop_id = %s AND (%s::text IS NULL OR till_id = %s)"
        " AND (last_copied_at IS NULL OR last_copied_at < now() - %s::interval) ORDER BY till_id",
        (shop_id, till, till, LAGGING),
    ).fetchall()
    return [
        f"till {till_id}: last copied {copied.astimezone().strftime('%Y-%m-%d %H:%M') if copied else 'never'}"
        for till_id, copied in rows
    ]
