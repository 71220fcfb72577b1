"""The back office's actions on one sale, as jobs for its background pool: a refund (claimed in the shop
database first when there is one) and a re-check with Vipps. Each opens its own ledger and Vipps clients, and
returns what to say (the message line translates it); what it raises the job reports (kiosk.ui.workers.background).
"""

from __future__ import annotations

from pathlib import Path

from kiosk.checkout.providers_by_api import ProvidersByApi
from kiosk.checkout.recovery import ResumedSale
from kiosk.checkout.shop_refunds import refund_shop_sale
from kiosk.domain.message import Currency, Message, Money, Verbatim
from kiosk.ledger import Ledger
from kiosk.settings.model import KioskSettings, VippsSettings
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.ui.workers.background import Progress


def refund_sale(
    vipps: VippsSettings,
    ledger_file: Path,
    target: ShopDatabase | None,
    sale_till: str,
    sale_id: int,
    amount: int,
    _progress: Progress,
    *,
    currency: Currency = "NOK",
) -> Message:
    """Refund `amount` (hundredths of the sale's `currency`) of till `sale_till`'s sale `sale_id`. With a shop
    database (`target`) the amount is claimed there first, so no two tills refund more than remains. Raises
    RefundRefused or VippsError."""
    with Ledger.open(ledger_file) as ledger, ProvidersByApi(vipps) as providers:
        record = refund_shop_sale(providers, ledger, target, sale_till, sale_id, amount)
    if record.state == "DONE":  # the message line writes the amount in the language on screen
        return Message("Refunded {amount}.", amount=Money(amount, currency))
    if record.state == "FAILED":  # Vipps' own words
        return Message("Vipps refused the refund: {reason}", reason=Verbatim(record.reason or ""))
    return Message("No answer from Vipps yet. The refund is recorded and will be sent again.")


def recheck_sale(
    vipps: VippsSettings, kiosk: KioskSettings, ledger_file: Path, sale_id: int, _progress: Progress
) -> Message:
    """Ask Vipps again about this till's sale `sale_id` (one that needs checking, or whose capture is pending)
    and settle it as start-up would. Raises VippsError."""
    with Ledger.open(ledger_file) as ledger, ProvidersByApi(vipps) as providers:
        update = ResumedSale.resume(providers, ledger, vipps, kiosk, ledger.sale(sale_id)).recover()
    return Message("Checked with Vipps: {message}", message=update.message)
