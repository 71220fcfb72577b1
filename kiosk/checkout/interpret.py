"""Why a payment failed, in plain words: what the provider said, or, where it cannot say, what the clock says."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.checkout.provider import PaymentState, PaymentStatus
from kiosk.checkout.states import AttemptState
from kiosk.domain.message import Message, Shown

_FAILED_AS = {
    PaymentState.REJECTED: AttemptState.REJECTED,
    PaymentState.REFUSED: AttemptState.REFUSED,
    PaymentState.EXPIRED: AttemptState.EXPIRED,
}
FAILURE_STATES = frozenset({*_FAILED_AS, PaymentState.FAILED})


@dataclass(frozen=True)
class Failure:
    state: AttemptState  # REJECTED, REFUSED or EXPIRED
    reason: Shown


def explain_failure(status: PaymentStatus, past_deadline: bool) -> Failure:
    """Why a reservation failed. Without the provider's reason, the clock is the only witness: never guess more."""
    if status.state in _FAILED_AS:
        return Failure(_FAILED_AS[status.state], status.reason)
    if past_deadline:
        return Failure(AttemptState.EXPIRED, Message("Nobody approved the payment in time."))
    return Failure(
        AttemptState.REFUSED, Message("The payment was not approved (rejected in Vipps or refused by the card).")
    )
