"""The soak (benchmarks/soak.py): a short one through the real GUI must come out clean, and its checker must
count every kind of breakage it exists to find."""

from __future__ import annotations

from pathlib import Path

from benchmarks.soak import soak
from benchmarks.soak_check import DrivenSale, check_day
from kiosk.ledger import Ledger
from tests.helpers import record_paid_sale


def test_a_short_soak_with_many_faults_loses_duplicates_and_mismatches_nothing(qapp):
    result = soak(sales=24, fault_rate=0.5, seed=3)
    assert len(result.driven) == 24
    assert len({sale.behaviour for sale in result.driven}) >= 5  # it really mixed the customers
    assert result.counts["lost"] == result.counts["duplicated"] == result.counts["mismatched"] == 0
    assert result.threads_end == result.threads_warm


def _vipps(tx: str, amount: int, *, captured: int = 0, stage: str = "RESERVED", cancelled: bool = False) -> dict:
    state = "CANCELLED" if cancelled else ("CAPTURED" if captured else stage)
    return {
        "pspTransactionId": tx,
        "amount": amount,
        "capturedAmount": captured,
        "stage": stage,
        "cancelled": cancelled,
        "state": state,
    }


def _a_day(tmp_path: Path) -> Path:
    """Two sales as the checkout leaves them: one paid (tx1), one not paid whose payment (tx2) was cancelled."""
    path = tmp_path / "ledger.sqlite3"
    with Ledger.open(path) as ledger:
        record_paid_sale(ledger, amount=10000, tx="tx1")
        sale = ledger.new_sale(5000)
        attempt = ledger.add_attempt(
            sale.id,
            psp_transaction_id="tx2",
            merchant_order_id="order-tx2",
            idempotency_key="key-tx2",
            channel="QR",
            phone_masked=None,
            state="PENDING",
        )
        ledger.move_attempt(attempt.id, ["PENDING"], "CANCELLED")
        ledger.move_sale(sale.id, ["OPEN"], "NOT_PAID", outcome="CANCELLED")
    return path


DRIVEN = [
    DrivenSale(10000, "approve by QR", "PAID", "PAID"),
    DrivenSale(5000, "staff cancel", "CANCELLED", "CANCELLED"),
]
TRUE_RECORD = [_vipps("tx1", 10000, captured=10000), _vipps("tx2", 5000, stage="AWAITING_APP", cancelled=True)]


def test_the_checker_passes_a_true_day(tmp_path):
    counts = check_day(_a_day(tmp_path), DRIVEN, TRUE_RECORD).counts()
    assert set(counts.values()) == {0}


def test_the_checker_counts_a_paid_sale_vipps_never_captured_as_mismatched(tmp_path):
    record = [_vipps("tx1", 10000), TRUE_RECORD[1]]
    verdict = check_day(_a_day(tmp_path), DRIVEN, record)
    assert verdict.counts()["mismatched"] == 1
    assert "Vipps captured 0 øre" in verdict.mismatched[0]


def test_the_checker_counts_money_held_for_an_unpaid_sale_and_unknown_payments_as_lost(tmp_path):
    record = [TRUE_RECORD[0], _vipps("tx2", 5000, stage="RESERVED"), _vipps("stray", 700, captured=700)]
    verdict = check_day(_a_day(tmp_path), DRIVEN, record)
    assert verdict.counts()["lost"] == 2


def test_the_checker_counts_a_sale_rung_up_twice_or_missing(tmp_path):
    one_more = [*DRIVEN, DrivenSale(300, "ignore", "EXPIRED", "EXPIRED")]
    ledger_file = _a_day(tmp_path)
    assert check_day(ledger_file, one_more, TRUE_RECORD).counts()["lost"] == 1
    assert check_day(ledger_file, DRIVEN[:1], TRUE_RECORD).counts()["duplicated"] == 1


def test_the_checker_counts_a_screen_that_said_paid_when_it_was_not(tmp_path):
    lying = [DRIVEN[0], DrivenSale(5000, "staff cancel", "CANCELLED", "PAID")]
    verdict = check_day(_a_day(tmp_path), lying, TRUE_RECORD)
    assert verdict.counts()["mismatched"] == 1
    assert verdict.counts()["unlike the customer's action"] == 1
