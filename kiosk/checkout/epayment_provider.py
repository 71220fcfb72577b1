"""The ePayment API v1 behind the checkout's `PaymentProvider`.

The attempt's reference is the ledger's psp_transaction_id: 32 lowercase hex characters, which fits ePayment's
`^[a-zA-Z0-9-]{8,50}$` as it is. Idempotency keys are the checkout's own (at most 40 characters; ePayment takes 50).

Currencies: a payment is started in the shop's market's currency (DKK in Denmark), and every later write on it
(capture, refund) names the currency Vipps holds it in: remembered from its start or from any answer about it,
else read once first. So a refund from the back office or a capture at start-up, whose providers may be made
without the shop's market, is never sent as NOK for a Danish payment.
"""

from __future__ import annotations

import contextlib
from typing import TypeVar

from kiosk.checkout.missing import epayment_missing, judged
from kiosk.checkout.payment_text import payment_text
from kiosk.checkout.provider import ClientOwner, NoSuchPayment, PaymentState, PaymentStatus, Started, StartRequest
from kiosk.domain.market import MARKET_OF_CURRENCY, NORWAY, Market
from kiosk.domain.message import Message, Shown
from kiosk.domain.phone import msisdn
from kiosk.settings.model import VippsSettings
from kiosk.vipps import PaymentConflict, PaymentNotFound, RetryPolicy
from kiosk.vipps.epayment import EPaymentClient
from kiosk.vipps.epayment_models import (
    CreatePaymentRequest,
    EventName,
    GetPaymentResponse,
    ModificationResponse,
    State,
)

_Answer = TypeVar("_Answer", GetPaymentResponse, ModificationResponse)
_EXPIRED = Message("Nobody approved the payment in time.")
# ePayment's events say that a card was refused, never why (PSP's error ids have no counterpart here).
_REFUSED = Message("The card was refused.")


def _description(request: StartRequest) -> str:
    """paymentDescription (3 to 100 characters): the shop, the order id, the staff's text (see payment_text)."""
    return payment_text(request.order_id, request.text, request.shop_name)


class EPaymentProvider(ClientOwner):
    name = "epayment"
    push_skips_landing_page = True  # PUSH_MESSAGE puts the request in the customer's app at once
    takes_personal_qr = True  # customer.personalQr: the code the customer showed, sent whole
    captures_at_once = True  # the capture's answer is the payment after it

    def __init__(self, client: EPaymentClient, *, owns_client: bool = False, market: Market = NORWAY) -> None:
        super().__init__(client, owns_client)
        self.client = client  # public: tests drive the ePayment API directly (force-approve)
        self.market = market
        # reference -> the currency Vipps holds the payment in (see the module's docstring); one sale's or one
        # job's payments, as long as the provider lives.
        self._currencies: dict[str, str] = {}

    @classmethod
    def connect(
        cls, vipps: VippsSettings, retry: RetryPolicy | None = None, market: Market = NORWAY
    ) -> EPaymentProvider:
        return cls(EPaymentClient(vipps, retry=retry), owns_client=True, market=market)

    def start(self, request: StartRequest, idempotency_key: str) -> Started:
        ref, amount, text, market = request.reference, request.amount_ore, _description(request), self.market
        if request.personal_qr is not None:
            body = CreatePaymentRequest.push_personal_qr(ref, amount, text, request.personal_qr, market=market)
        elif request.phone is None:
            body = CreatePaymentRequest.qr(ref, amount, text, market=market)
        else:
            # customer.phoneNumber: the number in the market's MSISDN form (20123456 -> 4520123456)
            body = CreatePaymentRequest.push(ref, amount, text, request.phone, market=market)
        self._currencies[ref] = market.currency
        created = self.client.create_payment(body, idempotency_key=idempotency_key)
        return Started(created.reference, created.redirect_url)

    def read(self, reference: str) -> PaymentStatus:
        payment = self._get(reference)
        if payment.state in (State.CREATED, State.TERMINATED) and self._card_refused(reference):
            if payment.state is State.CREATED:
                # Vipps lets the customer pick another card, but the checkout has told them it was refused and
                # moves on: terminate it, so no later approval can reserve money for a sale that has ended. Said
                # only once Vipps agreed (an answer lost is a failed read, asked again).
                with contextlib.suppress(PaymentConflict):  # no longer CREATED: read again below
                    self.client.cancel_payment(reference, idempotency_key=f"{reference}-refused")
                payment = self._get(reference)
            if payment.state is State.TERMINATED:
                return self._status(payment, PaymentState.REFUSED, _REFUSED)
        return self._status(payment, *self._state_of(payment))

    def capture(self, reference: str, amount_ore: int, idempotency_key: str) -> None:
        currency = self._currency_of(reference)
        self._seen(
            self.client.capture_payment(reference, amount_ore, currency=currency, idempotency_key=idempotency_key)
        )

    def cancel(self, reference: str, amount_ore: int, idempotency_key: str) -> None:
        # ePayment cancels whatever is not captured: the amount is PSP's, not needed here.
        try:
            self.client.cancel_payment(reference, idempotency_key=idempotency_key)
        except PaymentNotFound as exc:
            if epayment_missing(exc, reference):
                raise NoSuchPayment(exc.error_message) from exc
            raise

    def refund(self, reference: str, amount_ore: int, idempotency_key: str) -> None:
        currency = self._currency_of(reference)
        self._seen(
            self.client.refund_payment(reference, amount_ore, currency=currency, idempotency_key=idempotency_key)
        )

    def force_approve(self, reference: str, phone: str, landing_token: str | None) -> None:
        """`phone` in any form the provider's market takes (`20123456` in Denmark), or its MSISDN."""
        self.client.force_approve(reference, msisdn(phone, self.market), landing_token)

    # ---- reading ------------------------------------------------------------------------------------------------

    def _get(self, reference: str) -> GetPaymentResponse:
        try:
            return self._seen(self.client.get_payment(reference))
        except PaymentNotFound as exc:
            raise judged(exc, reference, epayment_missing(exc, reference)) from exc

    def _seen(self, payment: _Answer) -> _Answer:
        """Remember the currency an answer shows the payment in: what its next write must name."""
        self._currencies[payment.reference] = payment.amount.currency.value
        return payment

    def _currency_of(self, reference: str) -> str:
        """The currency Vipps holds the payment in. Unknown to this provider (made for a refund, or after a
        restart), it is read first: an error of that read is what the write would have met (no such payment,
        no answer), so the caller's handling stays the same."""
        if reference not in self._currencies:
            self._seen(self.client.get_payment(reference))
        return self._currencies[reference]

    def _card_refused(self, reference: str) -> bool:
        events = self.client.get_events(reference)
        return any(e.name is EventName.AUTHORIZED and not e.success for e in events)

    @staticmethod
    def _state_of(payment: GetPaymentResponse) -> tuple[PaymentState, Shown | str]:
        aggregate = payment.aggregate
        match payment.state:
            case State.CREATED:
                return PaymentState.WAITING, ""
            case State.AUTHORIZED if aggregate.captured_amount.value > 0:
                return PaymentState.CAPTURED, ""
            case State.AUTHORIZED if aggregate.cancelled_amount.value > 0:
                return PaymentState.CANCELLED, ""  # a reservation cancelled back: never charged
            case State.AUTHORIZED:
                return PaymentState.RESERVED, ""
            case State.ABORTED:
                # In the app the customer has: Vipps in Norway, MobilePay in Denmark and Finland. Told by the
                # payment's currency, not the provider's market: the details poller, start-up recovery and the
                # back office's re-check read payments through providers made without the shop's market.
                market = MARKET_OF_CURRENCY.get(payment.amount.currency.value, NORWAY)
                return PaymentState.REJECTED, Message(
                    "The customer rejected the payment in {brand}.", brand=market.brand
                )
            case State.EXPIRED:
                return PaymentState.EXPIRED, _EXPIRED
            case State.TERMINATED:
                return PaymentState.CANCELLED, ""
        return PaymentState.UNKNOWN, ""

    @staticmethod
    def _status(payment: GetPaymentResponse, state: PaymentState, reason: Shown) -> PaymentStatus:
        aggregate = payment.aggregate
        return PaymentStatus(state, reason, aggregate.captured_amount.value, aggregate.refunded_amount.value)
