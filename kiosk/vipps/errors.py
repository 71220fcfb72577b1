"""What can go wrong talking to Vipps, as types the checkout can act on.

    VippsError
    ├── VippsUnavailable        no usable answer after the retries: the outcome of a write is unknown
    │   ├── VippsTimeout
    │   ├── VippsConnectionError
    │   ├── VippsServerError    5xx
    │   ├── VippsRateLimited    429 beyond what Retry-After lets us wait
    │   └── VippsCancelled      the caller stopped the call (the kiosk is closing): a write cut off on the
    │                           wire may have landed, so it is an unknown outcome like a timeout
    ├── VippsAuthError          401/403 that a fresh token did not cure: settings are wrong
    ├── MalformedResponse       an answer that breaks the contract
    │   └── UnexpectedRedirect  a 3xx: Vipps' API never redirects, so the answer is not Vipps' (never followed)
    ├── ForceApproveNotAllowed  force-approve asked of production
    └── VippsRejected           400 with Vipps' error list; one subclass per known errorCode
        ├── StatusUpdateRefused PSP updatestatus answered 200 without Vipps' success code (9000 SUCCESS)
        └── ProblemRejected     ePayment API: a 4xx with an RFC 7807 problem body (400: the request is invalid)
            ├── PaymentNotFound 404: no payment with that reference
            └── PaymentConflict 409: the payment's state forbids it, or the reference is taken

Messages never carry secrets, tokens or phone numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.message import Message, MessageError, Verbatim


class VippsError(MessageError):
    """Anything that went wrong with a Vipps call. Its `message` is for staff (kiosk.domain.message)."""


class VippsUnavailable(VippsError):
    """Vipps could not be reached or gave no usable answer. A write may or may not have taken effect."""


class VippsTimeout(VippsUnavailable):
    pass


class VippsConnectionError(VippsUnavailable):
    pass


class VippsServerError(VippsUnavailable):
    def __init__(self, message: Message, status: int, errors: tuple[ErrorDetail, ...] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.errors = errors


class VippsRateLimited(VippsUnavailable):
    def __init__(self, message: Message, retry_after_s: float | None) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class VippsCancelled(VippsUnavailable):
    pass


class VippsAuthError(VippsError):
    def __init__(self, message: Message, status: int) -> None:
        super().__init__(message)
        self.status = status


class MalformedResponse(VippsError):
    pass


class UnexpectedRedirect(MalformedResponse):
    """A 3xx answer. Vipps' APIs answer every call themselves; a redirect comes from something in between (a
    proxy, a captive portal), is never followed (the client does not follow redirects), and proves nothing."""

    def __init__(self, status: int) -> None:
        super().__init__(
            Message(
                "Vipps' address answered with a redirect (HTTP {status}), which the kiosk does not follow",
                status=status,
            )
        )
        self.status = status


class ForceApproveNotAllowed(VippsError):
    pass


@dataclass(frozen=True)
class ErrorDetail:
    error_code: str
    error_message: str
    context_id: str | None


class VippsRejected(VippsError):
    """Vipps refused the request (HTTP 400). `error_code`, `error_message` and `context_id` are its first error."""

    code: str | None = None  # the errorCode a subclass stands for

    def __init__(self, status: int, errors: tuple[ErrorDetail, ...]) -> None:
        first = errors[0] if errors else ErrorDetail("", "no error details given", None)
        reason = Verbatim(first.error_message)  # Vipps' own words
        super().__init__(
            Message("Vipps refused the request: {reason} (errorCode {code})", reason=reason, code=first.error_code)
        )
        self.status = status
        self.errors = errors
        self.error_code = first.error_code
        self.error_message = first.error_message
        self.context_id = first.context_id
        # The answer's media type, as the client saw it: only a body of the API's own shape can say that a
        # payment is missing (a gateway's HTML page cannot).
        self.content_type = ""


class MerchantNotAvailable(VippsRejected):
    code = "21"


class InvalidPaymentModel(VippsRejected):
    code = "42"


class TransactionIdExists(VippsRejected):
    code = "44"


class InvalidRequest(VippsRejected):
    code = "51"


class OrderIdExists(VippsRejected):
    code = "99"


class StatusUpdateRefused(VippsRejected):
    """updatestatus answered HTTP 200, but its responseInfo is not Vipps' success (responseCode 9000, SUCCESS):
    the update was not accepted. `error_code` and `error_message` are the responseInfo's."""


class AmountTooSmall(VippsRejected):
    code = "amount"


class CurrencyInvalid(VippsRejected):
    code = "currency"


class InvalidMakePaymentUrl(VippsRejected):
    code = "makePaymentUrl"


@dataclass(frozen=True)
class Problem:
    """An RFC 7807 problem body, as the ePayment API answers a refused request.

    `extra_details` are the (name, reason) pairs Vipps adds for validation errors, e.g. ("reference", "...").
    """

    type: str
    title: str
    status: int
    detail: str | None = None
    trace_id: str | None = None
    instance: str | None = None
    whole: bool = False  # it has every field the contract requires (type, title, status, traceId)
    extra_details: tuple[tuple[str, str], ...] = ()

    @property
    def code(self) -> str:
        """A short name for the problem type: the URI's fragment or last path segment, else the status."""
        tail = self.type.rsplit("#", 1)[1] if "#" in self.type else self.type.rstrip("/").rsplit("/", 1)[-1]
        return tail or str(self.status)


class ProblemRejected(VippsRejected):
    """The ePayment API refused the request. `problem` is its body; the VippsRejected fields are read from it:
    `error_code` is the problem type's short name, `error_message` its detail (or title), `context_id` its
    traceId."""

    def __init__(self, status: int, problem: Problem) -> None:
        message = problem.detail or problem.title
        super().__init__(status, (ErrorDetail(problem.code, message, problem.trace_id),))
        self.problem = problem


class PaymentNotFound(ProblemRejected):
    pass


class PaymentConflict(ProblemRejected):
    pass


def refuse_redirect(status: int) -> None:
    """Raise UnexpectedRedirect for a 3xx: neither an answer nor a success."""
    if 300 <= status < 400:
        raise UnexpectedRedirect(status)


def problem_rejection(status: int, problem: Problem) -> ProblemRejected:
    """The most specific rejection for an ePayment problem answered with `status`."""
    return {404: PaymentNotFound, 409: PaymentConflict}.get(status, ProblemRejected)(status, problem)


_REJECTIONS = {cls.code: cls for cls in VippsRejected.__subclasses__() if cls.code is not None}


def rejection_for(status: int, errors: tuple[ErrorDetail, ...]) -> VippsRejected:
    """The most specific rejection type for Vipps' first error code."""
    code = errors[0].error_code if errors else None
    return _REJECTIONS.get(code, VippsRejected)(status, errors)
