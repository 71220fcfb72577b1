"""The shop database carries each sale's currency (sql/006): a Danish till's sales arrive in DKK, the shop's
export says so in its last column and the shop's day totals them in DKK; sales copied before the currency was
known are Norwegian."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from kiosk.domain.message import Message, Money
from kiosk.ledger import Ledger, RefundRefused
from kiosk.ledger.report import DayTotals
from kiosk.shop_ledger import schema
from kiosk.shop_ledger.connection import connect
from kiosk.shop_ledger.export import write_shop_day_csv
from kiosk.shop_ledger.refund_claims import claim_refund
from kiosk.shop_ledger.shop_day import read_shop_day
from tests.shop.tills import assert_copied_once, copy_till, ring_up, target

DAY = date.today()


def _csv(path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))


def test_a_danish_tills_sales_reach_the_shop_in_kroner_and_the_shops_export_and_day_say_so(pg, shop_db, tmp_path):
    ledger_file = tmp_path / "kasse-1.sqlite3"
    with Ledger.open(ledger_file) as ledger:
        ring_up(ledger, 4995, currency="DKK")
        ring_up(ledger, 10000, refund_ore=2500, currency="DKK")
    copy_till(pg, shop_db, ledger_file, "kasse-1")
    assert assert_copied_once(pg, shop_db, "kasse-1", ledger_file) == 2  # the currency among the copied columns
    with pg.admin(shop_db) as db:
        assert db.execute("SELECT currency FROM sales ORDER BY id").fetchall() == [("DKK",), ("DKK",)]
    out = tmp_path / "shop.csv"
    shop_target = target(pg, shop_db, "kasse-2")
    assert write_shop_day_csv(shop_target, DAY, out).sales == 2
    rows = _csv(out)
    assert list(rows[0])[-2:] == ["till", "currency"]
    assert [(row["amount (kr)"], row["refunded (kr)"], row["currency"]) for row in rows] == [
        ("49,95", "0,00", "DKK"),
        ("100,00", "25,00", "DKK"),
    ]
    summary = read_shop_day(shop_target, DAY, 200).summary
    assert summary.totals("NOK") == (
        DayTotals("DKK", captured_count=2, captured_ore=14995, refunded_count=1, refunded_ore=2500),
    )
    assert sum(count for _, count, _ in summary.hours) == 2
    assert {money.currency for _, _, amounts in summary.hours for money in amounts} == {"DKK"}


def test_sales_copied_before_the_currency_are_norwegian(pg, shop_db, tmp_path, monkeypatch):
    shipped = schema.migrations()
    assert shipped[-1][1].startswith("-- The currency")  # sql/006 is the last: the shop as it was before is 1-5
    monkeypatch.setattr(schema, "migrations", lambda: shipped[:5])
    old_till = target(pg, shop_db, "kasse-1")
    db = connect(old_till, 5.0)
    try:
        assert schema.migrate(db) == 5
        with db.transaction():  # what a till of the kiosk before sql/006 copied: a sale without a currency
            db.execute("INSERT INTO tills (shop_id, till_id, ledger_id) VALUES ('shop', 'kasse-1', 'old')")
            db.execute(
                "INSERT INTO sales (shop_id, till_id, id, created_at, amount_ore, payment_text, state, outcome,"
                " attempt_count, captured_ore, refunded_ore, copied_seq)"
                " VALUES ('shop', 'kasse-1', 1, now(), 14950, '', 'PAID', 'PAID', 1, 14950, 0, 1)"
            )
    finally:
        db.close()
    monkeypatch.undo()
    ledger_file = tmp_path / "kasse-2.sqlite3"
    with Ledger.open(ledger_file) as ledger:
        ring_up(ledger, 2000, currency="NOK")
    copy_till(pg, shop_db, ledger_file, "kasse-2")  # an updated till: it migrates the shop to sql/006
    with pg.admin(shop_db) as admin:
        assert admin.execute("SELECT max(version) FROM schema_version").fetchone() == (len(shipped),)
        found = admin.execute("SELECT till_id, id, currency FROM sales ORDER BY till_id, id").fetchall()
    assert found == [("kasse-1", 1, "NOK"), ("kasse-2", 1, "NOK")]
    out = tmp_path / "shop.csv"
    write_shop_day_csv(target(pg, shop_db, "kasse-2"), DAY, out)
    assert [row["currency"] for row in _csv(out)] == ["NOK", "NOK"]
    summary = read_shop_day(target(pg, shop_db, "kasse-2"), DAY, 200).summary
    (totals,) = summary.totals()
    assert (totals.currency, totals.captured_ore) == ("NOK", 14950 + 2000)
    assert [money for _, _, amounts in summary.hours for money in amounts if money.currency != "NOK"] == []


def test_a_claim_on_a_danish_sale_says_what_remains_in_kroner(pg, shop_db, tmp_path):
    ledger_file = tmp_path / "kasse-1.sqlite3"
    with Ledger.open(ledger_file) as ledger:
        sale_id = ring_up(ledger, 4995, currency="DKK")
    copy_till(pg, shop_db, ledger_file, "kasse-1")
    db = connect(target(pg, shop_db, "kasse-1"), 5.0)
    try:
        claim = dict(shop_id="shop", sale_till_id="kasse-1", sale_id=sale_id, by_till="kasse-1")
        claim_refund(db, **claim, amount_ore=995, idempotency_key="first")
        with pytest.raises(RefundRefused) as refused:
            claim_refund(db, **claim, amount_ore=5000, idempotency_key="second")
    finally:
        db.close()
    assert refused.value.message == Message("Only {remaining} remains to refund.", remaining=Money(4000, "DKK"))
    assert str(refused.value) == "Only 40,00\u00a0DKK remains to refund."
