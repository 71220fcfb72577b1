"""The shop ledger's PostgreSQL schema: numbered plain-SQL migrations shipped in the package (sql/NNN_*.sql),
applied by the first till that connects. Two tills starting at once take turns on one advisory lock, inside the
transaction that applies them, so each migration runs exactly once and a till never sees half a schema."""

from __future__ import annotations

from importlib.resources import files

import psycopg

from kiosk.shop_ledger.connection import ShopUnreachable

# An arbitrary constant of our own, so no other program's advisory locks on the same server meet ours.
MIGRATION_LOCK = 0x6B696F736B  # "kiosk"


class SchemaTooNew(ShopUnreachable):
    """The database was set up by a newer kiosk: this till cannot copy to it until it is updated."""


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) of every migration shipped, in order. The file name's number is its version."""
    folder = files("kiosk.shop_ledger").joinpath("sql")
    found = sorted(
        (int(item.name.split("_", 1)[0]), item.read_text(encoding="utf-8"))
        for item in folder.iterdir()
        if item.name.endswith(".sql")
    )
    if [version for version, _ in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("the shop ledger's migrations must be numbered 001, 002, ... without a gap")
    return found


def migrate(db: psycopg.Connection) -> int:
    """Bring the schema up to date; returns its version. Safe to call from any number of tills at once. A schema
    already up to date is only read, so a till's role needs no right to create anything after the first start."""
    shipped = migrations()
    with db.transaction():
        if _version(db) == len(shipped):
            return len(shipped)
        db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        current = _version(db)  # under the lock: another till may just have applied them
        if current == 0 and not _has_versions(db):
            db.execute(
                "CREATE TABLE schema_version (version integer PRIMARY KEY,"
                " applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT current_user)"
            )
        if current > len(shipped):
            raise SchemaTooNew(
                f"The shop database has schema {current}, newer than this kiosk knows ({len(shipped)}): "
                "update this till's kiosk."
            )
        for version, sql in shipped[current:]:
            db.execute(sql.encode())  # bytes: a file of several statements runs as one simple query
            db.execute("INSERT INTO schema_version (version) VALUES (%s)", (version,))
    return len(shipped)


def _has_versions(db: psycopg.Connection) -> bool:
    # pg_class read as a table, through this statement's snapshot: to_regclass would ask the catalogue cache,
    # which keeps a table's absence from before the lock was granted.
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'schema_version'"
        " AND relnamespace = current_schema()::regnamespace)"
    ).fetchone()
    return bool(row and row[0])


def _version(db: psycopg.Connection) -> int:
    if not _has_versions(db):
        return 0
    row = db.execute("SELECT COALESCE(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0
