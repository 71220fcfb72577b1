"""The ePayment API v1 client against the simulator over loopback: flows, adjustments, errors, faults, limits."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

import pytest

from kiosk.domain.ids import new_merchant_order_id
from kiosk.domain.market import NORWAY
from kiosk.domain.phone import msisdn
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import VippsSettings
from kiosk.vipps import (
    ForceApproveNotAllowed,
    MalformedResponse,
    PaymentConflict,
    PaymentNotFound,
    ProblemRejected,
    UnexpectedRedirect,
    VippsAuthError,
    VippsCancelled,
    VippsConnectionError,
    VippsRateLimited,
    VippsServerError,
)
from kiosk.vipps.client import VippsClient
from kiosk.vipps.epayment import CALL_BUDGET, CallBudget, EPaymentClient, RateLimit
from kiosk.vipps.epayment_models import (
    Amount,
    CreatePaymentRequest,
    Currency,
    EventName,
    PhoneError,
    State,
    UserFlow,
)
from kiosk.vipps.http import TOKENS
from tests.conftest import FAST_RETRY
from tests.helpers import SimControl
from tests.markets_under_test import CASES, unit_settings

# The client's own wire, on the simulator's Norwegian unit (the other markets: the tests at the end).
PHONE = "91234567"
MSISDN = "4791234567"  # force-approve takes the MSISDN: the provider makes it in the shop's market


@pytest.fixture(autouse=True)
def fresh_call_budget() -> None:
    CALL_BUDGET.clear()


@pytest.fixture
def epay(vipps_settings: VippsSettings) -> Iterator[EPaymentClient]:
    with EPaymentClient(vipps_settings, retry=FAST_RETRY) as client:
        yield client


def new_reference() -> str:
    return new_merchant_order_id(datetime.now(), prefix="ep")


def qr(client: EPaymentClient, amount: int = 14950, **kwargs):
    reference = new_reference()
    return reference, client.create_payment(
        CreatePaymentRequest.qr(reference, amount, "Test purchase", market=NORWAY), **kwargs
    )


def push(client: EPaymentClient, amount: int = 14950, phone: str = PHONE):
    reference = new_reference()
    client.create_payment(CreatePaymentRequest.push(reference, amount, "Test purchase", phone, market=NORWAY))
    return reference


def authorized(client: EPaymentClient, amount: int = 10000) -> str:
    reference = push(client, amount)
    client.force_approve(reference)
    assert client.get_payment(reference).state is State.AUTHORIZED
    return reference


def event_names(client: EPaymentClient, reference: str) -> list[tuple[EventName, bool]]:
    return [(e.name, e.success) for e in client.get_events(reference)]


def wait_for(condition, timeout_s: float = 5.0, pause_s: float = 0.05) -> bool:
    """Poll over real loopback calls; the pause keeps a poll of one payment inside Vipps' 120 reads a minute."""
    deadline = time.monotonic() + timeout_s
    pause = threading.Event()
    while time.monotonic() < deadline:
        if condition():
            return True
        pause.wait(pause_s)
    return condition()


def spy_requests(client: EPaymentClient) -> list:
    """Every ePayment request the client sends from now on (the access-token call left out)."""
    sent = []
    original = client._http.request

    def spy(method, url, **kwargs):
        if url != "/accesstoken/get":
            sent.append((method, url, dict(kwargs.get("headers") or {}), kwargs.get("json")))
        return original(method, url, **kwargs)

    client._http.request = spy
    return sent


# ---- creating ------------------------------------------------------------------------------------------------------


def test_a_qr_payment_answers_the_landing_page_as_its_target_url(epay, sim):
    reference, created = qr(epay, 14950)
    assert created.reference == reference
    assert created.redirect_url.startswith(sim.base_url + "/_sim/landing?token=")
    payment = epay.get_payment(reference)
    assert (payment.state, payment.amount) == (State.CREATED, Amount.of(14950, "NOK"))
    assert payment.aggregate.authorized_amount.value == 0
    assert payment.psp_reference
    assert event_names(epay, reference) == [(EventName.CREATED, True)]
    record = sim.epayment(reference)
    assert (record["api"], record["userFlow"], record["stage"]) == ("epayment", "QR", "AWAITING_PHONE")
    assert record["landingUrl"] == created.redirect_url


def test_the_create_request_follows_the_contract(epay, sim):
    sent = spy_requests(epay)
    reference = new_reference()
    epay.create_payment(CreatePaymentRequest.qr(reference, 5000, "Coffee and bun", market=NORWAY))
    ((method, url, headers, body),) = sent
    assert (method, url) == ("POST", "/epayment/v1/payments")
    assert body == {
        "amount": {"value": 5000, "currency": "NOK"},
        "reference": reference,
        "userFlow": "QR",
        "paymentMethod": {"type": "WALLET"},
        "customerInteraction": "CUSTOMER_PRESENT",
        "qrFormat": {"format": "TEXT/TARGETURL"},
        "paymentDescription": "Coffee and bun",
    }
    assert 1 <= len(headers["Idempotency-Key"]) <= 50
    assert headers["Merchant-Serial-Number"] == "123456"
    assert headers["Authorization"].startswith("Bearer ")
    assert "Psp-Id" not in headers  # a merchant API: no PSP
    system = {k.lower() for k in epay._http.headers}
    assert {"vipps-system-name", "vipps-system-version", "vipps-system-plugin-name"} <= system


def test_a_push_payment_goes_to_the_phone_as_an_msisdn_and_waits_in_that_app(epay, sim):
    sent = spy_requests(epay)
    reference = push(epay, 2500, phone="+47 912 34 567")
    assert sent[0][3]["customer"] == {"phoneNumber": "4791234567"}
    assert sent[0][3]["userFlow"] == "PUSH_MESSAGE"
    record = sim.epayment(reference)
    assert (record["phone"], record["stage"], record["state"]) == (PHONE, "AWAITING_APP", "CREATED")
    (request,) = sim.app_requests(PHONE)
    assert request["pspTransactionId"] == epay.get_payment(reference).psp_reference
    assert request["amount"] == 2500
    assert sim.app_requests("48000000") == []


@pytest.mark.parametrize(
    ("given", "expected"),
    [("91234567", "4791234567"), ("4791234567", "4791234567"), ("+47 912 34 567", "4791234567")],
)
def test_phone_numbers_become_norwegian_msisdns(given, expected):
    assert msisdn(given, NORWAY) == expected


@pytest.mark.parametrize("bad", ["1234567", "4712345678", "+46701234567", "12345678"])
def test_numbers_that_are_not_norwegian_mobiles_are_refused_before_sending(bad):
    with pytest.raises(PhoneError):
        CreatePaymentRequest.push(new_reference(), 1000, "Test purchase", bad, market=NORWAY)


@pytest.mark.parametrize("reference", ["short", "has space-123", "x" * 51, "æøå-12345"])
def test_a_reference_outside_the_contract_pattern_is_refused_before_sending(reference):
    with pytest.raises(ValueError, match="reference"):
        CreatePaymentRequest.qr(reference, 1000, "Test purchase", market=NORWAY)


def test_a_push_payment_without_a_customer_is_refused_before_sending():
    with pytest.raises(ValueError, match="PUSH_MESSAGE"):
        CreatePaymentRequest(amount=Amount.of(1000, "NOK"), reference=new_reference(), user_flow=UserFlow.PUSH_MESSAGE)


# ---- approving -----------------------------------------------------------------------------------------------------


def test_force_approve_authorizes_then_capture_and_a_partial_refund_move_the_aggregate(epay):
    reference, created = qr(epay, 14950)
    epay.force_approve(reference, MSISDN, created.token)
    payment = epay.get_payment(reference)
    assert payment.state is State.AUTHORIZED
    assert payment.aggregate.authorized_amount.value == 14950
    assert payment.remaining_to_capture == 14950

    captured = epay.capture_payment(reference, 14950, currency="NOK", idempotency_key="capture-key-1")
    assert (captured.state, captured.aggregate.captured_amount.value) == (State.AUTHORIZED, 14950)
    refunded = epay.refund_payment(reference, 4950, currency="NOK")
    assert refunded.aggregate.refunded_amount.value == 4950
    assert refunded.remaining_to_refund == 10000
    assert refunded.state is State.AUTHORIZED  # AUTHORIZED is final; money moves in the aggregate

    events = epay.get_events(reference)
    assert [(e.name, e.amount.value, e.success) for e in events] == [
        (EventName.CREATED, 14950, True),
        (EventName.AUTHORIZED, 14950, True),
        (EventName.CAPTURED, 14950, True),
        (EventName.REFUNDED, 4950, True),
    ]
    assert events[2].idempotency_key == "capture-key-1"


def test_a_qr_payment_approved_through_the_landing_page_and_the_app(epay, sim):
    reference, created = qr(epay, 14950)
    assert sim.enter_phone(created.redirect_url, PHONE).status_code == 200
    (request,) = sim.app_requests(PHONE)
    answer = sim.respond(request["pspTransactionId"], PHONE, "approve")
    assert answer.json()["paid"] is True
    assert answer.json()["state"] == "AUTHORIZED"
    assert epay.get_payment(reference).state is State.AUTHORIZED
    assert sim.app_requests(PHONE) == []


def test_a_push_payment_approved_in_the_app(epay, sim):
    reference = push(epay, 5000)
    (request,) = sim.app_requests(PHONE)
    assert sim.respond(request["pspTransactionId"], PHONE, "approve").json()["paid"] is True
    assert epay.get_payment(reference).aggregate.authorized_amount.value == 5000


def test_rejecting_in_the_app_aborts_the_payment(epay, sim):
    reference = push(epay)
    (request,) = sim.app_requests(PHONE)
    sim.respond(request["pspTransactionId"], PHONE, "reject")
    assert epay.get_payment(reference).state is State.ABORTED
    assert event_names(epay, reference)[-1] == (EventName.ABORTED, True)


@pytest.mark.parametrize(("amount", "error_id"), [(3100, "72"), (4400, "86"), (5100, "86")])
def test_a_refused_card_leaves_the_payment_created_with_a_failed_authorization(epay, sim, amount, error_id):
    reference = push(epay, amount)
    epay.force_approve(reference)
    assert epay.get_payment(reference).state is State.CREATED
    assert event_names(epay, reference)[-1] == (EventName.AUTHORIZED, False)
    assert sim.epayment(reference)["failure"]["errorId"] == error_id
    assert len(sim.app_requests(PHONE)) == 1  # still open in the app: another card may be tried
    assert epay.cancel_payment(reference).state is State.TERMINATED


@pytest.mark.parametrize("amount", [2200, 3200, 5200])
def test_other_magic_amounts_pay(epay, amount):
    reference = push(epay, amount)
    epay.force_approve(reference)
    assert epay.get_payment(reference).state is State.AUTHORIZED


# ---- cancelling ----------------------------------------------------------------------------------------------------


def test_cancel_while_created_terminates_and_a_late_approval_is_refused(epay, sim):
    reference = push(epay, 14950)
    (request,) = sim.app_requests(PHONE)
    cancelled = epay.cancel_payment(reference)
    assert cancelled.state is State.TERMINATED
    assert cancelled.aggregate.cancelled_amount.value == 14950
    assert sim.app_requests(PHONE) == []
    assert sim.respond(request["pspTransactionId"], PHONE, "approve").status_code == 409
    with pytest.raises(PaymentConflict):
        epay.force_approve(reference)
    payment = epay.get_payment(reference)
    assert (payment.state, payment.aggregate.authorized_amount.value) == (State.TERMINATED, 0)
    assert event_names(epay, reference) == [(EventName.CREATED, True), (EventName.TERMINATED, True)]


def test_cancel_after_a_partial_capture_releases_the_rest_and_keeps_the_capture(epay):
    reference = authorized(epay, 10000)
    epay.capture_payment(reference, 6000, currency="NOK")
    after = epay.cancel_payment(reference)
    assert after.state is State.AUTHORIZED
    assert (after.aggregate.captured_amount.value, after.aggregate.cancelled_amount.value) == (6000, 4000)
    with pytest.raises(PaymentConflict):
        epay.capture_payment(reference, 1000, currency="NOK")
    assert epay.refund_payment(reference, 6000, currency="NOK").aggregate.refunded_amount.value == 6000


def test_a_fully_captured_payment_cannot_be_cancelled(epay):
    reference = authorized(epay, 5000)
    epay.capture_payment(reference, 5000, currency="NOK")
    with pytest.raises(PaymentConflict) as caught:
        epay.cancel_payment(reference)
    assert caught.value.status == 409
    assert "refund" in caught.value.error_message


# ---- expiry --------------------------------------------------------------------------------------------------------


@pytest.fixture
def short_epay(short_windows: SimControl) -> Iterator[EPaymentClient]:
    with EPaymentClient(demo_vipps_settings(short_windows.base_url), retry=FAST_RETRY) as client:
        yield client


def test_a_qr_payment_nobody_scans_expires_after_the_landing_window(short_epay, short_windows):
    reference, _ = qr(short_epay)
    assert short_epay.get_payment(reference).state is State.CREATED
    assert wait_for(lambda: short_epay.get_payment(reference).state is State.EXPIRED)
    assert event_names(short_epay, reference)[-1] == (EventName.EXPIRED, True)


def test_a_push_payment_left_in_the_app_expires_and_cannot_be_approved(short_epay, short_windows):
    reference = push(short_epay)
    request_id = short_epay.get_payment(reference).psp_reference
    assert wait_for(lambda: short_epay.get_payment(reference).state is State.EXPIRED)
    assert short_windows.respond(request_id, PHONE, "approve").status_code == 409


def test_a_refused_card_still_expires_when_the_window_ends(short_epay, short_windows):
    reference = push(short_epay, 3100)
    short_epay.force_approve(reference)
    assert wait_for(lambda: short_epay.get_payment(reference).state is State.EXPIRED)


# ---- idempotency ---------------------------------------------------------------------------------------------------


def test_create_with_the_same_key_replays_the_answer_and_makes_one_payment(epay, sim):
    request = CreatePaymentRequest.qr(new_reference(), 14950, "Test purchase", market=NORWAY)
    first = epay.create_payment(request, idempotency_key="create-key-1")
    again = epay.create_payment(request, idempotency_key="create-key-1")
    assert again == first
    assert [p["reference"] for p in sim.payments()] == [request.reference]


def test_the_same_reference_under_another_key_is_a_conflict(epay, sim):
    request = CreatePaymentRequest.qr(new_reference(), 14950, "Test purchase", market=NORWAY)
    epay.create_payment(request)
    with pytest.raises(PaymentConflict) as caught:
        epay.create_payment(request)
    problem = caught.value.problem
    assert (problem.status, problem.code) == (409, "reference-already-used")
    assert problem.trace_id
    assert caught.value.context_id == problem.trace_id


def test_a_capture_repeated_with_its_key_captures_once(epay, sim):
    reference = authorized(epay, 10000)
    first = epay.capture_payment(reference, 4000, currency="NOK", idempotency_key="capture-once")
    again = epay.capture_payment(reference, 4000, currency="NOK", idempotency_key="capture-once")
    assert again == first
    assert sim.epayment(reference)["capturedAmount"] == 4000


def test_an_idempotency_key_longer_than_50_characters_is_refused_before_sending(epay):
    sent = spy_requests(epay)
    with pytest.raises(ValueError, match="50"):
        epay.capture_payment("reference-1", 100, currency="NOK", idempotency_key="k" * 51)
    assert sent == []


# ---- problem bodies as typed errors --------------------------------------------------------------------------------


def test_an_unknown_reference_is_payment_not_found(epay):
    with pytest.raises(PaymentNotFound) as caught:
        epay.get_payment("no-such-payment")
    problem = caught.value.problem
    assert (caught.value.status, problem.status, problem.code) == (404, 404, "payment-not-found")
    assert problem.title == "Not Found"
    assert problem.detail
    assert problem.trace_id


def test_capturing_more_than_authorized_is_a_400_problem(epay, sim):
    reference = authorized(epay, 5000)
    with pytest.raises(ProblemRejected) as caught:
        epay.capture_payment(reference, 5001, currency="NOK")
    assert type(caught.value) is ProblemRejected
    assert (caught.value.status, caught.value.error_code) == (400, "capture-amount-too-high")
    assert sim.epayment(reference)["capturedAmount"] == 0


def test_refunding_more_than_captured_is_refused(epay, sim):
    reference = authorized(epay, 5000)
    epay.capture_payment(reference, 3000, currency="NOK")
    with pytest.raises(ProblemRejected, match="3000 remains to refund"):
        epay.refund_payment(reference, 3001, currency="NOK")
    assert sim.epayment(reference)["refundedAmount"] == 0


def test_capturing_before_authorization_is_a_conflict(epay):
    reference = push(epay)
    with pytest.raises(PaymentConflict, match="CREATED"):
        epay.capture_payment(reference, 100, currency="NOK")


def test_a_validation_problem_carries_its_extra_details(epay):
    request = CreatePaymentRequest(
        amount=Amount(value=1000, currency=Currency.DKK),
        reference=new_reference(),
        user_flow=UserFlow.QR,
        qr_format=None,
    )
    with pytest.raises(ProblemRejected) as caught:
        epay.create_payment(request)
    details = dict(caught.value.problem.extra_details)
    assert details["amount.currency"] == "must be NOK"
    assert "TEXT/TARGETURL" in details["qrFormat.format"]
    assert caught.value.error_code == "validation-error"


def test_a_wrong_subscription_key_is_an_auth_error_that_names_no_secret(sim):
    settings = replace(demo_vipps_settings(sim.base_url), subscription_key="nope-nope")
    with EPaymentClient(settings, retry=FAST_RETRY) as client, pytest.raises(VippsAuthError) as caught:
        client.get_payment("any-reference")
    assert caught.value.status == 401
    assert "nope-nope" not in str(caught.value)


def test_another_sales_unit_is_refused_with_403(sim):
    settings = replace(demo_vipps_settings(sim.base_url), merchant_serial_number="654321")
    with EPaymentClient(settings, retry=FAST_RETRY) as client, pytest.raises(VippsAuthError) as caught:
        qr(client)
    assert caught.value.status == 403


def test_force_approve_is_refused_for_production_without_any_request(sim):
    settings = replace(demo_vipps_settings(sim.base_url), base_url="https://api.vipps.no")
    with EPaymentClient(settings, retry=FAST_RETRY) as client:
        sent = spy_requests(client)
        with pytest.raises(ForceApproveNotAllowed):
            client.force_approve("reference-1", MSISDN)
    assert sent == []


# ---- the shared transport: token, faults, cancel -------------------------------------------------------------------


def test_the_access_token_is_shared_with_the_psp_client(vipps_settings, sim):
    with VippsClient(vipps_settings, retry=FAST_RETRY) as psp:
        token = psp.access_token()
    sim.fault(path="/accesstoken/get", status=503)  # the ePayment client must not need the endpoint at all
    with EPaymentClient(vipps_settings, retry=FAST_RETRY) as epay:
        qr(epay)
        assert epay.access_token() == token


def test_a_revoked_token_is_renewed_once_and_the_call_goes_through(epay, sim):
    reference, _ = qr(epay)
    old = epay.access_token()
    sim.revoke_tokens()
    assert epay.get_payment(reference).reference == reference
    assert epay.access_token() != old


def test_a_few_503s_are_retried_away(epay, sim):
    reference, _ = qr(epay)
    sim.fault(path="/epayment/v1/payments/[^/]+$", method="GET", status=503, count=2)
    assert epay.get_payment(reference).reference == reference
    assert sim.faults() == []  # both were spent: the client did retry


def test_503s_that_persist_are_a_server_error_with_the_problem_read(epay, sim):
    sim.fault(path="/epayment/", status=503)
    with pytest.raises(VippsServerError) as caught:
        epay.get_payment("reference-1")
    assert caught.value.status == 503
    (detail,) = caught.value.errors
    assert detail.error_message == "Injected fault"
    assert detail.context_id  # the problem's traceId


def test_a_429_with_retry_after_is_waited_out(epay, sim):
    reference = authorized(epay, 5000)
    sim.fault(path="/capture$", status=429, retry_after=1, count=1)
    started = time.monotonic()
    assert epay.capture_payment(reference, 5000, currency="NOK").aggregate.captured_amount.value == 5000
    assert time.monotonic() - started >= 0.9
    assert sim.faults() == []


def test_a_429_asking_for_too_long_is_reported_with_its_wait(epay, sim):
    sim.fault(path="/epayment/", status=429, retry_after=120)
    with pytest.raises(VippsRateLimited) as caught:
        epay.get_payment("reference-1")
    assert caught.value.retry_after_s == 120


def test_a_create_whose_answer_is_dropped_finds_the_same_payment_by_its_key(epay, sim):
    sent = spy_requests(epay)
    sim.fault(path="/epayment/v1/payments$", drop=True, count=1)
    reference, created = qr(epay)
    assert sim.faults() == []  # the first answer was dropped after the payment was made
    keys = [headers["Idempotency-Key"] for method, url, headers, _ in sent if url == "/epayment/v1/payments"]
    assert len(keys) == 2
    assert keys[0] == keys[1]
    (record,) = sim.payments()
    assert (record["reference"], record["landingUrl"]) == (reference, created.redirect_url)


def test_a_capture_whose_answer_is_dropped_is_retried_and_captures_once(epay, sim):
    reference = authorized(epay, 8000)
    sim.fault(path="/capture$", drop=True, count=1)
    assert epay.capture_payment(reference, 8000, currency="NOK").aggregate.captured_amount.value == 8000
    assert sim.epayment(reference)["capturedAmount"] == 8000


def test_a_force_approve_that_drops_is_not_repeated(epay, sim):
    reference = push(epay)
    sim.fault(path="/approve$", drop=True)
    with pytest.raises(VippsConnectionError):
        epay.force_approve(reference)
    assert sim.epayment(reference)["state"] == "AUTHORIZED"  # it did land, once


def test_a_malformed_answer_is_an_error_not_a_crash(epay, sim):
    reference, _ = qr(epay)
    sim.fault(path="/events$", malformed=True, count=1)
    with pytest.raises(MalformedResponse):
        epay.get_events(reference)
    assert event_names(epay, reference) == [(EventName.CREATED, True)]


def test_cancel_from_another_thread_ends_a_call_waiting_to_retry(vipps_settings, sim):
    sim.fault(path="/epayment/", status=503)
    patient = replace(FAST_RETRY, attempts=10, base_s=30.0, cap_s=30.0)
    with EPaymentClient(vipps_settings, retry=patient) as client:
        client.access_token()
        timer = threading.Timer(0.3, client.cancel)
        timer.start()
        started = time.monotonic()
        with pytest.raises(VippsCancelled):
            client.get_payment("reference-1")  # 503s, then backoffs of up to 30 s that cancel() ends
        timer.join()
    assert time.monotonic() - started < 10


# ---- Vipps' documented rate limits, kept on this side --------------------------------------------------------------


def test_reads_beyond_the_limit_are_reported_without_sending(vipps_settings, sim):
    with EPaymentClient(vipps_settings, retry=FAST_RETRY, rate_limits={"get": RateLimit(2, 60.0)}) as client:
        reference, _ = qr(client)
        client.get_payment(reference)
        client.get_payment(reference)
        sent = spy_requests(client)
        with pytest.raises(VippsRateLimited) as caught:
            client.get_payment(reference)
        assert sent == []
        assert 50 < caught.value.retry_after_s <= 60
        other, _ = qr(client)  # the limit is per payment
        assert client.get_payment(other).reference == other


def test_a_short_wait_for_the_limit_is_waited_out(vipps_settings, sim):
    with EPaymentClient(vipps_settings, retry=FAST_RETRY, rate_limits={"get": RateLimit(2, 0.5)}) as client:
        reference, _ = qr(client)
        started = time.monotonic()
        for _ in range(3):
            client.get_payment(reference)
        assert time.monotonic() - started >= 0.45


def test_a_wait_for_the_limit_longer_than_the_policy_allows_is_reported_without_sending(vipps_settings, sim):
    """What the sale's worker asks for: it sends again on its own schedule, so it must never sit out the limit."""
    retry = replace(FAST_RETRY, longest_own_limit_wait_s=0.2)  # a 429's Retry-After of 2 s would still be waited
    with EPaymentClient(vipps_settings, retry=retry, rate_limits={"get": RateLimit(1, 1.0)}) as client:
        reference, _ = qr(client)
        client.get_payment(reference)
        sent = spy_requests(client)
        started = time.monotonic()
        with pytest.raises(VippsRateLimited) as caught:
            client.get_payment(reference)
        assert time.monotonic() - started < 0.2
        assert sent == []
        assert 0.2 < caught.value.retry_after_s <= 1.0


def test_the_limit_forgets_payments_whose_calls_no_longer_count():
    """A kiosk runs all day: the budget keeps only what some limit still counts, not every payment it met."""
    now = [0.0]
    budget = CallBudget(clock=lambda: now[0])
    for number in range(1_000):  # a payment a second, each read ten times
        now[0] += 1.0
        for _ in range(10):
            assert budget.take(("unit", "get", f"reference-{number}"), RateLimit(120, 60.0)) == 0.0
    assert len(budget) <= 2 * 60  # the last minute's, at most twice over between two sweeps
    assert budget.take(("unit", "get", "reference-999"), RateLimit(10, 60.0)) > 0  # the last one's ten still count


def test_fetching_the_access_token_spends_no_payments_budget(epay, vipps_settings):
    reference, _ = qr(epay)
    TOKENS.clear()  # the next client's first call fetches a token on the way
    with EPaymentClient(vipps_settings, retry=FAST_RETRY, rate_limits={"get": RateLimit(1, 60.0)}) as client:
        assert client.get_payment(reference).reference == reference


def test_vipps_own_404_for_an_unknown_reference_is_a_whole_problem_of_the_apis_media_type(epay):
    with pytest.raises(PaymentNotFound) as caught:
        epay.get_payment("no-such-reference-1")
    assert caught.value.content_type.startswith("application/problem+json")
    assert caught.value.problem.whole
    assert caught.value.problem.instance == "/epayment/v1/payments/no-such-reference-1"


def test_a_gateways_404_page_is_not_a_whole_problem(epay, sim):
    sim.fault(path="^/epayment/v1/payments/[^/]+$", status=404, body="<html>Not Found</html>", content_type="text/html")
    with pytest.raises(PaymentNotFound) as caught:
        epay.get_payment("no-such-reference-1")
    assert caught.value.content_type == "text/html"
    assert not caught.value.problem.whole


def test_a_redirect_is_an_error_and_never_followed(epay, sim):
    sim.fault(path="^/epayment/v1/payments/[^/]+$", status=302, body="", headers={"Location": "/epayment/v1/payments"})
    with pytest.raises(UnexpectedRedirect, match="HTTP 302"):
        epay.get_payment("no-such-reference-1")


# ---- the other markets: Denmark (DKK, +45) and Finland (EUR, +358), each at its own sales unit -------------------


@pytest.mark.parametrize("case", [CASES["DK"], CASES["FI"]], ids=str)
def test_a_payment_in_another_market_is_made_captured_and_refunded_in_its_currency(sim, case):
    currency = case.market.currency
    with EPaymentClient(unit_settings(sim.base_url, "epayment", case.country), retry=FAST_RETRY) as client:
        sent = spy_requests(client)
        reference = new_reference()
        request = CreatePaymentRequest.push(
            reference, case.amount, "Test purchase", case.typed_phone, market=case.market
        )
        client.create_payment(request)
        assert sent[0][3]["amount"] == {"value": case.amount, "currency": currency}
        assert sent[0][3]["customer"] == {"phoneNumber": case.msisdn}
        record = sim.epayment(reference)
        assert (record["amount"], record["currency"], record["phone"]) == (case.amount, currency, case.app_key)
        client.force_approve(reference)
        captured = client.capture_payment(reference, case.amount, currency=currency)
        assert captured.aggregate.captured_amount == Amount.of(case.amount, currency)
        refunded = client.refund_payment(reference, 1, currency=currency)
        assert refunded.aggregate.refunded_amount == Amount.of(1, currency)


def test_a_danish_unit_refuses_kroner_of_norway_as_vipps_does(sim):
    with EPaymentClient(unit_settings(sim.base_url, "epayment", "DK"), retry=FAST_RETRY) as client:
        with pytest.raises(ProblemRejected) as caught:
            qr(client, 4995)  # built for Norway: NOK
    assert caught.value.error_code == "invalid-currency"
    assert sim.payments() == []
