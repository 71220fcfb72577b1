"""The sale's rules, headless, on Vipps in memory (tests/memory_vipps.py) and real SQLite: one charge, ever.

Each runs with both APIs' flags (a capture applied at once, or only accepted and shown by the next read). What
each API says on the wire (its refusal reasons, a garbled or dropped answer, the PSP's makePaymentUrl check) is
tested over loopback against the simulator in tests/test_checkout_session_on_loopback.py.
"""

from __future__ import annotations

import pytest

from kiosk.checkout.provider import PaymentState
from kiosk.checkout.providers_by_api import ProvidersByApi
from kiosk.checkout.recovery import ResumedSale
from kiosk.checkout.states import AttemptState, Outcome, SaleState
from tests.conftest import FAST_RETRY
from tests.memory_vipps import LANDING
from tests.sessions import KIOSK, PHONE, attempt_states, new_session, poll

S = AttemptState


@pytest.fixture
def provider(memory_provider):
    return memory_provider


@pytest.fixture
def vipps(memory_vipps):
    return memory_vipps


@pytest.fixture
def session(provider, ledger, memory_settings):
    return new_session(provider, ledger, memory_settings)


def test_a_qr_payment_approved_is_captured_and_the_sale_paid(session, provider, vipps, ledger):
    started = session.start_attempt()
    assert started.attempt.landing_url.startswith(LANDING)
    assert started.attempt.window_s == pytest.approx(600, abs=1)
    assert started.attempt.landing_s == pytest.approx(300, abs=1)
    assert vipps.approve(started.attempt.psp_transaction_id)
    update = poll(session, provider, started.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome) == (SaleState.PAID, Outcome.PAID)
    assert attempt_states(ledger, session) == [S.CAPTURED]
    assert vipps.captured_ore() == 14950
    assert update.watch == frozenset()
    assert not update.pending_writes


def test_every_step_is_in_the_history_before_and_after_the_network(session, provider, vipps, ledger):
    started = session.start_attempt()
    vipps.approve(started.attempt.psp_transaction_id)
    poll(session, provider, started.attempt.psp_transaction_id)
    steps = [(t.from_state, t.to_state) for t in ledger.history(session.sale_id)]
    assert steps == [
        (None, "OPEN"),
        (None, "CREATED"),
        ("CREATED", "PENDING"),
        ("PENDING", "RESERVED"),
        ("OPEN", "PAID"),
        # PSP: updatestatus only accepts a capture; the details' log then shows it applied. ePayment's capture
        # answer is the payment captured.
        *(
            [("RESERVED", "CAPTURED")]
            if provider.captures_at_once
            else [("RESERVED", "CAPTURE_SENT"), ("CAPTURE_SENT", "CAPTURED")]
        ),
    ]


def test_a_typed_phone_number_supersedes_the_qr_payment(session, provider, vipps, ledger):
    qr = session.start_attempt()
    pushed = session.start_attempt(PHONE)
    assert pushed.attempt.channel == "PHONE"
    assert pushed.attempt.phone_masked == "******67"
    assert pushed.attempt.landing_s == 0
    assert vipps.state_of(qr.attempt.psp_transaction_id) is PaymentState.CANCELLED
    assert vipps.state_of(pushed.attempt.psp_transaction_id) is PaymentState.WAITING
    vipps.approve(pushed.attempt.psp_transaction_id)
    update = poll(session, provider, pushed.attempt.psp_transaction_id)
    assert update.outcome is Outcome.PAID
    assert attempt_states(ledger, session) == [S.CANCELLED, S.CAPTURED]


def test_a_late_approval_of_a_superseded_attempt_is_reversed_and_charged_once(session, provider, vipps, ledger):
    qr = session.start_attempt()
    vipps.fault("cancel", "no_answer", count=1)  # the QR's cancel gets no answer
    pushed = session.start_attempt(PHONE)
    assert attempt_states(ledger, session) == [S.CANCELLING, S.PENDING]
    vipps.approve(qr.attempt.psp_transaction_id)  # the customer scans and approves the old QR code after all
    vipps.approve(pushed.attempt.psp_transaction_id)
    poll(session, provider, pushed.attempt.psp_transaction_id)
    late = poll(session, provider, qr.attempt.psp_transaction_id)
    assert late.outcome is Outcome.PAID
    assert attempt_states(ledger, session) == [S.REVERSED, S.CAPTURED]
    assert vipps.captured_ore() == 14950
    assert vipps.state_of(qr.attempt.psp_transaction_id) is PaymentState.CANCELLED
    assert "approved late; reversing" in [t.note for t in ledger.history(session.sale_id)]


@pytest.mark.parametrize(
    ("answer", "outcome", "reason"),
    [
        ("reject", Outcome.REJECTED, "The customer rejected the payment in Vipps."),
        ("refuse_card", Outcome.REFUSED, "The card was refused."),
    ],
)
def test_a_no_ends_the_sale_unpaid_in_vipps_words(session, provider, vipps, answer, outcome, reason):
    pushed = session.start_attempt(PHONE)
    getattr(vipps, answer)(pushed.attempt.psp_transaction_id)
    update = poll(session, provider, pushed.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome, str(update.message)) == (SaleState.NOT_PAID, outcome, reason)
    assert vipps.captured_ore() == 0


def test_staff_cancel_cancels_at_vipps_and_a_later_approval_is_never_charged(session, provider, vipps):
    pushed = session.start_attempt(PHONE)
    tx = pushed.attempt.psp_transaction_id
    update = session.cancel()
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.CANCELLED)
    assert vipps.state_of(tx) is PaymentState.CANCELLED
    assert not vipps.approve(tx)  # too late: the app no longer offers it
    assert poll(session, provider, tx).outcome is Outcome.CANCELLED
    assert vipps.captured_ore() == 0


def test_an_expired_window_gives_the_attempt_up_as_expired(session, vipps, ledger):
    started = session.start_attempt()
    update = session.expire(started.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.EXPIRED)
    assert attempt_states(ledger, session) == [S.EXPIRED]
    assert vipps.state_of(started.attempt.psp_transaction_id) is PaymentState.CANCELLED


def test_approval_at_the_last_moment_wins_over_expiry(session, vipps):
    started = session.start_attempt()
    vipps.approve(started.attempt.psp_transaction_id)
    assert session.expire(started.attempt.psp_transaction_id).outcome is Outcome.PAID
    assert vipps.captured_ore() == 14950


def test_a_capture_that_gets_no_answer_keeps_the_sale_paid_and_is_retried(session, provider, vipps, ledger):
    started = session.start_attempt()
    vipps.approve(started.attempt.psp_transaction_id)
    vipps.fault("capture", "no_answer")
    update = poll(session, provider, started.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome, update.pending_writes) == (SaleState.PAID, Outcome.PAID, True)
    assert attempt_states(ledger, session) == [S.RESERVED]
    assert session.retry_pending_writes().pending_writes  # still silent: still pending, nothing guessed
    vipps.clear_faults()
    assert not session.retry_pending_writes().pending_writes
    assert attempt_states(ledger, session) == [S.CAPTURED]
    assert vipps.captured_ore() == 14950


def test_an_init_without_an_answer_says_so_and_recovers_the_same_payment(session, vipps, ledger):
    vipps.fault("start", "lost")  # Vipps made it; the answer never came
    update = session.start_attempt()
    assert (update.outcome, update.attempt) == (Outcome.NO_ANSWER, None)
    assert str(update.message) == "No answer from Vipps yet. Still trying."
    assert attempt_states(ledger, session) == [S.UNKNOWN]
    vipps.clear_faults()
    recovered = session.retry_pending_writes()
    assert recovered.outcome is None
    assert recovered.attempt.landing_url
    assert attempt_states(ledger, session) == [S.PENDING]
    assert len(vipps.payments) == 1


def test_a_start_vipps_refuses_ends_the_sale_as_not_started_and_says_why(session, vipps, ledger):
    vipps.fault("start", "refused", count=1)
    update = session.start_attempt()
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.NOT_STARTED)
    assert str(update.message).startswith("Vipps refused to start the payment: ")
    assert attempt_states(ledger, session) == [S.INIT_FAILED]
    assert vipps.payments == {}


def test_a_second_attempt_refused_by_vipps_keeps_the_first_one_working(session, vipps, ledger):
    qr = session.start_attempt()
    vipps.fault("start", "refused", count=1)
    assert session.start_attempt(PHONE).sale_state is SaleState.OPEN
    assert attempt_states(ledger, session) == [S.PENDING, S.INIT_FAILED]
    assert vipps.state_of(qr.attempt.psp_transaction_id) is PaymentState.WAITING


def test_a_garbled_init_answer_is_watched_and_recovered_not_forgotten(session, vipps, ledger):
    vipps.fault("start", "garbled", count=1)
    update = session.start_attempt()
    assert update.outcome is Outcome.NO_ANSWER
    assert attempt_states(ledger, session) == [S.UNKNOWN]
    assert len(update.watch) == 1
    recovered = session.retry_pending_writes()
    (reference,) = vipps.payments
    assert recovered.attempt.landing_url == LANDING + reference
    assert attempt_states(ledger, session) == [S.PENDING]


def test_a_capture_whose_answer_is_lost_is_read_back_from_details(session, provider, vipps, ledger):
    started = session.start_attempt()
    tx = started.attempt.psp_transaction_id
    vipps.approve(tx)
    vipps.fault("capture", "lost")  # applied at Vipps, every answer lost
    paid = poll(session, provider, tx)
    assert (paid.sale_state, attempt_states(ledger, session)) == (SaleState.PAID, [S.RESERVED])
    settled = poll(session, provider, tx)
    assert (settled.sale_state, settled.pending_writes) == (SaleState.PAID, False)
    assert attempt_states(ledger, session) == [S.CAPTURED]
    assert vipps.captured_ore() == 14950
    assert [call for call, _ in vipps.calls].count("capture") == 1  # read back, not captured again


def test_a_phone_attempt_recovered_after_a_lost_init_gives_the_qr_payment_up(session, vipps, ledger):
    qr = session.start_attempt()
    vipps.fault("start", "no_answer")
    session.start_attempt(PHONE)
    assert attempt_states(ledger, session) == [S.PENDING, S.UNKNOWN]
    vipps.clear_faults()
    recovered = session.retry_pending_writes()
    assert recovered.attempt.channel == "PHONE"
    assert attempt_states(ledger, session) == [S.CANCELLED, S.PENDING]
    assert vipps.state_of(qr.attempt.psp_transaction_id) is PaymentState.CANCELLED


def test_a_sale_that_ends_unstarted_leaves_nothing_payable(session, vipps):
    qr = session.start_attempt()
    vipps.fault("start", "no_answer", count=1)
    session.start_attempt(PHONE)
    vipps.fault("start", "refused", count=1)  # the retried start is refused for good
    ended = session.retry_pending_writes()
    assert (ended.sale_state, ended.outcome) == (SaleState.NOT_PAID, Outcome.NOT_STARTED)
    assert vipps.state_of(qr.attempt.psp_transaction_id) is PaymentState.CANCELLED


def test_a_window_that_ends_while_vipps_is_silent_is_not_guessed(session, provider, vipps):
    started = session.start_attempt()
    tx = started.attempt.psp_transaction_id
    vipps.approve(tx)  # the customer approved in the last second...
    vipps.fault("read", "no_answer")  # ...and then the kiosk lost Vipps
    waiting = session.expire(tx)
    assert (waiting.sale_state, waiting.outcome) == (SaleState.OPEN, Outcome.NO_ANSWER)
    assert str(waiting.message) == "No answer from Vipps yet. Still trying."
    vipps.clear_faults()
    assert poll(session, provider, tx).outcome is Outcome.PAID
    assert vipps.captured_ore() == 14950


def test_a_window_that_ended_unanswered_expires_once_vipps_says_pending(session, provider, vipps):
    started = session.start_attempt()
    tx = started.attempt.psp_transaction_id
    vipps.fault("read", "no_answer")
    assert session.expire(tx).outcome is Outcome.NO_ANSWER
    vipps.clear_faults()
    assert poll(session, provider, tx).outcome is Outcome.EXPIRED
    assert vipps.state_of(tx) is PaymentState.CANCELLED


def test_a_capture_refused_for_good_is_left_for_the_manager_not_retried_forever(
    session, provider, vipps, ledger, memory_settings
):
    started = session.start_attempt()
    vipps.approve(started.attempt.psp_transaction_id)
    vipps.fault("capture", "refused", count=1)
    update = poll(session, provider, started.attempt.psp_transaction_id)
    assert (update.sale_state, update.pending_writes, update.watch) == (SaleState.NEEDS_CHECK, False, frozenset())
    assert attempt_states(ledger, session) == [S.NEEDS_CHECK]
    # The manager re-checks it later: still reserved at Vipps, so it is captured now.
    with ProvidersByApi(memory_settings, FAST_RETRY, given=[provider]) as providers:
        sale = ledger.sale(session.sale_id)
        rechecked = ResumedSale.resume(providers, ledger, memory_settings, KIOSK, sale).recover()
    assert rechecked.sale_state is SaleState.PAID
    assert attempt_states(ledger, session) == [S.CAPTURED]
    assert vipps.captured_ore() == 14950


def test_a_reserved_attempt_in_a_sale_left_open_is_repaired_as_paid(session, provider, vipps, ledger, memory_settings):
    """What an older kiosk could leave between its two writes: the attempt reserved, the sale still open."""
    started = session.start_attempt()
    vipps.approve(started.attempt.psp_transaction_id)
    attempt = ledger.attempts_of(session.sale_id)[0]
    ledger.move_attempt(attempt.id, ["PENDING"], "RESERVED")
    with ProvidersByApi(memory_settings, FAST_RETRY, given=[provider]) as providers:
        sale = ledger.sale(session.sale_id)
        recovered = ResumedSale.resume(providers, ledger, memory_settings, KIOSK, sale).recover()
    assert recovered.sale_state is SaleState.PAID
    assert attempt_states(ledger, session) == [S.CAPTURED]
    assert ledger.sale(session.sale_id).paid_attempt_id == attempt.id
