"""Writing a sale and its attempts: each change one durable transaction, compare-and-set on the state it
expects, with its line of the history in the same transaction. Written before the kiosk acts on it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime
from typing import get_args

from kiosk.domain.message import Currency
from kiosk.ledger.errors import LedgerConflict, LedgerError
from kiosk.ledger.records import AttemptRecord, SaleRecord
from kiosk.ledger.sale_reads import SaleReads
from kiosk.ledger.stamps import stamp, utc_now

CAPTURED = "CAPTURED"  # the attempt state that means money was taken
CURRENCIES = get_args(Currency)  # the schema's CHECK holds the same three


def _attempt_in(db: sqlite3.Connection, attempt_id: int, expected: tuple[str, ...]) -> tuple[int, str]:
    """The compare of compare-and-set: (sale id, state) of an attempt that is in one of `expected`."""
    row = db.execute("SELECT sale_id, state FROM attempts WHERE id = ?", (attempt_id,)).fetchone()
    if row is None or row[1] not in expected:
        found = row[1] if row else "missing"
        raise LedgerConflict(f"attempt {attempt_id} is {found}, not {'/'.join(expected)}")
    return row[0], row[1]


def _sale_in(db: sqlite3.Connection, sale_id: int, expected: tuple[str, ...]) -> str:
    row = db.execute("SELECT state FROM sales WHERE id = ?", (sale_id,)).fetchone()
    if row is None or row[0] not in expected:
        found = row[0] if row else "missing"
        raise LedgerConflict(f"sale {sale_id} is {found}, not {'/'.join(expected)}")
    return row[0]


class SaleWrites(SaleReads):
    def new_sale(
        self, amount_ore: int, payment_text: str = "", at: datetime | None = None, *, currency: Currency = "NOK"
    ) -> SaleRecord:
        """Start a sale of `amount_ore` hundredths of `currency`, the shop's market's (kiosk.domain.market; NOK
        unless said, as every sale before the markets was). `at` is for imports and benchmarks that build a day;
        a live sale is stamped now. A currency that is not Vipps MobilePay's is a LedgerError, and no sale."""
        if currency not in CURRENCIES:
            raise LedgerError(f"a sale is in NOK, DKK or EUR, not {currency!r}")
        now = stamp(at) if at else utc_now()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO sales (created_at, amount_ore, payment_text, state, currency) VALUES (?, ?, ?, 'OPEN', ?)",
                (now, amount_ore, payment_text, currency),
            )
            sale_id = cursor.lastrowid
            self._log(db, sale_id, None, None, "OPEN", "sale started", now)
        return self.sale(sale_id)

    def add_attempt(
        self,
        sale_id: int,
        *,
        psp_transaction_id: str,
        merchant_order_id: str,
        idempotency_key: str,
        channel: str,
        phone_masked: str | None,
        state: str,
        provider: str = "psp",
        merchant_serial_number: str | None = None,
        base_url: str | None = None,
    ) -> AttemptRecord:
        now = utc_now()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO attempts (sale_id, psp_transaction_id, merchant_order_id, idempotency_key, channel,"
                " phone_masked, state, created_at, updated_at, provider, merchant_serial_number, base_url)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    sale_id,
                    psp_transaction_id,
                    merchant_order_id,
                    idempotency_key,
                    channel,
                    phone_masked,
                    state,
                    now,
                    now,
                    provider,
                    merchant_serial_number,
                    base_url,
                ),
            )
            db.execute(
                "UPDATE sales SET order_id = ?, phone_masked = COALESCE(?, phone_masked),"
                " attempt_count = attempt_count + 1,"
                " provider = CASE WHEN paid_attempt_id IS NULL THEN ? ELSE provider END WHERE id = ?",
                (merchant_order_id, phone_masked, provider, sale_id),
            )
            self._log(db, sale_id, cursor.lastrowid, None, state, f"attempt by {channel}", now)
        return self.attempt(cursor.lastrowid)

    def move_attempt(
        self,
        attempt_id: int,
        expected: Iterable[str],
        new_state: str,
        *,
        note: str = "",
        redirect_url: str | None = None,
        reason: str | None = None,
    ) -> AttemptRecord:
        """Compare-and-set: move the attempt to `new_state` only if it is in one of `expected`."""
        expected = tuple(expected)
        now = utc_now()
        with self._write() as db:
            sale_id, old_state = _attempt_in(db, attempt_id, expected)
            db.execute(
                "UPDATE attempts SET state = ?, updated_at = ?, redirect_url = COALESCE(?, redirect_url),"
                " reason = COALESCE(?, reason) WHERE id = ?",
                (new_state, now, redirect_url, reason, attempt_id),
            )
            if new_state == CAPTURED:
                db.execute(
                    "UPDATE sales SET captured_ore = amount_ore, order_id = (SELECT merchant_order_id FROM attempts"
                    " WHERE id = ?) WHERE id = ?",
                    (attempt_id, sale_id),
                )
            self._log(db, sale_id, attempt_id, old_state, new_state, note or (reason or ""), now)
        return self.attempt(attempt_id)

    def reserve_and_mark_paid(self, attempt_id: int, expected: Iterable[str], note: str) -> None:
        """The customer approved: the attempt becomes RESERVED and its sale PAID in one transaction, so no crash
        can leave a reserved attempt in a sale that still looks open."""
        expected = tuple(expected)
        now = utc_now()
        with self._write() as db:
            sale_id, old_state = _attempt_in(db, attempt_id, expected)
            _sale_in(db, sale_id, ("OPEN",))
            db.execute("UPDATE attempts SET state = 'RESERVED', updated_at = ? WHERE id = ?", (now, attempt_id))
            db.execute(
                "UPDATE sales SET state = 'PAID', outcome = 'PAID', paid_attempt_id = ?,"
                " provider = (SELECT provider FROM attempts WHERE id = ?) WHERE id = ?",
                (attempt_id, attempt_id, sale_id),
            )
            self._log(db, sale_id, attempt_id, old_state, "RESERVED", note, now)
            self._log(db, sale_id, None, "OPEN", "PAID", "PAID", now)

    def move_sale(
        self,
        sale_id: int,
        expected: Iterable[str],
        new_state: str,
        *,
        outcome: str | None = None,
        paid_attempt_id: int | None = None,
        note: str = "",
    ) -> SaleRecord:
        expected = tuple(expected)
        now = utc_now()
        with self._write() as db:
            old_state = _sale_in(db, sale_id, expected)
            db.execute(
                "UPDATE sales SET state = ?, outcome = COALESCE(?, outcome),"
                " paid_attempt_id = COALESCE(?, paid_attempt_id),"
                " provider = COALESCE((SELECT provider FROM attempts WHERE id = ?), provider) WHERE id = ?",
                (new_state, outcome, paid_attempt_id, paid_attempt_id, sale_id),
            )
            self._log(db, sale_id, None, old_state, new_state, note or (outcome or ""), now)
        return self.sale(sale_id)
