"""Helpers for the tests that drive a SaleSession by hand (on loopback or on Vipps in memory): one copy."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from kiosk.checkout.provider import PaymentProvider
from kiosk.checkout.session import SaleSession
from kiosk.checkout.updates import SaleUpdate
from kiosk.ledger import Ledger
from kiosk.settings.model import KioskSettings, VippsSettings

# Polls at once, and windows long enough that no test meets them unless it says so.
KIOSK = KioskSettings(poll_start_delay_s=0, poll_interval_s=0.05, landing_window_s=300, approval_window_s=600)
PHONE = "91234567"
AMOUNT = 14950


def new_session(
    provider: PaymentProvider,
    ledger: Ledger,
    vipps: VippsSettings,
    amount: int = AMOUNT,
    kiosk: KioskSettings = KIOSK,
) -> SaleSession:
    return SaleSession.begin(provider, ledger, vipps, kiosk, amount, "Test purchase")


def poll(session: SaleSession, provider: PaymentProvider, tx: str) -> SaleUpdate:
    """One poll of the details, as the kiosk's poller reads them and hands them to the session."""
    return session.observe(tx, provider.read(tx))


def attempt_states(ledger: Ledger, session: SaleSession) -> list[str]:
    return [attempt.state for attempt in ledger.attempts_of(session.sale_id)]


def landing_token(url: str | None) -> str | None:
    return parse_qs(urlsplit(url).query)["token"][0] if url else None
