"""The payment API as the checkout sees it: one interface, whatever Vipps API is behind it.

The checkout speaks of starting, reading, capturing, cancelling and refunding a payment; an implementation
(`kiosk.checkout.psp_provider` for the PSP API v3, `kiosk.checkout.epayment_provider` for ePayment) turns that
into its API's calls and reads its API's answers into a `PaymentStatus`. This module is the interface only: it
imports neither implementation; `kiosk.checkout.providers_by_api.make_provider` makes one. Errors stay the
`kiosk.vipps` ones (both Vipps clients raise them), plus `NoSuchPayment` for the one answer the checkout must
tell apart: the provider never had the payment.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol, Self

from kiosk.domain.market import Market
from kiosk.domain.message import Shown, Verbatim
from kiosk.vipps.errors import VippsError

if TYPE_CHECKING:
    from kiosk.vipps.http import VippsHttp


class PaymentState(StrEnum):
    WAITING = "WAITING"  # created; the customer has not answered yet
    RESERVED = "RESERVED"  # approved: the amount is reserved, to be captured
    CAPTURED = "CAPTURED"  # captured (perhaps refunded since)
    CAPTURE_FAILED = "CAPTURE_FAILED"  # reserved, but Vipps refused the capture (PSP: its nightly batch did)
    CANCELLED = "CANCELLED"  # cancelled before capture (by us, or a reservation cancelled back)
    REJECTED = "REJECTED"  # the customer said no
    REFUSED = "REFUSED"  # the card was refused; `reason` says why
    EXPIRED = "EXPIRED"  # nobody approved in time
    FAILED = "FAILED"  # not approved, and the API cannot say whether rejected, refused or expired
    UNKNOWN = "UNKNOWN"  # the answer says nothing the checkout can act on


NO_REASON = Verbatim("")


@dataclass(frozen=True)
class PaymentStatus:
    """What the provider says about one payment, in the checkout's terms."""

    state: PaymentState
    # For REJECTED, REFUSED and EXPIRED: in words a customer at a counter understands (or Vipps' own).
    reason: Shown = NO_REASON
    captured_ore: int = 0
    refunded_ore: int = 0


@dataclass(frozen=True)
class StartRequest:
    """One attempt to start: kept in memory only (the phone number is never stored), to be sent again as is."""

    reference: str  # the attempt's own id at the provider (the ledger's psp_transaction_id)
    order_id: str
    amount_ore: int
    text: str | None
    phone: str | None  # None: paid by QR code of the landing page (or pushed by the customer's own code)
    skip_landing_page: bool
    # The complete content of the customer's personal QR, scanned at the counter: pushed to their app. Like the
    # phone number it is kept in memory only (it may carry the number), never parsed.
    personal_qr: str | None = None
    shop_name: str = ""  # the first words of what Vipps shows (see payment_text)


@dataclass(frozen=True)
class Started:
    reference: str
    landing_url: str | None  # where the QR code leads; None when pushed straight to the app


class NoSuchPayment(VippsError):
    """The provider has no payment under this reference: it never started, so nothing can be charged.
    Raised only on the API's own answer for that (see `kiosk.checkout.missing`)."""


class MarketNotServed(VippsError):
    """The API cannot take payments in the provider's market (the PSP API v3 is Norway's only). Raised before
    anything is sent: Vipps was not asked, so nothing exists there. The message names the fix."""


class DoubtfulAnswer(VippsError):
    """An answer that looks like "no such payment" but does not prove it (a gateway's page, another payment's
    error): the payment may exist, so it needs checking. The message says what was seen."""


class PaymentProvider(Protocol):
    """Blocking by design, like the clients under it: it lives in a worker thread, which owns it.

    Every write takes an idempotency key the checkout stores, so a retry after a crash or a lost answer finds
    the same write at the provider instead of making a second one.
    """

    name: str  # "psp" or "epayment": what the ledger records per attempt
    # The shop's market (kiosk.domain.market): the currency of the payments it starts and the phone rules of the
    # customers it pushes them to. Writes on a payment (capture, refund) are in that payment's own currency.
    market: Market
    # Whether a payment pushed to a phone always goes straight to the app (else the settings' skip_landing_page
    # decides): the checkout's approval window is shorter by the landing page's part then.
    push_skips_landing_page: bool
    # Whether it can push a payment to the customer whose personal QR was scanned (ePayment's
    # customer.personalQr; the PSP API v3 has no such field).
    takes_personal_qr: bool
    # Whether a capture that returns has been applied (ePayment: the answer is the payment after it). PSP's
    # updatestatus only accepts it: its details show the capture once Vipps' batch has applied it.
    captures_at_once: bool

    def start(self, request: StartRequest, idempotency_key: str) -> Started:
        """Create the payment. A retry with the same key answers the first call again."""
        ...

    def read(self, reference: str) -> PaymentStatus:
        """The payment's state now. Raises NoSuchPayment when the provider says it never had it, DoubtfulAnswer
        for an answer that only looks like that."""
        ...

    def capture(self, reference: str, amount_ore: int, idempotency_key: str) -> None:
        """Returns once Vipps accepted the capture (applied, if `captures_at_once`)."""
        ...

    def cancel(self, reference: str, amount_ore: int, idempotency_key: str) -> None:
        """Cancel before capture (or reverse an approval). Raises NoSuchPayment when there is nothing to cancel."""
        ...

    def refund(self, reference: str, amount_ore: int, idempotency_key: str) -> None: ...

    def force_approve(self, reference: str, phone: str, landing_token: str | None) -> None:
        """Approve as the customer would: only Vipps' test environment and the simulator offer it."""
        ...

    def cancel_calls(self) -> None:
        """From any thread: end the call under way and its waits at once, so a worker can stop."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


class ClientOwner:
    """What both providers do with the client under them: stop its calls from any thread, and close it only
    if it is theirs (a shared client belongs to whoever made it)."""

    def __init__(self, client: VippsHttp, owns_client: bool) -> None:
        self._http = client
        self._owns_client = owns_client

    def cancel_calls(self) -> None:
        self._http.cancel()

    def close(self) -> None:
        if self._owns_client:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
