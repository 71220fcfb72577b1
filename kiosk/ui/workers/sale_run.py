"""One sale's background work: the sale worker and the details poller, each on its own QThread.

The run ends itself when the worker is done (the sale can no longer change): the poller stops, both threads
quit, and every object is deleted. A run may outlive its screen (a capture still retrying while the next
customer pays), never its job. At closing time `abort()` asks it to stop at once (its calls are cut off, never
waited out), and `wait()` gives it what is left of the closing deadline.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from kiosk.checkout.updates import SaleUpdate
from kiosk.domain.market import NORWAY, Market
from kiosk.settings.model import KioskSettings, VippsSettings
from kiosk.ui.closing import Deadline
from kiosk.ui.workers.details_poller import DetailsPoller
from kiosk.ui.workers.sale_worker import SaleWorker


class SaleRun(QObject):
    """Signals: updated(object SaleUpdate), qr_made(str url, object matrix), poll_failed(str tx, str message),
    polled(str tx), broken(object Message), ended().

    Requests to the worker go through this object's own signals, so they are queued into the worker's thread.
    """

    updated = Signal(object)
    qr_made = Signal(str, object)
    poll_failed = Signal(str, str)
    polled = Signal(str)
    broken = Signal(object)
    ended = Signal()

    _phone_requested = Signal(str)
    _personal_qr_requested = Signal(str)
    _cancel_requested = Signal()
    _expire_requested = Signal(str)
    _watch_changed = Signal(object)
    _stop_polling = Signal()
    _shutdown_requested = Signal()

    def __init__(
        self,
        vipps: VippsSettings,
        kiosk: KioskSettings,
        ledger_file: Path,
        amount_ore: int,
        payment_text: str,
        parent: QObject | None = None,
        shop_name: str = "",
        market: Market = NORWAY,
    ) -> None:
        super().__init__(parent)
        self.amount_ore = amount_ore
        self._worker_thread = QThread(self)
        self._worker_thread.setObjectName("sale-worker")
        self._poller_thread = QThread(self)
        self._poller_thread.setObjectName("details-poller")
        self._worker = SaleWorker(vipps, kiosk, ledger_file, amount_ore, payment_text, shop_name, market)
        self._poller = DetailsPoller(vipps, kiosk)
        self._worker.moveToThread(self._worker_thread)
        self._poller.moveToThread(self._poller_thread)
        self._threads_running = 0
        self._connect_signals()

    def _connect_signals(self) -> None:
        worker, poller = self._worker, self._poller
        self._worker_thread.started.connect(worker.start)
        self._poller_thread.started.connect(poller.start)
        self._phone_requested.connect(worker.start_phone)
        self._personal_qr_requested.connect(worker.start_personal_qr)
        self._cancel_requested.connect(worker.cancel)
        self._expire_requested.connect(worker.expire)
        self._watch_changed.connect(poller.watch)
        self._stop_polling.connect(poller.stop)
        self._shutdown_requested.connect(worker.shutdown)
        poller.details_read.connect(worker.observe)  # poller thread -> worker thread, queued
        poller.details_read.connect(self._on_details_read)
        poller.poll_failed.connect(self.poll_failed)
        # Direct: quit() is thread-safe, and at closing the GUI thread is waiting for these threads, not
        # delivering queued calls to them.
        poller.stopped.connect(self._poller_thread.quit, Qt.ConnectionType.DirectConnection)
        worker.qr_made.connect(self.qr_made)
        worker.updated.connect(self._on_updated)
        worker.broken.connect(self.broken)
        worker.done.connect(self._worker_thread.quit, Qt.ConnectionType.DirectConnection)
        worker.done.connect(self._stop_polling)
        for thread in (self._worker_thread, self._poller_thread):
            thread.finished.connect(self._on_thread_finished)

    def start(self) -> None:
        self._threads_running = 2
        self._poller_thread.start()
        self._worker_thread.start()

    def send_to_phone(self, phone: str) -> None:
        self._phone_requested.emit(phone)

    def send_personal_qr(self, code: str) -> None:
        """The customer's own code, scanned at the counter: push the payment to their app (superseding the QR)."""
        self._personal_qr_requested.emit(code)

    def cancel(self) -> None:
        self._cancel_requested.emit()

    def expire(self, tx: str) -> None:
        self._expire_requested.emit(tx)

    def abort(self) -> None:
        """The kiosk is closing: cut off the calls under way and ask both objects to shut down in their own
        threads (closing their client and ledger), which then end. Never blocks. What the sale still owed Vipps
        stays in the ledger for the next start to resolve."""
        self._worker.cancel_calls()
        self._poller.cancel_calls()
        self._shutdown_requested.emit()
        self._stop_polling.emit()

    def wait(self, deadline: Deadline) -> bool:
        """After abort(): wait for both threads until `deadline`. False if one is still running then."""
        return all(thread.wait(deadline.remaining_ms()) for thread in (self._worker_thread, self._poller_thread))

    @Slot(object)
    def _on_updated(self, update: SaleUpdate) -> None:
        self._watch_changed.emit(update.watch)
        self.updated.emit(update)

    @Slot(str, object)
    def _on_details_read(self, tx: str, _details: object) -> None:
        self.polled.emit(tx)

    @Slot()
    def _on_thread_finished(self) -> None:
        self._threads_running -= 1
        if self._threads_running == 0:
            self.ended.emit()
