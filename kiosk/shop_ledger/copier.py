"""The background copy of one till's ledger to the shop database, in the order the till wrote it.

Each round reads the outbox past the till's high-water mark (kept in the shop database, under a row lock on the
till's row), upserts the current rows idempotently and moves the mark, all in one PostgreSQL transaction; then
trims the local outbox. A kill at any point loses nothing and copies nothing twice: before the commit nothing
moved, after it the mark skips what was sent. Order is the till's own outbox sequence, never a clock. Plain
Python: kiosk/ui/workers/shop_copy.py runs it on a thread of its own, so a sale never waits on it.
"""

from __future__ import annotations

import contextlib
import logging
import time
from pathlib import Path

import psycopg

from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.connection import ShopUnreachable, connect, deadline
from kiosk.shop_ledger.journal import COLUMNS, Batch, Journal
from kiosk.shop_ledger.refund_claims import refunds_made_elsewhere
from kiosk.shop_ledger.schema import migrate

log = logging.getLogger(__name__)
BATCH = 500
BOUND_S = 5.0  # the longest any one round may wait on the shop database
HEARTBEAT_S = 30.0  # an idle till says it is up to date this often, so the back office can tell idle from lagging


class TillClaimed(ShopUnreachable):
    """Another ledger already copies under this till id (another PC, or this PC's ledger was replaced)."""


def _upsert(table: str) -> str:
    columns = ("shop_id", "till_id", *COLUMNS[table], "copied_seq")
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns[3:])
    marks = ", ".join(["%s"] * len(columns))
    # A copy older than the one already there (a stale copier of the same ledger) never overwrites it.
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT (shop_id, till_id, id)"  # noqa: S608
        f" DO UPDATE SET {updates} WHERE {table}.copied_seq <= EXCLUDED.copied_seq"
    )


UPSERTS = {table: _upsert(table) for table in COLUMNS}


class ShopCopier:
    def __init__(
        self, ledger_file: Path, target: ShopDatabase, *, batch: int = BATCH, bound_s: float = BOUND_S
    ) -> None:
        self._target = target
        self._batch = batch
        self._bound_s = bound_s
        self._journal = Journal(ledger_file)
        self._journal.enable()
        self._db: psycopg.Connection | None = None
        self.high_water_mark: int | None = None  # as the shop database last said; None until it has been asked
        self._last_contact = 0.0

    def close(self) -> None:
        self._drop()
        self._journal.close()

    # ---- one round ----------------------------------------------------------------------------------------------

    def pending(self) -> bool:
        """Whether there is anything to send (asks only the local ledger), or a heartbeat is due."""
        if self.high_water_mark is None or time.monotonic() - self._last_contact >= HEARTBEAT_S:
            return True
        return self._journal.newest_seq() > self.high_water_mark

    def copy_round(self) -> int:
        """Send one batch, and record the refunds other tills made of this till's sales; returns how many outbox
        entries it covered and refunds it recorded (0: up to date). Raises ShopUnreachable, after which the next
        round reconnects. Never waits longer than the bound on the shop database."""
        db = self._connection()
        try:
            with deadline(db, self._bound_s):
                copied = self._send(db)
                elsewhere = refunds_made_elsewhere(db, self._target.shop_id, self._target.till_id)
        except ShopUnreachable:
            self._drop()
            raise
        self._last_contact = time.monotonic()
        # Refunds other tills made of this till's sales: recorded in its own ledger too, so its exports and its
        # own refund checks count them (and the next round sends them back as its own).
        copied += self._journal.record_refunds_made_elsewhere(elsewhere)
        if copied:
            self._journal.trim(self.high_water_mark or 0)
        return copied

    def catch_up(self) -> int:
        """Rounds until nothing is left; returns the entries covered."""
        total = 0
        while copied := self.copy_round():
            total += copied
        return total

    def _send(self, db: psycopg.Connection) -> int:
        target = self._target
        with db.transaction():
            mark = self._claim(db)
            batch: Batch = self._journal.after(mark, self._batch)
            with db.cursor() as cursor:
                for table, rows in batch.rows.items():
                    cursor.executemany(UPSERTS[table], [(target.shop_id, target.till_id, *row) for row in rows])
            db.execute(
                "UPDATE tills SET high_water_mark = %s, last_copied_at = now() WHERE shop_id = %s AND till_id = %s",
                (batch.last_seq, target.shop_id, target.till_id),
            )
        self.high_water_mark = batch.last_seq
        if mark and batch.entries == 0:
            self._journal.trim(mark)  # a kill after an earlier commit left these behind
        return batch.entries

    def _claim(self, db: psycopg.Connection) -> int:
        """The till's row, locked for this transaction (one copier per till at a time); its high-water mark."""
        target = self._target
        db.execute(
            "INSERT INTO tills (shop_id, till_id, ledger_id) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
            (target.shop_id, target.till_id, self._journal.ledger_id),
        )
        row = db.execute(
            "SELECT ledger_id, high_water_mark FROM tills WHERE shop_id = %s AND till_id = %s FOR UPDATE",
            (target.shop_id, target.till_id),
        ).fetchone()
        # None: the row is there but belongs to another database role (sql/005: a role sees only its own
        # tills' rows as ones it may lock).
        if row is None or row[0] != self._journal.ledger_id:
            raise TillClaimed(
                f"Till {target.till_id} is already copied to the shop database from another ledger (another PC, "
                "or this PC's ledger was replaced). Give this till a [kiosk] till_id of its own."
            )
        return int(row[1])

    # ---- the connection -----------------------------------------------------------------------------------------

    def _connection(self) -> psycopg.Connection:
        if self._db is not None and not self._db.closed:
            return self._db
        db = connect(self._target, self._bound_s)
        try:
            with deadline(db, self._bound_s):
                migrate(db)  # on every connection: one lock and one read when up to date
        except Exception:
            db.close()
            raise
        self._db = db
        return db

    def _drop(self) -> None:
        if self._db is not None:
            with contextlib.suppress(psycopg.Error):
                self._db.close()
            self._db = None
