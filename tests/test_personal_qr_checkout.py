"""A customer's personal QR at the checkout, headless: real providers, the real simulator, a real SQLite ledger.

The scan supersedes the QR payment the way a typed number does; PSP v3 has no such field and says so in one
line; a code Vipps does not know leaves the QR payment working."""

from __future__ import annotations

import pytest

from kiosk.checkout.providers_by_api import make_provider
from kiosk.checkout.session import SaleSession
from kiosk.checkout.states import AttemptState, Outcome, SaleState
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import KioskSettings
from tests.conftest import FAST_RETRY

KIOSK = KioskSettings(poll_start_delay_s=0, poll_interval_s=0.05, landing_window_s=300, approval_window_s=600)
PHONE = "41234567"
NEEDS_EPAYMENT = 'Scanning a customer\'s code needs the ePayment API ([vipps] api = "epayment").'


def session_on(api: str, sim, ledger) -> tuple[SaleSession, object]:
    vipps = demo_vipps_settings(sim.base_url, api=api)
    provider = make_provider(vipps, retry=FAST_RETRY)
    return SaleSession.begin(provider, ledger, vipps, KIOSK, 14950, "Kaffe", shop_name="Kaffebaren"), provider


def code_of(sim, phone: str = PHONE) -> str:
    return sim.http.get("/_sim/personal-qr", params={"phone": phone}).json()["personalQr"]


def app_requests(sim, phone: str = PHONE) -> list[dict]:
    return sim.http.get("/_sim/app/requests", params={"phone": phone}).json()


def test_a_scanned_code_pushes_to_that_customer_and_cancels_the_qr_payment(sim, ledger):
    session, provider = session_on("epayment", sim, ledger)
    with provider:
        qr = session.start_attempt()
        pushed = session.start_attempt(personal_qr=code_of(sim))
        assert pushed.attempt.channel == "PERSONAL_QR"
        assert pushed.attempt.landing_url is None
        assert pushed.attempt.phone_masked is None  # the kiosk never learns the number behind the code
        assert pushed.attempt.landing_s == 0  # straight to the app
        states = [a.state for a in ledger.attempts_of(session.sale_id)]
        assert states == [AttemptState.CANCELLED, AttemptState.PENDING]
        assert sim.epayment(qr.attempt.psp_transaction_id)["state"] == "TERMINATED"
        (request,) = app_requests(sim)
        assert (
            request["paymentText"] == f"Kaffebaren #{ledger.attempts_of(session.sale_id)[1].merchant_order_id}: Kaffe"
        )
        answer = sim.http.post(
            "/_sim/app/respond",
            json={"pspTransactionId": request["pspTransactionId"], "phone": PHONE, "action": "approve"},
        )
        assert answer.status_code == 200
        tx = pushed.attempt.psp_transaction_id
        update = session.observe(tx, provider.read(tx))
        assert (update.sale_state, update.outcome) == (SaleState.PAID, Outcome.PAID)
        assert sim.epayment(tx)["capturedAmount"] == 14950
        assert sum(p["capturedAmount"] for p in sim.payments()) == 14950  # once


def test_on_psp_a_scan_is_refused_in_one_line_and_the_qr_payment_stays(sim, ledger):
    session, provider = session_on("psp", sim, ledger)
    with provider:
        session.start_attempt()
        update = session.start_attempt(personal_qr=code_of(sim))
        assert str(update.message) == NEEDS_EPAYMENT
        assert update.attempt is None
        assert [a.state for a in ledger.attempts_of(session.sale_id)] == [AttemptState.PENDING]
        assert app_requests(sim) == []


def test_a_code_vipps_does_not_know_leaves_the_qr_payment_working(sim, ledger):
    session, provider = session_on("epayment", sim, ledger)
    with provider:
        session.start_attempt()
        update = session.start_attempt(personal_qr="https://qr.vipps.no/p/nobody-has-this-one")
        assert update.outcome is None
        assert str(update.message).startswith("Vipps refused that: ")
        assert [a.state for a in ledger.attempts_of(session.sale_id)] == [
            AttemptState.PENDING,
            AttemptState.INIT_FAILED,
        ]


@pytest.mark.parametrize("code", ["abcd", "x" * 256, "https://qr.vipps.no/p/a\tb"])
def test_text_that_is_no_personal_qr_is_refused_before_vipps_is_asked(sim, ledger, code):
    session, provider = session_on("epayment", sim, ledger)
    with provider:
        session.start_attempt()
        update = session.start_attempt(personal_qr=code)
        assert str(update.message) == "That is not a customer's Vipps code."
        assert len(ledger.attempts_of(session.sale_id)) == 1
        assert len(sim.payments()) == 1
