"""Row-level security (sql/005): each till logs in as a role of its own, reads the whole shop, and can change only
its own till's rows, whatever SQL it sends. On the real PostgreSQL, with only the README's rights."""

from __future__ import annotations

import psycopg
import pytest

from kiosk.ledger import Ledger
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.connection import ShopUnreachable
from kiosk.shop_ledger.copier import ShopCopier, TillClaimed
from kiosk.shop_ledger.refund_claims import claim_refund
from kiosk.shop_ledger.schema import migrate
from tests.shop.pg_server import TILL_PASSWORD
from tests.shop.tills import grant_the_readmes_rights, ring_up

PASSWORD = "rls-password-for-tests"
SALE = (
    "INSERT INTO sales (shop_id, till_id, id, created_at, amount_ore, payment_text, state, attempt_count,"
    " captured_ore, refunded_ore, copied_seq) VALUES ('shop', %s, 99, now(), 100, '', 'OPEN', 0, 0, 0, 1)"
)


@pytest.fixture
def tills(pg, shop_db, tmp_path) -> dict[str, ShopDatabase]:
    """The schema set up by the database's owner, then tills kasse-a and kasse-b, each with a sale copied under
    a role of its own."""
    with psycopg.connect(pg.url(shop_db), password=TILL_PASSWORD) as owner:
        migrate(owner)
    targets = {}
    for name in ("a", "b"):
        role = f"till_{name}_{shop_db}"  # roles are the whole server's: this test's own
        grant_the_readmes_rights(pg, shop_db, role, PASSWORD)
        url = pg.url(shop_db).replace("kiosk_till@", f"{role}@")
        targets[name] = ShopDatabase(url, f"kasse-{name}", "shop", PASSWORD)
        path = tmp_path / f"kasse-{name}.sqlite3"
        with Ledger.open(path) as ledger:
            ring_up(ledger, 10_000, refund_ore=1_000)
        copier = ShopCopier(path, targets[name])
        try:
            copier.catch_up()
        finally:
            copier.close()
    return targets


def _as(till: ShopDatabase) -> psycopg.Connection:
    return psycopg.connect(till.url, password=till.password, autocommit=True)


def test_a_till_reads_the_whole_shop_and_changes_its_own_rows(tills):
    with _as(tills["a"]) as db:
        assert db.execute("SELECT till_id, count(*) FROM sales GROUP BY till_id ORDER BY 1").fetchall() == [
            ("kasse-a", 1),
            ("kasse-b", 1),
        ]
        assert db.execute("UPDATE sales SET payment_text = 'rettet' WHERE till_id = 'kasse-a'").rowcount == 1


@pytest.mark.parametrize("table", ["sales", "attempts", "transitions", "refunds", "tills"])
def test_a_till_cannot_update_another_tills_rows(pg, shop_db, tills, table):
    with _as(tills["a"]) as db:
        changed = db.execute(f"UPDATE {table} SET till_id = 'kasse-a' WHERE till_id = 'kasse-b'")  # noqa: S608
        assert changed.rowcount == 0
        assert db.execute(f"SELECT count(*) FROM {table} WHERE till_id = 'kasse-b'").fetchone()[0] >= 1  # noqa: S608
    with pg.admin(shop_db) as admin:
        assert admin.execute("SELECT count(*) FROM sales WHERE till_id = 'kasse-b'").fetchone() == (1,)


def test_a_till_cannot_insert_or_delete_another_tills_rows(pg, shop_db, tills):
    with _as(tills["a"]) as db:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            db.execute(SALE, ("kasse-b",))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            db.execute("DELETE FROM sales WHERE till_id = 'kasse-b'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            db.execute(
                "INSERT INTO tills (shop_id, till_id, ledger_id, role_name) VALUES ('shop', 'kasse-c', 'x', 'postgres')"
            )
        db.execute(SALE, ("kasse-a",))  # its own: allowed
    with pg.admin(shop_db) as admin:
        assert admin.execute("SELECT till_id, count(*) FROM sales GROUP BY 1 ORDER BY 1").fetchall() == [
            ("kasse-a", 2),
            ("kasse-b", 1),
        ]


def test_a_till_cannot_copy_or_claim_in_another_tills_name(tills, tmp_path):
    a_as_b = ShopDatabase(tills["a"].url, "kasse-b", "shop", PASSWORD)
    path = tmp_path / "impostor.sqlite3"
    Ledger.open(path).close()
    copier = ShopCopier(path, a_as_b)
    try:
        with pytest.raises(TillClaimed):
            copier.catch_up()
    finally:
        copier.close()
    with psycopg.connect(tills["a"].url, password=PASSWORD) as db, pytest.raises(ShopUnreachable, match="row-level"):
        claim_refund(
            db,
            shop_id="shop",
            sale_till_id="kasse-a",
            sale_id=1,
            amount_ore=100,
            by_till="kasse-b",
            idempotency_key="k",
        )


def test_a_till_claims_another_tills_sale_in_its_own_name_and_settles_only_its_own_claims(tills):
    with psycopg.connect(tills["b"].url, password=PASSWORD) as b:
        claim = claim_refund(
            b,
            shop_id="shop",
            sale_till_id="kasse-a",
            sale_id=1,
            amount_ore=9_000,
            by_till="kasse-b",
            idempotency_key="k",
        )
    with _as(tills["a"]) as a:
        assert a.execute("UPDATE refund_claims SET state = 'RELEASED' WHERE id = %s", (claim,)).rowcount == 0
        assert a.execute("SELECT state FROM refund_claims WHERE id = %s", (claim,)).fetchone() == ("CLAIMED",)
