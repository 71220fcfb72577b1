"""The back office's table of a day's sales: one row selected at a time, rows of one fixed height and columns of
fixed widths, so that a day of 100,000 sales is never measured row by row."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from kiosk.ui.models.sales_model import SalesTableModel

ROW_HEIGHT = 36
TILL_WIDTHS = (120, 330, 150, 230, 130, 110, 150)  # the last column (Vipps API) takes the rest
SHOP_WIDTHS = (100, 280, 130, 190, 95, 85, 120, 100)  # narrower, so the shop's Till column fits 1280 px too


class SalesTable(QTableView):
    def __init__(self, model: SalesTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transactionsTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fast on 100,000 rows
        self.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.size_columns(shop=False)

    def size_columns(self, shop: bool) -> None:
        """Fixed widths: sizing to contents would read all 100,000 rows."""
        for column, width in enumerate(SHOP_WIDTHS if shop else TILL_WIDTHS):
            self.horizontalHeader().resizeSection(column, width)
