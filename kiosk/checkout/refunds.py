"""Refunds: recorded before they are sent, never more than remains, retried with their own key until they land."""

from __future__ import annotations

import uuid

from kiosk.checkout.provider import PaymentProvider
from kiosk.ledger import Ledger, RefundRecord, RefundRefused
from kiosk.vipps import VippsError, VippsRejected


def refund(provider: PaymentProvider, ledger: Ledger, sale_id: int, amount_ore: int) -> RefundRecord:
    """Refund `amount_ore` of a captured sale. Raises RefundRefused (nothing changes) when it is more than
    remains; returns the record, which stays PENDING when Vipps gave no answer (sent again at next start)."""
    paid_by = ledger.sale(sale_id).paid_attempt_id
    api = ledger.attempt(paid_by).provider if paid_by is not None else provider.name
    if api != provider.name:
        raise RefundRefused(f'This sale was paid through Vipps\' {api} API: set api = "{api}" to refund it here.')
    record = ledger.begin_refund(sale_id, amount_ore, uuid.uuid4().hex)
    return _send(provider, ledger, record)


def resend_pending_refunds(provider: PaymentProvider, ledger: Ledger) -> list[RefundRecord]:
    """Refunds through another API than the provider's stay PENDING, to be sent once the kiosk uses it again."""
    pending = ledger.read("SELECT id FROM refunds WHERE state = 'PENDING' ORDER BY id").fetchall()
    records = [ledger.refund(refund_id) for (refund_id,) in pending]
    ours = [r for r in records if ledger.attempt(r.attempt_id).provider == provider.name]
    return [_send(provider, ledger, record) for record in ours]


def _send(provider: PaymentProvider, ledger: Ledger, record: RefundRecord) -> RefundRecord:
    reference = ledger.attempt(record.attempt_id).psp_transaction_id
    try:
        provider.refund(reference, record.amount_ore, idempotency_key=record.idempotency_key)
    except VippsRejected as exc:
        return ledger.finish_refund(record.id, done=False, reason=exc.error_message)
    except VippsError:
        return record  # no answer: it stays PENDING and is sent again with the same key
    return ledger.finish_refund(record.id, done=True)
