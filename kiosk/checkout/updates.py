"""What a sale's steps report back: the attempt to show, and the sale after the step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.checkout.states import Outcome, SaleState
from kiosk.domain.message import Shown

if TYPE_CHECKING:
    from kiosk.checkout.provider import StartRequest
    from kiosk.ledger import AttemptRecord
    from kiosk.settings.model import KioskSettings


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
    message: Shown
    attempt: AttemptView | None = None  # a newly started attempt to show
    watch: frozenset[str] = frozenset()  # attempts whose details still matter
    pending_writes: bool = False  # a capture, cancel, reversal or init waits for Vipps
    amount_ore: int = 0


def window_s(kiosk: KioskSettings, skip_landing_page: bool) -> float:
    """How long an attempt waits for the customer: Vipps' whole window, less the landing page's part when the
    payment goes straight to the app."""
    return kiosk.approval_window_s - (kiosk.landing_window_s if skip_landing_page else 0.0)


def attempt_view(attempt: AttemptRecord, request: StartRequest, kiosk: KioskSettings, remaining: float) -> AttemptView:
    """The attempt as the customer screen shows it, `remaining` seconds before its deadline."""
    window = window_s(kiosk, request.skip_landing_page)
    landing = 0.0 if request.skip_landing_page else min(kiosk.landing_window_s, window)
    return AttemptView(
        attempt.psp_transaction_id,
        "PERSONAL_QR" if request.personal_qr is not None else attempt.channel,
        attempt.redirect_url,
        attempt.phone_masked,
        max(0.0, remaining),
        max(0.0, landing - (window - remaining)),
    )
