"""Kill the kiosk (SIGKILL, a real process) at each phase of a sale, start again, and check that nothing is lost
and nothing is charged twice: the ledger and the simulator agree, and every attempt ends in a final state.

Every phase runs on each Vipps API. What Vipps holds at the moment of the kill differs:

| killed while                                   | PSP API v3 at Vipps          | ePayment API v1 at Vipps             |
|------------------------------------------------|------------------------------|--------------------------------------|
| init under way, Vipps has it                   | waiting for the customer     | CREATED                              |
| init under way, Vipps never saw it             | nothing                      | nothing                              |
| waiting for the customer                       | waiting for the customer     | CREATED                              |
| approved, the kiosk had not seen it            | RESERVED                     | AUTHORIZED                           |
| card refused, the kiosk had not seen it        | FAILED (error 72)            | CREATED, a failed AUTHORIZED event   |
| ending the refused card's payment              | (no such phase: see below)   | CREATED, its cancel under way        |
| capturing (landed / not)                       | RESERVED or CAPTURED         | AUTHORIZED, captured or not          |
| cancelling a superseded QR payment, approved   | RESERVED                     | AUTHORIZED                           |
| after the sale was paid                        | CAPTURED                     | AUTHORIZED, captured                 |

An ePayment payment whose card was refused stays CREATED: in Vipps the customer may pick another card. The kiosk
has said "refused" by then, so it cancels the payment as it reads the refusal; that cancel is a phase of its own.

The phases whose writes name money or a customer's number (the capture, the reversal of a superseded push) run in
every market too: Denmark and Finland on the ePayment API (the PSP API is Norway's only), at the simulator's
sales unit there, so a capture or reversal at start-up must name the payment's own currency.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.checkout.providers_by_api import make_provider
from kiosk.checkout.recovery import recover
from kiosk.checkout.states import FINAL_ATTEMPT_STATES
from kiosk.ledger import Ledger
from kiosk.settings.model import KioskSettings, VippsSettings
from tests.conftest import FAST_RETRY
from tests.helpers import SimControl
from tests.markets_under_test import CASES, IN_EVERY_MARKET, unit_settings

pytestmark = pytest.mark.slow  # each sale runs in a process of its own, killed with SIGKILL

ROOT = Path(__file__).resolve().parents[2]
AMOUNT = 14950
REFUSED_CARD = 3100  # the simulator's "card not eligible", on either API


_drivers: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def no_driver_outlives_its_test():
    yield
    while _drivers:
        driver = _drivers.pop()
        if driver.poll() is None:
            driver.kill()
            driver.wait(timeout=10)


def _settings(sim: SimControl, api: str, country: str = "NO") -> VippsSettings:
    return unit_settings(sim.base_url, api, country)


def _start_driver(
    sim: SimControl, ledger_file: Path, api: str, mode: str = "qr", amount: int = AMOUNT, country: str = "NO"
) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tests.recovery.sale_driver", sim.base_url, str(ledger_file)]
    driver = subprocess.Popen(
        [*command, str(amount), mode, api, country],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,  # nobody reads them: a full pipe must never block the driver
        stderr=subprocess.DEVNULL,
    )
    _drivers.append(driver)
    return driver


def _wait(condition: Callable[[], bool], what: str, timeout_s: float = 15) -> None:
    deadline, pause = time.monotonic() + timeout_s, threading.Event()
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        pause.wait(0.02)


def _attempt_states(ledger_file: Path) -> list[str]:
    if not ledger_file.exists():
        return []
    with Ledger.open(ledger_file) as ledger:
        return [a.state for sale in ledger.sales() for a in ledger.attempts_of(sale.id)]


def _kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL


def _everything(ledger: Ledger, sim: SimControl) -> tuple[list[tuple[str, str]], list[tuple]]:
    """What a second start could change: every attempt's state, and every payment's money and state at Vipps."""
    attempts = [(a.psp_transaction_id, a.state) for s in ledger.sales() for a in ledger.attempts_of(s.id)]
    at_vipps = [(r.reference, r.state, r.captured, r.cancelled, r.captures) for r in sim.records().values()]
    return attempts, at_vipps


def _restart_and_check(sim: SimControl, ledger_file: Path, api: str, amount: int = AMOUNT, country: str = "NO") -> None:
    """What start-up does, then the promises: one true state per sale, at most one charge, ledger == Vipps.
    Start-up's providers are made without the shop's market, as the kiosk's are: writes name the payment's."""
    vipps = _settings(sim, api, country)
    with Ledger.open(ledger_file) as ledger:
        with make_provider(vipps, retry=FAST_RETRY) as provider:
            report = recover(provider, ledger, vipps, KioskSettings())
        assert report.needs_check == []
        settled = _everything(ledger, sim)
        with make_provider(vipps, retry=FAST_RETRY) as provider:
            recover(provider, ledger, vipps, KioskSettings())
        assert _everything(ledger, sim) == settled  # a second start changes nothing
        (sale,) = ledger.sales()
        attempts = ledger.attempts_of(sale.id)
    assert all(a.state in FINAL_ATTEMPT_STATES for a in attempts), [a.state for a in attempts]
    assert {a.provider for a in attempts} == {api}
    at_vipps = sim.records()
    assert {r.api for r in at_vipps.values()} <= {api}
    assert {r.raw["currency"] for r in at_vipps.values()} <= {CASES[country].market.currency}
    captured = sum(r.captured for r in at_vipps.values())
    assert captured in (0, amount)
    assert (sale.state == "PAID") == (captured == amount)
    for attempt in attempts:
        payment = at_vipps.get(attempt.psp_transaction_id)
        if attempt.state == "CAPTURED":
            assert payment is not None
            assert (payment.state, payment.captures) == ("CAPTURED", 1)
        elif payment is not None:
            assert payment.captured == 0
            assert payment.state in ("CANCELLED", "FAILED"), payment.state  # nobody can approve it any more


def test_killed_while_init_is_under_way_after_vipps_created_the_payment(sim, tmp_path, api, paths):
    ledger_file = tmp_path / "ledger.sqlite3"
    sim.fault(path=paths.init, delay_s=30, count=1)  # Vipps has it; the answer never comes
    driver = _start_driver(sim, ledger_file, api)
    _wait(lambda: len(sim.records()) == 1 and _attempt_states(ledger_file) == ["CREATED"], "the payment")
    _kill(driver)
    sim.clear_faults()
    _restart_and_check(sim, ledger_file, api)
    (payment,) = sim.records().values()
    assert payment.state == "CANCELLED"  # found, and given up at Vipps


def test_killed_while_init_is_under_way_before_vipps_saw_it(sim, tmp_path, api, paths):
    ledger_file = tmp_path / "ledger.sqlite3"
    sim.fault(path=paths.init, status=503, delay_s=30, count=1)  # the request is held before Vipps sees it
    driver = _start_driver(sim, ledger_file, api)
    _wait(lambda: _attempt_states(ledger_file) == ["CREATED"] and sim.faults() == [], "the init under way")
    _kill(driver)
    sim.clear_faults()
    _restart_and_check(sim, ledger_file, api)
    assert sim.records() == {}
    with Ledger.open(ledger_file) as ledger:
        assert [a.state for a in ledger.attempts_of(1)] == ["INIT_FAILED"]


def test_killed_while_waiting_for_the_customer(sim, tmp_path, api):
    ledger_file = tmp_path / "ledger.sqlite3"
    driver = _start_driver(sim, ledger_file, api)
    _wait(lambda: _attempt_states(ledger_file) == ["PENDING"], "the waiting payment")
    assert [p.state for p in sim.records().values()] == ["WAITING"]
    _kill(driver)
    _restart_and_check(sim, ledger_file, api)
    (payment,) = sim.records().values()
    assert payment.state == "CANCELLED"  # nobody can pay a screen that is gone


@IN_EVERY_MARKET
def test_killed_after_the_customer_approved_before_the_kiosk_saw_it(sim, tmp_path, api, paths, country):
    ledger_file = tmp_path / "ledger.sqlite3"
    sim.fault(path=paths.details, status=503)  # the kiosk cannot see the approval before it dies
    driver = _start_driver(sim, ledger_file, api, country=country)
    _wait(lambda: len(sim.records()) == 1, "the payment")
    _force_approve(sim, api, country=country)
    assert [p.state for p in sim.records().values()] == ["RESERVED"]
    _kill(driver)
    sim.clear_faults()
    _restart_and_check(sim, ledger_file, api, country=country)
    (payment,) = sim.records().values()
    assert payment.state == "CAPTURED"  # the customer paid: the sale is captured, once


def test_killed_after_the_card_was_refused_before_the_kiosk_saw_it(sim, tmp_path, api, paths):
    ledger_file = tmp_path / "ledger.sqlite3"
    sim.fault(path=paths.details, status=503)  # the kiosk cannot see the refusal before it dies
    driver = _start_driver(sim, ledger_file, api, amount=REFUSED_CARD)
    _wait(lambda: len(sim.records()) == 1, "the payment")
    _force_approve(sim, api)
    (payment,) = sim.records().values()
    assert payment.refusal_id is not None
    # PSP: the refusal ends the payment. ePayment: it stays open, for another card the customer might pick.
    assert payment.state == ("FAILED" if api == "psp" else "WAITING")
    _kill(driver)
    sim.clear_faults()
    _restart_and_check(sim, ledger_file, api, amount=REFUSED_CARD)
    _assert_refused_and_closed(sim, ledger_file)


# ePayment only. A refused card leaves an ePayment payment open (CREATED) for another card, so the kiosk cancels
# it as it reads the refusal. PSP has no such phase: its refusal ends the payment at Vipps, and the kiosk sends
# nothing after it.
@pytest.mark.parametrize("api", ["epayment"])
@pytest.mark.parametrize("cancel_landed", [False, True])
def test_killed_while_ending_a_refused_cards_payment(sim, tmp_path, api, paths, cancel_landed):
    ledger_file = tmp_path / "ledger.sqlite3"
    if cancel_landed:
        sim.fault(path=paths.cancel, delay_s=30, count=1)  # terminated at Vipps, answer never arrives
    else:
        sim.fault(path=paths.cancel, status=503, delay_s=30, count=1)  # held before Vipps sees it
    driver = _start_driver(sim, ledger_file, api, amount=REFUSED_CARD)
    _wait(lambda: len(sim.records()) == 1, "the payment")
    _force_approve(sim, api)
    _wait(lambda: sim.faults() == [], "the kiosk's cancel of the refused card's payment")
    if cancel_landed:
        _wait(lambda: [p.state for p in sim.records().values()] == ["CANCELLED"], "the cancel applied")
    else:
        assert [p.state for p in sim.records().values()] == ["WAITING"]
    assert _attempt_states(ledger_file) == ["PENDING"]  # the kiosk had not yet recorded the refusal
    _kill(driver)
    sim.clear_faults()
    _restart_and_check(sim, ledger_file, api, amount=REFUSED_CARD)
    _assert_refused_and_closed(sim, ledger_file)


@IN_EVERY_MARKET
@pytest.mark.parametrize("capture_landed", [False, True])
def test_killed_while_capturing(sim, tmp_path, api, paths, capture_landed, country):
    ledger_file = tmp_path / "ledger.sqlite3"
    if capture_landed:
        sim.fault(path=paths.capture, delay_s=30, count=1)  # captured at Vipps, answer never arrives
    else:
        sim.fault(path=paths.capture, status=503, delay_s=30, count=1)  # held before Vipps sees it
    driver = _start_driver(sim, ledger_file, api, country=country)
    _wait(lambda: len(sim.records()) == 1, "the payment")
    _force_approve(sim, api, country=country)
    _wait(lambda: _attempt_states(ledger_file) == ["RESERVED"] and sim.faults() == [], "the capture under way")
    if capture_landed:
        _wait(lambda: [p.captured for p in sim.records().values()] == [AMOUNT], "the capture applied")
    else:
        assert [p.captured for p in sim.records().values()] == [0]
    _kill(driver)
    sim.clear_faults()
    _restart_and_check(sim, ledger_file, api, country=country)
    (payment,) = sim.records().values()
    assert payment.captured == AMOUNT


@IN_EVERY_MARKET
def test_killed_while_cancelling_a_superseded_attempt_then_the_old_one_is_approved(sim, tmp_path, api, paths, country):
    ledger_file = tmp_path / "ledger.sqlite3"
    sim.fault(path=paths.cancel, status=503, delay_s=30, count=1)  # the QR cancel hangs
    driver = _start_driver(sim, ledger_file, api, mode="phone", country=country)  # then the market's number
    _wait(lambda: _attempt_states(ledger_file) == ["CANCELLING", "PENDING"], "the superseding")
    _kill(driver)
    sim.clear_faults()
    _force_approve(sim, api, which=0, country=country)  # the old QR code, approved while the kiosk was down
    _restart_and_check(sim, ledger_file, api, country=country)
    with Ledger.open(ledger_file) as ledger:
        (qr, pushed) = ledger.attempts_of(1)
    assert [qr.state, pushed.state] == ["REVERSED", "CANCELLED"]
    records = sim.records()
    assert records[qr.psp_transaction_id].reservations == 1  # it really was approved, and released
    assert records[qr.psp_transaction_id].state == "CANCELLED"


def test_killed_after_the_sale_was_paid(sim, tmp_path, api):
    ledger_file = tmp_path / "ledger.sqlite3"
    driver = _start_driver(sim, ledger_file, api)
    _wait(lambda: len(sim.records()) == 1, "the payment")
    _force_approve(sim, api)
    _wait(lambda: _attempt_states(ledger_file) == ["CAPTURED"], "the capture")
    _kill(driver)
    _restart_and_check(sim, ledger_file, api)


def _assert_refused_and_closed(sim: SimControl, ledger_file: Path) -> None:
    """The sale ended as refused, and the refused card's payment can take no other card."""
    with Ledger.open(ledger_file) as ledger:
        (sale,) = ledger.sales()
        assert (sale.state, sale.outcome) == ("NOT_PAID", "REFUSED")
        assert [a.state for a in ledger.attempts_of(sale.id)] == ["REFUSED"]
    (payment,) = sim.records().values()
    assert payment.state in ("FAILED", "CANCELLED")
    assert payment.reservations == 0


def _force_approve(sim: SimControl, api: str, which: int = -1, country: str = "NO") -> None:
    """The customer approves, in the order their payments were made (`which`), as Vipps' test environment lets
    a merchant do through its API; a customer of the market (in Norway 48123456, not the pushed 91234567)."""
    payment = sorted(sim.records().values(), key=lambda p: p.raw["createdAt"])[which]
    token = payment.raw["landingUrl"].split("token=")[1]
    market = CASES[country].market
    phone = "48123456" if country == "NO" else CASES[country].typed_phone
    with make_provider(_settings(sim, api, country), retry=FAST_RETRY, market=market) as provider:
        provider.force_approve(payment.reference, phone, token)
