"""The day as the manager sees it: totals, sales per hour, and one row per sale, in the shop's local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from kiosk.ledger.store import Ledger

ROW_COLUMNS = (
    "id, created_at, order_id, amount_ore, state, outcome, phone_masked, attempt_count, captured_ore, refunded_ore"
)


@dataclass(frozen=True)
class DayTotals:
    captured_count: int = 0
    captured_ore: int = 0
    refunded_count: int = 0
    refunded_ore: int = 0
    refused: int = 0
    rejected: int = 0
    expired: int = 0
    cancelled: int = 0
    not_started: int = 0
    needs_check: int = 0
    open: int = 0

    @property
    def net_ore(self) -> int:
        return self.captured_ore - self.refunded_ore


@dataclass(frozen=True)
class SaleRow:
    sale_id: int
    created_at: datetime  # local time
    order_id: str
    amount_ore: int
    status: str
    phone_masked: str
    attempts: int
    captured_ore: int
    refunded_ore: int


def day_bounds(day: date) -> tuple[str, str]:
    """The local day as a half-open range of the ledger's UTC time stamps (DST-aware)."""
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return _stamp(start), _stamp(end)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def status_of(state: str, outcome: str | None, captured_ore: int, refunded_ore: int) -> str:
    """One word or two for the table and the export."""
    if refunded_ore and refunded_ore >= captured_ore:
        return "REFUNDED"
    if refunded_ore:
        return "PART REFUNDED"
    if state == "PAID":
        return "CAPTURED" if captured_ore else "PAID, CAPTURE PENDING"
    if state == "NOT_PAID":
        return outcome or "NOT PAID"
    if state == "NEEDS_CHECK":
        return "NEEDS CHECK"
    return state


def day_totals(ledger: Ledger, day: date) -> DayTotals:
    start, end = day_bounds(day)
    figures = ledger.read(
        "SELECT count(*) FILTER (WHERE captured_ore > 0), COALESCE(sum(captured_ore), 0),"
        " count(*) FILTER (WHERE refunded_ore > 0), COALESCE(sum(refunded_ore), 0),"
        " count(*) FILTER (WHERE outcome = 'REFUSED'), count(*) FILTER (WHERE outcome = 'REJECTED'),"
        " count(*) FILTER (WHERE outcome = 'EXPIRED'), count(*) FILTER (WHERE outcome = 'CANCELLED'),"
        " count(*) FILTER (WHERE outcome = 'NOT_STARTED'), count(*) FILTER (WHERE state = 'NEEDS_CHECK'),"
        " count(*) FILTER (WHERE state = 'OPEN')"
        " FROM sales WHERE created_at >= ? AND created_at < ?",
        (start, end),
    ).fetchone()
    return DayTotals(*figures)  # the columns are in the order of DayTotals' fields


def hourly(ledger: Ledger, day: date) -> list[tuple[int, int, int]]:
    """(hour, sales captured, øre captured) for each of the day's 24 local hours."""
    start, end = day_bounds(day)
    counts, amounts = [0] * 24, [0] * 24
    # Grouped by UTC hour in SQL (a cheap prefix of the stamp), moved to local hours here: a time zone whose
    # offset is whole hours maps UTC hours onto local ones one to one, DST days included.
    for utc_hour, count, amount in ledger.read(
        "SELECT substr(created_at, 1, 13) AS utc_hour, count(*), sum(captured_ore) FROM sales"
        " WHERE created_at >= ? AND created_at < ? AND captured_ore > 0 GROUP BY utc_hour",
        (start, end),
    ):
        local_hour = datetime.fromisoformat(utc_hour + ":00:00+00:00").astimezone().hour
        counts[local_hour] += count
        amounts[local_hour] += amount
    return [(hour, counts[hour], amounts[hour]) for hour in range(24)]


def day_row_tuples(ledger: Ledger, day: date) -> list[tuple]:
    """The day's sales as plain tuples (ROW_COLUMNS), oldest first: cheap enough for 100,000 rows."""
    start, end = day_bounds(day)
    return ledger.read(
        f"SELECT {ROW_COLUMNS} FROM sales WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id",  # noqa: S608
        (start, end),
    ).fetchall()


def to_row(raw: tuple) -> SaleRow:
    sale_id, created_at, order_id, amount, state, outcome, phone, attempts, captured, refunded = raw
    return SaleRow(
        sale_id,
        datetime.fromisoformat(created_at).astimezone(),
        order_id or "",
        amount,
        status_of(state, outcome, captured, refunded),
        phone or "",
        attempts,
        captured,
        refunded,
    )
