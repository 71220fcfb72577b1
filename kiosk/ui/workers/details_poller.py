"""The details poller: a worker object on its own QThread that reads each watched payment on Vipps' schedule.

First read `poll_start_delay_s` after an attempt is watched, then every `poll_interval_s`. On errors it backs
off (doubling, at most 30 s); a 429 waits what Vipps asks. It owns its own payment provider and talks back only by
signals; the GUI thread never waits on it.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot

from kiosk.checkout.provider import PaymentProvider
from kiosk.checkout.providers_by_api import make_provider
from kiosk.settings.model import KioskSettings, VippsSettings
from kiosk.vipps import RetryPolicy, VippsCancelled, VippsError, VippsRateLimited

MAX_BACKOFF_S = 30.0
# The poller's own schedule is its retry: one quick second try inside the client, no long waits there.
POLL_RETRY = RetryPolicy(attempts=2, base_s=0.1, cap_s=0.5, longest_retry_after_s=0.0)


class DetailsPoller(QObject):
    """Signals: details_read(str tx, object PaymentStatus), poll_failed(str tx, str message), stopped()."""

    details_read = Signal(str, object)
    poll_failed = Signal(str, str)
    stopped = Signal()

    def __init__(self, vipps: VippsSettings, kiosk: KioskSettings) -> None:
        super().__init__()
        self._vipps = vipps
        self._first_delay_s = kiosk.poll_start_delay_s
        self._interval_s = kiosk.poll_interval_s
        self._due: dict[str, float] = {}
        self._failures: dict[str, int] = {}
        self._client: PaymentProvider | None = None
        self._timer: QTimer | None = None
        self._calls_cancelled = False  # set from another thread: the kiosk is closing
        self._stopped = False

    @Slot()
    def start(self) -> None:
        """Runs in the poller's thread: the client and the timer belong to it."""
        self._client = make_provider(self._vipps, retry=POLL_RETRY)
        if self._calls_cancelled:  # closing began before this thread got going
            self._client.cancel_calls()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # A coarse timer (Qt's default) may fire up to 5% of its wait late, so every poll, and with it every
        # approval on screen, would come up to 0.05 × the interval later than Vipps' schedule allows.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_due)

    @Slot(object)
    def watch(self, transaction_ids: frozenset[str]) -> None:
        now = time.monotonic()
        for tx in transaction_ids - self._due.keys():
            self._due[tx] = now + self._first_delay_s
        for tx in self._due.keys() - transaction_ids:
            del self._due[tx]
            self._failures.pop(tx, None)
        self._schedule()

    def cancel_calls(self) -> None:
        """From any thread: end the network call under way, and every later one, so the thread can stop."""
        self._calls_cancelled = True  # before reading the client: start() checks it after making one
        client = self._client
        if client is not None:
            client.cancel_calls()

    @Slot()
    def stop(self) -> None:
        if self._stopped:  # asked twice at closing time: by its run's end and by the abort
            return
        self._stopped = True
        self._due.clear()
        if self._timer is not None:
            self._timer.stop()
        if self._client is not None:
            self._client.cancel_calls()
            self._client.close()
            self._client = None
        # Back to the GUI thread before this thread ends, to be freed with its run (see SaleWorker.shutdown).
        self.moveToThread(QCoreApplication.instance().thread())
        self.stopped.emit()

    def _schedule(self) -> None:
        if self._timer is None or not self._due:
            return
        wait_s = max(0.0, min(self._due.values()) - time.monotonic())
        self._timer.start(int(wait_s * 1000))

    @Slot()
    def _on_due(self) -> None:
        now = time.monotonic()
        for tx in [tx for tx, due in self._due.items() if due <= now]:
            if self._client is None:
                return
            self._poll(tx)
        self._schedule()

    def _poll(self, tx: str) -> None:
        assert self._client is not None
        asked_at = time.monotonic()
        try:
            status = self._client.read(tx)
        except VippsCancelled:
            return
        except VippsRateLimited as exc:
            self._failed(tx, "Vipps asks us to slow down", exc.retry_after_s)
            return
        except VippsError as exc:
            self._failed(tx, str(exc), None)
            return
        self._failures.pop(tx, None)
        if tx in self._due:
            # Counted from the question, not the answer: a slow answer does not stretch the cycle.
            self._due[tx] = asked_at + self._interval_s
        self.details_read.emit(tx, status)

    def _failed(self, tx: str, message: str, wait_s: float | None) -> None:
        failures = self._failures.get(tx, 0) + 1
        self._failures[tx] = failures
        backoff = min(MAX_BACKOFF_S, self._interval_s * 2 ** (failures - 1))
        if tx in self._due:
            self._due[tx] = time.monotonic() + max(backoff, wait_s or 0.0)
        self.poll_failed.emit(tx, message)
