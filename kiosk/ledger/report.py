"""The day as the manager sees it: totals, sales per hour, and one row per sale, in the shop's local time."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time, timedelta

from kiosk.ledger.store import Ledger

ROW_COLUMNS = (
    "id, created_at, order_id, amount_ore, state, outcome, phone_masked, attempt_count, captured_ore, refunded_ore,"
    " provider"
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
    api: str  # "PSP v3", "ePayment", or empty for a sale never tried


def day_bounds(day: date) -> tuple[str, str]:
    """The local day as a half-open range of the ledger's UTC time stamps (DST-aware)."""
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return _stamp(start), _stamp(end)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


API_TITLES = {"psp": "PSP v3", "epayment": "ePayment"}


def api_title(api: str | None) -> str:
    """The Vipps API a sale went through, as the manager reads it in the back office and the exports."""
    return API_TITLES.get(api or "", api or "")


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


_HOUR_FIGURES = (
    "SELECT count(*) FILTER (WHERE captured_ore > 0), COALESCE(sum(captured_ore), 0),"
    " count(*) FILTER (WHERE refunded_ore > 0), COALESCE(sum(refunded_ore), 0),"
    " count(*) FILTER (WHERE outcome = 'REFUSED'), count(*) FILTER (WHERE outcome = 'REJECTED'),"
    " count(*) FILTER (WHERE outcome = 'EXPIRED'), count(*) FILTER (WHERE outcome = 'CANCELLED'),"
    " count(*) FILTER (WHERE outcome = 'NOT_STARTED'), count(*) FILTER (WHERE state = 'NEEDS_CHECK'),"
    " count(*) FILTER (WHERE state = 'OPEN'), count(*)"
    " FROM sales WHERE created_at >= ? AND created_at < ?"
)  # the first columns are in the order of DayTotals' fields, the last is every sale


@dataclass(frozen=True)
class DaySummary:
    totals: DayTotals
    hours: list[tuple[int, int, int]]  # (local hour, sales captured, øre captured) for each of the 24 hours
    sales: int  # every sale of the day, whatever became of it: the rows of the back office's table


def hour_bounds(day: date) -> list[tuple[int, str, str]]:
    """The local day cut into its hours (23 or 25 of them on a DST day) as (local hour, UTC start, UTC end)."""
    moment = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    bounds = []
    while moment < end:
        following = min(moment + timedelta(hours=1), end)
        bounds.append((moment.astimezone().hour, _stamp(moment), _stamp(following)))
        moment = following
    return bounds


def day_summary(ledger: Ledger, day: date) -> DaySummary:
    """The day's totals, sales per hour and number of sales, counted by SQLite: one aggregate per local hour,
    each a range of the time index, so no row comes out to Python and no GROUP BY has to sort the day (that
    sort made one GROUP BY over 100,000 rows slower than these 24 queries together)."""
    sums = [0] * (len(fields(DayTotals)) + 1)
    counts, amounts = [0] * 24, [0] * 24
    for hour, start, end in hour_bounds(day):
        figures = ledger.read(_HOUR_FIGURES, (start, end)).fetchone()
        sums = [total + figure for total, figure in zip(sums, figures, strict=True)]
        counts[hour] += figures[0]
        amounts[hour] += figures[1]
    return DaySummary(DayTotals(*sums[:-1]), [(hour, counts[hour], amounts[hour]) for hour in range(24)], sums[-1])


def day_totals(ledger: Ledger, day: date) -> DayTotals:
    return day_summary(ledger, day).totals


def hourly(ledger: Ledger, day: date) -> list[tuple[int, int, int]]:
    """(hour, sales captured, øre captured) for each of the day's 24 local hours."""
    return day_summary(ledger, day).hours


def day_rows_page(ledger: Ledger, day: date, after: tuple[str, int] | None = None, limit: int = 200) -> list[tuple]:
    """Up to `limit` of the day's sales as plain tuples (ROW_COLUMNS), oldest first, starting after the sale
    whose (created_at, id) is `after`: one page of the back office's table. Keyset paging on the time index, so
    the last page of a busy day costs what the first does."""
    start, end = day_bounds(day)
    after_at, after_id = after or (start, 0)
    return ledger.read(
        f"SELECT {ROW_COLUMNS} FROM sales WHERE created_at >= ? AND created_at < ?"  # noqa: S608
        " AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?",
        (start, end, after_at, after_id, limit),
    ).fetchall()


def day_row_tuples(ledger: Ledger, day: date) -> list[tuple]:
    """Every sale of the day as plain tuples (ROW_COLUMNS), oldest first."""
    start, end = day_bounds(day)
    return ledger.read(
        f"SELECT {ROW_COLUMNS} FROM sales WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id",  # noqa: S608
        (start, end),
    ).fetchall()


def to_row(raw: tuple) -> SaleRow:
    sale_id, created_at, order_id, amount, state, outcome, phone, attempts, captured, refunded, api = raw
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
        api_title(api),
    )
