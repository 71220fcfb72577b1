"""The counter screen with the ePayment API behind it (`api = "epayment"`): the same screens, the same outcomes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.settings.demo import demo_vipps_settings
from kiosk.vipps.epayment import RATE_LIMITS, RateLimit
from tests.gui.steps import charge, open_requests, type_phone, wait_outcome
from tests.vipps_apis import EPAYMENT_PATHS


@pytest.fixture
def window(make_window, sim):
    return make_window(replace(demo_vipps_settings(sim.base_url), api="epayment"))


def _captured(sim) -> int:
    return sum(p["capturedAmount"] for p in sim.payments() if p["api"] == "epayment")


def test_paying_by_scanning_the_qr_code(qtbot, window, sim):
    url = charge(qtbot, window, "149,50")
    assert sim.enter_phone(url, "91234567").status_code == 200
    (request,) = open_requests(sim, "91234567")
    sim.respond(request["pspTransactionId"], "91234567", "approve")
    wait_outcome(qtbot, window, "PAID")
    qtbot.waitUntil(lambda: _captured(sim) == 14950)


def test_paying_by_a_typed_phone_number_cancels_the_qr_payment(qtbot, window, sim):
    url = charge(qtbot, window, "200")
    type_phone(qtbot, window, "912 34 567")
    qtbot.waitUntil(lambda: "Sent to ******67" in window.customer_screen.qr_hint.text())
    (qr_payment,) = [p for p in sim.payments() if p["userFlow"] == "QR"]
    assert url.startswith(sim.base_url)
    qtbot.waitUntil(lambda: sim.epayment(qr_payment["reference"])["state"] == "TERMINATED")
    (request,) = open_requests(sim, "91234567")
    sim.respond(request["pspTransactionId"], "91234567", "approve")
    wait_outcome(qtbot, window, "PAID")
    qtbot.waitUntil(lambda: _captured(sim) == 20000)


def test_the_customer_rejects(qtbot, window, sim):
    charge(qtbot, window, "149,50")
    type_phone(qtbot, window, "91234567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)
    sim.respond(open_requests(sim, "91234567")[0]["pspTransactionId"], "91234567", "reject")
    wait_outcome(qtbot, window, "REJECTED")
    assert window.outcome_screen.detail.text() == "The customer rejected the payment in Vipps."
    assert _captured(sim) == 0


def test_saving_the_settings_screen_keeps_the_api(qtbot, sim):
    from kiosk.settings.model import Settings
    from kiosk.settings.paths import config_path
    from kiosk.ui.screens.settings_screen import SettingsScreen

    vipps = replace(demo_vipps_settings(sim.base_url), base_url="https://apitest.vipps.no", api="epayment")
    screen = SettingsScreen(Settings(vipps=vipps), config_path())
    qtbot.addWidget(screen)
    assert screen.raw_settings()["vipps"]["api"] == "epayment"


@pytest.mark.slow  # waits out a hang, an outage or a rate limit it sets up: seconds by design
def test_a_cancel_held_back_by_vipps_rate_limit_never_holds_up_the_sale(qtbot, window, sim, monkeypatch):
    """Vipps allows so many cancels a minute for one ePayment payment, and the client keeps to that. When the
    cancel of the QR payment (superseded by a typed number) keeps failing, its tries use that up; the wait for
    the next must not hold up the sale's worker, or the customer's approval on their phone would go unseen."""
    # Two cancels per 12 s instead of five a minute: a wait of seconds, so the test is short either way.
    monkeypatch.setitem(RATE_LIMITS, "cancel", RateLimit(2, 12.0))
    charge(qtbot, window, "149,50")
    (qr_payment,) = sim.records()
    sim.fault(path=EPAYMENT_PATHS.cancel, status=503, count=1000)  # the QR payment's cancel never gets through
    type_phone(qtbot, window, "91234567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)
    qtbot.waitUntil(lambda: sim.faults()[0]["count"] == 998)  # the two cancels allowed, both failed

    (request,) = open_requests(sim, "91234567")
    sim.respond(request["pspTransactionId"], "91234567", "approve")
    wait_outcome(qtbot, window, "PAID", timeout=6_000)  # seen at once, not after the rate limit's wait (~11 s)
    assert sim.faults()[0]["count"] == 998  # and no cancel was sent beyond what Vipps allows

    sim.clear_faults()
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=20_000)
    assert sim.record(qr_payment).state == "CANCELLED"  # the held-back cancel landed once allowed
    assert _captured(sim) == 14950
