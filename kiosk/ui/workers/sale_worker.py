"""The sale's worker object: runs the checkout steps (init, capture, cancel, reversal) on its own QThread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from kiosk.checkout.provider import PaymentProvider, PaymentStatus
from kiosk.checkout.providers_by_api import make_provider
from kiosk.checkout.session import SaleSession
from kiosk.checkout.states import SaleState
from kiosk.checkout.updates import SaleUpdate
from kiosk.domain.market import NORWAY, Market
from kiosk.domain.message import Message
from kiosk.domain.money import AmountError
from kiosk.ledger import Ledger, LedgerConflict, LedgerError
from kiosk.settings.model import KioskSettings, VippsSettings
from kiosk.ui.screens.qr_widget import qr_matrix
from kiosk.vipps import RetryPolicy

RETRY_WRITES_S = 2.0
# The worker sends unanswered writes again every RETRY_WRITES_S itself, so a client that would wait longer for room
# under Vipps' rate limit (ePayment: five cancels a minute for one payment) reports it instead: sitting out the
# wait would hold up every later step of the sale, such as the approval of the payment that replaced it.
SALE_RETRY = RetryPolicy(longest_own_limit_wait_s=RETRY_WRITES_S)
log = logging.getLogger(__name__)


def _ignore(_update: SaleUpdate) -> None:
    pass


class SaleWorker(QObject):
    """Signals: updated(object SaleUpdate), qr_made(str landing_url, object matrix) just before the update that
    shows it (the code is made here, off the GUI thread), broken(object Message) when the ledger cannot be used
    before anything was sent to Vipps (later, a refused write is said in an update and tried again), done().

    It ends itself (`done`) once the sale has an outcome and nothing about it can change any more: every
    attempt final, no write waiting for Vipps.
    """

    updated = Signal(object)
    qr_made = Signal(str, object)
    broken = Signal(object)
    done = Signal()

    def __init__(
        self,
        vipps: VippsSettings,
        kiosk: KioskSettings,
        ledger_file: Path,
        amount_ore: int,
        payment_text: str,
        shop_name: str = "",
        market: Market = NORWAY,
    ) -> None:
        super().__init__()
        self._shop_name = shop_name
        self._market = market  # the shop's: the sale's currency and its customers' phone rules
        self._vipps = vipps
        self._kiosk = kiosk
        self._ledger_file = ledger_file
        self._amount_ore = amount_ore
        self._payment_text = payment_text
        self._session: SaleSession | None = None
        self._provider: PaymentProvider | None = None
        self._ledger: Ledger | None = None
        self._retry_timer: QTimer | None = None
        self._finished = False
        self._calls_cancelled = False  # set from another thread: the kiosk is closing

    @Slot()
    def start(self) -> None:
        """Runs in the worker's thread: the client, the ledger connection and the timer belong to it."""
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(int(RETRY_WRITES_S * 1000))
        self._retry_timer.timeout.connect(self.retry_writes)
        try:
            self._ledger = Ledger.open(self._ledger_file)
            self._provider = make_provider(self._vipps, retry=SALE_RETRY, market=self._market)
            if self._calls_cancelled:  # closing began before this thread got going: send nothing
                self._provider.cancel_calls()
            self._session = SaleSession.begin(
                self._provider,
                self._ledger,
                self._vipps,
                self._kiosk,
                self._amount_ore,
                self._payment_text,
                shop_name=self._shop_name,
            )
            self._session.announce = self.updated.emit
        except (LedgerError, AmountError) as exc:  # AmountError: the checkout's guard, nothing recorded or sent
            self._fail(exc.message)
            return
        self._run(lambda session: session.start_attempt())

    @Slot(str)
    def start_phone(self, phone: str) -> None:
        self._run(lambda session: session.start_attempt(phone))

    @Slot(str)
    def start_personal_qr(self, code: str) -> None:
        self._run(lambda session: session.start_attempt(personal_qr=code))

    @Slot()
    def cancel(self) -> None:
        self._run(lambda session: session.cancel())

    @Slot(str, object)
    def observe(self, tx: str, status: PaymentStatus) -> None:
        self._run(lambda session: session.observe(tx, status))

    @Slot(str)
    def expire(self, tx: str) -> None:
        self._run(lambda session: session.expire(tx))

    @Slot()
    def retry_writes(self) -> None:
        self._run(lambda session: session.retry_pending_writes())

    def cancel_calls(self) -> None:
        """From any thread: end the network call under way, and every later one, so the thread can stop."""
        self._calls_cancelled = True  # before reading the provider: start() checks it after making one
        provider = self._provider
        if provider is not None:
            provider.cancel_calls()

    @Slot()
    def shutdown(self) -> None:
        if self._finished:
            return
        self._finished = True
        if self._retry_timer is not None:
            self._retry_timer.stop()
        if self._provider is not None:
            self._provider.close()
        if self._ledger is not None:
            self._ledger.close()
        if self._session is not None:
            # No way back from the session to this Qt object once the sale is over, whatever a bound signal
            # holds: the pair is freed by reference counting, not left as a cycle for the collector.
            self._session.announce = _ignore
        self._session = self._provider = self._ledger = None
        # Hand this object (and its timer) back to the GUI thread before its own thread ends, so that it is
        # freed with its run, on the thread that owns it. (A deleteLater posted to a finished thread never runs;
        # measured, every sale then left its worker, timers and client behind.)
        self.moveToThread(QCoreApplication.instance().thread())
        self.done.emit()

    def _run(self, step: Callable[[SaleSession], SaleUpdate]) -> None:
        if self._session is None or self._finished:
            return
        try:
            update = step(self._session)
        except LedgerConflict:
            # Another reading settled the record first; the ledger tells the truth, so carry on from it.
            log.info("a state change was already made", exc_info=True)
            update = self._session.refresh()
        except LedgerError as exc:
            unrecorded = self._unrecorded(exc)
            if unrecorded is None:
                return
            update = unrecorded
        except Exception:
            # A thread boundary: a bug must reach the log, and the sale must stay watched rather than be
            # forgotten with a payment perhaps open at Vipps.
            log.exception("sale step failed")
            update = self._session.refresh()
        if update.attempt is not None and update.attempt.landing_url and update.attempt.channel == "QR":
            self.qr_made.emit(update.attempt.landing_url, qr_matrix(update.attempt.landing_url))
        self.updated.emit(update)
        assert self._retry_timer is not None
        if update.pending_writes and not self._retry_timer.isActive():
            self._retry_timer.start()
        elif not update.pending_writes:
            self._retry_timer.stop()
        if update.sale_state is not SaleState.OPEN and not update.watch and not update.pending_writes:
            self.shutdown()

    def _unrecorded(self, exc: LedgerError) -> SaleUpdate | None:
        """A step the ledger refused to record (a full disk). The refused write was rolled back, so the ledger
        holds the sale as of its last recorded change, and nothing after that was acted on. Once an attempt is
        recorded (each is, before its init is sent), Vipps may hold a payment of this sale that the customer can
        still approve, so the run must not end (ending it would leave an approval unseen and uncaptured while
        the screen said the sale failed): it says why on the status line, and the next poll or retry does the
        step again once the ledger takes writes. Without an attempt nothing is at Vipps: the sale cannot start
        (None)."""
        assert self._session is not None
        message = Message("The sale could not be recorded: {problem}", problem=exc.message)
        log.error("%s", message)
        try:
            if self._session.has_attempts():
                still = Message("The sale could not be recorded: {problem}. Still trying.", problem=exc.message)
                return replace(self._session.refresh(), message=still)
        except LedgerError:
            pass  # not even readable: nothing more this run can do
        self._fail(message)
        return None

    def _fail(self, message: Message | str) -> None:
        self.broken.emit(message)
        self.shutdown()
