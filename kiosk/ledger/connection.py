"""What every part of the ledger works through: its one SQLite connection, one durable transaction at a time,
and the append-only history each write adds to."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

from kiosk.ledger.errors import LedgerError
from kiosk.ledger.problems import cannot_write


class LedgerConnection:
    """One connection to the ledger's file; each thread that writes opens its own (WAL lets them share it)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One durable transaction. A full disk or a locked file becomes a LedgerError and changes nothing."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise LedgerError(cannot_write(exc)) from None
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise LedgerError(cannot_write(exc)) from None
            raise

    @staticmethod
    def _log(
        db: sqlite3.Connection, sale_id: int, attempt_id: int | None, old: str | None, new: str, note: str, at: str
    ) -> None:
        """One line of the history, in the transaction of the change it records."""
        db.execute(
            "INSERT INTO transitions (sale_id, attempt_id, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?)",
            (sale_id, attempt_id, at, old, new, note),
        )
