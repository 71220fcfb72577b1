"""The day as the manager sees it: totals, sales per hour, and one row per sale, in the shop's local time.

Values and rules only; the ledger's named queries (kiosk.ledger.day_queries) read them from SQLite, and the
shop's day (kiosk.shop_ledger.shop_day) from PostgreSQL, in the same shapes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from kiosk.domain.message import Currency, Money
from kiosk.ledger.stamps import stamp


@dataclass(frozen=True)
class DayTotals:
    """The day's sales in one currency: their money, and how many ended each way. A shop never mixes currencies,
    but the ledger does not assume it: a day has one DayTotals per currency its sales are in, and money is never
    added up across them."""

    currency: Currency = "NOK"
    captured_count: int = 0
    captured_ore: int = 0  # hundredths of `currency` (kiosk.domain.market: "øre" is every market's hundredths)
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


# The counts of DayTotals that are numbers of sales, not money: these may be added up across currencies.
OUTCOME_COUNTS = ("refused", "rejected", "expired", "cancelled", "not_started", "needs_check", "open")
# (local hour, sales captured in it in any currency, the money captured in it: one Money per currency it has)
HourFigures = tuple[int, int, tuple[Money, ...]]


@dataclass(frozen=True)
class DaySummary:
    by_currency: tuple[DayTotals, ...]  # one per currency the day's sales are in, by code; () for a day without
    hours: list[HourFigures]  # each of the 24 hours
    sales: int  # every sale of the day, whatever became of it: the rows of the back office's table

    def totals(self, currency: Currency = "NOK") -> tuple[DayTotals, ...]:
        """The totals a day view shows, a line each: one per currency of the day's sales; a day without sales
        shows zero in `currency`, the shop's."""
        return self.by_currency or (DayTotals(currency),)

    @property
    def outcomes(self) -> dict[str, int]:
        """How many of the day's sales, in any currency, ended each way (OUTCOME_COUNTS)."""
        return {name: sum(getattr(totals, name) for totals in self.by_currency) for name in OUTCOME_COUNTS}


def summary_of(figures: Iterable[Sequence]) -> DaySummary:
    """The day from rows of (local hour, currency, the figures in the order of DayTotals' fields after its
    currency, sales): one row per hour and currency, as the ledger's and the shop's queries count them. An hour
    without sales may come as a row of zeros without a currency; a DST day's hour that comes twice, as two."""
    per_currency: dict[Currency, list[Sequence[int]]] = {}
    counts = [0] * 24
    amounts: list[dict[Currency, int]] = [{} for _ in range(24)]
    sales = 0
    for hour, currency, *rest in figures:
        *values, every = rest
        sales += every
        if currency is None or not every:
            continue
        per_currency.setdefault(currency, []).append(values)
        counts[hour] += values[0]
        if values[1]:
            amounts[hour][currency] = amounts[hour].get(currency, 0) + values[1]
    hours = [
        (hour, counts[hour], tuple(Money(minor, code) for code, minor in sorted(amounts[hour].items())))
        for hour in range(24)
    ]
    by_currency = tuple(
        DayTotals(code, *(sum(column) for column in zip(*rows, strict=True)))
        for code, rows in sorted(per_currency.items())
    )
    return DaySummary(by_currency, hours, sales)


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


@dataclass(frozen=True)
class DayRow:
    """One sale of a day as the back office's table shows it (the fields are the sales table's own)."""

    sale_id: int
    created_at: str  # the ledger's UTC time stamp (kiosk.ledger.stamps): the rows' order, and where a page starts
    order_id: str | None
    amount_ore: int
    state: str
    outcome: str | None
    phone_masked: str | None  # masked in the ledger already: ******67
    attempt_count: int
    captured_ore: int
    refunded_ore: int
    provider: str | None  # the Vipps API it went through ("psp", "epayment"); None for a sale never tried
    currency: Currency  # its amounts' currency (NOK, DKK, EUR); its refunds are in it too

    @property
    def key(self) -> tuple:
        """The row's place in the day's order: the next page starts after it."""
        return self.created_at, self.sale_id

    @property
    def status(self) -> str:
        return status_of(self.state, self.outcome, self.captured_ore, self.refunded_ore)

    @property
    def refundable(self) -> bool:
        """Paid, captured, and not refunded in full yet."""
        return self.state == "PAID" and self.captured_ore > self.refunded_ore

    @property
    def capture_pending(self) -> bool:
        """Paid, but the capture has not shown in Vipps' details yet (PSP: its nightly batch applies it)."""
        return self.state == "PAID" and not self.captured_ore


class ExportRow(NamedTuple):
    """One sale of the day as the CSV export writes it. A named tuple, not a dataclass: a busy day has 100,000
    of them, and a tuple is made in half the time (the export's budget is 2x a bare sqlite3-to-csv)."""

    local_time: str  # "2026-12-01 14:02:07", formatted by SQLite
    order_id: str | None
    amount_ore: int
    state: str
    outcome: str | None
    phone_masked: str | None
    attempt_count: int
    captured_ore: int
    refunded_ore: int
    provider: str | None
    reference: str | None  # the paid attempt's Vipps reference, else the last attempt's; None: never tried
    currency: Currency  # the sale's currency, which its refunds are in too


def day_bounds(day: date) -> tuple[str, str]:
    """The local day as a half-open range of the ledger's UTC time stamps (DST-aware)."""
    start = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    return stamp(start), stamp(end)


def hour_bounds(day: date) -> list[tuple[int, str, str]]:
    """The local day cut into its hours (23 or 25 of them on a DST day) as (local hour, UTC start, UTC end)."""
    moment = datetime.combine(day, time.min).astimezone()
    end = datetime.combine(day + timedelta(days=1), time.min).astimezone()
    bounds = []
    while moment < end:
        following = min(moment + timedelta(hours=1), end)
        bounds.append((moment.astimezone().hour, stamp(moment), stamp(following)))
        moment = following
    return bounds
