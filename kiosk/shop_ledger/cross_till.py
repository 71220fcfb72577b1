"""Refunds across tills, the parts that are records: the sale another till made as the shop database has it,
and this till's own record of the refunds it sends for such sales (the ledger's table cross_till_refunds,
ledger schema 7), written before Vipps is called, as the ledger writes its own refunds.

Plain SQL over the till's ledger file and the shop database; the Vipps call is kiosk.checkout.shop_refunds'.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kiosk.ledger import AttemptRecord, LedgerError
from kiosk.ledger.problems import cannot_open, cannot_write
from kiosk.ledger.stamps import utc_now
from kiosk.shop_ledger.journal import COLUMNS

if TYPE_CHECKING:  # loaded by the caller that has a shop database; a till's own resend needs none
    import psycopg

_COLUMNS = ", ".join(COLUMNS["cross_till_refunds"])


@dataclass(frozen=True)
class CrossTillRefund:
    id: int
    sale_till_id: str
    sale_id: int
    psp_transaction_id: str
    provider: str
    merchant_serial_number: str | None
    base_url: str | None
    amount_ore: int
    state: str  # PENDING (recorded, maybe sent), DONE, FAILED
    idempotency_key: str
    reason: str | None
    created_at: str
    updated_at: str

    def attempt(self) -> AttemptRecord:
        """The attempt it refunds, as much of it as checking the settings and calling Vipps need."""
        return AttemptRecord(
            0, self.sale_id, self.psp_transaction_id, "", "", "QR", None, "CAPTURED", None, None, "", "",
            self.provider, self.merchant_serial_number, self.base_url,
        )  # fmt: skip


def paid_attempt_in_shop(db: psycopg.Connection, shop_id: str, till_id: str, sale_id: int) -> AttemptRecord | None:
    """The attempt another till's sale was paid with, as the shop database has it; None when it has no paid sale
    by that id (not copied yet, or never paid)."""
    with db.transaction():
        row = db.execute(
            "SELECT a.id, a.sale_id, a.psp_transaction_id, a.merchant_order_id, a.idempotency_key, a.channel,"
            " a.phone_masked, a.state, a.redirect_url, a.reason, a.created_at, a.updated_at, a.provider,"
            " a.merchant_serial_number, a.base_url FROM sales AS s JOIN attempts AS a ON a.shop_id = s.shop_id"
            " AND a.till_id = s.till_id AND a.id = s.paid_attempt_id"
            " WHERE s.shop_id = %s AND s.till_id = %s AND s.id = %s",
            (shop_id, till_id, sale_id),
        ).fetchone()
    if row is None:
        return None
    return AttemptRecord(*(value.isoformat() if isinstance(value, datetime) else value for value in row))


class CrossTillRefunds:
    """This till's refunds of other tills' sales, in its own ledger file (a connection of its own)."""

    def __init__(self, ledger_file: Path) -> None:
        try:
            self._db = sqlite3.connect(ledger_file, isolation_level=None, timeout=10)
            self._db.execute("PRAGMA busy_timeout = 10000")
            self._db.execute("PRAGMA synchronous = FULL")  # as the ledger's own writes: a refund survives a crash
        except sqlite3.Error as exc:
            raise LedgerError(cannot_open(ledger_file, exc)) from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CrossTillRefunds:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def begin(
        self, sale_till_id: str, attempt: AttemptRecord, amount_ore: int, idempotency_key: str
    ) -> CrossTillRefund:
        """Record a refund before it is sent (its claim in the shop database is already taken)."""
        now = utc_now()
        try:
            cursor = self._db.execute(
                "INSERT INTO cross_till_refunds (sale_till_id, sale_id, psp_transaction_id, provider,"
                " merchant_serial_number, base_url, amount_ore, state, idempotency_key, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)",
                (
                    sale_till_id,
                    attempt.sale_id,
                    attempt.psp_transaction_id,
                    attempt.provider,
                    attempt.merchant_serial_number,
                    attempt.base_url,
                    amount_ore,
                    idempotency_key,
                    now,
                    now,
                ),
            )
        except sqlite3.Error as exc:
            raise LedgerError(cannot_write(exc)) from None
        return self.get(int(cursor.lastrowid or 0))

    def finish(self, refund_id: int, done: bool, reason: str = "") -> CrossTillRefund:
        """PENDING -> DONE or FAILED, compare-and-set: a refund already settled is left as it is."""
        try:
            self._db.execute(
                "UPDATE cross_till_refunds SET state = ?, reason = ?, updated_at = ? WHERE id = ?"
                " AND state = 'PENDING'",
                ("DONE" if done else "FAILED", reason or None, utc_now(), refund_id),
            )
        except sqlite3.Error as exc:
            raise LedgerError(cannot_write(exc)) from None
        return self.get(refund_id)

    def get(self, refund_id: int) -> CrossTillRefund:
        query = f"SELECT {_COLUMNS} FROM cross_till_refunds WHERE id = ?"  # noqa: S608 - constant names
        row = self._db.execute(query, (refund_id,)).fetchone()
        if row is None:
            raise LedgerError(f"no refund {refund_id} in the ledger")
        return CrossTillRefund(*row)

    def pending(self) -> list[CrossTillRefund]:
        query = f"SELECT {_COLUMNS} FROM cross_till_refunds WHERE state = 'PENDING' ORDER BY id"  # noqa: S608
        return [CrossTillRefund(*row) for row in self._db.execute(query)]

    def knows(self, idempotency_key: str) -> bool:
        row = self._db.execute("SELECT 1 FROM cross_till_refunds WHERE idempotency_key = ?", (idempotency_key,))
        return row.fetchone() is not None
