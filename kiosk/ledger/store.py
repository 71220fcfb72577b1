"""The ledger in SQLite: WAL with synchronous=FULL, compare-and-set state changes, an append-only history.

One `Ledger` is one connection; each thread that writes opens its own (WAL lets them share the file).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from kiosk.domain.message import Message, MessageError, Money, Verbatim
from kiosk.ledger.problems import cannot_open, cannot_write, damaged, sqlite_problem, unsaved_wal
from kiosk.ledger.records import AttemptRecord, RefundRecord, SaleRecord, Transition
from kiosk.ledger.schema import MIGRATIONS, migrate

CAPTURED = "CAPTURED"  # the attempt state that means money was taken


class LedgerError(MessageError):
    """The ledger cannot be used or written. The message is meant for staff or the manager."""


class LedgerConflict(LedgerError):
    """A compare-and-set found another state than expected: someone else moved this record first."""


class RefundRefused(LedgerError):
    """A refund that cannot be: more than remains, or nothing captured. The message says why, for staff."""


_WAL_HEADER, _FRAME_HEADER = 32, 24  # bytes: sqlite.org/fileformat.html#the_write_ahead_log


def _wal_has_frames(path: Path) -> bool:
    """Whether the ledger's -wal file holds frames a reader must see: changes committed but not yet copied into
    the file itself (a crash leaves them there). No file, an empty one, a header alone, or frames left from
    before the WAL started over (their salts are not the header's) hold none. A -wal that cannot be read
    may hold anything."""
    try:
        with open(f"{path}-wal", "rb") as wal:
            head = wal.read(_WAL_HEADER + _FRAME_HEADER)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    if len(head) < _WAL_HEADER + _FRAME_HEADER:
        return False
    first_frame = head[_WAL_HEADER:]
    return first_frame[8:16] == head[16:24]


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot write. `mode=ro` shares WAL with a running kiosk. A file whose WAL index (-shm)
    cannot be opened read-only (it is missing and the folder cannot be written) is read as immutable instead,
    which sees the file alone: so only when its -wal holds nothing the file lacks. Otherwise a crash's last
    sales would be left out of an export without a word."""
    uri = path.resolve().as_uri()
    try:
        connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError:
        if _wal_has_frames(path):
            raise LedgerError(unsaved_wal(path)) from None
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)


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


def _check_read_only(path: Path) -> Message | Verbatim | None:
    """PRAGMA quick_check through a read-only connection, so a damaged file is never written to.
    Returns the problem, or None when the file is sound."""
    try:
        probe = _read_only_connection(path)
    except sqlite3.Error as exc:
        return sqlite_problem(exc)
    try:
        (check,) = probe.execute("PRAGMA quick_check").fetchone()
        (version,) = probe.execute("PRAGMA user_version").fetchone()
    except sqlite3.Error as exc:
        return sqlite_problem(exc)
    finally:
        probe.close()
    if check != "ok":
        return Verbatim(check)
    if version > len(MIGRATIONS):
        return Message("it is from a newer kiosk (schema {version}); update the kiosk to open it", version=version)
    return None


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Ledger:
    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path, *, verify: bool = False, read_only: bool = False) -> Ledger:
        """Open (or create) the ledger.

        `verify` (once, at start-up) runs PRAGMA quick_check through a read-only connection first, so a corrupt
        file is reported and never written to. `read_only` is for readers beside a running kiosk (`kiosk
        export`): nothing is migrated or created.
        """
        if (verify or read_only) and path.exists():
            problem = _check_read_only(path)
            if problem:
                raise LedgerError(damaged(path, problem))
        if read_only:
            if not path.exists():
                raise LedgerError(Message("There is no ledger at {path}.", path=str(path)))
            return cls(_read_only_connection(path), path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=True)
        except (OSError, sqlite3.Error) as exc:
            raise LedgerError(cannot_open(path, exc)) from None
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            migrate(connection)
        except sqlite3.OperationalError as exc:
            # A full disk, an I/O error, a lock: SQLite could not get at the file, which says nothing about its
            # contents. Calling it damaged would have staff move a sound ledger aside.
            connection.close()
            raise LedgerError(cannot_open(path, exc)) from None
        except (sqlite3.Error, RuntimeError) as exc:
            connection.close()
            raise LedgerError(damaged(path, Verbatim(str(exc)))) from None
        return cls(connection, path)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Ledger:
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

    # ---- writes ------------------------------------------------------------------------------------------------

    def new_sale(self, amount_ore: int, payment_text: str = "", at: datetime | None = None) -> SaleRecord:
        """Start a sale. `at` is for imports and benchmarks that build a day; a live sale is stamped now."""
        now = at.astimezone(UTC).isoformat(timespec="milliseconds") if at else utc_now()
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO sales (created_at, amount_ore, payment_text, state) VALUES (?, ?, ?, 'OPEN')",
                (now, amount_ore, payment_text),
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

    def begin_refund(self, sale_id: int, amount_ore: int, idempotency_key: str) -> RefundRecord:
        """Record a refund before it is sent. Refused (RefundRefused) when it is more than what remains,
        counting refunds still under way, so a second refund racing the first cannot pass."""
        now = utc_now()
        with self._write() as db:
            row = db.execute(
                "SELECT captured_ore, refunded_ore, paid_attempt_id FROM sales WHERE id = ?", (sale_id,)
            ).fetchone()
            if row is None or not row[0] or row[2] is None:
                raise RefundRefused(Message("Only a paid sale can be refunded."))
            (pending,) = db.execute(
                "SELECT COALESCE(sum(amount_ore), 0) FROM refunds WHERE sale_id = ? AND state = 'PENDING'", (sale_id,)
            ).fetchone()
            remaining = row[0] - row[1] - pending
            if amount_ore <= 0:
                raise RefundRefused(Message("A refund must be more than 0 kr."))
            if amount_ore > remaining:
                raise RefundRefused(Message("Only {remaining} remains to refund.", remaining=Money(remaining)))
            cursor = db.execute(
                "INSERT INTO refunds (sale_id, attempt_id, amount_ore, state, idempotency_key, created_at, updated_at)"
                " VALUES (?, ?, ?, 'PENDING', ?, ?, ?)",
                (sale_id, row[2], amount_ore, idempotency_key, now, now),
            )
            self._log(db, sale_id, row[2], None, "REFUND_PENDING", f"refund of {amount_ore} øre", now)
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
            state = "DONE" if done else "FAILED"
            db.execute(
                "UPDATE refunds SET state = ?, reason = ?, updated_at = ? WHERE id = ?",
                (state, reason or None, now, refund_id),
            )
            if done:
                db.execute("UPDATE sales SET refunded_ore = refunded_ore + ? WHERE id = ?", (row[2], row[0]))
            self._log(db, row[0], row[1], "REFUND_PENDING", f"REFUND_{state}", reason or f"{row[2]} øre", now)
        return self.refund(refund_id)

    @staticmethod
    def _log(
        db: sqlite3.Connection, sale_id: int, attempt_id: int | None, old: str | None, new: str, note: str, at: str
    ) -> None:
        db.execute(
            "INSERT INTO transitions (sale_id, attempt_id, at, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?)",
            (sale_id, attempt_id, at, old, new, note),
        )

    # ---- reads -------------------------------------------------------------------------------------------------

    # The f-strings below only splice in the constant column lists; every value goes through a parameter.
    def sale(self, sale_id: int) -> SaleRecord:
        row = self._db.execute(f"SELECT {_SALE_COLUMNS} FROM sales WHERE id = ?", (sale_id,)).fetchone()  # noqa: S608
        if row is None:
            raise LedgerError(f"no sale {sale_id} in the ledger")
        return SaleRecord(*row)

    def attempt(self, attempt_id: int) -> AttemptRecord:
        query = f"SELECT {_ATTEMPT_COLUMNS} FROM attempts WHERE id = ?"  # noqa: S608
        row = self._db.execute(query, (attempt_id,)).fetchone()
        if row is None:
            raise LedgerError(f"no attempt {attempt_id} in the ledger")
        return AttemptRecord(*row)

    def attempts_of(self, sale_id: int) -> list[AttemptRecord]:
        query = f"SELECT {_ATTEMPT_COLUMNS} FROM attempts WHERE sale_id = ? ORDER BY id"  # noqa: S608
        rows = self._db.execute(query, (sale_id,))
        return [AttemptRecord(*row) for row in rows]

    def history(self, sale_id: int) -> list[Transition]:
        rows = self._db.execute(
            "SELECT id, sale_id, attempt_id, at, from_state, to_state, note FROM transitions"
            " WHERE sale_id = ? ORDER BY id",
            (sale_id,),
        )
        return [Transition(*row) for row in rows]

    def refund(self, refund_id: int) -> RefundRecord:
        query = f"SELECT {_REFUND_COLUMNS} FROM refunds WHERE id = ?"  # noqa: S608
        row = self._db.execute(query, (refund_id,)).fetchone()
        if row is None:
            raise LedgerError(f"no refund {refund_id} in the ledger")
        return RefundRecord(*row)

    def refunds_of(self, sale_id: int) -> list[RefundRecord]:
        query = f"SELECT {_REFUND_COLUMNS} FROM refunds WHERE sale_id = ? ORDER BY id"  # noqa: S608
        return [RefundRecord(*row) for row in self._db.execute(query, (sale_id,))]

    def unsettled_sales(self) -> list[SaleRecord]:
        """Sales a restart must look at: still open, waiting for a check, or with an attempt not yet final."""
        query = (
            f"SELECT {_SALE_COLUMNS} FROM sales WHERE state IN ('OPEN', 'NEEDS_CHECK') OR id IN"  # noqa: S608
            " (SELECT sale_id FROM attempts WHERE state IN ('CREATED', 'PENDING', 'UNKNOWN', 'RESERVED',"
            " 'CAPTURE_SENT', 'CANCELLING', 'REVERSING')) ORDER BY id"
        )
        return [SaleRecord(*row) for row in self._db.execute(query)]

    def read(self, query: str, parameters: tuple[object, ...] = ()) -> sqlite3.Cursor:
        """A read-only query for the reports (kiosk.ledger.report)."""
        return self._db.execute(query, parameters)

    def sales(self) -> list[SaleRecord]:
        query = f"SELECT {_SALE_COLUMNS} FROM sales ORDER BY id"  # noqa: S608
        return [SaleRecord(*row) for row in self._db.execute(query)]


_SALE_COLUMNS = (
    "id, created_at, amount_ore, payment_text, state, outcome, paid_attempt_id, order_id, phone_masked,"
    " attempt_count, captured_ore, refunded_ore, provider"
)
_REFUND_COLUMNS = "id, sale_id, attempt_id, amount_ore, state, idempotency_key, reason, created_at, updated_at"
_ATTEMPT_COLUMNS = (
    "id, sale_id, psp_transaction_id, merchant_order_id, idempotency_key, channel, phone_masked, state,"
    " redirect_url, reason, created_at, updated_at, provider, merchant_serial_number, base_url"
)
