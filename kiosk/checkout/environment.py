"""Which Vipps an attempt was made at: its sales unit (MSN) and base URL, recorded with the attempt.

A payment lives at one sales unit of one environment. Asked with another MSN, or at another address (test
instead of production), Vipps truthfully answers that it has no such payment, which proves nothing about the
payment itself. So an attempt is settled only with the settings it was made with; after a change it waits as
"needs checking" with a message naming what changed, until the settings are set back. No secret is recorded:
the MSN and the base URL are what the settings screen shows anyway.

Attempts recorded before the kiosk kept these (ledger schema 4 and older) are read with the current settings, as
they always were, but "never had it" is not concluded for them at a real Vipps (nothing says the settings are
the ones they were made with); at a simulator, which holds no money, it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from kiosk.domain.message import Message
from kiosk.ledger import AttemptRecord
from kiosk.settings.model import VippsSettings
from kiosk.vipps import Environment, environment_of


@dataclass(frozen=True)
class SalesUnit:
    merchant_serial_number: str
    base_url: str


def _address(base_url: str) -> str:
    """The base URL as recorded and compared. A plain-HTTP simulator is allowed only on this PC, and the
    embedded one listens on a new port at every start: any port of it is the same (money-free) simulator."""
    url = base_url.strip().rstrip("/")
    if environment_of(url) is Environment.SIMULATOR and urlsplit(url).scheme == "http":
        return "http://" + (urlsplit(url).hostname or "")
    return url.lower()


def sales_unit_of(vipps: VippsSettings) -> SalesUnit:
    """What an attempt made now with these settings records."""
    return SalesUnit(vipps.merchant_serial_number, _address(vipps.base_url))


def changed_since(attempt: AttemptRecord, vipps: VippsSettings) -> Message | None:
    """What differs between the settings the attempt was made with and these, in words that say how to fix it;
    None when nothing did, or the attempt predates the record."""
    if attempt.merchant_serial_number is None or attempt.base_url is None:
        return None
    now = sales_unit_of(vipps)
    made_msn, made_url = attempt.merchant_serial_number, attempt.base_url
    msn, url = now.merchant_serial_number, now.base_url
    if made_msn != msn and made_url != url:
        return Message(
            "made with merchant_serial_number {made} at {made_address}, not {now} at {address} as the settings now "
            "say: set them back to settle the sale",
            made=made_msn,
            made_address=made_url,
            now=msn,
            address=url,
        )
    if made_msn != msn:
        return Message(
            "made with merchant_serial_number {made}, not {now} as the settings now say: set it back to settle the "
            "sale",
            made=made_msn,
            now=msn,
        )
    if made_url != url:
        return Message(
            "made at {made}, not {now} as the settings now say: set base_url back to settle the sale",
            made=made_url,
            now=url,
        )
    return None


def forgets_payments(vipps: VippsSettings) -> bool:
    """A simulator forgets its payments when it stops (the demo's does at every stop); Vipps never does."""
    return environment_of(vipps.base_url) is Environment.SIMULATOR


def may_conclude_missing(attempt: AttemptRecord, vipps: VippsSettings) -> bool:
    """Whether Vipps' "no such payment" may close this attempt: it was made with these very settings (or, made
    before they were recorded, the settings point at a simulator, which holds no money)."""
    if attempt.merchant_serial_number is None or attempt.base_url is None:
        return forgets_payments(vipps)
    return changed_since(attempt, vipps) is None
