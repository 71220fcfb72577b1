"""A simulated ePayment API payment: its state, its aggregate amounts, its event log, and the adjustment rules.

The customer's side (landing page, app, windows) is the same as a PSP payment's and uses the same `Stage`; the
merchant's side follows the ePayment contract:

- `state` is CREATED until the customer acts, then AUTHORIZED, ABORTED (the customer rejected), EXPIRED (nobody
  acted within the windows) or TERMINATED (the merchant cancelled before authorisation). AUTHORIZED stays
  AUTHORIZED through captures, refunds and a cancel of the rest; those move the aggregate and add events.
- A card the issuer refuses (the test environment's magic amounts) does not end the payment: in Vipps the
  customer may pick another card. The payment stays CREATED with a failed AUTHORIZED event, the request stays
  in the app, and the payment expires when its window ends unless the merchant cancels it first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.simulator.payments import Stage, now_iso

CREATED, AUTHORIZED, ABORTED, EXPIRED, TERMINATED = "CREATED", "AUTHORIZED", "ABORTED", "EXPIRED", "TERMINATED"


@dataclass
class Refusal:
    """Why an adjustment or an approval was refused: HTTP status, a problem slug and a sentence."""

    status: int
    slug: str
    detail: str


@dataclass
class EPayment:
    reference: str
    psp_reference: str
    merchant_serial_number: str
    amount: int
    currency: str
    user_flow: str
    payment_text: str  # the contract's paymentDescription; the name the customer pages share with PSP payments
    landing_token: str
    landing_url: str
    landing_deadline: float  # monotonic seconds
    redirect_url: str | None = None
    phone: str | None = None  # the customer's app key (kiosk/simulator/markets.py), as the app is opened with
    stage: Stage = Stage.AWAITING_PHONE
    state: str = CREATED
    app_deadline: float | None = None
    card_refusal: dict[str, str] | None = None  # {"errorId", "errorText"} of the last refused card
    authorized: int = 0
    captured: int = 0
    refunded: int = 0
    cancelled_amount: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)
    created_at: str = field(default_factory=now_iso)
    country: str = "NO"  # the sales unit's market (kiosk/simulator/markets.py)

    # ---- what the customer pages read (the same names as a PSP payment's) ------------------------------------

    @property
    def request_id(self) -> str:
        """The id the simulated app answers with."""
        return self.psp_reference

    @property
    def pending_for_customer(self) -> bool:
        return self.state == CREATED and self.stage in (Stage.AWAITING_PHONE, Stage.AWAITING_APP)

    @property
    def cancelled(self) -> bool:
        return self.state == TERMINATED or self.cancelled_amount > 0

    def customer_outcome(self) -> str | None:
        return {AUTHORIZED: "paid", ABORTED: "cancelled", TERMINATED: "cancelled", EXPIRED: "expired"}.get(self.state)

    @property
    def failure_text(self) -> str | None:
        return self.card_refusal["errorText"] if self.card_refusal else None

    # ---- the customer's acts ------------------------------------------------------------------------------------

    def authorise(self, refusal: tuple[str, str] | None) -> None:
        """The customer approved in the app: authorised, or the card refused (`refusal`: error id and text)."""
        if refusal is not None:
            self.card_refusal = {"errorId": refusal[0], "errorText": refusal[1]}
            self.stage = Stage.AWAITING_APP  # the request stays open: another card may be tried
            self.log("AUTHORIZED", self.amount, success=False)
            return
        self.stage, self.state, self.authorized = Stage.RESERVED, AUTHORIZED, self.amount
        self.log("AUTHORIZED", self.amount)

    def end(self, state: str) -> None:
        """ABORTED (rejected in the app) or EXPIRED (a window ran out)."""
        self.stage, self.state = Stage.FAILED, state
        self.log(state, self.amount)

    # ---- the merchant's adjustments -----------------------------------------------------------------------------

    @property
    def remaining_to_capture(self) -> int:
        return self.authorized - self.captured - self.cancelled_amount

    def capture(self, amount: int, key: str | None = None) -> Refusal | None:
        if self.state != AUTHORIZED:
            return Refusal(409, "payment-not-authorized", f"Cannot capture: the payment is {self.state}")
        if self.cancelled_amount:
            return Refusal(409, "payment-cancelled", "Cannot capture: the rest of the payment was cancelled")
        if not 0 < amount <= self.remaining_to_capture:
            return Refusal(
                400,
                "capture-amount-too-high",
                f"Cannot capture {amount}: {self.remaining_to_capture} remains to capture",
            )
        self.captured += amount
        self.log("CAPTURED", amount, idempotency_key=key)
        return None

    def refund(self, amount: int, key: str | None = None) -> Refusal | None:
        if self.state != AUTHORIZED or not self.captured:
            return Refusal(409, "nothing-captured", f"Cannot refund: nothing is captured (the payment is {self.state})")
        remaining = self.captured - self.refunded
        if not 0 < amount <= remaining:
            return Refusal(400, "refund-amount-too-high", f"Cannot refund {amount}: {remaining} remains to refund")
        self.refunded += amount
        self.log("REFUNDED", amount, idempotency_key=key)
        return None

    def cancel(self, key: str | None = None) -> Refusal | None:
        """Before authorisation: TERMINATED, and the request leaves the app. After: release what is left."""
        if self.state == CREATED:
            self.stage, self.state, self.cancelled_amount = Stage.FAILED, TERMINATED, self.amount
            self.log(TERMINATED, self.amount, idempotency_key=key)
            return None
        if self.state == TERMINATED or (self.state == AUTHORIZED and self.cancelled_amount):
            return None  # cancelling twice changes nothing
        if self.state != AUTHORIZED:
            return Refusal(409, "payment-not-cancellable", f"Cannot cancel: the payment is {self.state}")
        if self.remaining_to_capture == 0:
            return Refusal(
                409, "payment-fully-captured", "Cannot cancel: the payment is captured in full; refund it instead"
            )
        self.cancelled_amount = self.remaining_to_capture
        self.log("CANCELLED", self.cancelled_amount, idempotency_key=key)
        return None

    # ---- views --------------------------------------------------------------------------------------------------

    def log(self, name: str, amount: int, success: bool = True, idempotency_key: str | None = None) -> None:
        self.events.append(
            {
                "reference": self.reference,
                "pspReference": self.psp_reference,
                "name": name,
                "amount": self._amount(amount),
                "timestamp": now_iso(),
                "idempotencyKey": idempotency_key,
                "success": success,
            }
        )

    def _amount(self, value: int) -> dict[str, Any]:
        return {"currency": self.currency, "value": value}

    def modification_json(self) -> dict[str, Any]:
        """The contract's ModificationResponse: the answer to capture, cancel and refund."""
        return {
            "amount": self._amount(self.amount),
            "state": self.state,
            "aggregate": {
                "authorizedAmount": self._amount(self.authorized),
                "cancelledAmount": self._amount(self.cancelled_amount),
                "capturedAmount": self._amount(self.captured),
                "refundedAmount": self._amount(self.refunded),
            },
            "pspReference": self.psp_reference,
            "reference": self.reference,
        }

    def payment_json(self) -> dict[str, Any]:
        """The contract's GetPaymentResponse."""
        body = {**self.modification_json(), "paymentMethod": {"type": "WALLET"}, "profile": {}}
        if self.redirect_url:
            body["redirectUrl"] = self.redirect_url
        return body

    def sim_json(self) -> dict[str, Any]:
        """The simulator's own view for /_sim/payments, with the PSP payments' names where they mean the same."""
        return {
            "api": "epayment",
            "reference": self.reference,
            "pspReference": self.psp_reference,
            "merchantSerialNumber": self.merchant_serial_number,
            "country": self.country,
            "amount": self.amount,
            "currency": self.currency,
            "paymentText": self.payment_text,
            "userFlow": self.user_flow,
            "phone": self.phone,
            "state": self.state,
            "stage": self.stage.value,
            "failure": self.card_refusal,
            "authorizedAmount": self.authorized,
            "capturedAmount": self.captured,
            "refundedAmount": self.refunded,
            "cancelledAmount": self.cancelled_amount,
            "cancelled": self.cancelled,
            "events": list(self.events),
            "landingUrl": self.landing_url,
            "createdAt": self.created_at,
        }
