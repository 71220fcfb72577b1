"""The manager's back office: a day's totals, sales per hour, every sale; refunds, re-checks and exports.

Every ledger read, Vipps call and export runs as a background job with its own connections; the screen only
shows what comes back. Opening a day reads its totals and sales per hour as aggregates in SQLite and only the
first page of its sales; the table reads the next page when it is scrolled to the end.

With a shop database it offers "This till" or "The whole shop" (kiosk.ui.screens.shop_view): the shop's day is read from
PostgreSQL the same way, a page at a time, on the network jobs' pool (it waits on another PC's database, never
on the GUI thread, and never longer than kiosk.shop_ledger.shop_day.BOUND_S).
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.market import NORWAY, Market
from kiosk.domain.message import Message
from kiosk.domain.money import AmountError, parse_amount
from kiosk.ledger import RefundRefused
from kiosk.ledger.export_csv import ExportError
from kiosk.ledger.report import DayRow, DaySummary
from kiosk.settings.model import KioskSettings, ShopSettings, VippsSettings
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.shop_rows import SaleIdentity
from kiosk.ui.language.i18n import currency_unit, money
from kiosk.ui.language.messages import translated
from kiosk.ui.models.sales_model import SalesTableModel
from kiosk.ui.screens.hour_chart import HourChart
from kiosk.ui.screens.sales_table import SalesTable
from kiosk.ui.screens.shop_view import ShopScope
from kiosk.ui.workers.background import BackgroundJob
from kiosk.ui.workers.day_export import export_day, export_target
from kiosk.ui.workers.day_reading import DayData, DayReader
from kiosk.ui.workers.sale_actions import recheck_sale, refund_sale
from kiosk.vipps import VippsError


class BackOffice(QWidget):
    """Signals: back_requested(), settings_requested(), kiosk_mode_requested() (lock, or unlock when locked)."""

    back_requested = Signal()
    settings_requested = Signal()
    kiosk_mode_requested = Signal()

    def __init__(
        self,
        ledger_file: Path,
        kiosk: KioskSettings,
        parent: QWidget | None = None,
        shop: ShopSettings | None = None,
        market: Market | None = None,
    ) -> None:
        """`shop`: its database, if set, is where "The whole shop" is read from. `market`: the shop's (a demo
        passes no `shop` but has a market), else `shop`'s, else Norway: a day without sales shows zero in its
        currency, and refunds are typed its way."""
        super().__init__(parent)
        self.setObjectName("backOffice")
        self._ledger_file = ledger_file
        self._kiosk = kiosk
        self._market = market or (shop.market if shop is not None else NORWAY)
        self._shop_db: ShopDatabase | None = None
        if shop is not None and shop.database:
            self._shop_db = ShopDatabase(shop.database, kiosk.till_id, shop.shop_id, shop.database_password)
        self.scope: ShopScope | None = None  # "This till" or "The whole shop", with a shop database only
        self._vipps: VippsSettings | None = None
        self._jobs: set[BackgroundJob] = set()
        self.day = date.today()
        self.model = SalesTableModel()
        self.model.set_here(self._shop_db.shop_id if self._shop_db else "", kiosk.till_id)
        self._summary: DaySummary | None = None
        self._reader = DayReader(self.model, ledger_file, self._shop_db, self._start, self)
        self._message_source: Message | str = ""  # what the message line says: said again in a new language
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        self.day_picker = QDateEdit(self)
        self.day_picker.setObjectName("dayPicker")
        self.day_picker.setCalendarPopup(True)
        self.day_picker.setDisplayFormat("yyyy-MM-dd")
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("backToTillButton")
        self.totals = QLabel("", self)
        self.totals.setObjectName("dayTotals")
        self.totals.setWordWrap(True)
        self.chart = HourChart(self)
        self.table = SalesTable(self.model, self)
        self.refund_amount = QLineEdit(self)
        self.refund_amount.setObjectName("refundAmountInput")
        self.refund_button = QPushButton(self)
        self.refund_button.setObjectName("refundButton")
        self.recheck_button = QPushButton(self)
        self.recheck_button.setObjectName("recheckButton")
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("exportButton")
        self.export_pdf_button = QPushButton(self)
        self.export_pdf_button.setObjectName("exportPdfButton")
        self.settings_button = QPushButton(self)
        self.settings_button.setObjectName("settingsButton")
        self.kiosk_mode_button = QPushButton(self)
        self.kiosk_mode_button.setObjectName("kioskModeButton")
        self._kiosk_locked = False
        self.progress = QProgressBar(self)
        self.progress.setObjectName("exportProgress")
        self.progress.hide()
        self.message = QLabel("", self)
        self.message.setObjectName("backOfficeMessage")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        self.title = QLabel(self)
        self.title.setObjectName("headerTitle")
        top.addWidget(self.title)
        self.till_label = QLabel(self)
        self.till_label.setObjectName("backOfficeTillId")
        self.till_label.setVisible(bool(self._kiosk.till_id))
        top.addWidget(self.till_label)
        top.addWidget(self.day_picker)
        top.addStretch(1)
        top.addWidget(self.settings_button)
        top.addWidget(self.kiosk_mode_button)
        top.addWidget(self.back_button)
        actions = QGridLayout()
        self.refund_label = QLabel(self)
        actions.addWidget(self.refund_label, 0, 0)
        actions.addWidget(self.refund_amount, 0, 1)
        actions.addWidget(self.refund_button, 0, 2)
        actions.addWidget(self.recheck_button, 0, 3)
        actions.addWidget(self.export_button, 0, 4)
        actions.addWidget(self.export_pdf_button, 0, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        if self._shop_db is not None:
            self.scope = ShopScope(self._kiosk.till_id, self)
            layout.addWidget(self.scope)
        layout.addWidget(self.totals)
        layout.addWidget(self.chart)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        self._retranslate()
        self._update_actions()

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.back_requested)  # and Esc, the window's key (kiosk.ui.screen_keys)
        self.settings_button.clicked.connect(self.settings_requested)
        self.kiosk_mode_button.clicked.connect(self.kiosk_mode_requested)
        self.day_picker.dateChanged.connect(self._on_day_picked)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._reader.loaded.connect(self._on_loaded)
        self.refund_button.clicked.connect(self._on_refund)
        self.refund_amount.returnPressed.connect(self._on_refund)
        self.recheck_button.clicked.connect(self._on_recheck)
        self.export_button.clicked.connect(lambda: self._on_export("csv"))
        self.export_pdf_button.clicked.connect(lambda: self._on_export("pdf"))
        if self.scope is not None:
            self.scope.changed.connect(self._on_scope_changed)

    # ---- what the window tells it ------------------------------------------------------------------------------

    def set_vipps(self, vipps: VippsSettings) -> None:
        self._vipps = vipps

    def show_kiosk_mode(self, locked: bool) -> None:
        self._kiosk_locked = locked
        if locked:
            self.kiosk_mode_button.setText(self.tr("Leave kiosk mode"))
            self.kiosk_mode_button.setAccessibleName(self.tr("Leave kiosk mode: a window on the desktop again"))
        else:
            self.kiosk_mode_button.setText(self.tr("Lock kiosk mode"))
            self.kiosk_mode_button.setAccessibleName(self.tr("Lock kiosk mode: full screen, the PIN to leave"))

    def open_day(self, day: date) -> None:
        self.day = day
        self.day_picker.blockSignals(True)
        self.day_picker.setDate(QDate(day.year, day.month, day.day))
        self.day_picker.blockSignals(False)
        self._say("")
        self._load()

    # ---- jobs --------------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """One money or file action at a time: a second Enter must not send a second refund."""
        return any(job.property("action") for job in self._jobs)

    def _start(self, job: BackgroundJob, action: bool = False) -> None:
        # Results arrive from pool threads: only bound slots of this (GUI-thread) object receive them.
        job.setProperty("action", action)
        self._jobs.add(job)
        job.failed.connect(self._on_failed)
        job.done.connect(self._forget_job)
        job.failed.connect(self._forget_job)
        job.start()

    @Slot()
    def _forget_job(self) -> None:
        self._jobs.discard(self.sender())
        self._update_actions()

    @property
    def shows_shop(self) -> bool:
        """The whole shop's day is chosen (with a shop database only)."""
        return self.scope is not None and self.scope.shows_shop

    @Slot()
    def _on_scope_changed(self) -> None:
        self._summary = None
        self.totals.setText("")
        self._load()

    def _load(self, refresh: bool = False) -> None:
        self._reader.load(self.day, self._vipps, self.shows_shop, refresh)

    @Slot(object)
    def _on_loaded(self, data: DayData) -> None:
        if data.day != self.day or data.shop != self.shows_shop:
            return  # a later pick already asked for another day, or the other view
        self.model.set_rows(data.rows, data.more, data.refresh, shop=data.shop)
        if not data.refresh:
            self.table.size_columns(data.shop)
        self.chart.set_hours(data.summary.hours)
        self._summary = None if data.away else data.summary
        if self.scope is not None:
            self.scope.show_away() if data.away else self.scope.show_fresh(data.lagging or [])
        self.totals.setText("")
        self._show_totals()
        self._update_actions()

    def _show_totals(self) -> None:
        if self._summary is None:
            return
        self.table.setAccessibleDescription(self.tr("%n sale(s), oldest first", None, self._summary.sales))
        # A line of money per currency (a shop never mixes: one), never a sum across currencies.
        money_lines = [
            self.tr("Captured {count} · {captured}    Refunded {refunded}    Net {net}").format(
                count=t.captured_count,
                captured=money(t.captured_ore, currency=t.currency),
                refunded=money(t.refunded_ore, currency=t.currency),
                net=money(t.net_ore, currency=t.currency),
            )
            for t in self._summary.totals(self._market.currency)
        ]
        counts_line = self.tr(
            "Refused {refused} · Rejected {rejected} · Time ran out {expired} · Cancelled {cancelled}"
            " · Not started {not_started} · Needs checking {needs_check}"
        ).format_map(self._summary.outcomes)
        self.totals.setText("\n".join([*money_lines, counts_line]))

    @Slot(int, str)
    def _on_day_picked(self, picked: QDate) -> None:
        self.open_day(date(picked.year(), picked.month(), picked.day()))

    def _selected(self, any_till: bool = False) -> DayRow | None:
        """The selected sale. Only this till's are re-checked here; with `any_till` another till's too, for a
        refund (claimed in the shop database first, kiosk.checkout.shop_refunds)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or not (any_till or self.model.is_here(rows[0].row())):
            return None
        return self.model.sale_at(rows[0].row())

    def selected_identity(self) -> SaleIdentity | None:
        """Which sale is selected, this till's or another's (shop, till, sale id, Vipps reference and API)."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.identity_at(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        sale, idle, any_sale = self._selected(), not self.busy, self._selected(any_till=True)
        refundable = any_sale is not None and any_sale.refundable
        self.refund_button.setEnabled(idle and refundable and self._vipps is not None)
        # A paid sale not captured yet (PSP: Vipps' batch may not have applied the capture) may be re-checked too.
        unsettled = sale is not None and (sale.state in ("NEEDS_CHECK", "OPEN") or sale.capture_pending)
        self.recheck_button.setEnabled(idle and unsettled and self._vipps is not None)
        self.export_button.setEnabled(idle)
        self.export_pdf_button.setEnabled(idle)

    def _on_refund(self) -> None:
        sale, identity = self._selected(any_till=True), self.selected_identity()
        if sale is None or identity is None or self._vipps is None or not self.refund_button.isEnabled():
            return
        text = self.refund_amount.text().strip()
        try:
            amount = parse_amount(text, self._market) if text else sale.captured_ore - sale.refunded_ore
        except AmountError as exc:
            self._say(exc.message)
            return
        # With a shop database the amount is claimed there first, so no two tills refund more than remains.
        target, till = self._shop_db, identity.till_id
        send = partial(
            refund_sale, self._vipps, self._ledger_file, target, till, sale.sale_id, amount, currency=sale.currency
        )
        job = BackgroundJob(send, expected=(RefundRefused, VippsError))
        job.done.connect(self._on_action_done)
        self._say(Message("Refunding…"))
        self._start(job, action=True)
        self._update_actions()

    def _on_recheck(self) -> None:
        sale = self._selected()
        if sale is None or self._vipps is None or not self.recheck_button.isEnabled():
            return
        recheck = partial(recheck_sale, self._vipps, self._kiosk, self._ledger_file, sale.sale_id)
        job = BackgroundJob(recheck, expected=(VippsError,))
        job.done.connect(self._on_action_done)
        self._say(Message("Checking with Vipps…"))
        self._start(job, action=True)
        self._update_actions()

    def _on_export(self, fmt: str) -> None:
        if self.busy:
            return
        ledger_file, day = self._ledger_file, self.day
        target = export_target(day, fmt)
        export = partial(export_day, ledger_file, day, fmt, target, currency=self._market.currency)
        job = BackgroundJob(export, expected=(ExportError, OSError))
        job.progress.connect(self._on_progress)
        job.done.connect(self._on_action_done)
        self.progress.setValue(0)
        self.progress.show()
        self._say(Message("Exporting…"))
        self._start(job, action=True)
        self._update_actions()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    @Slot(object)
    def _on_action_done(self, message: Message) -> None:
        self.progress.hide()
        self._say(message)
        self._load(refresh=True)

    @Slot(object)
    def _on_failed(self, message: Message | str) -> None:
        self.progress.hide()
        self._say(message)
        self._update_actions()

    def _say(self, message: Message | str) -> None:
        """Show `message`, made by a job or below the screens, in the language on screen."""
        self._message_source = message
        self.message.setText(translated(message) if message else "")

    def _retranslate(self) -> None:
        self.day_picker.setAccessibleName(self.tr("Day to show"))
        self.back_button.setText(self.tr("Back to the till"))
        self.totals.setAccessibleName(self.tr("Totals of the day"))
        self.table.setAccessibleName(self.tr("Sales of the day"))
        unit = currency_unit(self._market.currency)  # as the amount screen names it, in the language on screen
        self.refund_amount.setAccessibleName(
            self.tr("Amount to refund ({unit}); empty refunds what remains").format(unit=unit)
        )
        self.refund_amount.setPlaceholderText(self.tr("all that remains"))
        self.refund_button.setText(self.tr("Refund"))
        self.refund_button.setAccessibleName(self.tr("Refund the selected sale"))
        self.recheck_button.setText(self.tr("Re-check with Vipps"))
        self.recheck_button.setAccessibleName(self.tr("Re-check the selected sale with Vipps"))
        self.export_button.setText(self.tr("Export CSV"))
        self.export_button.setAccessibleName(self.tr("Export the day as CSV"))
        self.export_pdf_button.setText(self.tr("End-of-day PDF"))
        self.export_pdf_button.setAccessibleName(self.tr("Export the end-of-day report as PDF"))
        self.settings_button.setText(self.tr("Settings"))
        self.settings_button.setAccessibleName(self.tr("Settings: Vipps, timings, language, look"))
        self.show_kiosk_mode(self._kiosk_locked)
        self.message.setAccessibleName(self.tr("Back office message"))
        self.title.setText(self.tr("Back office"))
        self.till_label.setText(self.tr("Till {till}").format(till=self._kiosk.till_id))
        self.till_label.setAccessibleName(self.tr("This till: {till}").format(till=self._kiosk.till_id))
        self.refund_label.setText(self.tr("Refund ({unit})").format(unit=unit))
        self._show_totals()
        self._say(self._message_source)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self.table.viewport().update()  # the rows' amounts and statuses are written as they are painted

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
