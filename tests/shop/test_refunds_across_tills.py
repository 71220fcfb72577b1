"""Refunds across tills, end to end: a sale paid at one till through the simulator's Vipps, copied to a real
PostgreSQL, refunded from another till through the sale's own API. Checked at Vipps (the simulator's payment),
in the shop database and in every till's SQLite ledger: exactly what remains, once."""

from __future__ import annotations

import csv
import io
import threading
from datetime import date
from pathlib import Path

import pytest

from kiosk.checkout.cross_till_resend import resend_pending_cross_till_refunds
from kiosk.checkout.providers_by_api import ProvidersByApi
from kiosk.checkout.recovery import recover
from kiosk.checkout.session import SaleSession
from kiosk.checkout.shop_refunds import only_own_sales, refund_shop_sale
from kiosk.ledger import Ledger, RefundRefused
from kiosk.settings.model import KioskSettings
from kiosk.shop_ledger.cross_till import CrossTillRefunds
from kiosk.shop_ledger.export import write_shop_day_csv
from tests.conftest import FAST_RETRY
from tests.helpers import FAULT_PATHS, approve
from tests.shop.pg_server import _free_port
from tests.shop.tills import assert_copied_once, copy_till, ledger_sql, target


def _paid_sale(vipps_settings, ledger: Ledger, amount: int = 10_000) -> int:
    """A sale the customer paid (and the kiosk captured) at the simulator's Vipps, as the checkout records it."""
    with ProvidersByApi(vipps_settings, FAST_RETRY) as providers:
        provider = providers.current()
        session = SaleSession.begin(provider, ledger, vipps_settings, KioskSettings(), amount, "Kaffe")
        started = session.start_attempt("91234567")
        approve(provider, started.attempt, "91234567")
        tx = started.attempt.psp_transaction_id
        session.observe(tx, provider.read(tx))
    assert ledger.sale(session.sale_id).captured_ore == amount
    return session.sale_id


@pytest.fixture
def shop(pg, shop_db, tmp_path, vipps_settings):
    """Two tills of one shop: kasse-1 sold a 100 kr sale, both have copied to the shop database."""
    files = {till: tmp_path / f"{till}.sqlite3" for till in ("kasse-1", "kasse-2")}
    with Ledger.open(files["kasse-1"]) as ledger:
        sale_id = _paid_sale(vipps_settings, ledger)
    Ledger.open(files["kasse-2"]).close()
    for till, path in files.items():
        copy_till(pg, shop_db, path, till)
    return files, sale_id


def _refund(vipps_settings, path: Path, shop_target, sale_till: str, sale_id: int, amount: int):
    with Ledger.open(path) as ledger, ProvidersByApi(vipps_settings, FAST_RETRY) as providers:
        return refund_shop_sale(providers, ledger, shop_target, sale_till, sale_id, amount)


def _claims(pg, shop_db) -> list[tuple[str, int, str]]:
    with pg.admin(shop_db) as db:
        return db.execute("SELECT claimed_by, amount_ore, state FROM refund_claims ORDER BY id").fetchall()


def test_two_tills_refunding_one_sale_at_the_same_moment_refund_what_remains_once(
    pg, shop_db, shop, sim, vipps_settings
):
    files, sale_id = shop
    own = _refund(vipps_settings, files["kasse-1"], target(pg, shop_db, "kasse-1"), "kasse-1", sale_id, 3_000)
    assert own.state == "DONE"
    go = threading.Barrier(2)
    done: dict[str, str] = {}
    refused: dict[str, str] = {}

    def refund(till: str) -> None:
        go.wait(10)
        try:  # the sale's own till and another, each refunding all that remains (70 kr of the 100 kr)
            done[till] = _refund(
                vipps_settings, files[till], target(pg, shop_db, till), "kasse-1", sale_id, 7_000
            ).state
        except RefundRefused as exc:
            refused[till] = str(exc)

    threads = [threading.Thread(target=refund, args=(till,)) for till in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert list(done.values()) == ["DONE"]
    assert list(refused.values()) == ["Only 0,00\u00a0kr remains to refund."]
    (payment,) = sim.payments()
    assert payment["refundedAmount"] == 10_000  # at Vipps: exactly what there was, once
    winner = next(iter(done))
    assert _claims(pg, shop_db) == [("kasse-1", 3_000, "DONE"), (winner, 7_000, "DONE")]
    for till, path in files.items():  # the sale's own till learns of a refund made at the other
        copy_till(pg, shop_db, path, till)
    with Ledger.open(files["kasse-1"]) as ledger:
        assert ledger.sale(sale_id).refunded_ore == 10_000
        assert [(r.amount_ore, r.state) for r in ledger.refunds_of(sale_id)] == [(3_000, "DONE"), (7_000, "DONE")]
    cross = ledger_sql(files["kasse-2"], "SELECT amount_ore, state FROM cross_till_refunds")  # its own record
    assert cross == ([] if winner == "kasse-1" else [(7_000, "DONE")])
    for till, path in files.items():
        assert_copied_once(pg, shop_db, till, path)
    with pg.admin(shop_db) as db:
        assert db.execute("SELECT refunded_ore FROM sales WHERE till_id = 'kasse-1'").fetchone() == (10_000,)


def test_another_tills_sale_is_refunded_through_its_own_api_and_its_till_learns_of_it(
    pg, shop_db, shop, sim, vipps_settings
):
    files, sale_id = shop
    refunded = _refund(vipps_settings, files["kasse-2"], target(pg, shop_db, "kasse-2"), "kasse-1", sale_id, 2_500)
    assert refunded.state == "DONE"
    assert sim.payments()[0]["refundedAmount"] == 2_500
    with CrossTillRefunds(files["kasse-2"]) as records:
        record = records.get(1)
    assert (record.sale_till_id, record.sale_id, record.amount_ore, record.state) == ("kasse-1", sale_id, 2_500, "DONE")
    with Ledger.open(files["kasse-2"]) as ledger:  # the refunding till's own sales are untouched
        assert ledger.sales() == []
    for till, path in files.items():
        copy_till(pg, shop_db, path, till)
    with Ledger.open(files["kasse-1"]) as ledger:
        assert ledger.sale(sale_id).refunded_ore == 2_500
        assert "refunded at till kasse-2" in ledger.history(sale_id)[-1].note
        # and the sale's own till, counting it, refuses more than remains even on its own
        with ProvidersByApi(vipps_settings, FAST_RETRY) as providers, pytest.raises(RefundRefused, match="75,00"):
            refund_shop_sale(providers, ledger, None, "", sale_id, 8_000)
    with pg.admin(shop_db) as db:
        assert db.execute("SELECT till_id, sale_till_id, state FROM cross_till_refunds").fetchall() == [
            ("kasse-2", "kasse-1", "DONE")
        ]
    for till, path in files.items():
        assert_copied_once(pg, shop_db, till, path)


def test_a_refund_whose_answer_is_lost_keeps_its_claim_and_is_sent_again_with_the_same_key(
    pg, shop_db, shop, sim, vipps_settings
):
    files, sale_id = shop
    sim.fault(path=FAULT_PATHS[vipps_settings.api]["refund"], drop=True, count=4)  # done at Vipps, answers lost
    refunded = _refund(vipps_settings, files["kasse-2"], target(pg, shop_db, "kasse-2"), "kasse-1", sale_id, 10_000)
    assert refunded.state == "PENDING"
    assert _claims(pg, shop_db) == [("kasse-2", 10_000, "CLAIMED")]  # the amount stays taken meanwhile
    with pytest.raises(RefundRefused, match="Only 0,00"):
        _refund(vipps_settings, files["kasse-1"], target(pg, shop_db, "kasse-1"), "kasse-1", sale_id, 100)
    with Ledger.open(files["kasse-2"]) as ledger, ProvidersByApi(vipps_settings, FAST_RETRY) as providers:
        (sent_again,) = resend_pending_cross_till_refunds(providers, ledger)
    assert sent_again.state == "DONE"
    assert sim.payments()[0]["refundedAmount"] == 10_000  # the same key: refunded once, not twice
    copy_till(pg, shop_db, files["kasse-2"], "kasse-2")  # the copy of the refund's record settles its claim
    assert _claims(pg, shop_db) == [("kasse-2", 10_000, "DONE")]
    copy_till(pg, shop_db, files["kasse-1"], "kasse-1")
    with Ledger.open(files["kasse-1"]) as ledger:
        assert ledger.sale(sale_id).refunded_ore == 10_000


def test_a_refund_vipps_refuses_releases_its_claim(pg, shop_db, shop, sim, vipps_settings):
    files, sale_id = shop
    sim.fault(path=FAULT_PATHS[vipps_settings.api]["refund"], status=400, count=1)
    refused = _refund(vipps_settings, files["kasse-2"], target(pg, shop_db, "kasse-2"), "kasse-1", sale_id, 10_000)
    assert refused.state == "FAILED"
    assert _claims(pg, shop_db) == [("kasse-2", 10_000, "RELEASED")]
    again = _refund(vipps_settings, files["kasse-2"], target(pg, shop_db, "kasse-2"), "kasse-1", sale_id, 10_000)
    assert again.state == "DONE"
    assert sim.payments()[0]["refundedAmount"] == 10_000


def test_with_the_shop_database_away_a_till_refunds_only_its_own_sales_and_says_why(
    pg, shop_db, shop, sim, vipps_settings
):
    files, sale_id = shop
    nothing_there = _free_port()
    away = target(pg, shop_db, "kasse-2", port=nothing_there)
    with pytest.raises(RefundRefused) as refused:
        _refund(vipps_settings, files["kasse-2"], away, "kasse-1", sale_id, 1_000)
    assert str(refused.value) == str(only_own_sales("kasse-1"))
    assert "\n" not in str(refused.value)
    assert sim.payments()[0]["refundedAmount"] == 0
    with CrossTillRefunds(files["kasse-2"]) as records:
        assert records.pending() == []
    own_away = target(pg, shop_db, "kasse-1", port=nothing_there)
    assert _refund(vipps_settings, files["kasse-1"], own_away, "kasse-1", sale_id, 7_000).state == "DONE"
    with pytest.raises(RefundRefused, match="Only 30,00"):  # its own ledger still holds it to what remains
        _refund(vipps_settings, files["kasse-1"], own_away, "kasse-1", sale_id, 3_100)
    assert sim.payments()[0]["refundedAmount"] == 7_000
    assert _claims(pg, shop_db) == []


def test_a_claim_its_till_never_recorded_is_released_but_one_waiting_for_an_answer_is_not(
    pg, shop_db, shop, sim, vipps_settings
):
    files, sale_id = shop
    kasse_2 = target(pg, shop_db, "kasse-2")
    sim.fault(path=FAULT_PATHS[vipps_settings.api]["refund"], drop=True, count=4)
    assert _refund(vipps_settings, files["kasse-2"], kasse_2, "kasse-1", sale_id, 4_000).state == "PENDING"
    with pg.admin(shop_db) as db:  # and kasse-2 claimed the rest, then stopped before it recorded that refund
        db.execute(
            "INSERT INTO refund_claims (shop_id, sale_till_id, sale_id, claimed_by, amount_ore, state,"
            " idempotency_key) VALUES ('shop', 'kasse-1', %s, 'kasse-2', 6000, 'CLAIMED', 'never-recorded')",
            (sale_id,),
        )
        db.execute("UPDATE refund_claims SET created_at = now() - interval '1 hour'")  # both long ago
    assert _refund(vipps_settings, files["kasse-2"], kasse_2, "kasse-1", sale_id, 6_000).state == "DONE"
    assert _claims(pg, shop_db) == [
        ("kasse-2", 4_000, "CLAIMED"),  # its answer is still awaited: the amount stays taken
        ("kasse-2", 6_000, "RELEASED"),
        ("kasse-2", 6_000, "DONE"),
    ]
    assert sim.payments()[0]["refundedAmount"] == 10_000  # 4,000 whose answer was lost, and the 6,000


def test_the_shop_export_counts_another_tills_refund_at_once_and_once(pg, shop_db, shop, sim, vipps_settings, tmp_path):
    files, sale_id = shop
    kasse_2 = target(pg, shop_db, "kasse-2")
    assert _refund(vipps_settings, files["kasse-2"], kasse_2, "kasse-1", sale_id, 2_500).state == "DONE"

    def refunded_in_the_export() -> tuple[str, str]:
        output = tmp_path / "shop.csv"
        write_shop_day_csv(kasse_2, date.today(), output)
        rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8-sig")), delimiter=";"))
        (row,) = rows
        return row["refunded (kr)"], row["status"]

    assert refunded_in_the_export() == ("25,00", "PART REFUNDED")  # kasse-1 has not learned of it yet
    copy_till(pg, shop_db, files["kasse-1"], "kasse-1")  # now it has, and copied it back as its own
    copy_till(pg, shop_db, files["kasse-1"], "kasse-1")
    assert refunded_in_the_export() == ("25,00", "PART REFUNDED")


def test_a_refund_of_another_tills_sale_left_without_an_answer_is_sent_again_at_start_up(
    pg, shop_db, shop, sim, vipps_settings
):
    files, sale_id = shop
    sim.fault(path=FAULT_PATHS[vipps_settings.api]["refund"], drop=True, count=4)
    kasse_2 = target(pg, shop_db, "kasse-2")
    assert _refund(vipps_settings, files["kasse-2"], kasse_2, "kasse-1", sale_id, 3_000).state == "PENDING"
    with Ledger.open(files["kasse-2"]) as ledger, ProvidersByApi(vipps_settings, FAST_RETRY) as providers:
        recover(providers, ledger, vipps_settings, KioskSettings())  # the till starts again
    assert ledger_sql(files["kasse-2"], "SELECT state FROM cross_till_refunds") == [("DONE",)]
    assert sim.payments()[0]["refundedAmount"] == 3_000
