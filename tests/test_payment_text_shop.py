"""Section 3 of issue 15: what Vipps shows always names the shop, then the order id, then the staff's text, within
each API's limit (ePayment's paymentDescription 3 to 100 characters; PSP's paymentText held to the same)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.checkout.payment_text import PAYMENT_TEXT_MAX, payment_text
from kiosk.checkout.providers_by_api import make_provider
from kiosk.checkout.session import SaleSession
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import KioskSettings
from tests.conftest import FAST_RETRY
from tests.vipps_apis import API_NAMES

ORDER_ID = "kiosk-20261201-154200-a1b2c3"


def test_the_shop_comes_first():
    assert payment_text(ORDER_ID, "Kaffe og bolle", "Kaffebaren") == f"Kaffebaren #{ORDER_ID}: Kaffe og bolle"
    assert payment_text(ORDER_ID, "", "Kaffebaren") == f"Kaffebaren #{ORDER_ID}"
    assert payment_text(ORDER_ID, "Kaffe", "  Kaffe\tbaren \n") == f"Kaffe baren #{ORDER_ID}: Kaffe"
    assert payment_text(ORDER_ID, "Kaffe") == f"#{ORDER_ID}: Kaffe"  # no name set: as before


@given(shop=st.text(max_size=60), staff=st.text(max_size=100))
def test_the_order_id_is_always_whole_and_the_text_within_the_limit(shop, staff):
    text = payment_text(ORDER_ID, staff, shop)
    assert 3 <= len(text) <= PAYMENT_TEXT_MAX
    assert f"#{ORDER_ID}" in text
    name = " ".join(shop.split())
    if name and len(name) <= 20:
        assert text.startswith(f"{name} #{ORDER_ID}")  # a name of ordinary length is never cut


def test_a_long_name_and_a_long_text_share_the_room_and_say_they_were_cut():
    shop, staff = "S" * 60, "T" * 100
    text = payment_text(ORDER_ID, staff, shop)
    assert len(text) == PAYMENT_TEXT_MAX
    assert f"#{ORDER_ID}: " in text
    assert text.endswith("…")


@pytest.mark.parametrize("api", API_NAMES)
def test_vipps_shows_the_shops_name_with_the_order(sim, ledger, api):
    vipps = demo_vipps_settings(sim.base_url, api=api)
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        session = SaleSession.begin(provider, ledger, vipps, KioskSettings(), 14950, "Kaffe", shop_name="Kaffebaren")
        session.start_attempt()
        (attempt,) = ledger.attempts_of(session.sale_id)
        session.cancel()
    shown = sim.payment(attempt.psp_transaction_id)["paymentText"]
    assert shown == f"Kaffebaren #{attempt.merchant_order_id}: Kaffe"
