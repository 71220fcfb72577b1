"""The day's sales as a Qt table model: plain tuples in memory, formatted only for the rows on screen."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kiosk.domain.money import format_kroner
from kiosk.ledger.report import status_of

HEADERS = ("Time", "Order id", "Amount", "Status", "Phone", "Attempts", "Refunded")
SALE_ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


class SalesTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[tuple] = []

    def set_rows(self, rows: list[tuple]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        sale_id, created_at, order_id, amount, state, outcome, phone, attempts, captured, refunded = self._rows[
            index.row()
        ]
        if role == SALE_ID_ROLE:
            return sale_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (2, 5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        column = index.column()
        if column == 0:
            return datetime.fromisoformat(created_at).astimezone().strftime("%H:%M:%S")
        if column == 1:
            return order_id or ""
        if column == 2:
            return format_kroner(amount)
        if column == 3:
            return status_of(state, outcome, captured, refunded)
        if column == 4:
            return phone or ""
        if column == 5:
            return str(attempts)
        return format_kroner(refunded) if refunded else ""

    def sale_at(self, row: int) -> tuple | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
