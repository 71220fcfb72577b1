"""The day's sales as a Qt table model, a page at a time: the ledger's typed rows in memory (DayRow, ShopRow),
formatted only for the rows on screen.

The model holds the pages read so far. When the view scrolls to their end it calls `fetchMore`, and the model
asks for the next page with `page_wanted`; whoever reads the ledger (off the GUI thread) hands the rows back to
`add_page`. A day of 100,000 sales therefore opens with one page read, not 100,000 rows.

The same model shows the whole shop's day (kiosk.shop_ledger.shop_day): its rows carry their till, shown in a
last column, and its pages follow (time, till, id), since sale ids repeat across tills.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from kiosk.domain.apis import api_title
from kiosk.ledger.report import DayRow
from kiosk.shop_ledger.shop_rows import SaleIdentity, ShopRow, identity_of
from kiosk.ui.language.i18n import money
from kiosk.ui.language.messages import sale_status_text

HEADERS = (  # in English; shown in the language on screen
    QT_TRANSLATE_NOOP("SalesTableModel", "Time"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Order id"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Amount"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Status"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Phone"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Attempts"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Refunded"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Vipps API"),
)
SHOP_HEADERS = (*HEADERS, QT_TRANSLATE_NOOP("SalesTableModel", "Till"))  # the whole shop's day: last, as in its CSV
SALE_ID_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 200  # a few screens of rows: one page is read in about a millisecond, even at the end of a busy day
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PageRequest:
    """The next page: `size` sales after the one keyed `after`: (created_at, id) on a till's day, (created_at,
    till, id) on the shop's. `generation` tells a page read for rows the model has since replaced (another day,
    a reload, the other view) from one it still wants."""

    generation: int
    after: tuple
    size: int


class SalesTableModel(QAbstractTableModel):
    """Signals: page_wanted(object PageRequest)."""

    page_wanted = Signal(object)

    def __init__(self, page_size: int = PAGE_SIZE) -> None:
        super().__init__()
        self.page_size = page_size
        self._rows: list[DayRow] = []  # ShopRow, each with its till, on the shop's day
        self._more = False  # the last read filled its page: the day may have more
        self._pending = False  # a page was asked for and has not come back
        self._generation = 0
        self._here = SaleIdentity("", "", 0)  # this till's shop and till id ("" on its own)
        self._shop = False  # the rows are the whole shop's (with their till), not this till's

    def set_here(self, shop_id: str, till_id: str) -> None:
        """This till's place in the shop, for the identity of its own rows."""
        self._here = SaleIdentity(shop_id, till_id, 0)

    @property
    def shows_shop(self) -> bool:
        return self._shop

    def set_rows(self, rows: Sequence[DayRow], more: bool, refresh: bool = False, shop: bool = False) -> None:
        """Show `rows` (the first pages of a day); `more`: the day may have more rows after them; `shop`: they
        are the whole shop's, each with its till.

        `refresh`: the same day read again (after a refund or a re-check). When its rows are the same sales in
        the same order, they are updated in place, so the view keeps its scroll position and selection."""
        self._generation += 1
        self._pending = False
        self._more = more
        kept = min(len(rows), len(self._rows))
        same = shop == self._shop and [r.key for r in rows[:kept]] == [r.key for r in self._rows[:kept]]
        if not (refresh and same):
            self.beginResetModel()
            self._shop = shop
            self._rows = list(rows)
            self.endResetModel()
            return
        if kept:
            self._rows[:kept] = rows[:kept]
            self.dataChanged.emit(self.index(0, 0), self.index(kept - 1, self.columnCount() - 1))
        if len(self._rows) > kept:
            self.beginRemoveRows(QModelIndex(), kept, len(self._rows) - 1)
            del self._rows[kept:]
            self.endRemoveRows()
        elif len(rows) > kept:
            self.beginInsertRows(QModelIndex(), kept, len(rows) - 1)
            self._rows.extend(rows[kept:])
            self.endInsertRows()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self._more and not self._pending and bool(self._rows)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if not self.canFetchMore(parent):
            return
        self._pending = True
        self.page_wanted.emit(PageRequest(self._generation, self._rows[-1].key, self.page_size))

    def add_page(self, request: PageRequest, rows: Sequence[DayRow]) -> None:
        """The page read for `request`; dropped when the model has moved on to other rows since."""
        if request.generation != self._generation:
            return
        self._pending = False
        self._more = len(rows) >= request.size
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def page_failed(self, request: PageRequest) -> None:
        """The page could not be read: the next scroll to the end asks again."""
        if request.generation == self._generation:
            self._pending = False

    @property
    def loaded(self) -> int:
        return len(self._rows)

    @property
    def has_more(self) -> bool:
        """The day may have rows after those read so far (the last read filled its page)."""
        return self._more

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(SHOP_HEADERS if self._shop else HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        headers = SHOP_HEADERS if self._shop else HEADERS
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section < len(headers):
            return QCoreApplication.translate("SalesTableModel", headers[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == SALE_ID_ROLE:
            return row.sale_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == 0:
            return datetime.fromisoformat(row.created_at).astimezone().strftime("%H:%M:%S")
        if column == 1:
            return row.order_id or ""
        if column == 2:
            return money(row.amount_ore, currency=row.currency)
        if column == 3:
            return sale_status_text(row.status)
        if column == 4:
            return row.phone_masked or ""
        if column == 5:
            return str(row.attempt_count)
        if column == 6:
            return money(row.refunded_ore, currency=row.currency) if row.refunded_ore else ""  # the sale's currency
        if column == 7:
            return api_title(row.provider)
        return row.till_id if isinstance(row, ShopRow) else ""

    def sale_at(self, row: int) -> DayRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def identity_at(self, row: int) -> SaleIdentity | None:
        """Which sale the row is, this till's or another's: what a refund across tills needs to find it."""
        sale = self.sale_at(row)
        if sale is None:
            return None
        if isinstance(sale, ShopRow):
            return identity_of(self._here.shop_id, sale)
        return SaleIdentity(self._here.shop_id, self._here.till_id, sale.sale_id, None, sale.provider)

    def is_here(self, row: int) -> bool:
        """Whether the row is a sale of this till (its own ledger has it under the row's sale id)."""
        sale = self.sale_at(row)
        return sale is not None and (not isinstance(sale, ShopRow) or sale.till_id == self._here.till_id)
