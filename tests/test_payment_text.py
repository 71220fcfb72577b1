"""What Vipps shows the customer (in their app) and the merchant (portal, settlement reports) for a payment:
always the shop's order id, then the staff's own text, within the API's length limit."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.checkout.payment_text import PAYMENT_TEXT_MAX, payment_text
from kiosk.checkout.providers_by_api import make_provider
from kiosk.checkout.session import SaleSession
from kiosk.domain.ids import MERCHANT_ORDER_ID
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import KioskSettings
from tests.conftest import FAST_RETRY
from tests.vipps_apis import API_NAMES

ORDER_ID = "kiosk-20261201-154200-a1b2c3"


def _text_at_vipps(sim, ledger, api: str, staff_text: str) -> tuple[str, str]:
    """Start one payment through `api`; (the order id the ledger gave it, the text the simulator holds)."""
    vipps = demo_vipps_settings(sim.base_url, api=api)
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        session = SaleSession.begin(provider, ledger, vipps, KioskSettings(), 14950, staff_text)
        session.start_attempt()
        (attempt,) = ledger.attempts_of(session.sale_id)
        session.cancel()
    return attempt.merchant_order_id, sim.payment(attempt.psp_transaction_id)["paymentText"]


@pytest.mark.parametrize("api", API_NAMES)
def test_vipps_shows_the_order_id_and_the_staff_text(sim, ledger, api):
    order_id, shown = _text_at_vipps(sim, ledger, api, "Kaffe og bolle")
    assert shown == f"#{order_id}: Kaffe og bolle"


@pytest.mark.parametrize("api", API_NAMES)
def test_without_a_staff_text_vipps_shows_the_order_id(sim, ledger, api):
    order_id, shown = _text_at_vipps(sim, ledger, api, "")
    assert shown == f"#{order_id}"


@pytest.mark.parametrize("api", API_NAMES)
def test_a_long_staff_text_is_shortened_and_the_order_id_kept(sim, ledger, api):
    order_id, shown = _text_at_vipps(sim, ledger, api, "Smørbrød med reker " * 6)
    assert shown.startswith(f"#{order_id}: Smørbrød med reker")
    assert shown.endswith("…")
    assert len(shown) == PAYMENT_TEXT_MAX


# Any order id the PSP API allows, of two characters or more (the kiosk's own have 28: kiosk-YYYYMMDD-HHMMSS-xxxxxx).
@given(order_id=st.from_regex(r"[a-zA-Z0-9-]{2,50}", fullmatch=True), staff=st.text(max_size=300))
def test_any_staff_text_fits_both_apis_and_never_cuts_the_order_id(order_id, staff):
    text = payment_text(order_id, staff)
    # ePayment's paymentDescription is 3 to 100 characters; the PSP API's paymentText at most 100.
    assert 3 <= len(text) <= PAYMENT_TEXT_MAX
    assert text == f"#{order_id}" or text.startswith(f"#{order_id}: ")
    assert text == text.strip()
    assert "\n" not in text
    assert MERCHANT_ORDER_ID.fullmatch(order_id)


def test_the_text_is_the_staffs_own_when_it_fits():
    assert payment_text(ORDER_ID, "  Kaffe   og\tbolle ") == f"#{ORDER_ID}: Kaffe og bolle"
    assert payment_text(ORDER_ID, None) == f"#{ORDER_ID}"
