"""The sale's rules, headless: real client, real simulator, real SQLite. One charge, ever."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from kiosk.checkout.psp_provider import PspProvider
from kiosk.checkout.recovery import ResumedSale
from kiosk.checkout.session import SaleSession
from kiosk.checkout.states import AttemptState, Outcome, SaleState
from kiosk.config import KioskSettings, VippsSettings
from kiosk.ledger import Ledger
from kiosk.vipps import VippsClient
from tests.conftest import FAST_RETRY
from tests.helpers import SimControl

KIOSK = KioskSettings(poll_start_delay_s=0, poll_interval_s=0.05, landing_window_s=300, approval_window_s=600)


@pytest.fixture
def ledger(tmp_path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "ledger.sqlite3") as opened:
        yield opened


def _session(client, ledger, settings, amount=14950, kiosk=KIOSK) -> SaleSession:
    return SaleSession.begin(PspProvider(client, settings), ledger, settings, kiosk, amount, "Test purchase")


def _poll(session, client, tx):
    return session.observe(tx, PspProvider(client).read(tx))


def _approve(client, update, phone="91234567"):
    client.force_approve(update.attempt.psp_transaction_id, phone, update.attempt.landing_url.split("token=")[1])


def _states(ledger, session) -> list[str]:
    return [a.state for a in ledger.attempts_of(session.sale_id)]


def _captured_at_vipps(sim: SimControl) -> int:
    return sum(p["capturedAmount"] for p in sim.payments())


def test_a_qr_payment_approved_is_captured_and_the_sale_paid(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    started = session.start_attempt()
    assert started.attempt.landing_url.startswith(sim.base_url)
    assert started.attempt.window_s == pytest.approx(600, abs=1)
    assert started.attempt.landing_s == pytest.approx(300, abs=1)
    _approve(client, started)
    update = _poll(session, client, started.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome) == (SaleState.PAID, Outcome.PAID)
    assert _states(ledger, session) == [AttemptState.CAPTURED]
    assert _captured_at_vipps(sim) == 14950
    assert update.watch == frozenset()
    assert not update.pending_writes


def test_every_step_is_in_the_history_before_and_after_the_network(client, vipps_settings, ledger):
    session = _session(client, ledger, vipps_settings)
    started = session.start_attempt()
    _approve(client, started)
    _poll(session, client, started.attempt.psp_transaction_id)
    steps = [(t.from_state, t.to_state) for t in ledger.history(session.sale_id)]
    assert steps == [
        (None, "OPEN"),
        (None, "CREATED"),
        ("CREATED", "PENDING"),
        ("PENDING", "RESERVED"),
        ("OPEN", "PAID"),
        ("RESERVED", "CAPTURED"),
    ]


def test_a_typed_phone_number_supersedes_the_qr_payment(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    qr = session.start_attempt()
    pushed = session.start_attempt("91234567")
    assert pushed.attempt.channel == "PHONE"
    assert pushed.attempt.phone_masked == "******67"
    assert pushed.attempt.landing_s == 0
    assert sim.payment(qr.attempt.psp_transaction_id)["state"] == "CANCELLED"
    assert sim.payment(pushed.attempt.psp_transaction_id)["stage"] == "AWAITING_APP"
    sim.respond(pushed.attempt.psp_transaction_id, "91234567", "approve")
    update = _poll(session, client, pushed.attempt.psp_transaction_id)
    assert update.outcome is Outcome.PAID
    assert _states(ledger, session) == [AttemptState.CANCELLED, AttemptState.CAPTURED]


def test_a_late_approval_of_a_superseded_attempt_is_reversed_and_charged_once(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    qr = session.start_attempt()
    sim.fault(path="updatestatus", status=503, count=FAST_RETRY.attempts)  # the QR cancel gets no answer
    pushed = session.start_attempt("91234567")
    assert _states(ledger, session) == [AttemptState.CANCELLING, AttemptState.PENDING]
    _approve(client, qr)  # the customer scans and approves the old QR code after all
    sim.respond(pushed.attempt.psp_transaction_id, "91234567", "approve")
    _poll(session, client, pushed.attempt.psp_transaction_id)
    late = _poll(session, client, qr.attempt.psp_transaction_id)
    assert late.outcome is Outcome.PAID
    assert _states(ledger, session) == [AttemptState.REVERSED, AttemptState.CAPTURED]
    assert _captured_at_vipps(sim) == 14950
    assert sim.payment(qr.attempt.psp_transaction_id)["state"] == "CANCELLED"
    notes = [t.note for t in ledger.history(session.sale_id)]
    assert "approved late; reversing" in notes


@pytest.mark.parametrize(
    ("amount", "action", "outcome", "reason"),
    [
        (14950, "reject", Outcome.REJECTED, "The customer rejected the payment in Vipps."),
        (3100, "approve", Outcome.REFUSED, "Card not eligible for this payment"),
        (4400, "approve", Outcome.REFUSED, "The card has expired."),
    ],
)
def test_failures_end_the_sale_with_the_reason_in_plain_words(
    client, vipps_settings, ledger, sim, amount, action, outcome, reason
):
    session = _session(client, ledger, vipps_settings, amount=amount)
    pushed = session.start_attempt("91234567")
    sim.respond(pushed.attempt.psp_transaction_id, "91234567", action)
    update = _poll(session, client, pushed.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome, update.message) == (SaleState.NOT_PAID, outcome, reason)
    assert _captured_at_vipps(sim) == 0


def test_staff_cancel_cancels_at_vipps_and_a_later_approval_is_never_charged(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    pushed = session.start_attempt("91234567")
    update = session.cancel()
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.CANCELLED)
    assert sim.payment(pushed.attempt.psp_transaction_id)["state"] == "CANCELLED"
    sim.respond(pushed.attempt.psp_transaction_id, "91234567", "approve")  # too late: the PSP says 85
    after = _poll(session, client, pushed.attempt.psp_transaction_id)
    assert after.outcome is Outcome.CANCELLED
    assert sim.payment(pushed.attempt.psp_transaction_id)["failure"]["errorId"] == "85"
    assert _captured_at_vipps(sim) == 0


def test_an_expired_window_gives_the_attempt_up_as_expired(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    started = session.start_attempt()
    update = session.expire(started.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.EXPIRED)
    assert _states(ledger, session) == [AttemptState.EXPIRED]
    assert sim.payment(started.attempt.psp_transaction_id)["state"] == "CANCELLED"


def test_approval_at_the_last_moment_wins_over_expiry(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    started = session.start_attempt()
    _approve(client, started)
    update = session.expire(started.attempt.psp_transaction_id)
    assert update.outcome is Outcome.PAID
    assert _captured_at_vipps(sim) == 14950


def test_a_capture_that_gets_no_answer_keeps_the_sale_paid_and_is_retried(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    started = session.start_attempt()
    _approve(client, started)
    sim.fault(path="updatestatus", status=503)
    update = _poll(session, client, started.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome, update.pending_writes) == (SaleState.PAID, Outcome.PAID, True)
    assert _states(ledger, session) == [AttemptState.RESERVED]
    sim.clear_faults()
    retried = session.retry_pending_writes()
    assert not retried.pending_writes
    assert _states(ledger, session) == [AttemptState.CAPTURED]
    assert _captured_at_vipps(sim) == 14950


def test_an_init_without_an_answer_says_so_and_recovers_the_same_payment(vipps_settings, ledger, sim):
    with VippsClient(vipps_settings, retry=replace(FAST_RETRY, attempts=2)) as client:
        session = _session(client, ledger, vipps_settings)
        sim.fault(path="/init$", status=503)
        update = session.start_attempt()
        assert (update.outcome, update.attempt) == (Outcome.NO_ANSWER, None)
        assert update.message == "No answer from Vipps yet. Still trying."
        assert _states(ledger, session) == [AttemptState.UNKNOWN]
        sim.clear_faults()
        recovered = session.retry_pending_writes()
    assert recovered.outcome is None
    assert recovered.attempt.landing_url
    assert _states(ledger, session) == [AttemptState.PENDING]
    assert len(sim.payments()) == 1


def test_an_init_refused_by_vipps_ends_the_sale_as_not_started(client, ledger, sim):
    settings = VippsSettings.for_simulator(sim.base_url)
    broken = replace(settings, make_payment_url="nonsense")
    session = _session(client, ledger, broken)
    update = session.start_attempt()
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.NOT_STARTED)
    assert "invalid makePaymentUrl" in update.message


def test_a_second_attempt_refused_by_vipps_keeps_the_first_one_working(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    qr = session.start_attempt()
    sim.fault(path="/init$", status=400, count=1)
    update = session.start_attempt("91234567")
    assert update.sale_state is SaleState.OPEN
    assert _states(ledger, session) == [AttemptState.PENDING, AttemptState.INIT_FAILED]
    assert sim.payment(qr.attempt.psp_transaction_id)["state"] == "AWAITING_PHONE"


def test_a_garbled_init_answer_is_watched_and_recovered_not_forgotten(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    sim.fault(path="/init$", malformed=True, count=1)
    update = session.start_attempt()
    assert update.outcome is Outcome.NO_ANSWER
    assert _states(ledger, session) == [AttemptState.UNKNOWN]
    assert len(update.watch) == 1
    recovered = session.retry_pending_writes()
    assert recovered.attempt.landing_url == sim.payments()[0]["landingUrl"]
    assert _states(ledger, session) == [AttemptState.PENDING]


def test_a_capture_whose_answer_is_lost_is_read_back_from_details(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    started = session.start_attempt()
    _approve(client, started)
    sim.fault(path="updatestatus", drop=True, count=FAST_RETRY.attempts)  # applied at Vipps, answer lost
    paid = _poll(session, client, started.attempt.psp_transaction_id)
    assert (paid.sale_state, _states(ledger, session)) == (SaleState.PAID, [AttemptState.RESERVED])
    settled = _poll(session, client, started.attempt.psp_transaction_id)
    assert (settled.sale_state, settled.pending_writes) == (SaleState.PAID, False)
    assert _states(ledger, session) == [AttemptState.CAPTURED]
    assert _captured_at_vipps(sim) == 14950


def test_a_phone_attempt_recovered_after_a_lost_init_gives_the_qr_payment_up(vipps_settings, ledger, sim):
    with VippsClient(vipps_settings, retry=replace(FAST_RETRY, attempts=2)) as client:
        session = _session(client, ledger, vipps_settings)
        qr = session.start_attempt()
        sim.fault(path="/init$", status=503)
        session.start_attempt("91234567")
        assert _states(ledger, session) == [AttemptState.PENDING, AttemptState.UNKNOWN]
        sim.clear_faults()
        recovered = session.retry_pending_writes()
    assert recovered.attempt.channel == "PHONE"
    assert _states(ledger, session) == [AttemptState.CANCELLED, AttemptState.PENDING]
    assert sim.payment(qr.attempt.psp_transaction_id)["state"] == "CANCELLED"


def test_a_sale_that_ends_unstarted_leaves_nothing_payable(vipps_settings, ledger, sim):
    with VippsClient(vipps_settings, retry=replace(FAST_RETRY, attempts=2)) as client:
        session = _session(client, ledger, vipps_settings)
        qr = session.start_attempt()
        sim.fault(path="/init$", status=503)
        session.start_attempt("91234567")
        sim.clear_faults()
        sim.fault(path="/init$", status=400, count=1)  # the retried start is refused for good
        ended = session.retry_pending_writes()
    assert (ended.sale_state, ended.outcome) == (SaleState.NOT_PAID, Outcome.NOT_STARTED)
    assert sim.payment(qr.attempt.psp_transaction_id)["state"] == "CANCELLED"


def test_a_window_that_ends_while_vipps_is_silent_is_not_guessed(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    started = session.start_attempt()
    tx = started.attempt.psp_transaction_id
    _approve(client, started)  # the customer approved in the last second...
    sim.fault(path="/details$", status=503)  # ...and then the kiosk lost Vipps
    waiting = session.expire(tx)
    assert (waiting.sale_state, waiting.outcome) == (SaleState.OPEN, Outcome.NO_ANSWER)
    assert waiting.message == "No answer from Vipps yet. Still trying."
    sim.clear_faults()
    answered = _poll(session, client, tx)
    assert answered.outcome is Outcome.PAID
    assert _captured_at_vipps(sim) == 14950


def test_a_window_that_ended_unanswered_expires_once_vipps_says_pending(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    started = session.start_attempt()
    sim.fault(path="/details$", status=503)
    assert session.expire(started.attempt.psp_transaction_id).outcome is Outcome.NO_ANSWER
    sim.clear_faults()
    answered = _poll(session, client, started.attempt.psp_transaction_id)
    assert answered.outcome is Outcome.EXPIRED
    assert sim.payment(started.attempt.psp_transaction_id)["state"] == "CANCELLED"


def test_a_capture_refused_for_good_is_left_for_the_manager_not_retried_forever(client, vipps_settings, ledger, sim):
    session = _session(client, ledger, vipps_settings)
    started = session.start_attempt()
    _approve(client, started)
    sim.fault(path="updatestatus", status=400, count=1)
    update = _poll(session, client, started.attempt.psp_transaction_id)
    assert (update.sale_state, update.pending_writes, update.watch) == (SaleState.NEEDS_CHECK, False, frozenset())
    assert _states(ledger, session) == [AttemptState.NEEDS_CHECK]
    # The manager re-checks it later: still reserved at Vipps, so it is captured now.
    rechecked = ResumedSale.resume(
        PspProvider(client, vipps_settings), ledger, vipps_settings, KIOSK, ledger.sale(session.sale_id)
    ).recover()
    assert rechecked.sale_state is SaleState.PAID
    assert _states(ledger, session) == [AttemptState.CAPTURED]
    assert _captured_at_vipps(sim) == 14950


def test_a_reserved_attempt_in_a_sale_left_open_is_repaired_as_paid(client, vipps_settings, ledger, sim):
    """What an older kiosk could leave between its two writes: the attempt reserved, the sale still open."""
    session = _session(client, ledger, vipps_settings)
    started = session.start_attempt()
    _approve(client, started)
    attempt = ledger.attempts_of(session.sale_id)[0]
    ledger.move_attempt(attempt.id, ["PENDING"], "RESERVED")
    recovered = ResumedSale.resume(
        PspProvider(client, vipps_settings), ledger, vipps_settings, KIOSK, ledger.sale(session.sale_id)
    ).recover()
    assert recovered.sale_state is SaleState.PAID
    assert _states(ledger, session) == [AttemptState.CAPTURED]
    assert ledger.sale(session.sale_id).paid_attempt_id == attempt.id
