"""Kill the kiosk (SIGKILL, a real process) at each phase of a sale, start again, and check that nothing is lost
and nothing is charged twice: the ledger and the simulator agree, and every attempt ends in a final state."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.checkout.psp_provider import PspProvider
from kiosk.checkout.recovery import recover
from kiosk.checkout.states import FINAL_ATTEMPT_STATES
from kiosk.config import KioskSettings, VippsSettings
from kiosk.ledger import Ledger
from kiosk.vipps import VippsClient
from tests.conftest import FAST_RETRY
from tests.helpers import SimControl

ROOT = Path(__file__).resolve().parents[2]
AMOUNT = 14950


_drivers: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def no_driver_outlives_its_test():
    yield
    while _drivers:
        driver = _drivers.pop()
        if driver.poll() is None:
            driver.kill()
            driver.wait(timeout=10)


def _start_driver(sim: SimControl, ledger_file: Path, mode: str = "qr") -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    driver = subprocess.Popen(
        [sys.executable, "-m", "tests.recovery.sale_driver", sim.base_url, str(ledger_file), str(AMOUNT), mode],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,  # nobody reads them: a full pipe must never block the driver
        stderr=subprocess.DEVNULL,
    )
    _drivers.append(driver)
    return driver


def _wait(condition: Callable[[], bool], what: str, timeout_s: float = 15) -> None:
    import threading
    import time

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


def _restart_and_check(sim: SimControl, ledger_file: Path) -> None:
    """What start-up does, then the promises: one true state per sale, at most one charge, ledger == Vipps."""
    vipps = VippsSettings.for_simulator(sim.base_url)
    with Ledger.open(ledger_file) as ledger, VippsClient(vipps, retry=FAST_RETRY) as client:
        report = recover(PspProvider(client, vipps), ledger, vipps, KioskSettings())
        assert report.needs_check == []
        recover(PspProvider(client, vipps), ledger, vipps, KioskSettings())  # a second start changes nothing
        (sale,) = ledger.sales()
        attempts = ledger.attempts_of(sale.id)
        assert all(a.state in FINAL_ATTEMPT_STATES for a in attempts), [a.state for a in attempts]
        at_vipps = {p["pspTransactionId"]: p for p in sim.payments()}
        captured = sum(p["capturedAmount"] for p in at_vipps.values())
        assert captured in (0, AMOUNT)
        assert (sale.state == "PAID") == (captured == AMOUNT)
        for attempt in attempts:
            payment = at_vipps.get(attempt.psp_transaction_id)
            if attempt.state == "CAPTURED":
                assert payment["state"] == "CAPTURED"
            elif payment is not None:
                assert payment["capturedAmount"] == 0
                assert payment["state"] in ("CANCELLED", "FAILED"), payment["state"]


def test_killed_while_init_is_under_way_after_vipps_created_the_payment(sim, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    sim.fault(path="/init$", delay_s=30, count=1)  # Vipps has it; the answer never comes
    driver = _start_driver(sim, ledger_file)
    _wait(lambda: len(sim.payments()) == 1 and _attempt_states(ledger_file) == ["CREATED"], "the payment")
    _kill(driver)
    sim.clear_faults()
    _restart_and_check(sim, ledger_file)


def test_killed_while_init_is_under_way_before_vipps_saw_it(sim, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    sim.fault(path="/init$", status=503, delay_s=30, count=1)  # the request is held before Vipps sees it
    driver = _start_driver(sim, ledger_file)
    _wait(lambda: _attempt_states(ledger_file) == ["CREATED"], "the recorded attempt")
    _kill(driver)
    sim.clear_faults()
    _restart_and_check(sim, ledger_file)
    with Ledger.open(ledger_file) as ledger:
        assert [a.state for a in ledger.attempts_of(1)] == ["INIT_FAILED"]


def test_killed_while_waiting_for_the_customer(sim, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    driver = _start_driver(sim, ledger_file)
    _wait(lambda: _attempt_states(ledger_file) == ["PENDING"], "the waiting payment")
    _kill(driver)
    _restart_and_check(sim, ledger_file)
    assert sim.payments()[0]["state"] == "CANCELLED"  # nobody can pay a screen that is gone


def test_killed_after_the_customer_approved_before_the_kiosk_saw_it(sim, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    sim.fault(path="/details$", status=503)  # the kiosk cannot see the approval before it dies
    driver = _start_driver(sim, ledger_file)
    _wait(lambda: len(sim.payments()) == 1, "the payment")
    _force_approve(sim)
    _kill(driver)
    sim.clear_faults()
    _restart_and_check(sim, ledger_file)
    assert sim.payments()[0]["state"] == "CAPTURED"  # the customer paid: the sale is captured, once


@pytest.mark.parametrize("capture_landed", [False, True])
def test_killed_while_capturing(sim, tmp_path, capture_landed):
    ledger_file = tmp_path / "ledger.sqlite3"
    if capture_landed:
        sim.fault(path="updatestatus", delay_s=30, count=1)  # captured at Vipps, answer never arrives
    else:
        sim.fault(path="updatestatus", status=503, delay_s=30, count=1)  # held before Vipps sees it
    driver = _start_driver(sim, ledger_file)
    _wait(lambda: len(sim.payments()) == 1, "the payment")
    _force_approve(sim)
    _wait(lambda: _attempt_states(ledger_file) == ["RESERVED"], "the reservation in the ledger")
    _kill(driver)
    sim.clear_faults()
    _restart_and_check(sim, ledger_file)
    assert sim.payments()[0]["capturedAmount"] == AMOUNT


def test_killed_while_cancelling_a_superseded_attempt_then_the_old_one_is_approved(sim, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    sim.fault(path="updatestatus", status=503, delay_s=30, count=1)  # the QR cancel hangs
    driver = _start_driver(sim, ledger_file, mode="phone")
    _wait(lambda: _attempt_states(ledger_file) == ["CANCELLING", "PENDING"], "the superseding")
    _kill(driver)
    sim.clear_faults()
    _force_approve(sim, which=0)  # the old QR code, approved while the kiosk was down
    _restart_and_check(sim, ledger_file)
    with Ledger.open(ledger_file) as ledger:
        assert [a.state for a in ledger.attempts_of(1)] == ["REVERSED", "CANCELLED"]


def test_killed_after_the_sale_was_paid(sim, tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    driver = _start_driver(sim, ledger_file)
    _wait(lambda: len(sim.payments()) == 1, "the payment")
    _force_approve(sim)
    _wait(lambda: _attempt_states(ledger_file) == ["CAPTURED"], "the capture")
    _kill(driver)
    _restart_and_check(sim, ledger_file)


def _force_approve(sim: SimControl, which: int = -1) -> None:
    payment = sorted(sim.payments(), key=lambda p: p["createdAt"])[which]
    token = payment["landingUrl"].split("token=")[1]
    with VippsClient(VippsSettings.for_simulator(sim.base_url), retry=FAST_RETRY) as client:
        client.force_approve(payment["pspTransactionId"], "48123456", token)
