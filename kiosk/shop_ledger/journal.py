"""The till's side of the copy: its SQLite ledger's outbox (ledger schema 5), read in commit order and trimmed
once the shop database has what was read. A connection of its own, so a sale's writes never wait on it beyond
SQLite's own few-millisecond turns."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.ledger import LedgerError
from kiosk.ledger.stamps import utc_now

# Every column the shop database mirrors, per table, in the ledger's own names (kiosk/ledger/schema.py).
COLUMNS: dict[str, tuple[str, ...]] = {
    "sales": (
        "id", "created_at", "amount_ore", "payment_text", "state", "outcome", "paid_attempt_id", "order_id",
        "phone_masked", "attempt_count", "captured_ore", "refunded_ore", "provider", "currency",
    ),
    "attempts": (
        "id", "sale_id", "psp_transaction_id", "merchant_order_id", "idempotency_key", "channel", "phone_masked",
        "state", "redirect_url", "reason", "created_at", "updated_at", "provider", "merchant_serial_number",
        "base_url",
    ),
    "transitions": ("id", "sale_id", "attempt_id", "at", "from_state", "to_state", "note"),
    "refunds": (
        "id", "sale_id", "attempt_id", "amount_ore", "state", "idempotency_key", "reason", "created_at",
        "updated_at",
    ),
    "cross_till_refunds": (
        "id", "sale_till_id", "sale_id", "psp_transaction_id", "provider", "merchant_serial_number", "base_url",
        "amount_ore", "state", "idempotency_key", "reason", "created_at", "updated_at",
    ),
}  # fmt: skip


@dataclass
class Batch:
    """The current rows behind outbox entries after a high-water mark, each with the last seq that named it."""

    last_seq: int = 0
    entries: int = 0
    rows: dict[str, list[tuple[object, ...]]] = field(default_factory=dict)  # table -> rows, copied_seq last


class Journal:
    def __init__(self, ledger_file: Path) -> None:
        try:
            self._db = sqlite3.connect(ledger_file, isolation_level=None, timeout=10, check_same_thread=False)
            self._db.execute("PRAGMA busy_timeout = 10000")
            (self.ledger_id,) = self._db.execute("SELECT ledger_id FROM shop_copy").fetchone()
        except sqlite3.Error as exc:
            raise LedgerError(f"The ledger at {ledger_file} cannot be read for the shop copy: {exc}") from None

    def close(self) -> None:
        self._db.close()

    def enable(self) -> None:
        """Start recording for the copy. The first time, every row already in the ledger goes into the outbox, in
        the same transaction, so a till that had sold for a year before it joined a shop sends all of it."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            (enabled,) = self._db.execute("SELECT enabled FROM shop_copy").fetchone()
            if not enabled:
                for table in COLUMNS:
                    self._db.execute(
                        f"INSERT INTO shop_outbox (row_table, row_id) SELECT '{table}', id FROM {table} ORDER BY id"  # noqa: S608 - constant names
                    )
                self._db.execute("UPDATE shop_copy SET enabled = 1")
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def newest_seq(self) -> int:
        """The outbox's last seq (0 when empty): cheap, so an idle till asks this, not the shop database."""
        (seq,) = self._db.execute("SELECT COALESCE(max(seq), 0) FROM shop_outbox").fetchone()
        return seq

    def after(self, high_water_mark: int, limit: int) -> Batch:
        """Up to `limit` outbox entries past the mark, and the current rows they name, from one snapshot."""
        batch = Batch(last_seq=high_water_mark)
        self._db.execute("BEGIN")
        try:
            entries = self._db.execute(
                "SELECT seq, row_table, row_id FROM shop_outbox WHERE seq > ? ORDER BY seq LIMIT ?",
                (high_water_mark, limit),
            ).fetchall()
            latest: dict[str, dict[int, int]] = {table: {} for table in COLUMNS}
            for seq, table, row_id in entries:
                latest[table][row_id] = seq  # a row named twice is sent once, as it is now
            for table, seqs in latest.items():
                if seqs:
                    batch.rows[table] = self._rows(table, seqs)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        if entries:
            batch.last_seq, batch.entries = entries[-1][0], len(entries)
        return batch

    def _rows(self, table: str, seqs: dict[int, int]) -> list[tuple[object, ...]]:
        found: list[tuple[object, ...]] = []
        ids = list(seqs)
        columns = ", ".join(COLUMNS[table])
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            query = f"SELECT {columns} FROM {table} WHERE id IN ({marks})"  # noqa: S608 - constant names
            found.extend((*row, seqs[row[0]]) for row in self._db.execute(query, chunk))
        return found

    def trim(self, high_water_mark: int) -> None:
        """Forget what the shop database has. A crash before this only leaves entries the mark already skips."""
        self._db.execute("DELETE FROM shop_outbox WHERE seq <= ?", (high_water_mark,))

    def record_refunds_made_elsewhere(self, refunds: list[tuple[int, int, str, str]]) -> int:
        """Refunds another till made of this till's sales, which Vipps did: (sale id, øre, idempotency key, the
        till that refunded). Each is written as the ledger's own finish_refund writes a refund that is DONE (the
        sale's refunded amount grows, a line in its history), once per key, in one transaction; the outbox then
        sends them back like any other change. Returns how many were new here."""
        if not refunds:
            return 0  # every copy round asks: no write lock on the till's ledger for nothing
        now = utc_now()
        new = 0
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for sale_id, amount_ore, key, by_till in refunds:
                known = self._db.execute("SELECT 1 FROM refunds WHERE idempotency_key = ?", (key,)).fetchone()
                paid = self._db.execute("SELECT paid_attempt_id FROM sales WHERE id = ?", (sale_id,)).fetchone()
                if known or paid is None or paid[0] is None:
                    continue
                self._db.execute(
                    "INSERT INTO refunds (sale_id, attempt_id, amount_ore, state, idempotency_key, reason, created_at,"
                    " updated_at) VALUES (?, ?, ?, 'DONE', ?, ?, ?, ?)",
                    (sale_id, paid[0], amount_ore, key, f"refunded at till {by_till}", now, now),
                )
                self._db.execute("UPDATE sales SET refunded_ore = refunded_ore + ? WHERE id = ?", (amount_ore, sale_id))
                self._db.execute(
                    "INSERT INTO transitions (sale_id, attempt_id, at, from_state, to_state, note)"
                    " VALUES (?, ?, ?, NULL, 'REFUND_DONE', ?)",
                    (sale_id, paid[0], now, f"refunded at till {by_till}: {amount_ore} øre"),
                )
                new += 1
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        return new
