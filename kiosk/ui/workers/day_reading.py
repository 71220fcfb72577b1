"""What the back office reads for a day, as jobs for its background pools: this till's day from its own ledger,
or the whole shop's from the shop database, and the next page of either. Each job opens its own connection.

No widget here: the back office starts these and shows what they return. The shop's reads never raise for a
database that is away: they say so in what they return, and the reason goes to the log (it may name a host).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.ledger import Ledger
from kiosk.ledger.report import DaySummary, DayTotals, day_rows_page, day_summary
from kiosk.settings.model import VippsSettings

if TYPE_CHECKING:
    from kiosk.shop_ledger.address import ShopDatabase
    from kiosk.shop_ledger.shop_day import TillFreshness
    from kiosk.ui.models.sales_model import PageRequest

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DayData:
    day: date
    summary: DaySummary
    rows: list[tuple]  # the first page (or, read again after an action, as many rows as were shown)
    more: bool  # the day may have more rows after these
    refresh: bool  # the same day read again: its rows are updated in place
    shop: bool = False  # the whole shop's day (rows with their till), not this till's
    lagging: list[TillFreshness] | None = None  # the shop's tills that have not copied lately
    away: bool = False  # the shop database could not be read: no figures


def read_till_day(ledger_file: Path, day: date, limit: int, vipps: VippsSettings | None, refresh: bool) -> DayData:
    """This till's day; refunds that got no answer (of its own sales and of other tills') are sent again first
    (same key), when Vipps is set."""
    from kiosk.checkout.cross_till_resend import has_pending_refunds

    with Ledger.open(ledger_file) as ledger:
        if vipps is not None and has_pending_refunds(ledger):
            from kiosk.checkout.cross_till_resend import resend_pending_cross_till_refunds
            from kiosk.checkout.providers_by_api import ProvidersByApi
            from kiosk.checkout.refunds import resend_pending_refunds

            with ProvidersByApi(vipps) as providers:
                resend_pending_refunds(providers, ledger)
                resend_pending_cross_till_refunds(providers, ledger)  # of other tills' sales
        rows = day_rows_page(ledger, day, limit=limit)
        return DayData(day, day_summary(ledger, day), rows, len(rows) >= limit, refresh)


def read_shop_day(target: ShopDatabase, day: date, limit: int, refresh: bool) -> DayData:
    """The whole shop's day, or `away` when its database cannot be read within its bound."""
    from kiosk.shop_ledger.connection import ShopUnreachable
    from kiosk.shop_ledger.shop_day import read_shop_day as read

    try:
        shop = read(target, day, limit)
    except ShopUnreachable as exc:
        log.warning("back office: the whole shop cannot be shown: %s", exc)
        return DayData(day, DaySummary(DayTotals(), [], 0), [], False, False, shop=True, away=True)
    return DayData(day, shop.summary, shop.rows, len(shop.rows) >= limit, refresh, True, shop.lagging)


def read_page(
    ledger_file: Path, target: ShopDatabase | None, day: date, request: PageRequest
) -> tuple[PageRequest, list[tuple] | None]:
    """The page `request` asks for, from the shop database when `target` is given, else from this till's
    ledger. None for a shop page that could not be read: the next scroll to the end asks again."""
    if target is None:
        with Ledger.open(ledger_file) as ledger:
            return request, day_rows_page(ledger, day, request.after, request.size)
    from kiosk.shop_ledger.connection import ShopUnreachable
    from kiosk.shop_ledger.shop_day import read_shop_page

    try:
        return request, read_shop_page(target, day, request.after, request.size)
    except ShopUnreachable as exc:
        log.warning("back office: a page of the whole shop could not be read: %s", exc)
        return request, None
