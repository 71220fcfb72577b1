"""The writes a sale sends to Vipps (capture, cancel, reversal) and what their answers let the ledger say.

Each write has its own idempotency key, the same on every retry. What the ledger records follows what Vipps said
in so many words: a cancel Vipps accepted, a capture applied (ePayment's answer; PSP's details log), "no such
payment" only on the API's own answer, and only where the attempt was made. A mixin of `SaleSession`, whose
state it shares.
"""

from __future__ import annotations

import contextlib

from kiosk.checkout.environment import may_conclude_missing
from kiosk.checkout.provider import NoSuchPayment, PaymentProvider, PaymentStatus
from kiosk.checkout.states import AttemptState, SaleState
from kiosk.checkout.updates import SaleUpdate
from kiosk.ledger import AttemptRecord, Ledger, LedgerConflict
from kiosk.settings.model import VippsSettings
from kiosk.vipps import VippsError, VippsRejected, VippsUnavailable

S = AttemptState


class WritesToVipps:
    _ledger: Ledger
    _vipps: VippsSettings
    _sale_id: int
    _give_up_as: dict[str, AttemptState]  # what a CANCELLING attempt becomes once Vipps agrees

    def observe(self, psp_transaction_id: str, status: PaymentStatus) -> SaleUpdate:
        raise NotImplementedError  # the sale's rules (SaleSession)

    def _provider_of(self, attempt: AttemptRecord) -> PaymentProvider:
        raise NotImplementedError

    def _give_up(self, attempt: AttemptRecord, final: AttemptState, why: str) -> None:
        state = AttemptState(attempt.state)
        if state is S.CREATED:
            # init was never sent or never answered, so Vipps may not know it: mark it and let polling tell.
            self._ledger.move_attempt(attempt.id, [state], S.UNKNOWN, note=why)
            state = S.UNKNOWN
        self._give_up_as[attempt.psp_transaction_id] = final
        self._ledger.move_attempt(attempt.id, [state], S.CANCELLING, note=why)
        self._send_cancel(self._ledger.attempt(attempt.id), S.CANCELLING, final)

    def _send_cancel(self, attempt: AttemptRecord, from_state: AttemptState, final: AttemptState) -> None:
        suffix = "reverse" if from_state is S.REVERSING else "cancel"
        try:
            self._provider_of(attempt).cancel(
                attempt.psp_transaction_id, self._amount_ore(), self._key(attempt, suffix)
            )
        except VippsUnavailable:
            return  # stays CANCELLING/REVERSING: retried, and its details still watched
        except NoSuchPayment:
            # Nothing to cancel, says Vipps: its details must agree (an approved payment it had cannot vanish).
            self._settle_by_details(attempt)
            return
        except VippsError:
            return  # e.g. it failed meanwhile; the next details read settles it
        # Accepted, not yet seen applied (PSP applies it in a batch): the details' CANCELLED confirms it later,
        # and nothing can be charged meanwhile (a reservation is never captured from here).
        self._move_if(attempt, from_state, final, note=f"{suffix} accepted by Vipps")

    def _settle_by_details(self, attempt: AttemptRecord) -> None:
        """Read the payment and act on it; "never had it" closes the attempt only if the read says so too."""
        try:
            status = self._provider_of(attempt).read(attempt.psp_transaction_id)
        except NoSuchPayment:
            # Closed only if it was being cancelled (perhaps never created): one approved or captured existed.
            if attempt.state == S.CANCELLING and self._may_conclude_missing(attempt):
                self._move_if(attempt, S.CANCELLING, S.CANCELLED, note="Vipps has no such payment")
            return
        except VippsError:
            return  # stays as it is: retried, and its details still watched
        self.observe(attempt.psp_transaction_id, status)

    def _amount_ore(self) -> int:
        """Every write is for the whole amount: a sale is captured, cancelled or reversed in one piece."""
        return self._ledger.sale(self._sale_id).amount_ore

    @staticmethod
    def _key(attempt: AttemptRecord, key_suffix: str) -> str:
        """A key of its own per kind of write, the same on every retry."""
        return f"{attempt.idempotency_key}-{key_suffix}"

    def _capture(self, attempt: AttemptRecord) -> None:
        try:
            provider = self._provider_of(attempt)
            provider.capture(attempt.psp_transaction_id, self._amount_ore(), self._key(attempt, "capture"))
        except VippsRejected as exc:
            self._capture_refused(attempt, S.RESERVED, f"capture refused: {exc.error_message}")
            return
        except VippsError:
            return  # stays RESERVED: the capture is retried until it lands; the sale is paid either way
        if provider.captures_at_once:
            self._move_if(attempt, S.RESERVED, S.CAPTURED, note="captured")
            return
        # Accepted, not applied: captured only once the details' log shows the capture succeeded. Until then
        # the sale is paid with its capture pending; a batch that refuses it makes it "needs checking".
        self._move_if(attempt, S.RESERVED, S.CAPTURE_SENT, note="capture accepted by Vipps; not applied yet")
        self._settle_by_details(self._ledger.attempt(attempt.id))

    def _capture_refused(self, attempt: AttemptRecord, state: AttemptState, why: str) -> None:
        """Refused for good: retrying the same call cannot help. The money is reserved; a person must look, so
        the sale itself says so (the back office counts it and offers a re-check)."""
        self._move_if(attempt, state, S.NEEDS_CHECK, note=why)
        with contextlib.suppress(LedgerConflict):
            self._ledger.move_sale(self._sale_id, [SaleState.PAID], SaleState.NEEDS_CHECK, note=why)

    def _may_conclude_missing(self, attempt: AttemptRecord) -> bool:
        """Whether Vipps' "no such payment" may close `attempt`: only where it was made (see environment.py)."""
        return may_conclude_missing(attempt, self._vipps)

    def _move_if(self, attempt: AttemptRecord, expected: AttemptState, new: AttemptState, note: str) -> None:
        # A conflict means a poll result settled it first; the ledger already tells the truth.
        with contextlib.suppress(LedgerConflict):
            self._ledger.move_attempt(attempt.id, [expected], new, note=note)
