"""A Vipps outcome is recorded only when Vipps said it in so many words (issue #13, section 3).

Through the real client and simulator over loopback, real SQLite: "Vipps never had this payment" only on the
API's own answer for that reference; a PSP capture only once Vipps' success code came and the details' log shows
it applied; an init re-sent after a lost answer and answered "already exists" finds its payment; an attempt is
settled only at the sales unit and Vipps address it was made at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace

import pytest

from kiosk.checkout.providers_by_api import ProvidersByApi, make_provider
from kiosk.checkout.recovery import ResumedSale, recover
from kiosk.checkout.refunds import refund, resend_pending_refunds
from kiosk.checkout.states import AttemptState, Outcome, SaleState
from kiosk.ledger import Ledger, RefundRefused
from kiosk.ledger.report import status_of
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import VippsSettings
from kiosk.simulator.demo import SimulatorSettings
from kiosk.simulator.server import SimulatorServer
from tests.conftest import FAST_RETRY
from tests.helpers import SimControl
from tests.sessions import AMOUNT, KIOSK, PHONE, landing_token, new_session
from tests.vipps_apis import PATHS

OTHER_PAYMENT = "0f3c5a7e9b1d4f6a8c0e2b4d6f8a0c1e"  # another payment's reference, as a message might name it


@pytest.fixture
def vipps(sim: SimControl, api: str) -> VippsSettings:
    return demo_vipps_settings(sim.base_url, api=api)


def _status(ledger: Ledger, sale_id: int) -> str:
    """The sale's status word, as the back office and the CSV show it."""
    sale = ledger.sale(sale_id)
    return status_of(sale.state, sale.outcome, sale.captured_ore, sale.refunded_ore)


def _notes(ledger: Ledger, sale_id: int) -> str:
    return "\n".join(t.note for t in ledger.history(sale_id))


def _recover(ledger: Ledger, vipps: VippsSettings):
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        return recover(provider, ledger, vipps, KIOSK)


# ---- "Vipps never had this payment" -----------------------------------------------------------------------------

# Answers that look like "no such payment" and are not that API's own answer for that reference.
LOOK_ALIKES = {
    "psp": {
        "bare errorCode 51": {"status": 400, "body": [{"errorCode": "51", "errorMessage": "Invalid request"}]},
        "51 naming another payment": {
            "status": 400,
            "body": [{"errorCode": "51", "errorMessage": f"Invalid request: unknown pspTransactionId {OTHER_PAYMENT}"}],
        },
        "a gateway's 404 page": {"status": 404, "body": "<html>Not Found</html>", "content_type": "text/html"},
    },
    "epayment": {
        "a gateway's 404 page": {"status": 404, "body": "<html>Not Found</html>", "content_type": "text/html"},
        "the gateway's own JSON 404": {"status": 404, "body": {"statusCode": 404, "message": "Resource not found"}},
        "a problem naming another payment": {
            "status": 404,
            "content_type": "application/problem+json",
            "body": {
                "type": "https://example.invalid/not-found",
                "title": "Not Found",
                "status": 404,
                "traceId": "t-1",
                "detail": f"No payment with reference {OTHER_PAYMENT!r}",
            },
        },
    },
}
LOOK_ALIKE_CASES = [(api, name) for api, answers in LOOK_ALIKES.items() for name in answers]


@pytest.mark.parametrize(("api", "look_alike"), LOOK_ALIKE_CASES, ids=[f"{a}-{n}" for a, n in LOOK_ALIKE_CASES])
def test_an_answer_that_only_looks_like_no_such_payment_never_closes_the_attempt(sim, vipps, ledger, api, look_alike):
    """The kiosk died with an init unanswered; Vipps has the payment, waiting. At the restart its read gets an
    answer that merely looks like "no such payment": the attempt must not be closed as never created (which left
    the payment open for the customer to approve, its money then held, never captured nor released)."""
    paths = PATHS[api]
    sim.fault(path=paths.init, drop=True, count=4)  # Vipps makes the payment; every answer is lost
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        session = new_session(provider, ledger, vipps)
        session.start_attempt()
    (attempt,) = ledger.attempts_of(session.sale_id)
    assert attempt.state == AttemptState.UNKNOWN
    assert sim.record(attempt.psp_transaction_id).state == "WAITING"
    sim.fault(path=paths.details, method="GET", **LOOK_ALIKES[api][look_alike])

    report = _recover(ledger, vipps)

    assert report.needs_check == [session.sale_id]
    assert _status(ledger, session.sale_id) == "NEEDS CHECK"
    assert ledger.attempts_of(session.sale_id)[0].state != AttemptState.INIT_FAILED
    notes = _notes(ledger, session.sale_id)
    assert "does not prove that it never had the payment" in notes  # says what was seen
    assert "never had" not in notes.replace("does not prove that it never had", "")
    assert "confirmed" not in notes
    # and nobody can approve it any more: it was given up at Vipps like any payment left waiting
    assert sim.record(attempt.psp_transaction_id).state == "CANCELLED"


def test_vipps_own_answer_for_that_reference_closes_an_attempt_it_never_had(sim, vipps, ledger, api):
    """The init never reached Vipps (held, then the kiosk died): Vipps' own "no such payment" closes it."""
    sim.fault(path=PATHS[api].init, status=503)
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        session = new_session(provider, ledger, vipps)
        session.start_attempt()
    sim.clear_faults()
    report = _recover(ledger, vipps)
    assert report.settled == [session.sale_id]
    assert [a.state for a in ledger.attempts_of(session.sale_id)] == [AttemptState.INIT_FAILED]
    assert "Vipps says it never had" in _notes(ledger, session.sale_id)
    assert "confirmed" not in _notes(ledger, session.sale_id)
    assert sim.records() == {}


CANCEL_LOOK_ALIKES = {
    "psp": {
        "status": 400,
        "body": [{"errorCode": "51", "errorMessage": f"Invalid request: unknown pspTransactionId {OTHER_PAYMENT}"}],
    },
    "epayment": {"status": 404, "body": "<html>Not Found</html>", "content_type": "text/html"},
}


def test_a_cancel_answered_with_a_look_alike_keeps_the_approved_payment_watched_and_releases_it(
    sim, vipps, ledger, api
):
    """The customer approved the QR code just as staff sent the payment to a phone. The QR payment's cancel gets
    an answer that looks like "no such payment": taken at its word, the attempt was closed ("cancel confirmed by
    Vipps") while Vipps held the customer's money. It must stay watched, be seen approved, and be reversed."""
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        session = new_session(provider, ledger, vipps)
        qr = session.start_attempt()
        qr_tx = qr.attempt.psp_transaction_id
        provider.force_approve(qr_tx, PHONE, landing_token(qr.attempt.landing_url))
        sim.fault(path=PATHS[api].cancel, method="POST", count=1, **CANCEL_LOOK_ALIKES[api])
        session.start_attempt("98765432")  # gives the QR payment up: its cancel meets the look-alike
        qr_attempt = ledger.attempts_of(session.sale_id)[0]
        assert qr_attempt.state == AttemptState.CANCELLING  # not closed on that answer
        session.observe(qr_tx, provider.read(qr_tx))  # the poll sees it approved, and reverses it
    assert ledger.attempts_of(session.sale_id)[0].state == AttemptState.REVERSED
    assert sim.record(qr_tx).state == "CANCELLED"  # the reservation released: no money held
    assert "confirmed" not in _notes(ledger, session.sale_id)


# ---- an init sent again after its answer was lost ---------------------------------------------------------------


@pytest.mark.parametrize(("code", "words"), [("99", "orderId already exists"), ("44", "PSP transaction id exists")])
def test_an_init_resent_after_a_lost_answer_and_told_it_exists_finds_the_same_payment(sim, ledger, code, words):
    """The first init made the payment but its answer was lost; the same init sent again is answered with
    errorCode 99 (or 44) by a Vipps that does not replay it. That is the payment made, not a refusal."""
    vipps = demo_vipps_settings(sim.base_url, api="psp")
    sim.fault(path="/init$", drop=True, count=1)
    sim.fault(path="/init$", status=400, body=[{"errorCode": code, "errorMessage": words}], count=1)
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        session = new_session(provider, ledger, vipps)
        first = session.start_attempt()
        assert (first.sale_state, first.outcome) == (SaleState.OPEN, Outcome.NO_ANSWER)
        shown = session.retry_pending_writes()  # the same init again, with its key: Vipps answers it again
        assert shown.attempt is not None
        assert shown.attempt.landing_url
        tx = shown.attempt.psp_transaction_id
        assert list(sim.records()) == [tx]  # one payment
        provider.force_approve(tx, PHONE, landing_token(shown.attempt.landing_url))
        paid = session.observe(tx, provider.read(tx))
    assert paid.outcome is Outcome.PAID
    assert sim.record(tx).captured == AMOUNT


# ---- a PSP capture only on Vipps' word ---------------------------------------------------------------------------


def _paid_psp_sale(provider, ledger: Ledger, vipps: VippsSettings, before_capture=None):
    """A PSP sale paid by QR: `before_capture` runs once the customer approved, before the kiosk sees it."""
    session = new_session(provider, ledger, vipps)
    started = session.start_attempt()
    tx = started.attempt.psp_transaction_id
    provider.force_approve(tx, PHONE, landing_token(started.attempt.landing_url))
    if before_capture is not None:
        before_capture()
    update = session.observe(tx, provider.read(tx))
    return session, tx, update


@pytest.fixture
def psp(sim: SimControl) -> Iterator[tuple[VippsSettings, object]]:
    vipps = demo_vipps_settings(sim.base_url, api="psp")
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        yield vipps, provider


@pytest.mark.parametrize(
    "answer",
    [
        {"status": 200, "body": {"responseInfo": {"responseCode": "5000", "responseMessage": "FAILED"}}},
        {"status": 200, "body": {"responseInfo": {"responseCode": "9000", "responseMessage": "FAILED"}}},
    ],
    ids=["code-5000-FAILED", "code-9000-FAILED"],
)
def test_a_capture_answered_200_with_a_failed_response_info_is_not_captured(sim, psp, ledger, answer):
    vipps, provider = psp
    session, tx, update = _paid_psp_sale(
        provider, ledger, vipps, lambda: sim.fault(path="/updatestatus$", method="POST", **answer)
    )
    assert update.sale_state is SaleState.NEEDS_CHECK
    assert _status(ledger, session.sale_id) == "NEEDS CHECK"
    assert [a.state for a in ledger.attempts_of(session.sale_id)] == [AttemptState.NEEDS_CHECK]
    assert sim.record(tx).captured == 0


@pytest.mark.parametrize(
    "answer",
    [
        {"status": 204, "body": ""},
        {"status": 302, "body": "", "headers": {"Location": "/psp/v3/psppayments/updatestatus"}},
        {"status": 200, "body": {}},
    ],
    ids=["204", "302-redirect", "200-without-responseInfo"],
)
def test_a_capture_answered_without_vipps_success_code_stays_pending_and_is_sent_again(sim, psp, ledger, answer):
    vipps, provider = psp
    session, tx, update = _paid_psp_sale(
        provider, ledger, vipps, lambda: sim.fault(path="/updatestatus$", method="POST", **answer)
    )
    assert update.outcome is Outcome.PAID  # the customer paid
    assert _status(ledger, session.sale_id) == "PAID, CAPTURE PENDING"
    assert [a.state for a in ledger.attempts_of(session.sale_id)] == [AttemptState.RESERVED]
    assert update.pending_writes
    sim.clear_faults()
    session.retry_pending_writes()
    assert _status(ledger, session.sale_id) == "CAPTURED"
    assert sim.record(tx).captures == 1


@pytest.fixture
def nightly() -> Iterator[SimControl]:
    """A simulator that holds status updates for its nightly batch, as the real Vipps does."""
    settings = SimulatorSettings(batch_status_updates=True, make_payment_timeout_s=1.0)
    with SimulatorServer(settings=settings) as server:
        control = SimControl(server.base_url)
        yield control
        control.close()


def test_a_capture_vipps_accepted_is_paid_capture_pending_until_its_batch_applies_it(nightly, ledger):
    vipps = demo_vipps_settings(nightly.base_url, api="psp")
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        session, tx, update = _paid_psp_sale(provider, ledger, vipps)
    assert update.outcome is Outcome.PAID
    assert _status(ledger, session.sale_id) == "PAID, CAPTURE PENDING"
    assert [a.state for a in ledger.attempts_of(session.sale_id)] == [AttemptState.CAPTURE_SENT]
    assert (update.watch, update.pending_writes) == (frozenset(), False)  # nothing to send: the run may end
    assert ledger.unsettled_sales()[0].id == session.sale_id  # read again at the next start
    assert ledger.sale(session.sale_id).captured_ore == 0  # not in the day's captured total yet

    report = _recover(ledger, vipps)  # before the night: still pending, nothing sent again
    assert _status(ledger, session.sale_id) == "PAID, CAPTURE PENDING"
    assert (report.settled, report.capture_pending, report.summary) == ([], [session.sale_id], None)  # not "settled"
    with ProvidersByApi(vipps, FAST_RETRY) as providers:  # and the manager's re-check says so
        said = ResumedSale.resume(providers, ledger, vipps, KIOSK, ledger.sale(session.sale_id)).recover()
    assert str(said.message) == "Paid; Vipps has not applied the capture yet."
    assert nightly.run_batch() == {"applied": 1, "refused": 0}

    _recover(ledger, vipps)
    assert _status(ledger, session.sale_id) == "CAPTURED"
    assert [a.state for a in ledger.attempts_of(session.sale_id)] == [AttemptState.CAPTURED]
    assert nightly.record(tx).captures == 1


def test_a_capture_the_nightly_batch_refuses_needs_checking_never_captured(nightly, ledger):
    vipps = demo_vipps_settings(nightly.base_url, api="psp")
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        session, tx, _update = _paid_psp_sale(provider, ledger, vipps)
    assert nightly.run_batch(refuse=[tx]) == {"applied": 0, "refused": 1}
    report = _recover(ledger, vipps)
    assert report.needs_check == [session.sale_id]
    assert _status(ledger, session.sale_id) == "NEEDS CHECK"
    assert [a.state for a in ledger.attempts_of(session.sale_id)] == [AttemptState.NEEDS_CHECK]
    assert ledger.sale(session.sale_id).captured_ore == 0
    # and the manager's re-check says what Vipps says
    with ProvidersByApi(vipps, FAST_RETRY) as providers:
        said = ResumedSale.resume(providers, ledger, vipps, KIOSK, ledger.sale(session.sale_id)).recover()
    assert str(said.message) == "Vipps refused the capture: settle it with the customer."
    assert _status(ledger, session.sale_id) == "NEEDS CHECK"


# ---- the sales unit and Vipps address an attempt was made at ----------------------------------------------------


def test_an_attempt_is_not_settled_with_another_sales_unit_than_it_was_made_at(sim, vipps, ledger, api):
    """Made with MSN 123456; the settings now name 654321. Vipps would answer "no such payment" (or refuse),
    which proves nothing: the sale waits for the manager, with what changed, and nothing is sent."""
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        session = new_session(provider, ledger, vipps)
        started = session.start_attempt()
    tx = started.attempt.psp_transaction_id
    moved = replace(vipps, merchant_serial_number="654321")
    report = _recover(ledger, moved)
    assert report.needs_check == [session.sale_id]
    notes = _notes(ledger, session.sale_id)
    assert "made with merchant_serial_number 123456, not 654321 as the settings now say: set it back" in notes
    assert sim.record(tx).state == "WAITING"  # untouched at Vipps: nothing was asked of another sales unit
    assert [a.state for a in ledger.attempts_of(session.sale_id)] == [AttemptState.PENDING]

    report = _recover(ledger, vipps)  # the settings set back: settled as any sale left waiting
    assert report.settled == [session.sale_id]
    assert sim.record(tx).state == "CANCELLED"


def test_an_attempt_made_at_another_vipps_address_is_not_closed_on_this_ones_no_such_payment(sim, vipps, ledger):
    """An attempt made at production (init unanswered), the settings now at a simulator, which truthfully has no
    such payment: before, it was closed as never created while production may hold the customer's money."""
    sale = ledger.new_sale(AMOUNT)
    ledger.add_attempt(
        sale.id,
        psp_transaction_id="madeatproduction0000000000000001",
        merchant_order_id="kiosk-1",
        idempotency_key="k",
        channel="QR",
        phone_masked=None,
        state="UNKNOWN",
        provider=vipps.api,
        merchant_serial_number=vipps.merchant_serial_number,
        base_url="https://api.vipps.no",
    )
    report = _recover(ledger, vipps)
    assert report.needs_check == [sale.id]
    assert [a.state for a in ledger.attempts_of(sale.id)] == [AttemptState.UNKNOWN]
    assert "made at https://api.vipps.no, not http://127.0.0.1 as the settings now say" in _notes(ledger, sale.id)


def test_each_attempt_records_the_sales_unit_and_address_it_was_made_at_and_no_secret(sim, vipps, ledger):
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        session = new_session(provider, ledger, vipps)
        session.start_attempt()
    (attempt,) = ledger.attempts_of(session.sale_id)
    assert (attempt.merchant_serial_number, attempt.base_url) == ("123456", "http://127.0.0.1")
    with sqlite3.connect(ledger.path) as db:  # every column the file holds, not only those the records name
        row = db.execute("SELECT * FROM attempts").fetchone()
    db.close()
    assert not {vipps.client_secret, vipps.subscription_key, vipps.make_payment_token} & {str(v) for v in row}


def test_a_refund_is_not_sent_to_another_sales_unit_than_the_sale_was_paid_at(sim, vipps, ledger):
    """Refused before anything is recorded or sent, with what changed; pending refunds wait for the settings."""
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        session = new_session(provider, ledger, vipps)
        started = session.start_attempt()
        tx = started.attempt.psp_transaction_id
        provider.force_approve(tx, PHONE, landing_token(started.attempt.landing_url))
        session.observe(tx, provider.read(tx))
    assert _status(ledger, session.sale_id) == "CAPTURED"
    pending = ledger.begin_refund(session.sale_id, 1000, "left-by-a-crash")  # recorded, its answer lost
    moved = replace(vipps, merchant_serial_number="654321")
    with ProvidersByApi(moved, FAST_RETRY) as providers:
        with pytest.raises(RefundRefused, match="made with merchant_serial_number 123456, not 654321"):
            refund(providers, ledger, session.sale_id, 5000)
        assert resend_pending_refunds(providers, ledger) == []
    assert [r.state for r in ledger.refunds_of(session.sale_id)] == ["PENDING"]
    assert ledger.refund(pending.id).state == "PENDING"
    assert sim.record(tx).refunded == 0
