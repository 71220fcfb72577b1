"""Tills for the shop tests: real SQLite ledgers written through the kiosk's own Ledger API, and the check that
the shop database holds every till's rows exactly once, as the till has them."""

from __future__ import annotations

import itertools
import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kiosk.ledger import Ledger
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.copier import ShopCopier
from kiosk.shop_ledger.journal import COLUMNS
from tests.shop.pg_server import TILL_PASSWORD, PgServer

_serial = itertools.count(1)


def target(pg: PgServer, dbname: str, till_id: str, *, port: int | None = None, shop_id: str = "shop") -> ShopDatabase:
    return ShopDatabase(pg.url(dbname, port=port), till_id, shop_id, TILL_PASSWORD)


def copy_till(pg: PgServer, dbname: str, ledger_file: Path, till_id: str) -> None:
    """One till's ledger copied to the shop database, all of it, as its copy thread would."""
    copier = ShopCopier(ledger_file, target(pg, dbname, till_id))
    try:
        copier.catch_up()
    finally:
        copier.close()


def ring_up(
    ledger: Ledger, amount_ore: int = 4990, *, refund_ore: int = 0, at: datetime | None = None, currency: str = "NOK"
) -> int:
    """One paid sale as the checkout records it (attempt, reserved, captured), optionally part refunded."""
    n = next(_serial)
    sale = ledger.new_sale(amount_ore, "kaffe", at=at, currency=currency)
    attempt = ledger.add_attempt(
        sale.id,
        psp_transaction_id=f"psp-{n:08d}",
        merchant_order_id=f"kiosk-{n:08d}",
        idempotency_key=f"key-{n}",
        channel="QR",
        phone_masked=None,
        state="CREATED",
        merchant_serial_number="123456",
        base_url="https://apitest.vipps.no",
    )
    ledger.reserve_and_mark_paid(attempt.id, ("CREATED",), "approved")
    ledger.move_attempt(attempt.id, ("RESERVED",), "CAPTURED", note="captured")
    if refund_ore:
        refund = ledger.begin_refund(sale.id, refund_ore, f"refund-{n}")
        ledger.finish_refund(refund.id, done=True)
    return sale.id


def ledger_sql(ledger_file: Path, query: str) -> list[tuple[object, ...]]:
    """`query` on the till's ledger file through a connection of the test's own (the Ledger runs no raw SQL)."""
    with sqlite3.connect(ledger_file) as db:
        rows = db.execute(query).fetchall()
    db.close()
    return rows


def sqlite_rows(ledger_file: Path) -> dict[str, set[tuple[object, ...]]]:
    with sqlite3.connect(ledger_file) as db:
        found = {
            table: {tuple(row) for row in db.execute(f"SELECT {', '.join(columns)} FROM {table}")}  # noqa: S608
            for table, columns in COLUMNS.items()
        }
    db.close()
    return found


def pg_rows(pg: PgServer, dbname: str, till_id: str, shop_id: str = "shop") -> dict[str, list[tuple[object, ...]]]:
    """The till's rows in the shop database, times as the till writes them (UTC ISO with milliseconds)."""
    found: dict[str, list[tuple[object, ...]]] = {}
    with pg.admin(dbname) as db:
        for table, columns in COLUMNS.items():
            rows = db.execute(
                f"SELECT {', '.join(columns)} FROM {table} WHERE shop_id = %s AND till_id = %s",  # noqa: S608
                (shop_id, till_id),
            ).fetchall()
            found[table] = [tuple(_as_ledger_text(v) for v in row) for row in rows]
    return found


def _as_ledger_text(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="milliseconds")
    return value


def assert_copied_once(pg: PgServer, dbname: str, till_id: str, ledger_file: Path, shop_id: str = "shop") -> int:
    """Nothing lost, nothing twice: the shop database has exactly the till's rows, each once, as the till has
    them now. Returns how many sales."""
    local = sqlite_rows(ledger_file)
    remote = pg_rows(pg, dbname, till_id, shop_id)
    for table in COLUMNS:
        assert len(remote[table]) == len(set(remote[table])), f"{table}: a row twice"
        assert set(remote[table]) == local[table], f"{table}: the shop database differs from till {till_id}"
    return len(local["sales"])


def wait_until(condition: Callable[[], bool], timeout_s: float) -> None:
    """Poll a condition (a database's state, which sends no Qt signal) until it holds, at most `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def grant_the_readmes_rights(pg: PgServer, dbname: str, role: str, password: str) -> None:
    """A login `role` with the rights the README grants a till, and no more: what least privilege is tested with."""
    with pg.admin(dbname) as db:
        db.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
        db.execute(f"GRANT CONNECT ON DATABASE {dbname} TO {role}")
        db.execute(f"GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO {role}")
        db.execute(f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}")
        db.execute(f"GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {role}")
