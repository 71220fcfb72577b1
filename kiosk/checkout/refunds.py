"""Refunds: recorded before they are sent, never more than remains, retried with their own key until they land.

Each refund goes through the API its sale was paid with, whichever the settings take new payments through now.
"""

from __future__ import annotations

import uuid

from kiosk.checkout.environment import changed_since
from kiosk.checkout.providers_by_api import ProvidersByApi
from kiosk.domain.apis import api_title
from kiosk.domain.message import Message
from kiosk.ledger import AttemptRecord, Ledger, RefundRecord, RefundRefused
from kiosk.vipps import VippsError, VippsRejected


def refund(
    providers: ProvidersByApi, ledger: Ledger, sale_id: int, amount_ore: int, idempotency_key: str | None = None
) -> RefundRecord:
    """Refund `amount_ore` of a captured sale. Raises RefundRefused (nothing changes) when it is more than
    remains, or when the settings lack what the sale's API needs; returns the record, which stays PENDING when
    Vipps gave no answer (sent again at next start). `idempotency_key`: the key a claim in the shop database
    was taken under (kiosk.checkout.shop_refunds), else a new one."""
    paid_by = ledger.sale(sale_id).paid_attempt_id
    if paid_by is not None:
        check_reachable(providers, ledger.attempt(paid_by))
    record = ledger.begin_refund(sale_id, amount_ore, idempotency_key or uuid.uuid4().hex)
    return _send(providers, ledger, record)


def resend_pending_refunds(providers: ProvidersByApi, ledger: Ledger) -> list[RefundRecord]:
    """Refunds whose API, sales unit or Vipps address the settings cannot reach stay PENDING, to be sent once
    they can."""
    due = [r for r in ledger.pending_refunds() if reachable(providers, ledger.attempt(r.attempt_id))]
    return [_send(providers, ledger, record) for record in due]


def check_reachable(providers: ProvidersByApi, attempt: AttemptRecord) -> None:
    """Raises RefundRefused unless the settings reach the API, sales unit and Vipps address the sale was paid at:
    a refund goes there, never to this till's own (another sales unit or address does not have the payment)."""
    if missing := providers.missing_for(api := attempt.provider):
        raise RefundRefused(
            Message("This sale was paid through Vipps' {api} API, and {problem}.", api=api_title(api), problem=missing)
        )
    if changed := changed_since(attempt, providers.vipps):
        raise RefundRefused(Message("This sale was paid elsewhere: {problem}.", problem=changed))


def reachable(providers: ProvidersByApi, attempt: AttemptRecord) -> bool:
    """Whether `check_reachable` lets a refund of `attempt`'s payment go: one it does not waits, PENDING."""
    try:
        check_reachable(providers, attempt)
    except RefundRefused:
        return False
    return True


def _send(providers: ProvidersByApi, ledger: Ledger, record: RefundRecord) -> RefundRecord:
    attempt = ledger.attempt(record.attempt_id)
    try:
        provider = providers.for_api(attempt.provider)
        provider.refund(attempt.psp_transaction_id, record.amount_ore, idempotency_key=record.idempotency_key)
    except VippsRejected as exc:
        return ledger.finish_refund(record.id, done=False, reason=exc.error_message)
    except VippsError:
        return record  # no answer: it stays PENDING and is sent again with the same key
    return ledger.finish_refund(record.id, done=True)
