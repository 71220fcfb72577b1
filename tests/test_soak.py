"""The soak (tests/soak_day.py, run long by benchmarks/soak.py): a short one through the real GUI must come out
clean on either Vipps API, and its checker must count every kind of breakage it exists to find, in either API's
record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kiosk.ledger import Ledger
from kiosk.simulator.epayment_payments import EPayment
from kiosk.simulator.payments import Operation, Payment, Stage
from tests.helpers import record_paid_sale
from tests.soak_check import DrivenSale, check_day
from tests.soak_day import FAULTS, fault_rule, soak
from tests.vipps_apis import API_NAMES, PATHS


@pytest.mark.slow  # a soak
@pytest.mark.parametrize("api", API_NAMES)
def test_a_short_soak_with_many_faults_loses_duplicates_and_mismatches_nothing(qapp, api):
    result = soak(sales=24, fault_rate=0.5, seed=3, api=api)
    assert len(result.driven) == 24
    assert len({sale.behaviour for sale in result.driven}) >= 5  # it really mixed the customers
    assert sum(sale.fault is not None for sale in result.driven) >= 6  # and met faults
    assert result.counts["lost"] == result.counts["duplicated"] == result.counts["mismatched"] == 0
    # No thread is left behind; fewer is fine (a pool's idle thread expires after 30 s on a loaded machine).
    assert result.threads_end <= result.threads_warm
    assert result.api == api


@pytest.mark.parametrize("api", API_NAMES)
def test_every_fault_of_the_soak_aims_at_a_call_of_the_api_under_test(api):
    paths = PATHS[api]
    other = PATHS["epayment" if api == "psp" else "psp"]
    for call, rule in FAULTS:
        aimed = fault_rule(call, paths, rule)["path"]
        if call == "token":
            assert aimed == "/accesstoken/get$"
        else:
            assert aimed == getattr(paths, call) != getattr(other, call)


def _psp_record(tx: str, amount: int, *, approved: bool, captured: int = 0, cancelled: bool = False) -> dict:
    """A PSP payment as the simulator's /_sim/payments shows it, made by the simulator's own class."""
    payment = Payment(
        psp_transaction_id=tx,
        merchant_order_id=f"order-{tx}",
        merchant_serial_number="123456",
        amount=amount,
        currency="NOK",
        payment_text="",
        psp_redirect_url="",
        make_payment_url="",
        make_payment_token="",
        landing_token=tx,
        landing_url="",
        landing_deadline=0.0,
        stage=Stage.AWAITING_APP,
    )
    if approved:
        payment.stage = Stage.RESERVED
        payment.log(Operation.RESERVED, amount, True)
    if captured:
        payment.captured = captured
        payment.log(Operation.CAPTURED, captured, True)
    payment.cancelled = cancelled
    return payment.sim_json()


def _epayment_record(tx: str, amount: int, *, approved: bool, captured: int = 0, cancelled: bool = False) -> dict:
    """An ePayment payment as the simulator's /_sim/payments shows it, moved by the simulator's own rules."""
    payment = EPayment(
        reference=tx,
        psp_reference=f"psp-{tx}",
        merchant_serial_number="123456",
        amount=amount,
        currency="NOK",
        user_flow="QR",
        payment_text="",
        landing_token=tx,
        landing_url="",
        landing_deadline=0.0,
        stage=Stage.AWAITING_APP,
    )
    if approved:
        payment.authorise(None)
    if captured:
        assert payment.capture(captured) is None
    if cancelled:
        assert payment.cancel() is None
    return payment.sim_json()


RecordMaker = Callable[..., dict[str, Any]]


@pytest.fixture(params=API_NAMES)
def vipps(request: pytest.FixtureRequest) -> RecordMaker:
    """Makes a payment record in the shape of the API under test."""
    return _psp_record if request.param == "psp" else _epayment_record


def _true_record(vipps: RecordMaker) -> list[dict]:
    """What Vipps holds for `_a_day`: tx1 approved and captured, tx2 cancelled before anyone approved."""
    return [vipps("tx1", 10000, approved=True, captured=10000), vipps("tx2", 5000, approved=False, cancelled=True)]


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


def test_the_checker_passes_a_true_day(tmp_path, vipps):
    counts = check_day(_a_day(tmp_path), DRIVEN, _true_record(vipps)).counts()
    assert set(counts.values()) == {0}


def test_the_checker_counts_a_paid_sale_vipps_never_captured_as_mismatched(tmp_path, vipps):
    record = [vipps("tx1", 10000, approved=True), _true_record(vipps)[1]]
    verdict = check_day(_a_day(tmp_path), DRIVEN, record)
    assert verdict.counts()["mismatched"] == 1
    assert "Vipps captured 0 øre" in verdict.mismatched[0]


def test_the_checker_counts_money_held_for_an_unpaid_sale_and_unknown_payments_as_lost(tmp_path, vipps):
    record = [
        _true_record(vipps)[0],
        vipps("tx2", 5000, approved=True),  # approved, neither captured nor released
        vipps("stray", 700, approved=True, captured=700),
    ]
    verdict = check_day(_a_day(tmp_path), DRIVEN, record)
    assert verdict.counts()["lost"] == 2


def test_the_checker_counts_a_reservation_released_for_an_unpaid_sale_as_nothing_lost(tmp_path, vipps):
    record = [_true_record(vipps)[0], vipps("tx2", 5000, approved=True, cancelled=True)]  # approved late, reversed
    assert set(check_day(_a_day(tmp_path), DRIVEN, record).counts().values()) == {0}


def test_the_checker_counts_a_sale_charged_more_than_its_amount_as_duplicated(tmp_path, vipps):
    record = [vipps("tx1", 20000, approved=True, captured=20000), _true_record(vipps)[1]]
    verdict = check_day(_a_day(tmp_path), DRIVEN, record)
    assert verdict.counts()["duplicated"] == 1
    assert "20000 øre in all" in verdict.duplicated[0]


def test_the_checker_counts_a_sale_rung_up_twice_or_missing(tmp_path, vipps):
    one_more = [*DRIVEN, DrivenSale(300, "ignore", "EXPIRED", "EXPIRED")]
    ledger_file = _a_day(tmp_path)
    assert check_day(ledger_file, one_more, _true_record(vipps)).counts()["lost"] == 1
    assert check_day(ledger_file, DRIVEN[:1], _true_record(vipps)).counts()["duplicated"] == 1


def test_the_checker_counts_a_screen_that_said_paid_when_it_was_not(tmp_path, vipps):
    lying = [DRIVEN[0], DrivenSale(5000, "staff cancel", "CANCELLED", "PAID")]
    verdict = check_day(_a_day(tmp_path), lying, _true_record(vipps))
    assert verdict.counts()["mismatched"] == 1
    assert verdict.counts()["unlike the customer's action"] == 1
