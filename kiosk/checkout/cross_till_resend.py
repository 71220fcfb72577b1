"""Refunds of other tills' sales that got no answer from Vipps, sent again with their own key: at start-up
(kiosk.checkout.recovery) and when the back office opens a day. Their claims in the shop database still stand,
so the database is not needed here, and this module loads nothing of PostgreSQL's: a till on its own pays for
nothing of the shop's.
"""

from __future__ import annotations

from kiosk.checkout.providers_by_api import ProvidersByApi
from kiosk.checkout.refunds import reachable
from kiosk.ledger import Ledger
from kiosk.shop_ledger.cross_till import CrossTillRefund, CrossTillRefunds
from kiosk.vipps import VippsError, VippsRejected


def send(providers: ProvidersByApi, records: CrossTillRefunds, record: CrossTillRefund) -> CrossTillRefund:
    try:
        provider = providers.for_api(record.provider)
        provider.refund(record.psp_transaction_id, record.amount_ore, idempotency_key=record.idempotency_key)
    except VippsRejected as exc:
        return records.finish(record.id, done=False, reason=exc.error_message)
    except VippsError:
        return record  # no answer: it stays PENDING (and its claim standing), sent again with the same key
    return records.finish(record.id, done=True)


def resend_pending_cross_till_refunds(providers: ProvidersByApi, ledger: Ledger) -> list[CrossTillRefund]:
    """Refunds of other tills' sales that got no answer, sent again with their own key (their claims stand, so
    the shop database is not needed). Those the settings cannot reach now stay PENDING."""
    with CrossTillRefunds(ledger.path) as records:
        return [send(providers, records, r) for r in records.pending() if reachable(providers, r.attempt())]
