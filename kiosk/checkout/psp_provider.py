"""The PSP API v3 behind the checkout's `PaymentProvider`: init, details, updatestatus.

What is PSP-specific lives here: the state read from the transaction log history, the reason for a failure
asked of the PSP backend (only the simulator's answers), and every write as an updatestatus with its key.
"""

from __future__ import annotations

from kiosk.checkout.missing import judged, psp_missing
from kiosk.checkout.payment_text import payment_text
from kiosk.checkout.provider import (
    ClientOwner,
    MarketNotServed,
    NoSuchPayment,
    PaymentState,
    PaymentStatus,
    Started,
    StartRequest,
)
from kiosk.domain.market import NORWAY, Market
from kiosk.domain.message import Message, Shown, Verbatim
from kiosk.settings.model import VippsSettings
from kiosk.vipps import RetryPolicy, VippsError, VippsRejected
from kiosk.vipps.client import VippsClient
from kiosk.vipps.models import InitiateRequest, Operation, PaymentDetails, PspOutcome, StatusUpdate


def read_details(details: PaymentDetails) -> PaymentState:
    """The payment's state from its log history. An empty history is a payment still waiting. Captured only
    where the log says a capture succeeded (operationSuccess): an accepted updatestatus is not one yet."""
    history = details.transaction_log_history
    succeeded = {e.operation for e in history if e.operation_success}
    if Operation.CAPTURED in succeeded or Operation.REFUNDED in succeeded:
        return PaymentState.CAPTURED
    reserves = [e for e in history if e.operation is Operation.RESERVED]
    if reserves and reserves[-1].operation_success:
        if Operation.CANCELLED in succeeded:
            return PaymentState.CANCELLED
        refused = any(e.operation is Operation.CAPTURED and not e.operation_success for e in history)
        return PaymentState.CAPTURE_FAILED if refused else PaymentState.RESERVED
    if reserves:
        return PaymentState.FAILED
    if Operation.CANCELLED in succeeded:
        return PaymentState.CANCELLED
    return PaymentState.WAITING


# PSP error ids from VIPPS-FACTS, in words a customer at a counter understands.
_CARD_REFUSALS = {
    "81": Message("The card's bank is unknown."),
    "82": Message("The card's bank refused the payment."),
    "83": Message("The card's bank refused the payment."),
    "84": Message("The payment is over the card's limit."),
    "86": Message("The card has expired."),
    "87": Message("The card is not valid."),
    "88": Message("Credit cards cannot be used here."),
    "89": Message("There is not enough money on the card."),
    "85": Message("The approval came after the payment was cancelled."),
}


def explain_outcome(outcome: PspOutcome | None) -> tuple[PaymentState, Shown]:
    """Why a reservation failed, from the PSP's record. Without it: FAILED, and the checkout's clock decides."""
    if outcome is None:
        return PaymentState.FAILED, Verbatim("")
    if outcome.payment_state == "USER_CANCEL":
        return PaymentState.REJECTED, Message("The customer rejected the payment in Vipps.")
    if outcome.payment_state == "TIMEOUT":
        return PaymentState.EXPIRED, Message("Nobody approved the payment in time.")
    known = _CARD_REFUSALS.get(outcome.error_id or "")
    if known is not None:
        return PaymentState.REFUSED, known
    if outcome.error_text:
        return PaymentState.REFUSED, Verbatim(outcome.error_text)  # Vipps' own words: never translated
    return PaymentState.REFUSED, Message("The card was refused.")


def _norway_only(market: Market) -> Message:
    return Message(
        'Vipps\' PSP API takes payments in Norway only, not in {country}: set [vipps] api = "epayment".',
        country=market.country,
    )


class PspProvider(ClientOwner):
    name = "psp"
    push_skips_landing_page = False  # PSP shows the landing page unless skip_landing_page is set
    takes_personal_qr = False  # init has no field for a customer's code
    captures_at_once = False  # updatestatus is applied by Vipps' nightly batch; details show when

    def __init__(
        self,
        client: VippsClient,
        vipps: VippsSettings | None = None,
        *,
        owns_client: bool = False,
        market: Market = NORWAY,
    ) -> None:
        """Over a client of one's own or shared (then not closed here). `vipps` names the URLs a payment is
        started with; a provider that only reads and writes (a test's poll) can do without. `market`: the
        shop's; the PSP API takes Norway's payments only (NOK, +47), so it starts none in another."""
        super().__init__(client, owns_client)
        self.client = client  # public: tests and the simulator's helpers drive the PSP API directly
        self._vipps = vipps
        self.market = market

    @classmethod
    def connect(cls, vipps: VippsSettings, retry: RetryPolicy | None = None, market: Market = NORWAY) -> PspProvider:
        return cls(VippsClient(vipps, retry=retry), vipps, owns_client=True, market=market)

    def start(self, request: StartRequest, idempotency_key: str) -> Started:
        vipps = self._vipps
        if vipps is None:
            raise TypeError("a PspProvider made without VippsSettings cannot start payments")
        if not self.market.psp_api:
            # The settings refuse this combination; this guard keeps a Danish or Finnish sale from ever being
            # sent as a Norwegian one (the PSP API has no currency field: it would be NOK).
            raise MarketNotServed(_norway_only(self.market))
        started = self.client.initiate(
            InitiateRequest(
                psp_transaction_id=request.reference,
                merchant_order_id=request.order_id,
                amount=request.amount_ore,
                psp_redirect_url=vipps.psp_redirect_url,
                make_payment_url=vipps.make_payment_url,
                make_payment_token=vipps.make_payment_token or None,
                customer_mobile_number=request.phone,
                # Shown in the customer's app and Vipps' reports: the order id, then the staff's text.
                payment_text=payment_text(request.order_id, request.text, request.shop_name),
                skip_landing_page=request.skip_landing_page,
            ),
            idempotency_key=idempotency_key,
        )
        # PSP gives a landing URL even for a pushed payment; the ledger keeps it as the attempt's redirect URL.
        return Started(started.psp_transaction_id, started.vipps_redirect_url)

    def read(self, reference: str) -> PaymentStatus:
        try:
            details = self.client.details(reference)
        except VippsRejected as exc:
            raise judged(exc, reference, psp_missing(exc, reference)) from exc
        return self.status_of(details)

    def status_of(self, details: PaymentDetails) -> PaymentStatus:
        """A details document in the checkout's terms. A failed one costs one more call: only the PSP knows why."""
        state = read_details(details)
        reason: Shown = Verbatim("")
        if state is PaymentState.FAILED:
            try:
                outcome = self.client.psp_outcome(details.psp_transaction_id)
            except VippsError:
                outcome = None
            state, reason = explain_outcome(outcome)
        summary = details.transaction_summary
        return PaymentStatus(state, reason, summary.captured_amount, summary.refunded_amount)

    def capture(self, reference: str, amount_ore: int, idempotency_key: str) -> None:
        self._update(reference, Operation.CAPTURED, amount_ore, idempotency_key)

    def cancel(self, reference: str, amount_ore: int, idempotency_key: str) -> None:
        try:
            self._update(reference, Operation.CANCELLED, amount_ore, idempotency_key)
        except VippsRejected as exc:
            if psp_missing(exc, reference):
                raise NoSuchPayment(exc.error_message) from exc
            raise

    def refund(self, reference: str, amount_ore: int, idempotency_key: str) -> None:
        self._update(reference, Operation.REFUNDED, amount_ore, idempotency_key)

    def force_approve(self, reference: str, phone: str, landing_token: str | None) -> None:
        self.client.force_approve(reference, phone, landing_token or "")

    def _update(self, reference: str, operation: Operation, amount_ore: int, idempotency_key: str) -> None:
        self.client.update_status(
            StatusUpdate(psp_transaction_id=reference, status=operation, amount=amount_ore),
            idempotency_key=idempotency_key,
        )
