"""The Vipps ePayment API v1 client. Blocking by design, like `VippsClient`: a worker thread owns it.

It shares `VippsHttp` with the PSP client: the same access token (cached per sales unit for the whole process),
TLS context, system headers, retries with backoff and Retry-After, and `cancel()` from any thread. What differs:

- every write carries an `Idempotency-Key` (the contract makes it required), at most 50 characters, the same on
  every retry of one call; pass the key you stored to make a retry after a crash find the same payment;
- refusals are RFC 7807 problem bodies, raised as `ProblemRejected` (400), `PaymentNotFound` (404) and
  `PaymentConflict` (409), each with the parsed `problem`;
- Vipps' documented rate limits are kept on this side (`RATE_LIMITS`), so the kiosk never provokes a 429.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx
from pydantic import ValidationError

from kiosk.domain.message import Message
from kiosk.settings.model import VippsSettings
from kiosk.vipps.environment import Environment
from kiosk.vipps.epayment_models import (
    PAYMENT_EVENTS,
    Amount,
    CreatePaymentRequest,
    CreatePaymentResponse,
    CustomerPhoneNumber,
    ForceApproveRequest,
    GetPaymentResponse,
    ModificationResponse,
    PaymentEvent,
    parse_problem,
)
from kiosk.vipps.errors import (
    ErrorDetail,
    ForceApproveNotAllowed,
    VippsError,
    VippsRateLimited,
    problem_rejection,
)
from kiosk.vipps.http import VippsHttp
from kiosk.vipps.models import contract_broken
from kiosk.vipps.retry import RetryPolicy

PAYMENTS = "/epayment/v1/payments"
MAX_IDEMPOTENCY_KEY_LENGTH = 50  # the contract's Idempotency-Key: maxLength 50


@dataclass(frozen=True)
class RateLimit:
    calls: int
    per_s: float


# Vipps' published limits for the ePayment API (API guide, "Rate limiting"; the OpenAPI contract states none),
# counted per reference and sales unit. A poll every 2 s is 30 a minute; retries of a write count too, and a
# call's 4 tries stay within 5.
RATE_LIMITS: Mapping[str, RateLimit] = {
    "create": RateLimit(5, 60.0),
    "capture": RateLimit(5, 60.0),
    "cancel": RateLimit(5, 60.0),
    "refund": RateLimit(5, 60.0),
    "get": RateLimit(120, 60.0),
    "events": RateLimit(120, 60.0),
}


class CallBudget:
    """Calls made per (sales unit, operation, reference) in a sliding window, for every client in the process.

    A payment's calls stop counting once its window has passed, and a kiosk runs all day: what no limit counts
    any more is forgotten (else a few KB a sale, measured, kept until the kiosk stops)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._calls: dict[tuple[str, ...], deque[float]] = {}
        self._longest_window_s = 0.0
        self._next_sweep = 0.0

    def take(self, key: tuple[str, ...], limit: RateLimit) -> float:
        """Count a call now and answer 0, or answer how long until one is allowed (and count nothing)."""
        now = self._clock()
        with self._lock:
            self._forget_idle(now, limit.per_s)
            calls = self._calls.setdefault(key, deque())
            while calls and calls[0] <= now - limit.per_s:
                calls.popleft()
            if len(calls) < limit.calls:
                calls.append(now)
                return 0.0
            return calls[0] + limit.per_s - now

    def __len__(self) -> int:
        """How many (operation, payment) pairs it still keeps calls of."""
        with self._lock:
            return len(self._calls)

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()

    def _forget_idle(self, now: float, window_s: float) -> None:
        """At most once per longest window: drop every key with no call inside it, which no limit counts."""
        self._longest_window_s = max(self._longest_window_s, window_s)
        if now < self._next_sweep:
            return
        self._next_sweep = now + self._longest_window_s
        horizon = now - self._longest_window_s
        for key in [k for k, calls in self._calls.items() if not calls or calls[-1] <= horizon]:
            del self._calls[key]


CALL_BUDGET = CallBudget()


def _checked_key(key: str | None) -> str | None:
    if key is not None and not 1 <= len(key) <= MAX_IDEMPOTENCY_KEY_LENGTH:
        raise ValueError(f"an Idempotency-Key has 1 to {MAX_IDEMPOTENCY_KEY_LENGTH} characters")
    return key


class EPaymentClient(VippsHttp):
    def __init__(
        self,
        settings: VippsSettings,
        *,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        rate_limits: Mapping[str, RateLimit] = RATE_LIMITS,
    ) -> None:
        super().__init__(settings, retry=retry, transport=transport)
        self._rate_limits = rate_limits
        self._budget_key: tuple[str, str] | None = None  # (operation, reference) of the call under way

    # ---- the API ------------------------------------------------------------------------------------------------

    def create_payment(
        self, request: CreatePaymentRequest, idempotency_key: str | None = None
    ) -> CreatePaymentResponse:
        """POST /epayment/v1/payments. Build `request` with `CreatePaymentRequest.qr(...)` or `.push(...)`."""
        return self._limited(
            "create",
            request.reference,
            "POST",
            PAYMENTS,
            CreatePaymentResponse,
            json=request.to_json(),
            idempotency_key=_checked_key(idempotency_key),
        )

    def get_payment(self, reference: str) -> GetPaymentResponse:
        return self._limited("get", reference, "GET", self._path(reference), GetPaymentResponse)

    def get_events(self, reference: str) -> tuple[PaymentEvent, ...]:
        """The payment's event log, oldest first: how a refused card (a failed AUTHORIZED event) is seen."""
        return self._limited(
            "events", reference, "GET", self._path(reference, "events"), None, parse_body=_parse_events
        )

    def capture_payment(
        self, reference: str, amount_ore: int, *, currency: str, idempotency_key: str | None = None
    ) -> ModificationResponse:
        """`currency`: the payment's own (Vipps refuses another), e.g. its `amount.currency`."""
        return self._modify("capture", reference, Amount.of(amount_ore, currency), idempotency_key)

    def refund_payment(
        self, reference: str, amount_ore: int, *, currency: str, idempotency_key: str | None = None
    ) -> ModificationResponse:
        """`currency`: the payment's own (Vipps refuses another), e.g. its `amount.currency`."""
        return self._modify("refund", reference, Amount.of(amount_ore, currency), idempotency_key)

    def cancel_payment(self, reference: str, idempotency_key: str | None = None) -> ModificationResponse:
        """Cancel what is left: before authorisation the payment becomes TERMINATED and a later approval is
        refused; after it, the rest of the reservation is released (the state stays AUTHORIZED). Named
        `cancel_payment` because `cancel()` stops this client's calls."""
        return self._limited(
            "cancel",
            reference,
            "POST",
            self._path(reference, "cancel"),
            ModificationResponse,
            idempotency_key=_checked_key(idempotency_key),
        )

    def force_approve(self, reference: str, phone: str | None = None, token: str | None = None) -> None:
        """Approve as the customer would, without the app. Only the test environment and simulators offer it.

        `phone` is the MSISDN of the customer who approves (`4791234567`: kiosk.domain.phone.msisdn makes one in
        the payment's market); a push payment already has one.
        `token` is the one in the create answer's redirect URL, if there was one.
        """
        if self.environment not in (Environment.TEST, Environment.SIMULATOR):
            raise ForceApproveNotAllowed(
                f"force-approve exists only in Vipps' test environment and the simulator, not at {self.environment}"
            )
        customer = CustomerPhoneNumber(phone_number=phone) if phone is not None else None
        body = ForceApproveRequest(customer=customer, token=token).to_json()
        path = f"/epayment/v1/test/payments/{quote(reference, safe='')}/approve"
        # Approving is not safe to repeat blindly, so it carries no idempotency key and is not retried on doubt.
        self._call("POST", path, None, json=body, retry_on_doubt=False)

    # ---- plumbing -----------------------------------------------------------------------------------------------

    @staticmethod
    def _path(reference: str, action: str | None = None) -> str:
        path = f"{PAYMENTS}/{quote(reference, safe='')}"
        return f"{path}/{action}" if action else path

    def _modify(self, action: str, reference: str, amount: Amount, idempotency_key: str | None) -> ModificationResponse:
        body = {"modificationAmount": amount.to_json()}
        return self._limited(
            action,
            reference,
            "POST",
            self._path(reference, action),
            ModificationResponse,
            json=body,
            idempotency_key=_checked_key(idempotency_key),
        )

    def _limited(self, operation: str, reference: str, *args: Any, **kwargs: Any) -> Any:
        self._budget_key = (operation, reference)
        try:
            return self._call(*args, **kwargs)
        finally:
            self._budget_key = None

    def _before_send(self, method: str, path: str) -> None:
        """Wait for a free place in Vipps' rate limit for this call's reference; a wait longer than the retry
        policy allows (`longest_own_limit_wait_s`, else as long as it would wait out a 429) is reported the same
        way a 429 is, without sending."""
        if self._budget_key is None or not path.startswith("/epayment/"):
            return  # the access-token call on the way spends no payment's budget
        operation, reference = self._budget_key
        limit = self._rate_limits.get(operation)
        if limit is None:
            return
        key = (self._settings.base_url, self._settings.merchant_serial_number, operation, reference)
        longest = self._retry.longest_own_limit_wait_s
        if longest is None:
            longest = self._retry.longest_retry_after_s
        while (wait := CALL_BUDGET.take(key, limit)) > 0:
            if wait > longest:
                said = Message(
                    "Vipps allows {count} {operation} calls a minute for one payment; the next is allowed in "
                    "{seconds} s",
                    count=limit.calls,
                    operation=operation,
                    seconds=f"{wait:.0f}",
                )
                raise VippsRateLimited(said, wait)
            self._sleep(wait)

    def _auth_error_hint(self) -> Message:
        return Message("check subscription_key and merchant_serial_number, and that the sales unit may use ePayment")

    def _error_details(self, content: bytes) -> tuple[ErrorDetail, ...]:
        problem = parse_problem(0, content)
        if problem.detail is None and problem.trace_id is None:
            return ()
        return (ErrorDetail(problem.code, problem.detail or problem.title, problem.trace_id),)

    def _rejection(self, status: int, content: bytes) -> VippsError:
        return problem_rejection(status, parse_problem(status, content))


def _parse_events(content: bytes) -> tuple[PaymentEvent, ...]:
    try:
        return PAYMENT_EVENTS.validate_json(content)
    except ValidationError as exc:
        raise contract_broken("payment events", exc) from None
