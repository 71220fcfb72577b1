"""What `kiosk export --shop` prints when it is done: the file and its count of sales, in English that agrees with
the count, as a till's own export says it ("1 sale"). In process, on a real PostgreSQL shop database."""

from __future__ import annotations

import os
from datetime import date

from kiosk.commands.shop_export import export_shop_day
from kiosk.ledger import Ledger
from kiosk.settings.secrets import SecretStore
from tests.helpers import record_paid_sale
from tests.shop.pg_server import TILL_PASSWORD
from tests.shop.tills import copy_till


def test_a_shop_day_of_one_sale_is_1_sale(pg, shop_db, tmp_path):
    till = tmp_path / "kasse-1.sqlite3"
    with Ledger.open(till) as ledger:
        record_paid_sale(ledger, 4200, tx="only-sale")
    copy_till(pg, shop_db, till, "kasse-1")
    config = tmp_path / "config.toml"
    assert os.environ["KIOSK_CONFIG"] == str(config)  # the settings this process's export reads
    url = pg.url(shop_db)
    config.write_text(f'[kiosk]\ntill_id = "kasse-3"\n[shop]\ndatabase = "{url}"\n')
    SecretStore.beside(config).save_database_password(url, TILL_PASSWORD)
    out = tmp_path / "shop.csv"
    assert export_shop_day(date.today().isoformat(), "csv", str(out), True, None) == f"{out} (1 sale)"
