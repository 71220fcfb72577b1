"""What a sale's steps report back: the attempt to show, and the sale after the step."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.checkout.states import Outcome, SaleState


@dataclass(frozen=True)
class AttemptView:
    """What the customer screen needs of the attempt it shows."""

    psp_transaction_id: str
    channel: str  # QR, PHONE (a typed number) or PERSONAL_QR (the customer's own code, scanned)
    landing_url: str | None
    phone_masked: str | None
    window_s: float  # how long, from now, this attempt waits for the customer
    landing_s: float  # the landing-page part of that (0 when pushed straight to the app)


@dataclass(frozen=True)
class SaleUpdate:
    """The sale after a step: its state, the outcome once known, and what the screen should say."""

    sale_id: int
    sale_state: SaleState
    outcome: Outcome | None
    message: str
    attempt: AttemptView | None = None  # a newly started attempt to show
    watch: frozenset[str] = frozenset()  # attempts whose details still matter
    pending_writes: bool = False  # a capture, cancel, reversal or init waits for Vipps
    amount_ore: int = 0
