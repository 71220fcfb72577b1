"""One sale from the amount to its outcome: the steps, and the rules that keep it to one charge.

A `SaleSession` is used from one thread (a worker), so its decisions are serial: two approvals can never race.
Every change is written to the ledger before the kiosk acts on it. The rules:

- A sale has several attempts (QR, then a typed phone number, ...) but at most one is captured.
- An attempt that is given up (superseded, cancelled by staff, out of time) is cancelled at Vipps too.
- An attempt approved after it was given up, or after another attempt paid, is reversed, never captured.
- A write that got no answer (capture, cancel, reversal, init) stays pending and is retried with the same
  idempotency key until it lands.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from kiosk.checkout.environment import sales_unit_of
from kiosk.checkout.interpret import FAILURE_STATES, explain_failure
from kiosk.checkout.open_sale import OpenSale
from kiosk.checkout.personal_qr import personal_qr_refusal
from kiosk.checkout.provider import (
    MarketNotServed,
    NoSuchPayment,
    PaymentProvider,
    PaymentState,
    PaymentStatus,
    StartRequest,
)
from kiosk.checkout.states import (
    FINAL_ATTEMPT_STATES,
    OPEN_ATTEMPT_STATES,
    AttemptState,
    Outcome,
    SaleState,
)
from kiosk.checkout.updates import AttemptView, SaleUpdate
from kiosk.checkout.waiting_words import (
    answered_too_late,
    no_answer_yet,
    not_started,
    refused_that,
    refused_to_start,
)
from kiosk.checkout.writes import WritesToVipps
from kiosk.domain.ids import new_merchant_order_id, new_psp_transaction_id
from kiosk.domain.market import Market
from kiosk.domain.message import Message, Shown
from kiosk.domain.money import check_chargeable
from kiosk.domain.phone import PhoneError, mask_phone, msisdn
from kiosk.ledger import AttemptRecord, Ledger
from kiosk.settings.model import KioskSettings, VippsSettings
from kiosk.vipps import (
    OrderIdExists,
    TransactionIdExists,
    VippsAuthError,
    VippsError,
    VippsRejected,
    VippsUnavailable,
)

S = AttemptState
# PSP errors 44 (pspTransactionId) and 99 (orderId already exists) to an init sent again after its answer was
# lost: the first one created it (the ids are the kiosk's own, fresh for every attempt).
ALREADY_CREATED = (TransactionIdExists, OrderIdExists)
# States an attempt may be in when Vipps' details first show it captured (a capture whose answer was lost, one
# Vipps' batch applied, or one found after a restart).
_CAPTURED_FROM = (S.RESERVED, S.CAPTURE_SENT, S.PENDING, S.UNKNOWN, S.NEEDS_CHECK)
_FAILURE_OUTCOMES = {S.REJECTED: Outcome.REJECTED, S.REFUSED: Outcome.REFUSED, S.EXPIRED: Outcome.EXPIRED}


class SaleSession(OpenSale, WritesToVipps):
    @classmethod
    def begin(
        cls,
        provider: PaymentProvider,
        ledger: Ledger,
        vipps: VippsSettings,
        kiosk: KioskSettings,
        amount_ore: int,
        payment_text: str = "",
        shop_name: str = "",
    ) -> SaleSession:
        """A new sale of `amount_ore` (minor units of the provider's market's currency). Raises AmountError,
        with nothing recorded and nothing sent, for an amount Vipps would refuse or one past the ceiling."""
        # The amount screen's own rule and words (a scanner, a script or a screen that forgot is held to it too).
        check_chargeable(amount_ore, provider.market, kiosk.max_amount_ore)
        sale = ledger.new_sale(amount_ore, payment_text, currency=provider.market.currency)
        return cls(provider, ledger, vipps, kiosk, sale, shop_name=shop_name)

    # ---- steps ------------------------------------------------------------------------------------------------

    def start_attempt(self, phone: str | None = None, *, personal_qr: str | None = None) -> SaleUpdate:
        """Start a payment by QR code (no phone), pushed to `phone` (as the customer typed it, in the market's
        rules), or pushed to the customer whose personal QR was scanned. Older open attempts are given up once
        the new one exists, so a failed start leaves the customer's QR code working."""
        sale = self._ledger.sale(self._sale_id)
        if sale.state != SaleState.OPEN:
            return self._update(Message("This sale has already ended."))
        if phone is not None:
            try:
                phone = _national_number(phone, self.market)
            except PhoneError as exc:
                return self._update(exc.message)  # another market's number (or none): nothing sent or recorded
        if personal_qr is not None and (refused := personal_qr_refusal(self._provider, personal_qr)):
            return self._update(refused)  # nothing sent, nothing recorded: the attempt on show stays
        pushed = phone is not None or personal_qr is not None
        skip = pushed and (self._vipps.skip_landing_page or self._provider.push_skips_landing_page)
        attempt = self._ledger.add_attempt(
            sale.id,
            psp_transaction_id=new_psp_transaction_id(),
            merchant_order_id=new_merchant_order_id(datetime.now()),
            idempotency_key=uuid.uuid4().hex,
            channel="PHONE" if pushed else "QR",  # the ledger's channels: a personal QR's is a push
            phone_masked=mask_phone(phone) if phone else None,
            state=S.CREATED,
            provider=self._provider.name,
            **vars(sales_unit_of(self._vipps)),  # which Vipps it is made at: only that one can settle it
        )
        self._deadline_by_tx[attempt.psp_transaction_id] = self._clock() + self._window_s(skip)
        request = StartRequest(
            reference=attempt.psp_transaction_id,
            order_id=attempt.merchant_order_id,
            amount_ore=sale.amount_ore,
            text=sale.payment_text or None,
            phone=phone,
            skip_landing_page=skip,
            personal_qr=personal_qr,
            shop_name=self._shop_name,
        )
        self._requests_by_tx[attempt.psp_transaction_id] = request
        try:
            started = self._provider.start(request, idempotency_key=attempt.idempotency_key)
        except VippsRejected as exc:
            if isinstance(exc, ALREADY_CREATED):
                # Only a re-send gets this (the first answer was lost): Vipps has it. Its details decide.
                self._ledger.move_attempt(attempt.id, [S.CREATED], S.UNKNOWN, note=f"init: {exc.error_message}")
                self._current_tx = attempt.psp_transaction_id
                return self._update(no_answer_yet(self.market))
            self._ledger.move_attempt(attempt.id, [S.CREATED], S.INIT_FAILED, reason=exc.error_message)
            if self._open_attempts():
                return self._update(refused_that(self.market, exc.error_message))
            return self._finish(Outcome.NOT_STARTED, refused_to_start(self.market, exc.error_message))
        except (VippsAuthError, MarketNotServed) as exc:
            # Refused at the door (or never sent): Vipps created nothing. The settings need fixing, not a retry.
            self._ledger.move_attempt(attempt.id, [S.CREATED], S.INIT_FAILED, reason=str(exc))
            if self._open_attempts():
                return self._update(exc.message)
            return self._finish(Outcome.NOT_STARTED, exc.message)
        except VippsError as exc:
            # No usable answer (none at all, a garbled one, or the call was cut off): Vipps may have created
            # the payment, so it is watched and asked again with the same key, never forgotten.
            self._ledger.move_attempt(attempt.id, [S.CREATED], S.UNKNOWN, note=f"init: {type(exc).__name__}")
            self._current_tx = attempt.psp_transaction_id
            return self._update(no_answer_yet(self.market))
        attempt = self._ledger.move_attempt(attempt.id, [S.CREATED], S.PENDING, redirect_url=started.landing_url)
        self._current_tx = attempt.psp_transaction_id
        for older in self._open_attempts():
            if older.id != attempt.id:
                self._give_up(older, S.CANCELLED, "superseded by a newer attempt")
        self._message = Message("Waiting for the customer")
        return self._update(self._message, attempt=self._view(attempt, request))

    def observe(self, psp_transaction_id: str, status: PaymentStatus) -> SaleUpdate:
        """Act on what Vipps says about one attempt (called with every poll result)."""
        attempt = self._attempt(psp_transaction_id)
        reading = status.state
        state = AttemptState(attempt.state)
        if reading is PaymentState.RESERVED:
            return self._on_reserved(attempt)
        if reading is PaymentState.CAPTURE_FAILED and state in (S.RESERVED, S.CAPTURE_SENT):
            self._capture_refused(attempt, state, "Vipps refused the capture after accepting it")
            return self._update(self._message)
        if reading is PaymentState.CAPTURED and state in _CAPTURED_FROM:
            # A capture whose answer was lost, seen by the poll before the retry: the ledger catches up.
            if self._sale_open() and state is not S.RESERVED:
                self._ledger.reserve_and_mark_paid(attempt.id, [state], note="found captured at Vipps")
                state = S.RESERVED
            self._ledger.move_attempt(attempt.id, [state], S.CAPTURED, note="captured at Vipps")
            return self._update(self._message)
        if reading is PaymentState.WAITING and state in OPEN_ATTEMPT_STATES and self._past_deadline(attempt):
            return self._expire_now(attempt)
        if reading is PaymentState.CANCELLED:
            return self._on_cancelled(attempt, state)
        if reading in FAILURE_STATES and state not in FINAL_ATTEMPT_STATES:
            return self._on_failed(attempt, state, status)
        return self._update(self._message)

    def cancel(self) -> SaleUpdate:
        """Staff cancel: give up every open attempt, at Vipps too. A sale already paid stays paid."""
        for attempt in self._open_attempts():
            self._give_up(attempt, S.CANCELLED, "cancelled by staff")
        if self._sale_open():
            return self._finish(Outcome.CANCELLED, Message("Payment cancelled."))
        return self._update(self._message)

    def expire(self, psp_transaction_id: str) -> SaleUpdate:
        """The attempt's window has passed: look once more, then give it up as expired. If Vipps cannot be
        asked, say so and keep asking: the customer may have approved in the last second."""
        attempt = self._attempt(psp_transaction_id)
        self._deadline_by_tx[psp_transaction_id] = min(self._deadline_by_tx.get(psp_transaction_id, 0.0), self._clock())
        try:
            status = self._provider_of(attempt).read(psp_transaction_id)
        except VippsError:
            if attempt.state in OPEN_ATTEMPT_STATES and self._is_current(attempt) and self._sale_open():
                self._expiry_unanswered = True
                return self._update(no_answer_yet(self.market))
            return self._update(self._message)
        update = self.observe(psp_transaction_id, status)
        attempt = self._ledger.attempt(attempt.id)
        if attempt.state in OPEN_ATTEMPT_STATES:
            return self._expire_now(attempt)
        return update

    def _expire_now(self, attempt: AttemptRecord) -> SaleUpdate:
        self._expiry_unanswered = False
        self._give_up(attempt, S.EXPIRED, "the approval window passed")
        if self._is_current(attempt) and self._sale_open():
            return self._finish(Outcome.EXPIRED, Message("Nobody approved the payment in time."))
        return self._update(self._message)

    def retry_pending_writes(self) -> SaleUpdate:
        """Send again every write that got no answer, each with its own idempotency key."""
        shown: AttemptView | None = None
        for attempt in self._ledger.attempts_of(self._sale_id):
            state = AttemptState(attempt.state)
            if state is S.RESERVED:
                self._capture(attempt)
            elif state is S.CANCELLING:
                self._send_cancel(attempt, S.CANCELLING, self._give_up_as.get(attempt.psp_transaction_id, S.CANCELLED))
            elif state is S.REVERSING:
                self._send_cancel(attempt, S.REVERSING, S.REVERSED)
            elif state is S.UNKNOWN:
                shown = self._retry_init(attempt) or shown
        return self._update(self._message, attempt=shown)

    # ---- the rules ------------------------------------------------------------------------------------------

    def _on_reserved(self, attempt: AttemptRecord) -> SaleUpdate:
        state = AttemptState(attempt.state)
        if state is S.RESERVED and self._sale_open():
            # Left so by an older kiosk between two writes: the sale was paid by this attempt.
            self._ledger.move_sale(
                self._sale_id, [SaleState.OPEN], SaleState.PAID, outcome=Outcome.PAID, paid_attempt_id=attempt.id
            )
        if state in (S.RESERVED, S.CAPTURE_SENT, S.CAPTURED, S.REVERSING, S.REVERSED):
            return self._update(self._message)  # already acted on
        sale = self._ledger.sale(self._sale_id)
        if sale.state == SaleState.OPEN and state in OPEN_ATTEMPT_STATES:
            self._ledger.reserve_and_mark_paid(attempt.id, [state], note="approved by the customer")
            self._message = Message("Paid")
            self.announce(self._update(Message("Paid")))  # the customer sees it now; the capture is bookkeeping
            for other in self._open_attempts():
                self._give_up(other, S.CANCELLED, "another attempt was paid")
            self._capture(self._ledger.attempt(attempt.id))
            return self._update(Message("Paid"))
        # Approved after it was given up, or after the sale ended another way: reverse, never capture.
        self._ledger.move_attempt(attempt.id, [state], S.REVERSING, note="approved late; reversing")
        self._send_cancel(self._ledger.attempt(attempt.id), S.REVERSING, S.REVERSED)
        return self._update(self._message)

    def _on_failed(self, attempt: AttemptRecord, state: AttemptState, status: PaymentStatus) -> SaleUpdate:
        tx = attempt.psp_transaction_id
        deadline = self._deadline_by_tx.get(tx)
        failure = explain_failure(status, past_deadline=deadline is not None and self._clock() >= deadline)
        if state is S.CANCELLING:
            # Given up already; Vipps refused the approval (or it timed out), so nothing more to send.
            final = self._give_up_as.get(tx, S.CANCELLED)
            self._ledger.move_attempt(attempt.id, [state], final, note=f"failed at Vipps: {failure.reason}")
            return self._update(self._message)
        self._ledger.move_attempt(attempt.id, [state], failure.state, reason=str(failure.reason))
        if self._is_current(attempt) and self._sale_open():
            return self._finish(_FAILURE_OUTCOMES[failure.state], failure.reason)
        return self._update(self._message)

    def _on_cancelled(self, attempt: AttemptRecord, state: AttemptState) -> SaleUpdate:
        if state is S.CANCELLING:
            self._ledger.move_attempt(
                attempt.id, [state], self._give_up_as.get(attempt.psp_transaction_id, S.CANCELLED)
            )
        elif state is S.REVERSING:
            self._ledger.move_attempt(attempt.id, [state], S.REVERSED, note="reversal confirmed by Vipps")
        elif state in OPEN_ATTEMPT_STATES:
            self._ledger.move_attempt(attempt.id, [state], S.CANCELLED, note="cancelled at Vipps")
            if self._is_current(attempt) and self._sale_open():
                return self._finish(Outcome.CANCELLED, Message("The payment was cancelled."))
        return self._update(self._message)

    def _retry_init(self, attempt: AttemptRecord) -> AttemptView | None:
        """An init without an answer: send it again with the same key, and Vipps answers the first call again.
        Without the request (its phone number is never stored), or from a Vipps that does not replay, the
        payment's details decide."""
        tx = attempt.psp_transaction_id
        if not self._is_current(attempt) or not self._sale_open():
            # The screen has moved on: this one is only to be made safe, never shown.
            self._give_up(attempt, S.CANCELLED, "no answer to its start; superseded")
            return None
        request = self._requests_by_tx.get(tx)
        if request is not None and tx not in self._give_up_as:
            try:
                started = self._provider_of(attempt).start(request, idempotency_key=attempt.idempotency_key)
            except VippsUnavailable:
                return None
            except VippsRejected as exc:
                if not isinstance(exc, ALREADY_CREATED):  # it exists: its details below say what it is
                    self._move_if(attempt, S.UNKNOWN, S.INIT_FAILED, note=exc.error_message)
                    if self._is_current(attempt) and self._sale_open():
                        self._finish(Outcome.NOT_STARTED, refused_to_start(self.market, exc.error_message))
                    return None
            else:
                self._ledger.move_attempt(
                    attempt.id, [S.UNKNOWN], S.PENDING, redirect_url=started.landing_url, note="init answered"
                )
                for older in self._open_attempts():
                    if older.id != attempt.id:
                        self._give_up(older, S.CANCELLED, "superseded by a newer attempt")
                self._message = Message("Waiting for the customer")
                return self._view(self._ledger.attempt(attempt.id), request)
        try:
            status = self._provider_of(attempt).read(tx)
        except NoSuchPayment:
            if not self._may_conclude_missing(attempt):
                return None  # stays UNKNOWN: a person must look
            self._move_if(attempt, S.UNKNOWN, S.INIT_FAILED, note="Vipps says it never had this payment")
            if self._is_current(attempt) and self._sale_open():
                self._finish(Outcome.NOT_STARTED, not_started(self.market))
            return None
        except VippsError:
            return None
        self.observe(tx, status)
        if self._ledger.attempt(attempt.id).state == S.UNKNOWN:
            # It exists and waits for a customer who never saw it: give it up cleanly.
            self._give_up(self._ledger.attempt(attempt.id), S.CANCELLED, "started without an answer; given up")
            if self._is_current(attempt) and self._sale_open():
                self._finish(Outcome.NOT_STARTED, answered_too_late(self.market))
        return None

    def _finish(self, outcome: Outcome, message: Shown) -> SaleUpdate:
        """End the sale unpaid. Nothing of it may stay payable: every attempt still open is given up too."""
        for attempt in self._open_attempts():
            self._give_up(attempt, S.CANCELLED, f"the sale ended: {outcome.value.lower()}")
        self._expiry_unanswered = False
        self._ledger.move_sale(self._sale_id, [SaleState.OPEN], SaleState.NOT_PAID, outcome=outcome, note=str(message))
        self._message = message
        return self._update(message)


def _national_number(phone: str, market: Market) -> str:
    """The customer's number in the market, without its country code (`+45 20 12 34 56` -> `20123456`; in
    Finland `0401234567` and normalise_phone's `401234567` -> `401234567`): the form the providers take and make
    an MSISDN of. Through msisdn, which takes both what was typed and what normalise_phone gave."""
    return msisdn(phone, market).removeprefix(str(market.calling_code))
