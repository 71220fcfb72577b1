"""What the back office reads for a day, as jobs for its background pools: this till's day from its own ledger,
or the whole shop's from the shop database, and the next page of either. Each job opens its own connection.
DayReader starts them for the back office's table model.

No widget here: the back office shows what they return. The shop's reads never raise for a
database that is away: they say so in what they return, and the reason goes to the log (it may name a host).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.checkout.cross_till_resend import resend_pending_cross_till_refunds
from kiosk.checkout.providers_by_api import ProvidersByApi
from kiosk.checkout.refunds import resend_pending_refunds
from kiosk.ledger import Ledger
from kiosk.ledger.report import DayRow, DaySummary
from kiosk.settings.model import VippsSettings
from kiosk.shop_ledger import shop_day
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.connection import ShopUnreachable
from kiosk.ui.models.sales_model import PageRequest, SalesTableModel
from kiosk.ui.workers.background import BackgroundJob, JobKind
from kiosk.vipps import VippsError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DayData:
    day: date
    summary: DaySummary
    rows: Sequence[DayRow]  # the first page (or, read again after an action, as many rows as were shown)
    more: bool  # the day may have more rows after these
    refresh: bool  # the same day read again: its rows are updated in place
    shop: bool = False  # the whole shop's day (rows with their till: ShopRow), not this till's
    lagging: list[shop_day.TillFreshness] | None = None  # the shop's tills that have not copied lately
    away: bool = False  # the shop database could not be read: no figures


def read_till_day(ledger_file: Path, day: date, limit: int, vipps: VippsSettings | None, refresh: bool) -> DayData:
    """This till's day; refunds that got no answer (of its own sales and of other tills') are sent again first
    (same key), when Vipps is set."""
    with Ledger.open(ledger_file) as ledger:
        if vipps is not None and ledger.has_pending_refunds():
            with ProvidersByApi(vipps) as providers:
                resend_pending_refunds(providers, ledger)
                resend_pending_cross_till_refunds(providers, ledger)  # of other tills' sales
        rows = ledger.day_rows_page(day, limit=limit)
        return DayData(day, ledger.day_summary(day), rows, len(rows) >= limit, refresh)


def read_shop_day(target: ShopDatabase, day: date, limit: int, refresh: bool) -> DayData:
    """The whole shop's day, or `away` when its database cannot be read within its bound."""
    try:
        shop = shop_day.read_shop_day(target, day, limit)
    except ShopUnreachable as exc:
        log.warning("back office: the whole shop cannot be shown: %s", exc)
        return DayData(day, DaySummary((), [], 0), [], False, False, shop=True, away=True)
    return DayData(day, shop.summary, shop.rows, len(shop.rows) >= limit, refresh, True, shop.lagging)


def read_page(
    ledger_file: Path, target: ShopDatabase | None, day: date, request: PageRequest
) -> tuple[PageRequest, Sequence[DayRow] | None]:
    """The page `request` asks for, from the shop database when `target` is given, else from this till's
    ledger. None for a shop page that could not be read: the next scroll to the end asks again."""
    if target is None:
        with Ledger.open(ledger_file) as ledger:
            return request, ledger.day_rows_page(day, request.after, request.size)
    try:
        return request, shop_day.read_shop_page(target, day, request.after, request.size)
    except ShopUnreachable as exc:
        log.warning("back office: a page of the whole shop could not be read: %s", exc)
        return request, None


class DayReader(QObject):
    """Reads a day into the back office's table model off the GUI thread: the day's summary and first rows
    (`load`), then each further page the model asks for (page_wanted). Jobs go through `start`, the back
    office's, so it knows when it is busy and shows what failed.

    Signals: loaded(object DayData)."""

    loaded = Signal(object)

    def __init__(
        self,
        model: SalesTableModel,
        ledger_file: Path,
        shop_db: ShopDatabase | None,
        start: Callable[[BackgroundJob], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._ledger_file = ledger_file
        self._shop_db = shop_db
        self._start = start
        self._day = date.today()
        self._page_request: PageRequest | None = None
        model.page_wanted.connect(self._on_page_wanted)

    def load(self, day: date, vipps: VippsSettings | None, shop: bool, refresh: bool = False) -> None:
        """Read `day`, the whole shop's when `shop` (with a shop database only), else this till's. A refresh
        reads again as many rows as are shown, so the view keeps its place."""
        self._day = day
        ledger_file, target = self._ledger_file, self._shop_db
        limit = max(self._model.page_size, self._model.loaded if refresh else 0)
        if shop and target is not None:
            # NETWORK: it waits on the shop's database, perhaps on another PC, so a PIN never queues behind it.
            job = BackgroundJob(lambda _progress: read_shop_day(target, day, limit, refresh))
        else:
            job = BackgroundJob(lambda _progress: read_till_day(ledger_file, day, limit, vipps, refresh), (VippsError,))
        job.done.connect(self.loaded)
        self._start(job)

    @Slot(object)
    def _on_page_wanted(self, request: PageRequest) -> None:
        ledger_file, day = self._ledger_file, self._day
        target = self._shop_db if self._model.shows_shop else None
        self._page_request = request  # one at a time: the model asks for the next only when this one is back
        # A page of the shop waits on its database: the network pool, as the day's first read.
        kind = JobKind.PERSON if target is None else JobKind.NETWORK
        job = BackgroundJob(lambda _progress: read_page(ledger_file, target, day, request), kind=kind)
        job.done.connect(self._on_page_read)
        job.failed.connect(self._on_page_failed)
        self._start(job)

    @Slot(object)
    def _on_page_read(self, result: tuple[PageRequest, Sequence[DayRow] | None]) -> None:
        request, rows = result
        if rows is None:
            self._model.page_failed(request)
        else:
            self._model.add_page(request, rows)

    @Slot(object)
    def _on_page_failed(self, _message: object) -> None:
        if self._page_request is not None:
            self._model.page_failed(self._page_request)
