"""Refunds in the ledger: each recorded before it is sent, never more than remains, and finished with Vipps'
answer. Also the named reads the refunds' resending needs (kiosk.checkout.refunds, cross_till_resend,
shop_refunds)."""

from __future__ import annotations

from kiosk.domain.message import Message, Money
from kiosk.ledger.errors import LedgerConflict, LedgerError, RefundRefused
from kiosk.ledger.records import RefundRecord
from kiosk.ledger.sale_reads import SaleReads
from kiosk.ledger.stamps import utc_now

REFUND_COLUMNS = "id, sale_id, attempt_id, amount_ore, state, idempotency_key, reason, created_at, updated_at"


# The f-strings below only splice in the constant column list; every value goes through a parameter.
class RefundBook(SaleReads):
    def begin_refund(self, sale_id: int, amount_ore: int, idempotency_key: str) -> RefundRecord:
        """Record a refund before it is sent. Refused (RefundRefused) when it is more than what remains,
        counting refunds still under way, so a second refund racing the first cannot pass."""
        now = utc_now()
        with self._write() as db:
            row = db.execute(
                "SELECT captured_ore, refunded_ore, paid_attempt_id, currency FROM sales WHERE id = ?", (sale_id,)
            ).fetchone()
            if row is None or not row[0] or row[2] is None:
                raise RefundRefused(Message("Only a paid sale can be refunded."))
            captured, refunded, paid_attempt_id, currency = row
            (pending,) = db.execute(
                "SELECT COALESCE(sum(amount_ore), 0) FROM refunds WHERE sale_id = ? AND state = 'PENDING'", (sale_id,)
            ).fetchone()
            remaining = captured - refunded - pending
            if amount_ore <= 0:
                # No currency named: the same words as a claim by another till (kiosk.shop_ledger.refund_claims).
                raise RefundRefused(Message("A refund must be more than 0."))
            if amount_ore > remaining:
                # A refund has no currency of its own: it is in its sale's, and so is what remains.
                raise RefundRefused(
                    Message("Only {remaining} remains to refund.", remaining=Money(remaining, currency))
                )
            cursor = db.execute(
                "INSERT INTO refunds (sale_id, attempt_id, amount_ore, state, idempotency_key, created_at, updated_at)"
                " VALUES (?, ?, ?, 'PENDING', ?, ?, ?)",
                (sale_id, paid_attempt_id, amount_ore, idempotency_key, now, now),
            )
            self._log(db, sale_id, paid_attempt_id, None, "REFUND_PENDING", f"refund of {amount_ore} øre", now)
        return self.refund(cursor.lastrowid)

    def finish_refund(self, refund_id: int, done: bool, reason: str = "") -> RefundRecord:
        """PENDING -> DONE (and the sale's refunded amount grows) or FAILED. Compare-and-set like every move."""
        now = utc_now()
        with self._write() as db:
            row = db.execute(
                "SELECT sale_id, attempt_id, amount_ore, state FROM refunds WHERE id = ?", (refund_id,)
            ).fetchone()
            if row is None or row[3] != "PENDING":
                raise LedgerConflict(f"refund {refund_id} is {row[3] if row else 'missing'}, not PENDING")
            sale_id, attempt_id, amount_ore, _ = row
            state = "DONE" if done else "FAILED"
            db.execute(
                "UPDATE refunds SET state = ?, reason = ?, updated_at = ? WHERE id = ?",
                (state, reason or None, now, refund_id),
            )
            if done:
                db.execute("UPDATE sales SET refunded_ore = refunded_ore + ? WHERE id = ?", (amount_ore, sale_id))
            self._log(db, sale_id, attempt_id, "REFUND_PENDING", f"REFUND_{state}", reason or f"{amount_ore} øre", now)
        return self.refund(refund_id)

    def refund(self, refund_id: int) -> RefundRecord:
        query = f"SELECT {REFUND_COLUMNS} FROM refunds WHERE id = ?"  # noqa: S608
        row = self._db.execute(query, (refund_id,)).fetchone()
        if row is None:
            raise LedgerError(f"no refund {refund_id} in the ledger")
        return RefundRecord(*row)

    def refunds_of(self, sale_id: int) -> list[RefundRecord]:
        query = f"SELECT {REFUND_COLUMNS} FROM refunds WHERE sale_id = ? ORDER BY id"  # noqa: S608
        return [RefundRecord(*row) for row in self._db.execute(query, (sale_id,))]

    def pending_refunds(self) -> list[RefundRecord]:
        """Refunds of this till's sales still waiting for Vipps' answer, oldest first: sent again, same key."""
        query = f"SELECT {REFUND_COLUMNS} FROM refunds WHERE state = 'PENDING' ORDER BY id"  # noqa: S608
        return [RefundRecord(*row) for row in self._db.execute(query)]

    def refund_with_key(self, idempotency_key: str) -> RefundRecord | None:
        """The refund recorded under `idempotency_key` (the key of its claim in the shop database), if any."""
        query = f"SELECT {REFUND_COLUMNS} FROM refunds WHERE idempotency_key = ?"  # noqa: S608
        row = self._db.execute(query, (idempotency_key,)).fetchone()
        return None if row is None else RefundRecord(*row)

    def has_pending_refunds(self) -> bool:
        """Whether a refund this till made, of its own sale or of another till's (cross_till_refunds, written by
        kiosk.shop_ledger.cross_till), still waits for Vipps' answer."""
        row = self._db.execute(
            "SELECT 1 FROM refunds WHERE state = 'PENDING'"
            " UNION ALL SELECT 1 FROM cross_till_refunds WHERE state = 'PENDING' LIMIT 1"
        ).fetchone()
        return row is not None
