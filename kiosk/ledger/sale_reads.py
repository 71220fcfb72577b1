"""Reading a sale, its attempts and its history back as records (kiosk.ledger.records)."""

from __future__ import annotations

from kiosk.ledger.connection import LedgerConnection
from kiosk.ledger.errors import LedgerError
from kiosk.ledger.records import AttemptRecord, SaleRecord, Transition

SALE_COLUMNS = (
    "id, created_at, amount_ore, payment_text, state, outcome, paid_attempt_id, order_id, phone_masked,"
    " attempt_count, captured_ore, refunded_ore, provider, currency"
)
ATTEMPT_COLUMNS = (
    "id, sale_id, psp_transaction_id, merchant_order_id, idempotency_key, channel, phone_masked, state,"
    " redirect_url, reason, created_at, updated_at, provider, merchant_serial_number, base_url"
)
# Attempts that are not final yet: a restart asks Vipps about each.
_UNSETTLED_ATTEMPTS = "'CREATED', 'PENDING', 'UNKNOWN', 'RESERVED', 'CAPTURE_SENT', 'CANCELLING', 'REVERSING'"


# The f-strings below only splice in the constant column lists; every value goes through a parameter.
class SaleReads(LedgerConnection):
    def sale(self, sale_id: int) -> SaleRecord:
        row = self._db.execute(f"SELECT {SALE_COLUMNS} FROM sales WHERE id = ?", (sale_id,)).fetchone()  # noqa: S608
        if row is None:
            raise LedgerError(f"no sale {sale_id} in the ledger")
        return SaleRecord(*row)

    def sales(self) -> list[SaleRecord]:
        query = f"SELECT {SALE_COLUMNS} FROM sales ORDER BY id"  # noqa: S608
        return [SaleRecord(*row) for row in self._db.execute(query)]

    def attempt(self, attempt_id: int) -> AttemptRecord:
        query = f"SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE id = ?"  # noqa: S608
        row = self._db.execute(query, (attempt_id,)).fetchone()
        if row is None:
            raise LedgerError(f"no attempt {attempt_id} in the ledger")
        return AttemptRecord(*row)

    def attempts_of(self, sale_id: int) -> list[AttemptRecord]:
        query = f"SELECT {ATTEMPT_COLUMNS} FROM attempts WHERE sale_id = ? ORDER BY id"  # noqa: S608
        rows = self._db.execute(query, (sale_id,))
        return [AttemptRecord(*row) for row in rows]

    def history(self, sale_id: int) -> list[Transition]:
        rows = self._db.execute(
            "SELECT id, sale_id, attempt_id, at, from_state, to_state, note FROM transitions"
            " WHERE sale_id = ? ORDER BY id",
            (sale_id,),
        )
        return [Transition(*row) for row in rows]

    def unsettled_sales(self) -> list[SaleRecord]:
        """Sales a restart must look at: still open, waiting for a check, or with an attempt not yet final."""
        query = (
            f"SELECT {SALE_COLUMNS} FROM sales WHERE state IN ('OPEN', 'NEEDS_CHECK') OR id IN"  # noqa: S608
            f" (SELECT sale_id FROM attempts WHERE state IN ({_UNSETTLED_ATTEMPTS})) ORDER BY id"
        )
        return [SaleRecord(*row) for row in self._db.execute(query)]
