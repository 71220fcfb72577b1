"""Opening the ledger's SQLite file: for writing (WAL, synchronous=FULL, migrated), or read-only beside a running
kiosk; and, once at start-up, checked through a read-only connection first, so a damaged file is reported and
never written to."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.domain.message import Message, Verbatim
from kiosk.ledger.errors import LedgerError
from kiosk.ledger.problems import cannot_open, damaged, older_schema, sqlite_problem, unsaved_wal
from kiosk.ledger.schema import MIGRATIONS, migrate

_WAL_HEADER, _FRAME_HEADER = 32, 24  # bytes: sqlite.org/fileformat.html#the_write_ahead_log


def connect(path: Path, *, verify: bool, read_only: bool) -> sqlite3.Connection:
    """The ledger's connection (see Ledger.open). Raises LedgerError, its message for staff."""
    if (verify or read_only) and path.exists():
        problem = _check_read_only(path)
        if problem:
            raise LedgerError(damaged(path, problem))
    if read_only:
        if not path.exists():
            raise LedgerError(Message("There is no ledger at {path}.", path=str(path)))
        connection = _read_only_connection(path)
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        if version < len(MIGRATIONS):  # its reads would name columns it lacks (schema 8: the currency)
            connection.close()
            raise LedgerError(older_schema(path))
        return connection
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
    return connection


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
