"""What a sale's session holds and tells: its ledger record, what it keeps in memory only (deadlines, requests
with their phone numbers), and the `SaleUpdate` the screen is sent after every step.

The base of `SaleSession` (kiosk/checkout/session.py), whose steps and rules change what is here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kiosk.checkout.provider import PaymentProvider, StartRequest
from kiosk.checkout.states import FINAL_ATTEMPT_STATES, OPEN_ATTEMPT_STATES, AttemptState, Outcome, SaleState
from kiosk.checkout.updates import AttemptView, SaleUpdate, attempt_view, window_s
from kiosk.domain.market import Market
from kiosk.domain.message import Message, Shown
from kiosk.ledger import AttemptRecord, Ledger, SaleRecord
from kiosk.settings.model import KioskSettings, VippsSettings

S = AttemptState


class OpenSale:
    def __init__(
        self,
        provider: PaymentProvider,
        ledger: Ledger,
        vipps: VippsSettings,
        kiosk: KioskSettings,
        sale: SaleRecord,
        clock: Callable[[], float] = time.monotonic,
        shop_name: str = "",
    ) -> None:
        # Told of an outcome the moment it is recorded, before the writes that follow it (a worker passes
        # its signal, so the screen does not wait for the capture's round trip).
        self.announce: Callable[[SaleUpdate], None] = lambda _update: None
        self._provider = provider
        self._ledger = ledger
        self._vipps = vipps
        self._kiosk = kiosk
        self._sale_id = sale.id
        self._clock = clock
        self._shop_name = shop_name  # what Vipps shows begins with it (see payment_text)
        self._deadline_by_tx: dict[str, float] = {}
        self._give_up_as: dict[str, AttemptState] = {}  # what a CANCELLING attempt becomes once Vipps agrees
        self._requests_by_tx: dict[str, StartRequest] = {}  # in memory only: phone numbers are never stored
        self._current_tx: str | None = None
        self._expiry_unanswered = False  # the window passed while Vipps could not be asked
        self._message: Shown = Message("Waiting for the customer")

    @property
    def sale_id(self) -> int:
        return self._sale_id

    @property
    def market(self) -> Market:
        """The shop's market, as its provider was made for: the sale's currency and its customers' numbers."""
        return self._provider.market

    def has_attempts(self) -> bool:
        """Whether Vipps may hold a payment of this sale: every attempt is recorded before its init is sent."""
        return bool(self._ledger.attempts_of(self._sale_id))

    def refresh(self) -> SaleUpdate:
        """The sale as the ledger has it now."""
        return self._update(self._message)

    def _provider_of(self, attempt: AttemptRecord) -> PaymentProvider:
        """The provider of the API the attempt was made with: a live sale's attempts are all its provider's."""
        return self._provider

    def _window_s(self, skip_landing_page: bool) -> float:
        return window_s(self._kiosk, skip_landing_page)

    def _past_deadline(self, attempt: AttemptRecord) -> bool:
        deadline = self._deadline_by_tx.get(attempt.psp_transaction_id)
        return deadline is not None and self._clock() >= deadline

    def _view(self, attempt: AttemptRecord, request: StartRequest) -> AttemptView:
        remaining = self._deadline_by_tx[attempt.psp_transaction_id] - self._clock()
        return attempt_view(attempt, request, self._kiosk, remaining)

    def _sale_open(self) -> bool:
        return self._ledger.sale(self._sale_id).state == SaleState.OPEN

    def _attempt(self, psp_transaction_id: str) -> AttemptRecord:
        for attempt in self._ledger.attempts_of(self._sale_id):
            if attempt.psp_transaction_id == psp_transaction_id:
                return attempt
        raise KeyError(psp_transaction_id)

    def _open_attempts(self) -> list[AttemptRecord]:
        return [a for a in self._ledger.attempts_of(self._sale_id) if a.state in OPEN_ATTEMPT_STATES]

    def _is_current(self, attempt: AttemptRecord) -> bool:
        return attempt.psp_transaction_id == self._current_tx

    def _update(self, message: Shown, attempt: AttemptView | None = None) -> SaleUpdate:
        sale = self._ledger.sale(self._sale_id)
        attempts = self._ledger.attempts_of(self._sale_id)
        # A capture Vipps accepted is not watched: its batch may take the night. Start-up reads it again (and so
        # does a re-check of the sale); the sale is paid meanwhile.
        watched = [a for a in attempts if a.state not in FINAL_ATTEMPT_STATES and a.state != S.CAPTURE_SENT]
        watch = frozenset(a.psp_transaction_id for a in watched)
        pending = any(a.state in (S.RESERVED, S.CANCELLING, S.REVERSING, S.UNKNOWN) for a in attempts)
        unknown = self._expiry_unanswered or any(a.state == S.UNKNOWN and self._is_current(a) for a in attempts)
        outcome = Outcome(sale.outcome) if sale.outcome else (Outcome.NO_ANSWER if unknown else None)
        return SaleUpdate(sale.id, SaleState(sale.state), outcome, message, attempt, watch, pending, sale.amount_ore)
