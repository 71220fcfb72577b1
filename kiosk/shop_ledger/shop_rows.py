"""A row of the whole shop's day as the back office holds it, and which sale it is. Plain values, no database:
the back office's model imports this without loading psycopg.

A shop row is a till's own row (kiosk.ledger.report.DayRow, times as the till writes them) with its till and
the Vipps reference and API of the attempt that was paid (else the last one), so a refund hook can name a sale
of another till exactly (SaleIdentity).
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.ledger.report import DayRow

ShopKey = tuple[str, str, int]  # (created_at, till, id): the shop's rows are in this order, and paged by it


@dataclass(frozen=True)
class ShopRow(DayRow):
    till_id: str
    reference: str | None  # the Vipps reference of the attempt that was paid, else of the last one
    attempt_api: str | None  # that attempt's API

    @property
    def key(self) -> ShopKey:
        """Where the next page starts: the row's (created_at, till, id), the order of the rows."""
        return self.created_at, self.till_id, self.sale_id


@dataclass(frozen=True)
class SaleIdentity:
    """Which sale a row of the back office is, wherever it was rung up: what a refund needs to find it.

    `reference` and `api` are the Vipps reference and API of the attempt that was paid (else the last one). A
    row read from this till's own ledger has the sale's API and no reference: the ledger finds it by `sale_id`."""

    shop_id: str
    till_id: str
    sale_id: int
    reference: str | None = None
    api: str | None = None


def identity_of(shop_id: str, row: ShopRow) -> SaleIdentity:
    """The identity of a shop row (as read_shop_day and read_shop_page return them)."""
    return SaleIdentity(shop_id, row.till_id, row.sale_id, row.reference, row.attempt_api or row.provider)
