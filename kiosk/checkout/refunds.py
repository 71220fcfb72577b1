"""Refunds: recorded before they are sent, never more than remains, retried with their own key until they land."""

from __future__ import annotations

import uuid

from kiosk.ledger import Ledger, RefundRecord
from kiosk.vipps import Operation, StatusUpdate, VippsClient, VippsError, VippsRejected


def refund(client: VippsClient, ledger: Ledger, sale_id: int, amount_ore: int) -> RefundRecord:
    """Refund `amount_ore` of a captured sale. Raises RefundRefused (nothing changes) when it is more than
    remains; returns the record, which stays PENDING when Vipps gave no answer (sent again at next start)."""
    record = ledger.begin_refund(sale_id, amount_ore, uuid.uuid4().hex)
    return _send(client, ledger, record)


def resend_pending_refunds(client: VippsClient, ledger: Ledger) -> list[RefundRecord]:
    pending = ledger.read("SELECT id FROM refunds WHERE state = 'PENDING' ORDER BY id").fetchall()
    return [_send(client, ledger, ledger.refund(refund_id)) for (refund_id,) in pending]


def _send(client: VippsClient, ledger: Ledger, record: RefundRecord) -> RefundRecord:
    transaction = ledger.attempt(record.attempt_id).psp_transaction_id
    try:
        client.update_status(
            StatusUpdate(psp_transaction_id=transaction, status=Operation.REFUNDED, amount=record.amount_ore),
            idempotency_key=record.idempotency_key,
        )
    except VippsRejected as exc:
        return ledger.finish_refund(record.id, done=False, reason=exc.error_message)
    except VippsError:
        return record  # no answer: it stays PENDING and is sent again with the same key
    return ledger.finish_refund(record.id, done=True)
