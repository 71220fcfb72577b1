"""The landing page and the simulated app, in a real headless chromium against the simulator."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from kiosk.settings.demo import demo_vipps_settings
from kiosk.simulator.demo import DEMO_SALES_UNITS
from kiosk.vipps.client import VippsClient
from kiosk.vipps.models import Operation
from tests.conftest import FAST_RETRY
from tests.helpers import start_payment
from tests.test_simulator_markets import UnitClient

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
    settings = demo_vipps_settings(short_windows.base_url)
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


# ---- MobilePay's markets (issue 16): the pages learn the market from the payment ------------------------------


def test_a_danish_payment_is_mobilepay_in_danish_and_is_approved_in_the_app(page, sim):
    dk = UnitClient(sim.base_url, DEMO_SALES_UNITS["DK"])
    created = dk.create(4995, userFlow="WEB_REDIRECT", returnUrl="https://shop.example/done").json()
    page.goto(created["redirectUrl"])
    expect(page.locator("#brand")).to_have_text("MobilePay")
    expect(page.locator("#amount")).to_have_text(re.compile(r"^49,95\skr\.$"))
    expect(page.locator("#merchant")).to_have_text("Demo Butik")
    expect(page.locator("#entry-title")).to_have_text("Indtast dit mobilnummer")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    assert page.locator("header").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(90, 120, 255)"

    page.get_by_role("button", name="English").click()  # the language switch: Danish and English
    expect(page.locator("#entry-title")).to_have_text("Enter your mobile number")
    page.get_by_role("button", name="Dansk").click()
    expect(page.locator("#next")).to_have_text("Næste")

    page.fill("#phone", "2123456")
    page.click("#next")
    expect(page.locator("#phone-error")).to_have_text("Indtast de 8 cifre i dit danske mobilnummer.")
    page.fill("#phone", "21 23 45 67")
    page.click("#next")
    expect(page.locator("#waiting")).to_be_visible()
    expect(page.locator("#waiting")).to_contain_text("Godkend betalingen i MobilePay")
    assert page.locator("#open-vipps").get_attribute("href") == "/_sim/app?phone=4521234567"

    app = page.context.new_page()
    app.goto(sim.base_url + "/_sim/app?phone=4521234567")
    expect(app.locator("header")).to_contain_text("MobilePay-appen")
    expect(app.locator("#who")).to_have_text("+45 21 23 45 67")
    expect(app.locator(".request .amount")).to_have_text(re.compile(r"^49,95\skr\.$"))
    app.get_by_role("button", name="Betal").click()
    expect(app.locator("#result")).to_have_text(re.compile(r"^Betalt 49,95\skr\. til Demo Butik$"))

    expect(page.locator("#outcome")).to_have_text("Betalingen er godkendt")
    assert dk.get(created["reference"])["state"] == "AUTHORIZED"
    dk.http.close()


def test_a_finnish_payment_shows_euros_in_finnish_and_is_approved_in_the_app(page, sim):
    fi = UnitClient(sim.base_url, DEMO_SALES_UNITS["FI"])
    created = fi.create(495).json()
    page.goto(created["redirectUrl"])
    expect(page.locator("#brand")).to_have_text("MobilePay")
    expect(page.locator("#amount")).to_have_text(re.compile(r"^4,95\s€$"))
    expect(page.locator("#entry-title")).to_have_text("Syötä puhelinnumerosi")
    expect(page.locator("#calling-code")).to_have_text("+358")
    page.fill("#phone", "040 1234567")
    page.click("#next")
    expect(page.locator("#waiting")).to_be_visible()
    expect(page.locator("#waiting")).to_contain_text("Hyväksy maksu MobilePay-sovelluksessa")

    app = page.context.new_page()
    app.goto(sim.base_url + "/_sim/app?phone=358401234567")
    expect(app.locator(".request .amount")).to_have_text(re.compile(r"^4,95\s€$"))
    app.get_by_role("button", name="Maksa").click()
    expect(app.locator("#result")).to_have_text(re.compile(r"^Maksoit 4,95\s€ saajalle Demo Kauppa$"))
    expect(page.locator("#outcome")).to_have_text("Maksu hyväksytty")
    assert fi.get(created["reference"])["state"] == "AUTHORIZED"
    fi.http.close()
