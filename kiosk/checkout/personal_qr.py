"""Whether a scanned code can start a payment: the checkout's own check, before anything is sent or recorded."""

from __future__ import annotations

from kiosk.checkout.provider import PaymentProvider
from kiosk.domain.message import Message
from kiosk.domain.scan import SHORTEST_SCAN, ScanKind, kind_of_scan

NEEDS_EPAYMENT = Message('Scanning a customer\'s code needs the ePayment API ([vipps] api = "epayment").')


def personal_qr_refusal(provider: PaymentProvider, code: str) -> Message | None:
    """Why `code` cannot be pushed (in one line), or None. The code is never part of the message: it may carry
    the customer's phone number, which no log or screen shows whole."""
    if not provider.takes_personal_qr:
        return NEEDS_EPAYMENT
    if len(code) < SHORTEST_SCAN or kind_of_scan(code) is not ScanKind.PERSONAL_QR:
        # The app's name in the shop's market: the code is a Vipps code in Norway, a MobilePay one elsewhere.
        return Message("That is not a customer's {brand} code.", brand=provider.market.brand)
    return None
