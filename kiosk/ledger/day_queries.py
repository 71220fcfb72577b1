"""The ledger's named queries of a day, for the back office and the exports: its summary, a page of its sales,
and every sale as the CSV writes it. Each answers in typed rows (kiosk.ledger.report) in the shop's local day."""

from __future__ import annotations

from datetime import date
from functools import partial

from kiosk.ledger.connection import LedgerConnection
from kiosk.ledger.report import DayRow, DaySummary, ExportRow, day_bounds, hour_bounds, summary_of

_DAY_ROW_COLUMNS = (
    "id, created_at, order_id, amount_ore, state, outcome, phone_masked, attempt_count, captured_ore, refunded_ore,"
    " provider, currency"
)  # in the order of DayRow's fields

# The figures of DayTotals after its currency, in the order of its fields, then every sale.
_FIGURES = (
    "count(*) FILTER (WHERE captured_ore > 0), COALESCE(sum(captured_ore), 0),"
    " count(*) FILTER (WHERE refunded_ore > 0), COALESCE(sum(refunded_ore), 0),"
    " count(*) FILTER (WHERE outcome = 'REFUSED'), count(*) FILTER (WHERE outcome = 'REJECTED'),"
    " count(*) FILTER (WHERE outcome = 'EXPIRED'), count(*) FILTER (WHERE outcome = 'CANCELLED'),"
    " count(*) FILTER (WHERE outcome = 'NOT_STARTED'), count(*) FILTER (WHERE state = 'NEEDS_CHECK'),"
    " count(*) FILTER (WHERE state = 'OPEN'), count(*)"
)
# An hour's figures, and the first and last of its currencies: when they are the same (a shop never mixes), the
# figures are that currency's. Only an hour that mixes is counted again per currency: a GROUP BY sorts the hour's
# rows, 1.5x the day's summary on a busy day, where min/max cost 1.2x (100,000 sales: 27 ms, 41 ms, 32 ms).
_HOUR_FIGURES = f"SELECT min(currency), max(currency), {_FIGURES} FROM sales WHERE created_at >= ? AND created_at < ?"  # noqa: S608
_HOUR_FIGURES_BY_CURRENCY = (
    f"SELECT currency, {_FIGURES} FROM sales WHERE created_at >= ? AND created_at < ? GROUP BY currency"  # noqa: S608
)

# Local time formatted by SQLite itself: 3x faster than datetime per row on a busy day. The attempt named is
# found by primary key (the paid one) or by the attempts_by_sale index (the last one): one lookup per sale.
_EXPORT_ROWS = (
    "SELECT strftime('%Y-%m-%d %H:%M:%S', sales.created_at, 'localtime'), sales.order_id, sales.amount_ore,"
    " sales.state, sales.outcome, sales.phone_masked, sales.attempt_count, sales.captured_ore,"
    " sales.refunded_ore, sales.provider, named.psp_transaction_id, sales.currency FROM sales"
    " LEFT JOIN attempts AS named ON named.id = COALESCE(sales.paid_attempt_id,"
    " (SELECT max(id) FROM attempts WHERE attempts.sale_id = sales.id))"
    " WHERE sales.created_at >= ? AND sales.created_at < ? ORDER BY sales.created_at, sales.id"
)  # in the order of ExportRow's fields


# Each row made by tuple.__new__ straight from SQLite's tuple, in C: ExportRow._make would be a Python call per
# row, ~10% of a busy day's export.
_export_row = partial(tuple.__new__, ExportRow)


class DayQueries(LedgerConnection):
    def day_summary(self, day: date) -> DaySummary:
        """The day's totals per currency, sales per hour and number of sales, counted by SQLite: one aggregate
        per local hour, each a range of the time index, so no row comes out to Python and no GROUP BY has to
        sort the day (that sort made one GROUP BY over 100,000 rows slower than these 24 queries together)."""
        figures: list[tuple] = []
        for hour, start, end in hour_bounds(day):
            first, last, *counted = self._db.execute(_HOUR_FIGURES, (start, end)).fetchone()
            if first == last:  # one currency, or none (an hour without sales)
                figures.append((hour, first, *counted))
            else:
                by_currency = self._db.execute(_HOUR_FIGURES_BY_CURRENCY, (start, end))
                figures.extend((hour, *row) for row in by_currency)
        return summary_of(figures)

    def day_rows_page(self, day: date, after: tuple[str, int] | None = None, limit: int = 200) -> list[DayRow]:
        """Up to `limit` of the day's sales, oldest first, starting after the row whose key (DayRow.key) is
        `after`: one page of the back office's table. Keyset paging on the time index, so the last page of a
        busy day costs what the first does."""
        start, end = day_bounds(day)
        after_at, after_id = after or (start, 0)
        rows = self._db.execute(
            f"SELECT {_DAY_ROW_COLUMNS} FROM sales WHERE created_at >= ? AND created_at < ?"  # noqa: S608
            " AND (created_at, id) > (?, ?) ORDER BY created_at, id LIMIT ?",
            (start, end, after_at, after_id, limit),
        )
        return [DayRow(*row) for row in rows]

    def export_rows(self, day: date) -> list[ExportRow]:
        """Every sale of the day as the CSV export writes it, oldest first."""
        return list(map(_export_row, self._db.execute(_EXPORT_ROWS, day_bounds(day))))
