"""A till's role needs only the rights the README names once the schema is in place: no CREATE, no DELETE."""

from __future__ import annotations

import psycopg
import pytest

from kiosk.ledger import Ledger
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.copier import ShopCopier
from tests.shop.tills import assert_copied_once, grant_the_readmes_rights, ring_up, target

PASSWORD = "least-password-for-tests"


def test_a_till_with_only_the_readmes_rights_copies_once_the_schema_is_there(pg, shop_db, tmp_path):
    owner_till = tmp_path / "kasse-1.sqlite3"
    with Ledger.open(owner_till) as ledger:
        ring_up(ledger)
    first = ShopCopier(owner_till, target(pg, shop_db, "kasse-1"))  # the owner's first start creates the schema
    try:
        first.catch_up()
    finally:
        first.close()
    role = f"least_{shop_db}"  # roles are the whole server's: one of this test's own
    grant_the_readmes_rights(pg, shop_db, role, PASSWORD)
    other_till = tmp_path / "kasse-2.sqlite3"
    with Ledger.open(other_till) as ledger:
        ring_up(ledger)
        url = pg.url(shop_db).replace("kiosk_till@", f"{role}@")
        second = ShopCopier(other_till, ShopDatabase(url, "kasse-2", "shop", PASSWORD))
        try:
            second.catch_up()
            ring_up(ledger)
            second.catch_up()
        finally:
            second.close()
    assert assert_copied_once(pg, shop_db, "kasse-2", other_till) == 2
    with psycopg.connect(url, password=PASSWORD) as db, pytest.raises(psycopg.errors.InsufficientPrivilege):
        db.execute("DELETE FROM sales")
