"""The sale's session on the real provider, client and simulator over loopback, where what matters is what an
API says on the wire: its words for a refused card, a garbled or dropped answer, the PSP's makePaymentUrl check.
The rules themselves run on Vipps in memory (tests/test_checkout_session.py); the main paths on both APIs over
loopback are in tests/test_checkout_providers.py.

They run on the API KIOSK_TEST_API names (PSP by default).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.checkout.psp_provider import PspProvider
from kiosk.checkout.states import AttemptState, Outcome, SaleState
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import VippsSettings
from tests.conftest import FAST_RETRY
from tests.helpers import FAULT_PATHS, SimControl, approve
from tests.sessions import PHONE, attempt_states, new_session, poll


@pytest.fixture
def path(vipps_settings: VippsSettings) -> dict[str, str]:
    """Where this API's calls go, for fault rules: path["read"], path["capture"], ..."""
    return FAULT_PATHS[vipps_settings.api]


def _captured_at_vipps(sim: SimControl) -> int:
    return sum(p["capturedAmount"] for p in sim.payments())


def test_a_qr_payment_approved_is_captured_and_the_sale_paid(provider, vipps_settings, ledger, sim):
    session = new_session(provider, ledger, vipps_settings)
    started = session.start_attempt()
    assert started.attempt.landing_url.startswith(sim.base_url)
    approve(provider, started.attempt, PHONE)
    update = poll(session, provider, started.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome) == (SaleState.PAID, Outcome.PAID)
    assert attempt_states(ledger, session) == [AttemptState.CAPTURED]
    assert _captured_at_vipps(sim) == 14950


# The ePayment API says that a card was refused, never why; the PSP tells the kiosk the PSP's reason.
CARD_REFUSED = {"epayment": "The card was refused."}


@pytest.mark.parametrize(
    ("amount", "action", "outcome", "psp_reason"),
    [
        (14950, "reject", Outcome.REJECTED, "The customer rejected the payment in Vipps."),
        (3100, "approve", Outcome.REFUSED, "Card not eligible for this payment"),
        (4400, "approve", Outcome.REFUSED, "The card has expired."),
    ],
)
def test_failures_end_the_sale_with_the_reason_in_plain_words(
    provider, vipps_settings, ledger, sim, amount, action, outcome, psp_reason
):
    session = new_session(provider, ledger, vipps_settings, amount=amount)
    pushed = session.start_attempt(PHONE)
    sim.respond(pushed.attempt.psp_transaction_id, PHONE, action)
    update = poll(session, provider, pushed.attempt.psp_transaction_id)
    reason = CARD_REFUSED.get(vipps_settings.api, psp_reason) if outcome is Outcome.REFUSED else psp_reason
    assert (update.sale_state, update.outcome, str(update.message)) == (SaleState.NOT_PAID, outcome, reason)
    assert _captured_at_vipps(sim) == 0


def test_an_init_refused_by_vipps_ends_the_sale_as_not_started(client, ledger, sim):
    # The PSP API's own field, on the PSP API whatever KIOSK_TEST_API says.
    broken = replace(demo_vipps_settings(sim.base_url, api="psp"), make_payment_url="nonsense")
    session = new_session(PspProvider(client, broken), ledger, broken)
    update = session.start_attempt()
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.NOT_STARTED)
    assert "invalid makePaymentUrl" in str(update.message)


def test_a_garbled_init_answer_is_watched_and_recovered_not_forgotten(provider, vipps_settings, ledger, sim, path):
    session = new_session(provider, ledger, vipps_settings)
    sim.fault(path=path["start"], malformed=True, count=1)
    update = session.start_attempt()
    assert update.outcome is Outcome.NO_ANSWER
    assert attempt_states(ledger, session) == [AttemptState.UNKNOWN]
    recovered = session.retry_pending_writes()
    assert recovered.attempt.landing_url == sim.payments()[0]["landingUrl"]
    assert attempt_states(ledger, session) == [AttemptState.PENDING]


def test_a_capture_whose_answer_is_lost_is_read_back_from_details(provider, vipps_settings, ledger, sim, path):
    session = new_session(provider, ledger, vipps_settings)
    started = session.start_attempt()
    approve(provider, started.attempt, PHONE)
    sim.fault(path=path["capture"], drop=True, count=FAST_RETRY.attempts)  # applied at Vipps, answer lost
    paid = poll(session, provider, started.attempt.psp_transaction_id)
    assert (paid.sale_state, attempt_states(ledger, session)) == (SaleState.PAID, [AttemptState.RESERVED])
    settled = poll(session, provider, started.attempt.psp_transaction_id)
    assert (settled.sale_state, settled.pending_writes) == (SaleState.PAID, False)
    assert attempt_states(ledger, session) == [AttemptState.CAPTURED]
    assert _captured_at_vipps(sim) == 14950
