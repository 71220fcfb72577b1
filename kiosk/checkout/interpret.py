"""Reading Vipps' answers: what a details document says, and why a failed payment failed, in plain words."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kiosk.checkout.states import AttemptState
from kiosk.vipps import Operation, PaymentDetails, PspOutcome


class Reading(StrEnum):
    PENDING = "PENDING"
    RESERVED = "RESERVED"
    FAILED = "FAILED"
    CAPTURED = "CAPTURED"
    CANCELLED = "CANCELLED"


def read_details(details: PaymentDetails) -> Reading:
    """The payment's state from its log history. An empty history is a payment still waiting."""
    history = details.transaction_log_history
    succeeded = {e.operation for e in history if e.operation_success}
    if Operation.CAPTURED in succeeded or Operation.REFUNDED in succeeded:
        return Reading.CAPTURED
    reserves = [e for e in history if e.operation is Operation.RESERVED]
    if reserves and reserves[-1].operation_success:
        return Reading.CANCELLED if Operation.CANCELLED in succeeded else Reading.RESERVED
    if reserves:
        return Reading.FAILED
    if Operation.CANCELLED in succeeded:
        return Reading.CANCELLED
    return Reading.PENDING


# PSP error ids from VIPPS-FACTS, in words a customer at a counter understands.
_CARD_REFUSALS = {
    "81": "The card's bank is unknown.",
    "82": "The card's bank refused the payment.",
    "83": "The card's bank refused the payment.",
    "84": "The payment is over the card's limit.",
    "86": "The card has expired.",
    "87": "The card is not valid.",
    "88": "Credit cards cannot be used here.",
    "89": "There is not enough money on the card.",
    "85": "The approval came after the payment was cancelled.",
}


@dataclass(frozen=True)
class Failure:
    state: AttemptState  # REJECTED, REFUSED or EXPIRED
    reason: str


def explain_failure(outcome: PspOutcome | None, past_deadline: bool) -> Failure:
    """Why a reservation failed. Without the PSP's record, the clock is the only witness: never guess more."""
    if outcome is not None:
        if outcome.payment_state == "USER_CANCEL":
            return Failure(AttemptState.REJECTED, "The customer rejected the payment in Vipps.")
        if outcome.payment_state == "TIMEOUT":
            return Failure(AttemptState.EXPIRED, "Nobody approved the payment in time.")
        reason = _CARD_REFUSALS.get(outcome.error_id or "") or outcome.error_text or "The card was refused."
        return Failure(AttemptState.REFUSED, reason)
    if past_deadline:
        return Failure(AttemptState.EXPIRED, "Nobody approved the payment in time.")
    return Failure(AttemptState.REFUSED, "The payment was not approved (rejected in Vipps or refused by the card).")
