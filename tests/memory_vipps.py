"""Vipps in memory, behind the checkout's own interface (kiosk.checkout.provider.PaymentProvider): for the
tests of the checkout's rules, which then run in milliseconds without a server.

It keeps to what the interface promises and no more: a write repeated with its idempotency key answers as the
first one did; a second start of a reference under another key is refused (the PSP's error 44); reading a
reference it never had raises NoSuchPayment; a capture is applied at once (`captures_at_once`, as ePayment) or
only accepted, and shown by the next read (as the PSP's updatestatus). What each real API says on the wire is
tested against the simulator over loopback (tests/test_checkout_session_on_loopback.py,
tests/test_checkout_providers.py); this is for the state machine above it.

The faults are the kinds of answer the checkout must tell apart, by call: "no_answer" (nothing applied, a 503
after the client's retries), "lost" (applied at Vipps, the answer lost on the way), "garbled" (applied, the
answer unreadable), "refused" (Vipps' 400: nothing applied).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal, Self

from kiosk.checkout.provider import (
    NO_REASON,
    MarketNotServed,
    NoSuchPayment,
    PaymentState,
    PaymentStatus,
    Started,
    StartRequest,
)
from kiosk.domain.market import NORWAY, Market
from kiosk.domain.message import Message, Shown
from kiosk.vipps.errors import (
    ErrorDetail,
    MalformedResponse,
    TransactionIdExists,
    VippsRejected,
    VippsServerError,
    VippsTimeout,
)

CARD_REFUSED = Message("The card was refused.")  # as the providers say it when Vipps gives no reason

Call = Literal["start", "read", "capture", "cancel", "refund"]
FaultKind = Literal["no_answer", "lost", "garbled", "refused"]
LANDING = "https://in-memory.vipps.invalid/landing?token="
_OPEN = (PaymentState.WAITING,)


@dataclass
class MemoryPayment:
    request: StartRequest
    state: PaymentState = PaymentState.WAITING
    reason: Shown = NO_REASON
    captured_ore: int = 0  # applied at Vipps
    refunded_ore: int = 0
    capture_pending: bool = False  # accepted, not shown by a read yet (the PSP's batch)

    def status(self) -> PaymentStatus:
        return PaymentStatus(self.state, self.reason, self.captured_ore, self.refunded_ore)


@dataclass
class Fault:
    kind: FaultKind
    count: int  # how many calls it answers; then calls go through again


@dataclass
class MemoryVipps:
    """Vipps' side, shared by every provider made on it (as one simulator is by the kiosk's clients)."""

    payments: dict[str, MemoryPayment] = field(default_factory=dict)
    faults: dict[str, list[Fault]] = field(default_factory=dict)
    calls: list[tuple[str, str]] = field(default_factory=list)  # (call, reference), in order

    # ---- what a test does to it ------------------------------------------------------------------------------

    def fault(self, call: Call, kind: FaultKind, count: int = 1_000_000) -> None:
        self.faults.setdefault(call, []).append(Fault(kind, count))

    def clear_faults(self) -> None:
        self.faults.clear()

    def approve(self, reference: str) -> bool:
        """The customer approves in the app; False when the app no longer offers it (given up, answered)."""
        payment = self.payments[reference]
        if payment.state not in _OPEN:
            return False
        payment.state = PaymentState.RESERVED
        return True

    def reject(self, reference: str) -> None:
        self._answer(reference, PaymentState.REJECTED, Message("The customer rejected the payment in Vipps."))

    def refuse_card(self, reference: str, reason: Shown = CARD_REFUSED) -> None:
        self._answer(reference, PaymentState.REFUSED, reason)

    def captured_ore(self) -> int:
        return sum(payment.captured_ore for payment in self.payments.values())

    def state_of(self, reference: str) -> PaymentState:
        return self.payments[reference].state

    def _answer(self, reference: str, state: PaymentState, reason: Shown) -> None:
        payment = self.payments[reference]
        if payment.state in _OPEN:
            payment.state, payment.reason = state, reason

    # ---- what a provider's call does -------------------------------------------------------------------------

    def before(self, call: Call, reference: str) -> FaultKind | None:
        self.calls.append((call, reference))
        waiting = self.faults.get(call, [])
        if not waiting:
            return None
        fault = waiting[0]
        fault.count -= 1
        if fault.count <= 0:
            waiting.pop(0)
        return fault.kind

    @staticmethod
    def after(kind: FaultKind | None, call: str) -> None:
        """Raise what the client would have raised for the fault, once the call did (or did not) apply."""
        if kind == "no_answer":
            raise VippsServerError(f"{call}: HTTP 503 on every try", 503)
        if kind == "lost":
            raise VippsTimeout(f"{call}: the answer never came")
        if kind == "garbled":
            raise MalformedResponse(f"{call}: the answer could not be read")
        if kind == "refused":
            raise VippsRejected(400, (ErrorDetail("51", f"{call} refused by the test", None),))


class MemoryProvider:
    """A PaymentProvider on a MemoryVipps. `api` sets the flags the checkout reads as that API's provider does."""

    def __init__(self, vipps: MemoryVipps, api: str = "psp", market: Market = NORWAY) -> None:
        self.vipps = vipps
        self.name = api
        self.market = market
        self.push_skips_landing_page = api == "epayment"
        self.takes_personal_qr = api == "epayment"
        self.captures_at_once = api == "epayment"
        self._answers: dict[tuple[str, str], object] = {}  # (call, idempotency key) -> its first answer
        self.closed = False

    def start(self, request: StartRequest, idempotency_key: str) -> Started:
        if self.name == "psp" and not self.market.psp_api:
            raise MarketNotServed("the PSP API takes payments in Norway only")  # as PspProvider: nothing sent
        fault = self.vipps.before("start", request.reference)
        key = ("start", idempotency_key)
        if fault in ("no_answer", "refused"):
            self.vipps.after(fault, "start")
        if key not in self._answers:
            if request.reference in self.vipps.payments:
                raise TransactionIdExists(400, (ErrorDetail("44", "pspTransactionId already exists", None),))
            self.vipps.payments[request.reference] = MemoryPayment(replace(request))
            pushed = request.phone is not None or request.personal_qr is not None
            skips = pushed and (request.skip_landing_page or self.push_skips_landing_page)
            landing = None if skips else LANDING + request.reference
            self._answers[key] = Started(request.reference, landing)
        self.vipps.after(fault, "start")
        answer = self._answers[key]
        assert isinstance(answer, Started)
        return answer

    def read(self, reference: str) -> PaymentStatus:
        fault = self.vipps.before("read", reference)
        self.vipps.after(fault, "read")
        payment = self.vipps.payments.get(reference)
        if payment is None:
            raise NoSuchPayment(f"Vipps has no payment {reference}")
        if payment.capture_pending:  # the batch has run by the next read
            payment.capture_pending = False
            payment.state = PaymentState.CAPTURED
        return payment.status()

    def capture(self, reference: str, amount_ore: int, idempotency_key: str) -> None:
        self._write("capture", reference, amount_ore, idempotency_key)

    def cancel(self, reference: str, amount_ore: int, idempotency_key: str) -> None:
        self._write("cancel", reference, amount_ore, idempotency_key)

    def refund(self, reference: str, amount_ore: int, idempotency_key: str) -> None:
        self._write("refund", reference, amount_ore, idempotency_key)

    def _write(self, call: Call, reference: str, amount_ore: int, idempotency_key: str) -> None:
        fault = self.vipps.before(call, reference)
        if fault in ("no_answer", "refused"):
            self.vipps.after(fault, call)
        payment = self.vipps.payments.get(reference)
        if payment is None:
            raise NoSuchPayment(f"Vipps has no payment {reference}")
        if (call, idempotency_key) not in self._answers:
            self._apply(call, payment, amount_ore)
            self._answers[(call, idempotency_key)] = None
        self.vipps.after(fault, call)

    def _apply(self, call: Call, payment: MemoryPayment, amount_ore: int) -> None:
        state = payment.state
        if call == "capture":
            if state is not PaymentState.RESERVED or amount_ore > payment.request.amount_ore:
                raise VippsRejected(400, (ErrorDetail("61", f"cannot capture a {state} payment", None),))
            payment.captured_ore = amount_ore
            if self.captures_at_once:
                payment.state = PaymentState.CAPTURED
            else:
                payment.capture_pending = True
        elif call == "cancel":
            if state in (PaymentState.CAPTURED, PaymentState.CAPTURE_FAILED) or payment.capture_pending:
                raise VippsRejected(400, (ErrorDetail("62", "a captured payment cannot be cancelled", None),))
            if state in (PaymentState.WAITING, PaymentState.RESERVED):
                payment.state = PaymentState.CANCELLED
        else:
            if payment.refunded_ore + amount_ore > payment.captured_ore:
                raise VippsRejected(400, (ErrorDetail("63", "refund larger than the capture", None),))
            payment.refunded_ore += amount_ore

    def force_approve(self, reference: str, phone: str, landing_token: str | None) -> None:
        self.vipps.approve(reference)

    def cancel_calls(self) -> None:
        pass  # no call here ever waits

    def close(self) -> None:
        self.closed = True

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
