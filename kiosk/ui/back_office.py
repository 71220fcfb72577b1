"""The manager's back office: a day's totals, sales per hour, every sale; refunds, re-checks and exports.

Every ledger read, Vipps call and export runs as a background job with its own connections; the screen only
shows what comes back. Opening a day reads its totals and sales per hour as aggregates in SQLite and only the
first page of its sales; the table reads the next page when it is scrolled to the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.config import KioskSettings, VippsSettings, data_dir
from kiosk.domain.money import AmountError, format_kroner, parse_kroner
from kiosk.ledger import Ledger, RefundRefused
from kiosk.ledger.export_csv import ExportError, write_day_csv
from kiosk.ledger.report import DaySummary, day_rows_page, day_summary
from kiosk.ui.background import BackgroundJob, JobKind, Progress
from kiosk.ui.hour_chart import HourChart
from kiosk.ui.i18n import money
from kiosk.ui.messages import translated
from kiosk.ui.sales_model import PageRequest, SalesTableModel

ROW_HEIGHT = 36


@dataclass(frozen=True)
class DayData:
    day: date
    summary: DaySummary
    rows: list[tuple]  # the first page (or, read again after an action, as many rows as were shown)
    more: bool  # the day may have more rows after these
    refresh: bool  # the same day read again: its rows are updated in place


class BackOffice(QWidget):
    """Signals: back_requested(), settings_requested(), kiosk_mode_requested() (lock, or unlock when locked)."""

    back_requested = Signal()
    settings_requested = Signal()
    kiosk_mode_requested = Signal()

    def __init__(self, ledger_file: Path, kiosk: KioskSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backOffice")
        self._ledger_file = ledger_file
        self._kiosk = kiosk
        self._vipps: VippsSettings | None = None
        self._jobs: set[BackgroundJob] = set()
        self._page_request: PageRequest | None = None
        self.day = date.today()
        self.model = SalesTableModel()
        self._summary: DaySummary | None = None
        self._message_source = ""  # what the message line says, in English: said again in a new language
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
        self.table = QTableView(self)
        self.table.setObjectName("transactionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # fast on 100,000 rows
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        # Fixed widths: sizing to contents would read all 100,000 rows.
        for column, width in enumerate((120, 330, 150, 230, 130, 110, 150)):
            self.table.horizontalHeader().resizeSection(column, width)
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
        self.model.page_wanted.connect(self._on_page_wanted)
        self.refund_button.clicked.connect(self._on_refund)
        self.refund_amount.returnPressed.connect(self._on_refund)
        self.recheck_button.clicked.connect(self._on_recheck)
        self.export_button.clicked.connect(lambda: self._on_export("csv"))
        self.export_pdf_button.clicked.connect(lambda: self._on_export("pdf"))

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

    def _load(self, refresh: bool = False) -> None:
        ledger_file, day, vipps = self._ledger_file, self.day, self._vipps
        # A refresh reads again as many rows as are shown, so the view keeps its place.
        limit = max(self.model.page_size, self.model.loaded if refresh else 0)

        def load(_progress: Progress) -> DayData:
            with Ledger.open(ledger_file) as ledger:
                from kiosk.checkout.cross_till_resend import has_pending_refunds

                if vipps is not None and has_pending_refunds(ledger):
                    from kiosk.checkout.cross_till_resend import resend_pending_cross_till_refunds
                    from kiosk.checkout.providers_by_api import ProvidersByApi
                    from kiosk.checkout.refunds import resend_pending_refunds

                    with ProvidersByApi(vipps) as providers:  # refunds that got no answer: sent again, same key
                        resend_pending_refunds(providers, ledger)
                        resend_pending_cross_till_refunds(providers, ledger)  # of other tills' sales
                rows = day_rows_page(ledger, day, limit=limit)
                return DayData(day, day_summary(ledger, day), rows, len(rows) >= limit, refresh)

        from kiosk.vipps import VippsError

        job = BackgroundJob(load, expected=(VippsError,))
        job.done.connect(self._on_loaded)
        self._start(job)

    @Slot(object)
    def _on_loaded(self, data: DayData) -> None:
        if data.day != self.day:
            return  # a later pick already asked for another day
        self.model.set_rows(data.rows, data.more, data.refresh)
        self.chart.set_hours(data.summary.hours)
        self._summary = data.summary
        self._show_totals()
        self._update_actions()

    def _show_totals(self) -> None:
        if self._summary is None:
            return
        self.table.setAccessibleDescription(self.tr("{count} sales, oldest first").format(count=self._summary.sales))
        t = self._summary.totals
        money_line = self.tr("Captured {count} · {captured}    Refunded {refunded}    Net {net}").format(
            count=t.captured_count, captured=money(t.captured_ore), refunded=money(t.refunded_ore), net=money(t.net_ore)
        )
        counts_line = self.tr(
            "Refused {refused} · Rejected {rejected} · Time ran out {expired} · Cancelled {cancelled}"
            " · Not started {not_started} · Needs checking {needs_check}"
        ).format_map(vars(t))
        self.totals.setText(f"{money_line}\n{counts_line}")

    @Slot(object)
    def _on_page_wanted(self, request: PageRequest) -> None:
        ledger_file, day = self._ledger_file, self.day

        def read(_progress: Progress) -> tuple[PageRequest, list[tuple]]:
            with Ledger.open(ledger_file) as ledger:
                return request, day_rows_page(ledger, day, request.after, request.size)

        self._page_request = request  # one at a time: the model asks for the next only when this one is back
        job = BackgroundJob(read, kind=JobKind.PERSON)
        job.done.connect(self._on_page_read)
        job.failed.connect(self._on_page_failed)
        self._start(job)

    @Slot(object)
    def _on_page_read(self, result: tuple[PageRequest, list[tuple]]) -> None:
        self.model.add_page(*result)

    @Slot(str)
    def _on_page_failed(self, _message: str) -> None:
        if self._page_request is not None:
            self.model.page_failed(self._page_request)

    @Slot(int, str)
    def _on_day_picked(self, picked: QDate) -> None:
        self.open_day(date(picked.year(), picked.month(), picked.day()))

    def _selected(self) -> tuple | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.sale_at(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        sale, idle = self._selected(), not self.busy
        refundable = sale is not None and sale[8] > sale[9] and sale[4] == "PAID"
        self.refund_button.setEnabled(idle and refundable and self._vipps is not None)
        # A paid sale not captured yet (PSP: Vipps' batch may not have applied the capture) may be re-checked too.
        pending = sale is not None and sale[4] == "PAID" and not sale[8]
        self.recheck_button.setEnabled(
            idle and sale is not None and (sale[4] in ("NEEDS_CHECK", "OPEN") or pending) and self._vipps is not None
        )
        self.export_button.setEnabled(idle)
        self.export_pdf_button.setEnabled(idle)

    def _on_refund(self) -> None:
        sale = self._selected()
        if sale is None or self._vipps is None or not self.refund_button.isEnabled():
            return
        sale_id, remaining = sale[0], sale[8] - sale[9]
        text = self.refund_amount.text().strip()
        try:
            amount = parse_kroner(text) if text else remaining
        except AmountError as exc:
            self._say(str(exc))
            return
        vipps, ledger_file = self._vipps, self._ledger_file

        sale_till = ""  # this till's own sale (the whole shop's view names the till of each)

        def send(_progress: Progress) -> str:
            from kiosk.checkout.providers_by_api import ProvidersByApi
            from kiosk.checkout.shop_refunds import refund_shop_sale
            from kiosk.shop_ledger.address import configured_target

            # With a shop database the amount is claimed there first, so no two tills refund more than remains.
            with Ledger.open(ledger_file) as ledger, ProvidersByApi(vipps) as providers:
                target = configured_target(ledger_file)
                record = refund_shop_sale(providers, ledger, target, sale_till, sale_id, amount)
            if record.state == "DONE":  # in English; the message line writes the amount in the language on screen
                return f"Refunded {format_kroner(amount)}."
            if record.state == "FAILED":
                return f"Vipps refused the refund: {record.reason}"
            return "No answer from Vipps yet. The refund is recorded and will be sent again."

        from kiosk.vipps import VippsError  # loaded by the kiosk's start-up already

        job = BackgroundJob(send, expected=(RefundRefused, VippsError))
        job.done.connect(self._on_action_done)
        self._say(QT_TRANSLATE_NOOP("Messages", "Refunding…"))
        self._start(job, action=True)
        self._update_actions()

    def _on_recheck(self) -> None:
        sale = self._selected()
        if sale is None or self._vipps is None or not self.recheck_button.isEnabled():
            return
        sale_id, vipps, kiosk, ledger_file = sale[0], self._vipps, self._kiosk, self._ledger_file

        def recheck(_progress: Progress) -> str:
            from kiosk.checkout.providers_by_api import ProvidersByApi
            from kiosk.checkout.recovery import ResumedSale

            with Ledger.open(ledger_file) as ledger, ProvidersByApi(vipps) as providers:
                update = ResumedSale.resume(providers, ledger, vipps, kiosk, ledger.sale(sale_id)).recover()
            return f"Checked with Vipps: {update.message}"

        from kiosk.vipps import VippsError  # loaded by the kiosk's start-up already

        job = BackgroundJob(recheck, expected=(VippsError,))
        job.done.connect(self._on_action_done)
        self._say(QT_TRANSLATE_NOOP("Messages", "Checking with Vipps…"))
        self._start(job, action=True)
        self._update_actions()

    def _on_export(self, fmt: str) -> None:
        if self.busy:
            return
        ledger_file, day = self._ledger_file, self.day
        target = data_dir() / "exports" / f"kiosk-{day.isoformat()}.{fmt}"

        def export(progress: Progress) -> str:
            target.parent.mkdir(parents=True, exist_ok=True)
            with Ledger.open(ledger_file) as ledger:
                if fmt == "csv":
                    count = write_day_csv(ledger, day, target, progress)
                    return f"Exported {count} sales to {target}"
                from kiosk.ui.day_report_pdf import write_day_pdf

                write_day_pdf(ledger, day, target)
                return f"Wrote the end-of-day report to {target}"

        job = BackgroundJob(export, expected=(ExportError, OSError))
        job.progress.connect(self._on_progress)
        job.done.connect(self._on_action_done)
        self.progress.setValue(0)
        self.progress.show()
        self._say(QT_TRANSLATE_NOOP("Messages", "Exporting…"))
        self._start(job, action=True)
        self._update_actions()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    @Slot(object)
    def _on_action_done(self, message: str) -> None:
        self.progress.hide()
        self._say(message)
        self._load(refresh=True)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.progress.hide()
        self._say(message)
        self._update_actions()

    def _say(self, message: str) -> None:
        """Show `message`, written in English by a job or below the screens, in the language on screen."""
        self._message_source = message
        self.message.setText(translated(message) if message else "")

    def _retranslate(self) -> None:
        self.day_picker.setAccessibleName(self.tr("Day to show"))
        self.back_button.setText(self.tr("Back to the till"))
        self.totals.setAccessibleName(self.tr("Totals of the day"))
        self.table.setAccessibleName(self.tr("Sales of the day"))
        self.refund_amount.setAccessibleName(self.tr("Amount to refund in kroner; empty refunds what remains"))
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
        self.refund_label.setText(self.tr("Refund (kr)"))
        self._show_totals()
        self._say(self._message_source)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self.table.viewport().update()  # the rows' amounts and statuses are written as they are painted

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
