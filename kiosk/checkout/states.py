"""The states of a sale and of each payment attempt in it, as the ledger stores them."""

from __future__ import annotations

from enum import StrEnum


class AttemptState(StrEnum):
    CREATED = "CREATED"  # recorded; init not answered yet
    PENDING = "PENDING"  # Vipps has it; waiting for the customer
    UNKNOWN = "UNKNOWN"  # init got no answer: Vipps may or may not have it (needs checking)
    RESERVED = "RESERVED"  # approved; capture under way
    # Vipps accepted the capture (PSP updatestatus: 9000 SUCCESS) but its details do not show it applied yet
    # (Vipps' nightly batch): the sale is paid, its capture pending. Read again, never sent again.
    CAPTURE_SENT = "CAPTURE_SENT"
    CAPTURED = "CAPTURED"  # paid
    CANCELLING = "CANCELLING"  # cancel to be sent, or sent without an answer yet
    CANCELLED = "CANCELLED"  # cancelled before approval (staff, superseded, window passed)
    REVERSING = "REVERSING"  # approved after it was given up; the reversal is under way
    REVERSED = "REVERSED"  # approved late and cancelled back: never charged
    REJECTED = "REJECTED"  # the customer said no in the app
    REFUSED = "REFUSED"  # the card was refused
    EXPIRED = "EXPIRED"  # nobody approved in time
    INIT_FAILED = "INIT_FAILED"  # Vipps refused to start it
    NEEDS_CHECK = "NEEDS_CHECK"  # Vipps refused a capture: the money is reserved; the manager must look


FINAL_ATTEMPT_STATES = frozenset(
    {
        AttemptState.CAPTURED,
        AttemptState.CANCELLED,
        AttemptState.REVERSED,
        AttemptState.REJECTED,
        AttemptState.REFUSED,
        AttemptState.EXPIRED,
        AttemptState.INIT_FAILED,
        AttemptState.NEEDS_CHECK,
    }
)
# Attempts that are still waiting on the customer: a superseding attempt or a staff cancel gives them up.
OPEN_ATTEMPT_STATES = frozenset({AttemptState.CREATED, AttemptState.PENDING, AttemptState.UNKNOWN})


class SaleState(StrEnum):
    OPEN = "OPEN"
    PAID = "PAID"
    NOT_PAID = "NOT_PAID"
    NEEDS_CHECK = "NEEDS_CHECK"  # after a restart Vipps could not say what happened: the manager re-checks it


class Outcome(StrEnum):
    """What the screen tells staff and customer when a sale ends (or cannot tell yet)."""

    PAID = "PAID"
    REJECTED = "REJECTED"
    REFUSED = "REFUSED"
    EXPIRED = "EXPIRED"
    CANCELLED = "CANCELLED"
    NOT_STARTED = "NOT_STARTED"  # Vipps refused the payment before the customer saw it
    NO_ANSWER = "NO_ANSWER"  # Vipps cannot be reached; the kiosk keeps trying and does not guess
