"""The whole shop's day for the back office, read from the shop database: totals, sales per hour, a page of the
sales with their till, and which tills lag. Read only, on a connection of its own whose every wait ends within
BOUND_S: the back office runs these off the GUI thread and shows "This till" whatever happens here.

The rows are kiosk.shop_ledger.shop_rows.ShopRow: a till's own row, with the till and the paid attempt's Vipps
reference and API.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import psycopg

from kiosk.ledger.report import DaySummary, day_bounds, hour_bounds, summary_of
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.connection import ShopUnreachable, connect, deadline
from kiosk.shop_ledger.shop_rows import ShopKey, ShopRow

# A person waits for these: a database slower than this is reported as away, and "This till" is still there.
BOUND_S = 5.0
LAGGING = timedelta(minutes=2)  # an idle till still confirms every 30 s (kiosk.shop_ledger.copier.HEARTBEAT_S)

# The attempt a sale's row names (its Vipps reference and API): the paid one, else the last one, as a till's own
# rows do (kiosk.ledger.day_queries). Shared with the shop's export (kiosk.shop_ledger.export).
NAMED_ATTEMPT = """
LEFT JOIN attempts AS named ON named.shop_id = s.shop_id AND named.till_id = s.till_id
    AND named.id = COALESCE(s.paid_attempt_id, (SELECT max(a.id) FROM attempts AS a
                                                WHERE a.shop_id = s.shop_id AND a.till_id = s.till_id
                                                AND a.sale_id = s.id))
"""

# Refunds other tills made of a till's sales (their claims DONE) that the sale's own till has not learned of and
# copied back yet (then they are its own refunds, under the claim's key): counted at once, and once. Shared with
# the shop's export, so the day on screen and the day in the file count the same refunds.
ELSEWHERE = """
LEFT JOIN (SELECT c.sale_till_id, c.sale_id, sum(c.amount_ore)::bigint AS ore FROM refund_claims AS c
           WHERE c.shop_id = %(shop)s AND c.state = 'DONE' AND c.claimed_by <> c.sale_till_id
           AND NOT EXISTS (SELECT 1 FROM refunds AS r WHERE r.shop_id = c.shop_id AND r.till_id = c.sale_till_id
                           AND r.sale_id = c.sale_id AND r.idempotency_key = c.idempotency_key)
           GROUP BY c.sale_till_id, c.sale_id) AS elsewhere
    ON elsewhere.sale_till_id = s.till_id AND elsewhere.sale_id = s.id
"""

# The time as the till writes it (UTC, ISO, milliseconds), so a shop row reads as a till's own row does. The
# columns are in the order of ShopRow's fields.
_ROWS = f"""
SELECT s.id, to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+00:00"'), s.order_id,
       s.amount_ore, s.state, s.outcome, s.phone_masked, s.attempt_count, s.captured_ore,
       s.refunded_ore + COALESCE(elsewhere.ore, 0), s.provider, s.currency, s.till_id, named.psp_transaction_id,
       named.provider
FROM sales AS s
{NAMED_ATTEMPT}{ELSEWHERE}
WHERE s.shop_id = %(shop)s AND s.created_at >= %(start)s AND s.created_at < %(end)s
    AND (s.created_at, s.till_id, s.id) > (%(after_at)s::timestamptz, %(after_till)s, %(after_id)s)
ORDER BY s.created_at, s.till_id, s.id
LIMIT %(limit)s
"""  # noqa: S608 - a constant of this module spliced in; every value is a parameter

# One row per local hour of the day (23 or 25 on a DST day) and currency of its sales (a shop never mixes: one;
# an hour without sales, one without a currency), each a range of the (shop_id, created_at) index; the columns
# after the hour and the currency are in the order of DayTotals' fields after its currency, the last is every sale.
_HOURS = f"""
SELECT h.hour, s.currency, count(s.id) FILTER (WHERE s.captured_ore > 0), COALESCE(sum(s.captured_ore), 0)::bigint,
       count(s.id) FILTER (WHERE s.refunded_ore + COALESCE(elsewhere.ore, 0) > 0),
       COALESCE(sum(s.refunded_ore + COALESCE(elsewhere.ore, 0)), 0)::bigint,
       count(s.id) FILTER (WHERE s.outcome = 'REFUSED'), count(s.id) FILTER (WHERE s.outcome = 'REJECTED'),
       count(s.id) FILTER (WHERE s.outcome = 'EXPIRED'), count(s.id) FILTER (WHERE s.outcome = 'CANCELLED'),
       count(s.id) FILTER (WHERE s.outcome = 'NOT_STARTED'), count(s.id) FILTER (WHERE s.state = 'NEEDS_CHECK'),
       count(s.id) FILTER (WHERE s.state = 'OPEN'), count(s.id)
FROM unnest(%(hours)s::int[], %(starts)s::timestamptz[], %(ends)s::timestamptz[]) AS h(hour, start_at, end_at)
LEFT JOIN sales AS s ON s.shop_id = %(shop)s AND s.created_at >= h.start_at AND s.created_at < h.end_at
{ELSEWHERE}
GROUP BY h.hour, h.start_at, s.currency
ORDER BY h.start_at, s.currency
"""  # noqa: S608 - a constant of this module spliced in; every value is a parameter


@dataclass(frozen=True)
class TillFreshness:
    till_id: str
    last_copied_at: datetime | None  # None: the till has never confirmed a copy


@dataclass(frozen=True)
class ShopDay:
    summary: DaySummary
    rows: list[ShopRow]  # the first page
    lagging: list[TillFreshness]  # tills that have not confirmed a copy for LAGGING, by till id


def read_shop_day(target: ShopDatabase, day: date, limit: int) -> ShopDay:
    """The shop's day: its summary, its first `limit` rows and the tills that lag. Raises ShopUnreachable."""
    with _reading(target) as db:
        summary = _summary(db, target.shop_id, day)
        rows = _page(db, target.shop_id, day, None, limit)
        lagging = [
            TillFreshness(till_id, copied)
            for till_id, copied in db.execute(
                "SELECT till_id, last_copied_at FROM tills WHERE shop_id = %s"
                " AND (last_copied_at IS NULL OR last_copied_at < now() - %s::interval) ORDER BY till_id",
                (target.shop_id, LAGGING),
            ).fetchall()
        ]
    return ShopDay(summary, rows, lagging)


def read_shop_page(target: ShopDatabase, day: date, after: ShopKey, limit: int) -> list[ShopRow]:
    """Up to `limit` of the shop's sales of `day` after the row keyed `after` (ShopRow.key). Raises
    ShopUnreachable."""
    with _reading(target) as db:
        return _page(db, target.shop_id, day, after, limit)


@contextlib.contextmanager
def _reading(target: ShopDatabase) -> Iterator[psycopg.Connection]:
    """A read-only connection whose every wait ends within BOUND_S (psycopg's errors become ShopUnreachable)."""
    db = connect(target, BOUND_S, purpose="back office")
    try:
        db.read_only = True  # the back office never writes the shop's ledger
        with deadline(db, BOUND_S):
            found = db.execute("SELECT to_regclass('sales') IS NOT NULL").fetchone()
            if not found or not found[0]:
                raise ShopUnreachable("The shop database has no sales yet: no till has copied to it.")
            yield db
    finally:
        db.close()


def _page(db: psycopg.Connection, shop_id: str, day: date, after: ShopKey | None, limit: int) -> list[ShopRow]:
    start, end = day_bounds(day)
    after_at, after_till, after_id = after or (start, "", 0)
    parameters = {"shop": shop_id, "start": start, "end": end, "limit": limit}
    parameters |= {"after_at": after_at, "after_till": after_till, "after_id": after_id}
    return [ShopRow(*row) for row in db.execute(_ROWS, parameters).fetchall()]


def _summary(db: psycopg.Connection, shop_id: str, day: date) -> DaySummary:
    bounds = hour_bounds(day)
    parameters = {
        "shop": shop_id,
        "hours": [hour for hour, _, _ in bounds],
        "starts": [start for _, start, _ in bounds],
        "ends": [end for _, _, end in bounds],
    }
    return summary_of(db.execute(_HOURS, parameters).fetchall())
