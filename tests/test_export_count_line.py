"""What `kiosk export` prints when it is done: the file and its count of sales, in English that agrees with the
count ("1 sale", "2 sales"). In process, on a real ledger in the test's data folder."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.commands.export import run_export
from kiosk.ledger import Ledger, ledger_path
from kiosk.settings.paths import data_dir
from tests.helpers import record_paid_sale


@pytest.mark.parametrize(("sales", "said"), [(1, "1 sale"), (2, "2 sales")])
def test_the_exports_line_counts_its_sales_in_agreeing_english(tmp_path, sales, said):
    with Ledger.open(ledger_path(data_dir(), demo=True)) as ledger:
        for n in range(sales):
            record_paid_sale(ledger, 1000 + n, tx=f"count-{n}")
    out = tmp_path / "day.csv"
    line = run_export(date.today().isoformat(), "csv", str(out), demo=True)
    assert line == f"{out} ({said})"
