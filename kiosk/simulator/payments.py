"""A simulated Vipps payment: where the customer is in the flow, and the money operations on it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any


class Stage(StrEnum):
    """Where the customer is. Money operations (capture, cancel, refund) are tracked beside it."""

    AWAITING_PHONE = "AWAITING_PHONE"  # the landing page waits for a phone number
    AWAITING_APP = "AWAITING_APP"  # the request sits in the customer's app
    AUTHORISING = "AUTHORISING"  # makePayment is on its way to the PSP
    RESERVED = "RESERVED"
    FAILED = "FAILED"


class Operation(StrEnum):
    RESERVED = "RESERVED"
    CAPTURED = "CAPTURED"
    CANCELLED = "CANCELLED"
    REFUNDED = "REFUNDED"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class Failure:
    """Why a payment did not reserve: the makePayment state sent and the PSP's answer, if any."""

    payment_state: str  # ACCEPTED, TIMEOUT or USER_CANCEL
    error_id: str | None = None
    error_text: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"paymentState": self.payment_state, "errorId": self.error_id, "errorText": self.error_text}


@dataclass
class Payment:
    psp_transaction_id: str
    merchant_order_id: str
    merchant_serial_number: str
    amount: int
    currency: str
    payment_text: str
    psp_redirect_url: str
    make_payment_url: str
    make_payment_token: str
    landing_token: str
    landing_url: str
    landing_deadline: float  # monotonic seconds
    phone: str | None = None
    stage: Stage = Stage.AWAITING_PHONE
    app_deadline: float | None = None
    failure: Failure | None = None
    captured: int = 0
    refunded: int = 0
    cancelled: bool = False
    history: list[dict[str, Any]] = field(default_factory=list)
    created_at: str = field(default_factory=now_iso)

    @property
    def state(self) -> str:
        """One word for a person or a test: the payment as a whole."""
        if self.cancelled:
            return "CANCELLED"
        if self.stage is Stage.FAILED:
            return "FAILED"
        if self.refunded:
            return "REFUNDED"
        if self.captured:
            return "CAPTURED"
        return self.stage.value

    @property
    def reserved(self) -> bool:
        return self.stage is Stage.RESERVED

    @property
    def remaining_to_capture(self) -> int:
        return self.amount - self.captured if self.reserved and not self.cancelled else 0

    @property
    def remaining_to_refund(self) -> int:
        return self.captured - self.refunded

    @property
    def pending_for_customer(self) -> bool:
        return self.stage in (Stage.AWAITING_PHONE, Stage.AWAITING_APP)

    # ---- what the customer pages read (an ePayment payment has the same names) -------------------------------

    @property
    def request_id(self) -> str:
        """The id the simulated app answers with."""
        return self.psp_transaction_id

    @property
    def country(self) -> str:
        return "NO"  # the PSP API v3 is Norway's (Vipps) only

    def customer_outcome(self) -> str | None:
        if self.cancelled:
            return "cancelled"
        if self.stage is Stage.RESERVED:
            return "paid"
        if self.stage is not Stage.FAILED or self.failure is None:
            return None
        return {"TIMEOUT": "expired", "USER_CANCEL": "cancelled"}.get(self.failure.payment_state, "failed")

    @property
    def failure_text(self) -> str | None:
        return self.failure.error_text if self.failure else None

    def log(self, operation: Operation, amount: int, success: bool) -> None:
        self.history.append(
            {
                "amount": amount,
                "paymentText": self.payment_text,
                "timeStamp": now_iso(),
                "operation": operation.value,
                "operationSuccess": success,
            }
        )

    def details_json(self) -> dict[str, Any]:
        """The body of GET .../details, shaped as the spec's PaymentDetailsRepresentation."""
        return {
            "pspTransactionId": self.psp_transaction_id,
            "merchantOrderId": self.merchant_order_id,
            "transactionSummary": {
                "capturedAmount": self.captured,
                "remainingAmountToCapture": self.remaining_to_capture,
                "refundedAmount": self.refunded,
                "remainingAmountToRefund": self.remaining_to_refund,
            },
            "transactionLogHistory": list(self.history),
        }

    def sim_json(self) -> dict[str, Any]:
        """The simulator's own view for /_sim/payments: everything a test or a trainer wants to see."""
        return {
            "api": "psp",
            "pspTransactionId": self.psp_transaction_id,
            "merchantOrderId": self.merchant_order_id,
            "merchantSerialNumber": self.merchant_serial_number,
            "amount": self.amount,
            "currency": self.currency,
            "paymentText": self.payment_text,
            "phone": self.phone,
            "state": self.state,
            "stage": self.stage.value,
            "failure": self.failure.as_json() if self.failure else None,
            "capturedAmount": self.captured,
            "refundedAmount": self.refunded,
            "cancelled": self.cancelled,
            "history": list(self.history),
            "landingUrl": self.landing_url,
            "createdAt": self.created_at,
        }
