"""Typed shapes of the PSP API v3 messages, derived from the OpenAPI contract (version 1.0.21).

Parsing is strict where money and states are concerned (an amount must be a JSON integer) and lenient where the
contract itself is loose (unknown fields are ignored; `expires_in` comes as text or number).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, TypeVar
from urllib.parse import parse_qs, urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic.alias_generators import to_camel

from kiosk.domain.message import Message, Verbatim
from kiosk.vipps.errors import ErrorDetail, MalformedResponse

Ore = Annotated[int, Field(ge=0, le=2**31 - 1)]


def _text_or_number(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _digits_to_int(value: Any) -> Any:
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    return value


class _Message(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True, frozen=True, strict=True)


class Operation(StrEnum):
    RESERVED = "RESERVED"
    CAPTURED = "CAPTURED"
    CANCELLED = "CANCELLED"
    REFUNDED = "REFUNDED"


class AccessToken(BaseModel):
    model_config = ConfigDict(frozen=True, strict=True)

    token_type: str
    expires_in: Annotated[int, BeforeValidator(_digits_to_int), Field(gt=0)]
    access_token: Annotated[str, Field(min_length=1)]


class InitiateRequest(_Message):
    psp_transaction_id: Annotated[str, Field(pattern=r"^[a-z0-9]{1,36}$")]
    merchant_order_id: Annotated[str, Field(pattern=r"^[a-zA-Z0-9-]{1,50}$")]
    amount: Ore
    currency: str = "NOK"
    psp_redirect_url: str
    make_payment_url: str
    make_payment_token: Annotated[str, Field(max_length=255)] | None = None
    customer_mobile_number: Annotated[str, Field(pattern=r"^[0-9]{8}$")] | None = None
    payment_text: str | None = None
    is_app: bool = False
    skip_landing_page: bool = False

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, exclude_none=True)


class InitiateResponse(_Message):
    psp_transaction_id: str
    merchant_order_id: str
    vipps_redirect_url: Annotated[str, Field(pattern=r"^https?://")]

    @property
    def landing_token(self) -> str | None:
        """The `token` query parameter of the landing URL: force-approve needs it."""
        tokens = parse_qs(urlsplit(self.vipps_redirect_url).query).get("token")
        return tokens[0] if tokens else None


class TransactionSummary(_Message):
    captured_amount: Ore = 0
    remaining_amount_to_capture: Ore = 0
    refunded_amount: Ore = 0
    remaining_amount_to_refund: Ore = 0


class LogEntry(_Message):
    amount: Ore
    operation: Operation
    operation_success: bool
    time_stamp: datetime | None = None
    payment_text: str | None = None


class PaymentDetails(_Message):
    psp_transaction_id: str
    merchant_order_id: str | None = None
    transaction_summary: TransactionSummary = TransactionSummary()
    transaction_log_history: tuple[LogEntry, ...] = ()


class StatusUpdate(_Message):
    """One transaction in an updatestatus call (the spec's TransactionInfo)."""

    psp_transaction_id: str
    status: Operation
    amount: Ore
    currency: str = "NOK"
    payment_text: str | None = None

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(by_alias=True, exclude_none=True, mode="json")


class ResponseInfo(_Message):
    response_code: str | None = None
    response_message: str | None = None


class StatusUpdateResponse(_Message):
    response_info: ResponseInfo | None = None

    @property
    def succeeded(self) -> bool:
        """Vipps' own words for an accepted update: the contract's Response, responseInfo 9000 / SUCCESS."""
        info = self.response_info
        return info is not None and info.response_code == "9000" and info.response_message in (None, "SUCCESS")


class PspOutcome(_Message):
    """What the PSP answered Vipps' makePayment: the only place the reason for a failed payment is known."""

    psp_transaction_id: str
    payment_state: str | None = None  # ACCEPTED, TIMEOUT or USER_CANCEL
    status: str | None = None  # OK, FAIL or SOFT_DECLINE
    error_id: str | None = None
    error_text: str | None = None


class _ErrorItem(_Message):
    error_code: Annotated[str, BeforeValidator(_text_or_number)] = ""
    error_message: str = ""
    context_id: str | None = None


_ERROR_LIST = TypeAdapter(list[_ErrorItem])
M = TypeVar("M", bound=BaseModel)


def parse(model: type[M], content: bytes) -> M:
    """Parse a response body into `model`; anything the contract does not allow is a MalformedResponse."""
    try:
        return model.model_validate_json(content)
    except ValidationError as exc:
        raise contract_broken(f"a {model.__name__}", exc) from None


def contract_broken(what: str, exc: ValidationError) -> MalformedResponse:
    """The one way a body that breaks the contract is described: what it was, and where it first broke."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "body"
    problem = Verbatim(first["msg"])  # pydantic's words
    return MalformedResponse(
        Message(
            "Vipps sent {what} that breaks the contract at {where}: {problem}", what=what, where=where, problem=problem
        )
    )


def parse_errors(content: bytes) -> tuple[ErrorDetail, ...]:
    """Vipps' error list, or nothing when the body is not one (an error answer must never crash us)."""
    try:
        items = _ERROR_LIST.validate_json(content)
    except ValidationError:
        return ()
    return tuple(ErrorDetail(i.error_code, i.error_message, i.context_id) for i in items)
