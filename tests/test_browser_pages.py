"""The landing page and the simulated app, in a real headless chromium against the simulator."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kiosk.settings.model import VippsSettings
from kiosk.vipps.client import VippsClient
from kiosk.vipps.models import Operation
from tests.conftest import FAST_RETRY
from tests.helpers import start_payment

pytestmark = pytest.mark.browser


def _history(client, tx):
    return [(e.operation, e.operation_success) for e in client.details(tx).transaction_log_history]


def test_paying_through_the_landing_page_and_the_app(page, client, vipps_settings, sim):
    started = start_payment(client, vipps_settings, amount=14950)
    page.goto(started.vipps_redirect_url)
    expect(page.locator("#amount")).to_have_text(re.compile(r"149,50\s?kr"))
    expect(page.locator("#merchant")).to_have_text("Demo Kiosk Shop")
    expect(page.locator("#landing-countdown")).to_have_text(re.compile(r"^[45]:\d\d$"))

    page.fill("#phone", "91234567")
    page.check("#remember")
    page.click("#next")
    expect(page.locator("#waiting")).to_be_visible()
    expect(page.locator("#countdown")).to_have_text(re.compile(r"^[45]:\d\d$"))
    first = page.locator("#countdown").inner_text()
    expect(page.locator("#countdown")).not_to_have_text(first)  # it counts down, live

    app = page.context.new_page()
    assert page.locator("#open-vipps").get_attribute("href") == "/_sim/app?phone=91234567"
    app.goto(sim.base_url + "/_sim/app?phone=91234567")
    expect(app.locator(".request .amount")).to_have_text(re.compile(r"149,50\s?kr"))
    app.get_by_role("button", name="Pay").click()
    expect(app.locator("#result")).to_have_text(re.compile("Paid 149,50"))

    expect(page.locator("#outcome")).to_have_text("Payment approved")
    assert _history(client, started.psp_transaction_id) == [(Operation.RESERVED, True)]


def test_the_landing_page_validates_the_number_in_place(page, client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    page.goto(started.vipps_redirect_url)
    for bad in ("1234", "9123456x", "９１２３４５６７"):
        page.fill("#phone", bad)
        page.click("#next")
        expect(page.locator("#phone-error")).to_have_text(re.compile("8 digits"))
    expect(page.locator("#entry")).to_be_visible()
    assert sim.payment(started.psp_transaction_id)["stage"] == "AWAITING_PHONE"


def test_a_remembered_number_is_filled_in_next_time(page, client, vipps_settings, sim):
    first = start_payment(client, vipps_settings)
    page.goto(first.vipps_redirect_url)
    page.fill("#phone", "48123456")
    page.check("#remember")
    page.click("#next")
    expect(page.locator("#waiting")).to_be_visible()
    second = start_payment(client, vipps_settings)
    page.goto(second.vipps_redirect_url)
    expect(page.locator("#phone")).to_have_value("48123456")


def test_rejecting_in_the_app_shows_cancelled_on_the_landing_page(page, client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    page.goto(started.vipps_redirect_url)
    page.fill("#phone", "91234567")
    page.click("#next")
    app = page.context.new_page()
    app.goto(f"{sim.base_url}/_sim/app?phone=91234567")
    app.get_by_role("button", name="Reject").click()
    expect(app.locator("#result")).to_have_text("You rejected the payment")
    expect(page.locator("#outcome")).to_have_text("The payment was cancelled")
    assert _history(client, started.psp_transaction_id) == [(Operation.RESERVED, False)]


def test_a_card_refused_by_the_psp_shows_failed_with_the_reason(page, client, vipps_settings, sim):
    started = start_payment(
        client, vipps_settings, amount=4400, customer_mobile_number="91234567", skip_landing_page=True
    )
    page.goto(f"{sim.base_url}/_sim/app?phone=91234567")
    page.get_by_role("button", name="Pay").click()
    expect(page.locator("#result")).to_have_text("Payment failed: Expired card")
    page.goto(started.vipps_redirect_url)
    expect(page.locator("#outcome")).to_have_text("The payment failed")
    expect(page.locator("#outcome-detail")).to_have_text("Expired card")


def test_the_landing_page_shows_expiry(page, short_windows):
    settings = VippsSettings.for_simulator(short_windows.base_url)
    with VippsClient(settings, retry=FAST_RETRY) as client:
        started = start_payment(client, settings)
        page.goto(started.vipps_redirect_url)
        expect(page.locator("#outcome")).to_have_text("The payment expired")
        assert _history(client, started.psp_transaction_id) == [(Operation.RESERVED, False)]


def test_an_unknown_landing_token_says_so(page, sim):
    page.goto(f"{sim.base_url}/_sim/landing?token=nonsense")
    expect(page.locator("#invalid")).to_be_visible()


def test_the_app_page_asks_for_a_valid_number(page, sim):
    page.goto(f"{sim.base_url}/_sim/app?phone=12")
    expect(page.locator("#bad-phone")).to_be_visible()
