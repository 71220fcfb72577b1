"""At start, before the first new sale: settle every sale a crash left unsettled, and resend refunds that got
no answer. Runs off the GUI thread; talks to Vipps, so it can take as long as Vipps does."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from kiosk.checkout.cross_till_resend import resend_pending_cross_till_refunds
from kiosk.checkout.environment import changed_since, forgets_payments
from kiosk.checkout.interpret import FAILURE_STATES
from kiosk.checkout.provider import DoubtfulAnswer, NoSuchPayment, PaymentProvider, PaymentState
from kiosk.checkout.providers_by_api import ProvidersByApi
from kiosk.checkout.refunds import resend_pending_refunds
from kiosk.checkout.session import SaleSession
from kiosk.checkout.states import FINAL_ATTEMPT_STATES, AttemptState, Outcome, SaleState
from kiosk.checkout.updates import SaleUpdate
from kiosk.domain.apis import api_title
from kiosk.domain.message import Message, Shown, message_of
from kiosk.ledger import AttemptRecord, Ledger, SaleRecord
from kiosk.settings.model import KioskSettings, VippsSettings
from kiosk.vipps import VippsError

S = AttemptState
UNRECORDED_UNIT = Message(
    "Vipps says it has no such payment, but the attempt was made before the kiosk recorded its sales unit, so "
    "it may have been made with other settings: check it in Vipps' portal"
)

log = logging.getLogger(__name__)


@dataclass
class RecoveryReport:
    settled: list[int] = field(default_factory=list)
    needs_check: list[int] = field(default_factory=list)
    # Paid sales whose capture Vipps accepted but has not applied yet (PSP's nightly batch): nothing was settled,
    # nothing is wrong; read again at the next start.
    capture_pending: list[int] = field(default_factory=list)

    @property
    def summary(self) -> Message | None:
        if not self.settled and not self.needs_check:
            return None
        settled = Message.counted("Settled %n sale(s) left unfinished.", None, len(self.settled))
        if not self.needs_check:
            return settled
        checks = Message.counted("%n need(s) checking in the back office.", None, len(self.needs_check))
        return Message("{settled} {checks}", settled=settled, checks=checks)


class ResumedSale(SaleSession):
    """A sale picked up again from the ledger (after a restart, or for the manager's re-check). Each attempt is
    settled through the API it was made with, whichever the settings now take new payments through."""

    def __init__(
        self, providers: ProvidersByApi, ledger: Ledger, vipps: VippsSettings, kiosk: KioskSettings, sale: SaleRecord
    ) -> None:
        super().__init__(providers.current(), ledger, vipps, kiosk, sale)
        self._providers = providers

    @classmethod
    def resume(
        cls,
        providers: ProvidersByApi,
        ledger: Ledger,
        vipps: VippsSettings,
        kiosk: KioskSettings,
        sale: SaleRecord,
    ) -> ResumedSale:
        """A sale left unsettled by a crash or a power cut, picked up again from the ledger."""
        session = cls(providers, ledger, vipps, kiosk, sale)
        attempts = ledger.attempts_of(sale.id)
        session._current_tx = attempts[-1].psp_transaction_id if attempts else None
        return session

    def recover(self) -> SaleUpdate:
        """After a restart: settle every attempt against Vipps' details. Approved ones are captured (or reversed
        when the sale was paid another way), dead ones closed, waiting ones given up (nobody is at the counter
        screen any more). What Vipps cannot be asked about leaves the sale NEEDS_CHECK for the manager."""
        sale = self._ledger.sale(self._sale_id)
        if out_of_reach := self._out_of_reach(sale):
            return self._leave_for_the_manager(sale, out_of_reach)
        if sale.state == SaleState.NEEDS_CHECK and sale.paid_attempt_id is not None:
            return self._recheck_capture(sale)
        if sale.state == SaleState.NEEDS_CHECK:
            self._ledger.move_sale(sale.id, [SaleState.NEEDS_CHECK], SaleState.OPEN, note="re-checking with Vipps")
        unanswered = False
        doubts: list[Shown] = []  # answers that looked like "no such payment" but prove nothing, as seen
        for attempt in self._ledger.attempts_of(self._sale_id):
            if attempt.state in FINAL_ATTEMPT_STATES:
                continue
            try:
                status = self._provider_of(attempt).read(attempt.psp_transaction_id)
            except NoSuchPayment:
                if attempt.state in (S.CREATED, S.UNKNOWN) and self._may_conclude_missing(attempt):
                    self._move_if(attempt, AttemptState(attempt.state), S.INIT_FAILED, "Vipps says it never had it")
                elif attempt.state in (S.CREATED, S.UNKNOWN):
                    doubts.append(UNRECORDED_UNIT)
                elif not forgets_payments(self._vipps):  # Vipps answered its init before: it cannot be missing
                    doubts.append(Message("Vipps says it has no such payment, but it had answered for it before"))
                continue
            except DoubtfulAnswer as exc:
                doubts.append(message_of(exc))
                continue
            except VippsError:
                unanswered = True
                continue
            self.observe(attempt.psp_transaction_id, status)
        self.retry_pending_writes()
        for attempt in self._open_attempts():
            self._give_up(attempt, S.CANCELLED, "the kiosk restarted before the customer paid")
        unfinished = [a for a in self._ledger.attempts_of(self._sale_id) if a.state not in FINAL_ATTEMPT_STATES]
        if self._sale_open():
            if doubts:  # even if everything is final now: what was seen must be looked at
                self._ledger.move_sale(self._sale_id, [SaleState.OPEN], SaleState.NEEDS_CHECK, note=str(doubts[0]))
                return self._update(Message("Needs checking: {problem}.", problem=doubts[0]))
            if unanswered or any(a.state in (S.CANCELLING, S.REVERSING) for a in unfinished):
                self._ledger.move_sale(
                    self._sale_id, [SaleState.OPEN], SaleState.NEEDS_CHECK, note="Vipps could not be asked"
                )
                return self._update(Message("Needs checking: Vipps could not be asked after a restart."))
            return self._finish(Outcome.CANCELLED, Message("The kiosk restarted before the customer paid."))
        return self._update(self._paid_message() or self._message)

    def _paid_message(self) -> Message | None:
        """What a paid sale's re-check says: paid, and whether Vipps has applied its capture yet."""
        sale = self._ledger.sale(self._sale_id)
        if sale.state != SaleState.PAID:
            return None
        return Message("Paid") if sale.captured_ore else Message("Paid; Vipps has not applied the capture yet.")

    def _provider_of(self, attempt: AttemptRecord) -> PaymentProvider:
        return self._providers.for_api(attempt.provider)

    def _out_of_reach(self, sale: SaleRecord) -> Message | None:
        """Why an attempt that still matters cannot be asked about: its API (only that API knows the payment)
        lacks a setting, or it was made at another sales unit or Vipps address than the settings now name
        (whose "no such payment" would prove nothing). None when every such attempt can be asked."""
        for attempt in self._ledger.attempts_of(sale.id):
            rechecked = sale.state == SaleState.NEEDS_CHECK and attempt.id == sale.paid_attempt_id
            if attempt.state in FINAL_ATTEMPT_STATES and not rechecked:
                continue
            if missing := self._providers.missing_for(attempt.provider):
                return Message(
                    "made through Vipps' {api} API, and {problem}", api=api_title(attempt.provider), problem=missing
                )
            if changed := changed_since(attempt, self._vipps):
                return changed
        return None

    def _leave_for_the_manager(self, sale: SaleRecord, note: Message) -> SaleUpdate:
        """Asking another API would read "no such payment" and close a payment that may hold money: leave the
        sale for the manager, untouched at Vipps, until the settings have what its API needs."""
        if sale.state in (SaleState.OPEN, SaleState.PAID):
            self._ledger.move_sale(sale.id, [SaleState(sale.state)], SaleState.NEEDS_CHECK, note=str(note))
        return self._update(Message("Needs checking: {problem}.", problem=note))

    def _recheck_capture(self, sale: SaleRecord) -> SaleUpdate:
        """A paid sale whose capture Vipps refused: read the payment again and capture it if it is still
        reserved. Anything else stays for the manager, who sees it in the back office."""
        attempt = self._ledger.attempt(sale.paid_attempt_id or 0)
        try:
            reading = self._provider_of(attempt).read(attempt.psp_transaction_id).state
        except VippsError:
            return self._update(Message("Vipps could not be asked. Try again later."))
        if reading in (PaymentState.RESERVED, PaymentState.CAPTURED):
            self._ledger.move_sale(sale.id, [SaleState.NEEDS_CHECK], SaleState.PAID, note="re-checked")
            if attempt.state == S.NEEDS_CHECK:
                self._ledger.move_attempt(attempt.id, [S.NEEDS_CHECK], S.RESERVED, note="re-checking the capture")
            attempt = self._ledger.attempt(attempt.id)
            if reading is PaymentState.CAPTURED:
                self._move_if(attempt, AttemptState(attempt.state), S.CAPTURED, note="captured at Vipps")
            elif attempt.state == S.RESERVED:
                self._capture(attempt)
            return self._update(self._paid_message() or self._message)
        if reading is PaymentState.CAPTURE_FAILED:
            return self._update(Message("Vipps refused the capture: settle it with the customer."))
        if reading is PaymentState.WAITING:
            return self._update(Message("Vipps says the payment is pending: settle it with the customer."))
        if reading in FAILURE_STATES:
            return self._update(Message("Vipps says the payment is failed: settle it with the customer."))
        if reading is PaymentState.CANCELLED:
            return self._update(Message("Vipps says the payment is cancelled: settle it with the customer."))
        said = Message("Vipps says the payment is {state}: settle it with the customer.", state=reading.lower())
        return self._update(said)


def recover(
    provider: PaymentProvider | ProvidersByApi,
    ledger: Ledger,
    vipps: VippsSettings,
    kiosk: KioskSettings,
    stop: Callable[[], bool] = lambda: False,
) -> RecoveryReport:
    """Settle every unsettled sale, each attempt through its own API. A single provider serves its own API;
    another API's provider is made from `vipps` only if a sale needs it, and closed here. Once `stop()` says
    so (the kiosk is closing), no further sale is taken up: the ledger keeps them for the next start."""
    if isinstance(provider, ProvidersByApi):
        return _recover(provider, ledger, vipps, kiosk, stop)
    with ProvidersByApi(vipps, given=[provider]) as providers:
        return _recover(providers, ledger, vipps, kiosk, stop)


def _recover(
    providers: ProvidersByApi, ledger: Ledger, vipps: VippsSettings, kiosk: KioskSettings, stop: Callable[[], bool]
) -> RecoveryReport:
    report = RecoveryReport()
    for sale in ledger.unsettled_sales():
        if stop():
            return report
        update = ResumedSale.resume(providers, ledger, vipps, kiosk, sale).recover()
        if update.sale_state is SaleState.NEEDS_CHECK:
            report.needs_check.append(sale.id)
        elif any(a.state == S.CAPTURE_SENT for a in ledger.attempts_of(sale.id)):
            report.capture_pending.append(sale.id)
        else:
            report.settled.append(sale.id)
        log.info("recovered sale %s: %s", sale.id, update.sale_state)
    resend_pending_refunds(providers, ledger)
    resend_pending_cross_till_refunds(providers, ledger)  # of sales other tills of the shop made
    return report
