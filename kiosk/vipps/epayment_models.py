"""Typed shapes of the ePayment API v1 messages, derived from its OpenAPI contract (version 1.4.1).

Parsing is strict where money and states are concerned (an amount is a JSON integer within the contract's
0..65,000,000 minor units, a state is one of the five the contract names) and lenient where the contract is
loose: unknown fields are ignored, and `paymentMethod` and `profile`, which the contract marks required but which
carry nothing the kiosk needs, may be absent. Building a request checks it against the contract before it is
sent: a reference outside `^[a-zA-Z0-9-]{8,50}$`, a phone number that is not an MSISDN, a push payment without a
customer, are a ValueError here and never a 400 from Vipps.

Every amount names its currency, and a payment is built for a market (kiosk.domain.market): its currency (NOK,
DKK, EUR: Vipps refuses another than the sales unit's) and its customers' numbers (`msisdn(number, market)`).
There is no default market here, so no Danish payment can leave as NOK by omission.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Self
from urllib.parse import parse_qs, urlsplit

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, model_validator
from pydantic.alias_generators import to_camel

from kiosk.domain.market import Market
from kiosk.domain.phone import PhoneError, msisdn
from kiosk.vipps.errors import Problem

# The contract's Amount.value: minor units (hundredths of the currency in all three markets), 0 to 65,000,000.
MinorUnits = Annotated[int, Field(ge=0, le=65_000_000)]
REFERENCE_PATTERN = r"^[a-zA-Z0-9-]{8,50}$"
Reference = Annotated[str, Field(pattern=REFERENCE_PATTERN)]
# MSISDN: country code and subscriber number, digits only (ASCII: the contract's \d means 0-9).
Msisdn = Annotated[str, Field(pattern=r"^[0-9]{10,15}$")]


class _Message(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, frozen=True, strict=True)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, exclude_none=True, mode="json")


class Currency(StrEnum):
    NOK = "NOK"
    DKK = "DKK"
    EUR = "EUR"


class State(StrEnum):
    """The payment as a whole. CREATED waits for the customer; the other four are final.

    AUTHORIZED stays AUTHORIZED through captures, refunds and a cancel of what remains: those show in the
    aggregate and the events. TERMINATED is a payment the merchant cancelled before it was authorized.
    """

    CREATED = "CREATED"
    ABORTED = "ABORTED"
    EXPIRED = "EXPIRED"
    AUTHORIZED = "AUTHORIZED"
    TERMINATED = "TERMINATED"


class EventName(StrEnum):
    CREATED = "CREATED"
    ABORTED = "ABORTED"
    EXPIRED = "EXPIRED"
    CANCELLED = "CANCELLED"
    CAPTURED = "CAPTURED"
    REFUNDED = "REFUNDED"
    AUTHORIZED = "AUTHORIZED"
    TERMINATED = "TERMINATED"


class UserFlow(StrEnum):
    PUSH_MESSAGE = "PUSH_MESSAGE"
    NATIVE_REDIRECT = "NATIVE_REDIRECT"
    WEB_REDIRECT = "WEB_REDIRECT"
    QR = "QR"


class QrFormatName(StrEnum):
    TEXT_TARGET_URL = "TEXT/TARGETURL"  # the URL the QR code encodes: the kiosk draws the code itself
    SVG = "IMAGE/SVG+XML"
    PNG = "IMAGE/PNG"


class CustomerInteraction(StrEnum):
    CUSTOMER_PRESENT = "CUSTOMER_PRESENT"
    CUSTOMER_NOT_PRESENT = "CUSTOMER_NOT_PRESENT"


class PaymentMethodType(StrEnum):
    WALLET = "WALLET"
    CARD = "CARD"


class Amount(_Message):
    value: MinorUnits
    currency: Currency  # required, as in the contract: the sales unit's, never assumed

    @classmethod
    def of(cls, minor_units: int, currency: str) -> Amount:
        return cls(value=minor_units, currency=Currency(currency))


class CustomerPhoneNumber(_Message):
    phone_number: Msisdn


class CustomerPersonalQr(_Message):
    """The complete content of the code the customer shows in their app ("merchant scan"), 5 to 255 characters.
    Vipps says its format can change at any time: it is sent as scanned, never read."""

    personal_qr: Annotated[str, Field(min_length=5, max_length=255)]


class PaymentMethod(_Message):
    type: PaymentMethodType = PaymentMethodType.WALLET


class QrFormat(_Message):
    format: QrFormatName
    size: Annotated[int, Field(ge=100, le=2000)] | None = None


class CreatePaymentRequest(_Message):
    amount: Amount
    reference: Reference
    user_flow: UserFlow
    payment_method: PaymentMethod = PaymentMethod()
    customer_interaction: CustomerInteraction = CustomerInteraction.CUSTOMER_PRESENT
    customer: CustomerPhoneNumber | CustomerPersonalQr | None = None
    qr_format: QrFormat | None = None
    payment_description: Annotated[str, Field(min_length=3, max_length=100)] | None = None
    return_url: str | None = None

    @model_validator(mode="after")
    def _flow_needs(self) -> Self:
        # The contract's userFlow description: PUSH_MESSAGE needs a customer, the redirects a returnUrl, and
        # qrFormat is for QR only.
        if self.user_flow is UserFlow.PUSH_MESSAGE and self.customer is None:
            raise ValueError("userFlow PUSH_MESSAGE needs customer.phoneNumber or customer.personalQr")
        if self.user_flow in (UserFlow.WEB_REDIRECT, UserFlow.NATIVE_REDIRECT) and not self.return_url:
            raise ValueError(f"userFlow {self.user_flow} needs returnUrl")
        if self.qr_format is not None and self.user_flow is not UserFlow.QR:
            raise ValueError("qrFormat is only for userFlow QR")
        return self

    @classmethod
    def qr(cls, reference: str, amount_ore: int, description: str, *, market: Market) -> CreatePaymentRequest:
        """A payment at the counter paid by scanning a QR code the kiosk draws from the returned target URL."""
        return cls(
            amount=Amount.of(amount_ore, market.currency),
            reference=reference,
            user_flow=UserFlow.QR,
            qr_format=QrFormat(format=QrFormatName.TEXT_TARGET_URL),
            payment_description=description,
        )

    @classmethod
    def push(
        cls, reference: str, amount_ore: int, description: str, phone: str, *, market: Market
    ) -> CreatePaymentRequest:
        """A payment at the counter sent straight to the customer's app. `phone`: any form `msisdn()` takes in
        the market (`20123456`, `+45 20 12 34 56`, `4520123456`); raises PhoneError for a number it has not."""
        return cls(
            amount=Amount.of(amount_ore, market.currency),
            reference=reference,
            user_flow=UserFlow.PUSH_MESSAGE,
            customer=CustomerPhoneNumber(phone_number=msisdn(phone, market)),
            payment_description=description,
        )

    @classmethod
    def push_personal_qr(
        cls, reference: str, amount_ore: int, description: str, code: str, *, market: Market
    ) -> CreatePaymentRequest:
        """A payment sent straight to the app of the customer whose personal QR the counter scanned."""
        return cls(
            amount=Amount.of(amount_ore, market.currency),
            reference=reference,
            user_flow=UserFlow.PUSH_MESSAGE,
            customer=CustomerPersonalQr(personal_qr=code),
            payment_description=description,
        )


class CreatePaymentResponse(_Message):
    reference: str
    # QR: the target URL (TEXT/TARGETURL) or an image link; redirects: the landing page; push: none.
    redirect_url: Annotated[str, Field(pattern=r"^[a-zA-Z][a-zA-Z0-9+.-]*:")] | None = None

    @property
    def token(self) -> str | None:
        """The `token` query parameter of the redirect URL: force-approve may be given it."""
        if self.redirect_url is None:
            return None
        tokens = parse_qs(urlsplit(self.redirect_url).query).get("token")
        return tokens[0] if tokens else None


class Aggregate(_Message):
    authorized_amount: Amount
    cancelled_amount: Amount
    captured_amount: Amount
    refunded_amount: Amount


class PaymentMethodResponse(_Message):
    type: PaymentMethodType
    card_bin: str | None = None


class ProfileResponse(_Message):
    sub: str | None = None


class _PaymentState(_Message):
    amount: Amount
    state: State
    aggregate: Aggregate
    psp_reference: str
    reference: str

    @property
    def remaining_to_capture(self) -> int:
        a = self.aggregate
        return max(0, a.authorized_amount.value - a.captured_amount.value - a.cancelled_amount.value)

    @property
    def remaining_to_refund(self) -> int:
        return max(0, self.aggregate.captured_amount.value - self.aggregate.refunded_amount.value)


class GetPaymentResponse(_PaymentState):
    payment_method: PaymentMethodResponse | None = None
    profile: ProfileResponse | None = None
    redirect_url: str | None = None
    metadata: dict[str, str] | None = None


class ModificationResponse(_PaymentState):
    """The answer to capture, cancel and refund: the payment after the change."""


class PaymentEvent(_Message):
    reference: str
    psp_reference: str
    name: EventName
    amount: Amount
    timestamp: datetime
    success: bool
    idempotency_key: str | None = None


PAYMENT_EVENTS = TypeAdapter(tuple[PaymentEvent, ...])


class ForceApproveRequest(_Message):
    customer: CustomerPhoneNumber | CustomerPersonalQr | None = None
    token: str | None = None


class _ExtraDetail(BaseModel):
    name: str = ""
    reason: str = ""


class _ProblemBody(BaseModel):
    """Lenient on purpose: an error answer is read for what it says and must never itself be an error."""

    model_config = ConfigDict(populate_by_name=True)

    type: str = "about:blank"
    title: str = ""
    status: int | None = None
    detail: str | None = None
    trace_id: str | None = Field(default=None, alias="traceId")
    instance: str | None = None
    extra_details: list[_ExtraDetail] | None = Field(default=None, alias="extraDetails")


def parse_problem(status: int, content: bytes) -> Problem:
    """An RFC 7807 problem body; anything else (HTML from a proxy, an error list, nothing) gives a bare one."""
    try:
        body = _ProblemBody.model_validate_json(content)
    except ValidationError:
        return Problem(type="about:blank", title=f"HTTP {status}", status=status)
    return Problem(
        type=body.type,
        title=body.title or f"HTTP {status}",
        status=body.status if body.status is not None else status,
        detail=body.detail,
        trace_id=body.trace_id,
        instance=body.instance,
        # The contract's Problem requires type, title, status and traceId: a body with all four is the API's own.
        whole={"type", "title", "status", "trace_id"} <= body.model_fields_set,
        extra_details=tuple((d.name, d.reason) for d in body.extra_details or ()),
    )


__all__ = [
    "PAYMENT_EVENTS",
    "REFERENCE_PATTERN",
    "Aggregate",
    "Amount",
    "CreatePaymentRequest",
    "CreatePaymentResponse",
    "Currency",
    "CustomerInteraction",
    "CustomerPhoneNumber",
    "EventName",
    "ForceApproveRequest",
    "GetPaymentResponse",
    "ModificationResponse",
    "PaymentEvent",
    "PaymentMethod",
    "PaymentMethodType",
    "PhoneError",
    "QrFormat",
    "QrFormatName",
    "State",
    "UserFlow",
    "parse_problem",
]
