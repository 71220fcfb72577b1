"""The simulator's ePayment API at the HTTP level: the contract's shapes, its refusals, and the shared pages."""

from __future__ import annotations

import ast
import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.market import NORWAY
from kiosk.settings.demo import demo_vipps_settings
from kiosk.vipps import PaymentNotFound
from kiosk.vipps.client import VippsClient
from kiosk.vipps.epayment import EPaymentClient
from kiosk.vipps.epayment_models import CreatePaymentRequest, State
from tests.conftest import FAST_RETRY
from tests.helpers import psp_headers, start_payment

PAYMENTS = "/epayment/v1/payments"
PROBLEM_FIELDS = {"type", "title", "status", "traceId", "detail"}


@pytest.fixture
def token(sim) -> str:
    """A token issued after this test's reset (a reset revokes every token)."""
    with VippsClient(demo_vipps_settings(sim.base_url)) as client:
        return client.access_token()


@pytest.fixture
def http(sim, token) -> Iterator[httpx.Client]:
    """A bare client with the ePayment headers, for requests the real client would never send."""
    settings = demo_vipps_settings(sim.base_url)
    headers = {k: v for k, v in psp_headers(settings, token).items() if k != "Psp-Id"}
    with httpx.Client(base_url=sim.base_url, headers=headers, trust_env=False) as client:
        yield client


def new_reference() -> str:
    return f"sim-{uuid.uuid4().hex[:20]}"


def qr_body(**changes: Any) -> dict[str, Any]:
    body = {
        "amount": {"value": 14950, "currency": "NOK"},
        "reference": new_reference(),
        "userFlow": "QR",
        "paymentMethod": {"type": "WALLET"},
        "customerInteraction": "CUSTOMER_PRESENT",
        "qrFormat": {"format": "TEXT/TARGETURL"},
        "paymentDescription": "Test purchase",
    }
    body.update(changes)
    return body


def create(http: httpx.Client, body: Any, key: str | None = "key") -> httpx.Response:
    headers = {"Idempotency-Key": f"{key}-{uuid.uuid4().hex[:8]}"} if key else {}
    return http.post(PAYMENTS, json=body, headers=headers)


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert set(body) >= PROBLEM_FIELDS
    assert body["status"] == status
    return body


def test_a_qr_payment_has_the_contracts_shapes(http, sim):
    body = qr_body()
    created = create(http, body)
    assert created.status_code == 201
    assert set(created.json()) == {"reference", "redirectUrl"}
    payment = http.get(f"{PAYMENTS}/{body['reference']}").json()
    assert set(payment) >= {"aggregate", "amount", "state", "paymentMethod", "profile", "pspReference", "reference"}
    assert payment["amount"] == {"currency": "NOK", "value": 14950}
    assert set(payment["aggregate"]) == {"authorizedAmount", "cancelledAmount", "capturedAmount", "refundedAmount"}
    (event,) = http.get(f"{PAYMENTS}/{body['reference']}/events").json()
    assert set(event) >= {"reference", "pspReference", "name", "amount", "timestamp", "success", "idempotencyKey"}
    assert event["idempotencyKey"].startswith("key-")


def test_a_push_payment_answers_no_url(http):
    body = qr_body(userFlow="PUSH_MESSAGE", qrFormat=None, customer={"phoneNumber": "4791234567"})
    del body["qrFormat"]
    created = create(http, body)
    assert (created.status_code, created.json()) == (201, {"reference": body["reference"]})


def test_writes_need_an_idempotency_key_of_at_most_50_characters(http, sim):
    problem = assert_problem(create(http, qr_body(), key=None), 400)
    assert "Idempotency-Key" in problem["detail"]
    too_long = http.post(PAYMENTS, json=qr_body(), headers={"Idempotency-Key": "k" * 51})
    assert_problem(too_long, 400)
    assert sim.payments() == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reference": "short"}, "reference"),
        ({"amount": {"value": "100", "currency": "NOK"}}, "amount.value"),
        ({"amount": {"value": 65_000_001, "currency": "NOK"}}, "amount.value"),
        ({"paymentMethod": {"type": "CARD"}}, "paymentMethod.type"),
        ({"userFlow": "TELEPATHY"}, "userFlow"),
        ({"qrFormat": {"format": "IMAGE/SVG+XML"}}, "qrFormat.format"),
        ({"qrFormat": None}, "qrFormat.format"),
        ({"paymentDescription": "ab"}, "paymentDescription"),
        ({"userFlow": "PUSH_MESSAGE", "qrFormat": None}, "customer"),
        ({"userFlow": "WEB_REDIRECT", "qrFormat": None}, "returnUrl"),
        ({"customer": {"phoneNumber": "91234567"}}, "customer.phoneNumber"),
        ({"customer": {"phoneNumber": "46701234567"}}, "customer.phoneNumber"),
        ({"customer": {"personalQr": "https://qr.example/4791234567"}}, "customer.personalQr"),  # nobody's code
    ],
)
def test_a_body_that_breaks_the_contract_is_a_validation_problem_naming_the_field(http, sim, changes, field):
    body = qr_body(**changes)
    problem = assert_problem(create(http, body), 400)
    assert field in [d["name"] for d in problem["extraDetails"]]
    assert sim.payments() == []


def test_a_body_that_is_not_json_is_a_problem(http):
    answer = http.post(PAYMENTS, content=b"{not json", headers={"Idempotency-Key": "k1"})
    assert_problem(answer, 400)


def test_no_token_is_the_gateways_401(sim):
    answer = httpx.get(f"{sim.base_url}{PAYMENTS}/reference-1", trust_env=False)
    assert answer.status_code == 401


def test_sim_payments_lists_both_apis_and_reset_forgets_both(http, sim, client, vipps_settings):
    psp = start_payment(client, vipps_settings)
    body = qr_body()
    create(http, body)
    listed = {p["api"]: p for p in sim.payments()}
    assert listed["psp"]["pspTransactionId"] == psp.psp_transaction_id
    assert listed["epayment"]["reference"] == body["reference"]
    assert listed["epayment"]["state"] == "CREATED"
    sim.reset()
    assert sim.payments() == []
    with EPaymentClient(vipps_settings, retry=FAST_RETRY) as epay, pytest.raises(PaymentNotFound):
        epay.get_payment(body["reference"])


def test_the_landing_page_serves_an_epayment_payment(http, sim):
    body = qr_body()
    url = create(http, body).json()["redirectUrl"]
    token = re.search(r"token=([^&]+)", url).group(1)
    state = sim.http.get("/_sim/landing/state", params={"token": token}).json()
    assert (state["amount"], state["stage"], state["outcome"]) == (14950, "AWAITING_PHONE", None)
    assert state["paymentText"] == "Test purchase"
    assert sim.enter_phone(url, "91234567").status_code == 200
    (request,) = sim.app_requests("91234567")
    sim.respond(request["pspTransactionId"], "91234567", "approve")
    assert sim.http.get("/_sim/landing/state", params={"token": token}).json()["outcome"] == "paid"


def test_a_refused_card_is_reported_to_the_app_and_the_request_stays(http, sim):
    body = qr_body(amount={"value": 3100, "currency": "NOK"}, customer={"phoneNumber": "4791234567"})
    body.update(userFlow="PUSH_MESSAGE")
    del body["qrFormat"]
    create(http, body)
    (request,) = sim.app_requests("91234567")
    answer = sim.respond(request["pspTransactionId"], "91234567", "approve").json()
    assert answer["paid"] is False
    assert answer["failure"]["errorText"] == "Card not eligible for this payment"
    assert [r["pspTransactionId"] for r in sim.app_requests("91234567")] == [request["pspTransactionId"]]


def test_injected_faults_answer_ePayment_paths_with_a_problem_and_psp_paths_with_a_list(http, sim):
    sim.fault(path="/epayment/", status=503, count=1)
    problem = assert_problem(http.get(f"{PAYMENTS}/reference-1"), 503)
    assert problem["detail"] == "Injected fault"
    sim.fault(path="/details$", status=503, count=1)
    listed = sim.http.get("/psp/v3/psppayments/abc/details")
    assert listed.json()[0]["errorMessage"] == "Injected fault"


def test_force_approve_needs_a_customer_when_nobody_has_the_payment(http):
    body = qr_body()
    create(http, body)
    approve = f"/epayment/v1/test/payments/{body['reference']}/approve"
    assert_problem(http.post(approve, json={}), 400)
    assert_problem(http.post(approve, json={"token": "not-the-token"}), 400)
    assert http.post(approve, json={"customer": {"phoneNumber": "4791234567"}}).status_code == 200
    assert http.get(f"{PAYMENTS}/{body['reference']}").json()["state"] == "AUTHORIZED"
    assert_problem(http.post(approve, json={}), 409)


def test_the_simulator_imports_nothing_else_of_the_kiosk():
    folder = Path(__file__).resolve().parents[1] / "kiosk" / "simulator"
    for source in folder.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [a.name for a in node.names] if isinstance(node, ast.Import) else []
            for name in names:
                assert not name.startswith("kiosk.") or name.startswith("kiosk.simulator"), (source.name, name)


json_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=30)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=15), inner, max_size=6),
    max_leaves=20,
)
create_bodies = st.fixed_dictionaries(
    {},
    optional={
        "amount": st.fixed_dictionaries({"value": st.integers(-5, 70_000_000), "currency": st.sampled_from(["NOK"])})
        | json_values,
        "reference": st.from_regex(r"[a-zA-Z0-9-]{6,52}", fullmatch=True) | json_values,
        "userFlow": st.sampled_from(["QR", "PUSH_MESSAGE", "WEB_REDIRECT", "X"]) | json_values,
        "paymentMethod": st.just({"type": "WALLET"}) | json_values,
        "customer": st.just({"phoneNumber": "4791234567"}) | json_values,
        "qrFormat": st.just({"format": "TEXT/TARGETURL"}) | json_values,
        "returnUrl": st.just("https://example.com/") | json_values,
        "paymentDescription": st.text(max_size=110) | json_values,
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=create_bodies | json_values)
def test_any_create_body_gets_a_payment_or_a_problem(http, body):
    answer = create(http, body)
    assert answer.status_code in (201, 400, 409)
    if answer.status_code == 201:
        assert answer.json()["reference"] == body["reference"]
    else:
        assert set(answer.json()) >= PROBLEM_FIELDS


@pytest.mark.browser
def test_an_epayment_qr_landing_page_is_approved_in_the_browser(page, sim):
    from playwright.sync_api import expect

    settings_ = demo_vipps_settings(sim.base_url)
    with EPaymentClient(settings_, retry=FAST_RETRY) as epay:
        reference = new_reference()
        created = epay.create_payment(CreatePaymentRequest.qr(reference, 14950, "Counter sale", market=NORWAY))
        page.goto(created.redirect_url)
        expect(page.locator("#amount")).to_have_text(re.compile(r"149,50\s?kr"))
        expect(page.locator("#payment-text")).to_have_text("Counter sale")
        page.fill("#phone", "91234567")
        page.click("#next")
        expect(page.locator("#waiting")).to_be_visible()

        app = page.context.new_page()
        app.goto(sim.base_url + "/_sim/app?phone=91234567")
        expect(app.locator(".request .amount")).to_have_text(re.compile(r"149,50\s?kr"))
        app.get_by_role("button", name="Pay").click()
        expect(app.locator("#result")).to_have_text(re.compile("Paid 149,50"))

        expect(page.locator("#outcome")).to_have_text("Payment approved")
        assert epay.get_payment(reference).state is State.AUTHORIZED


def test_problem_bodies_parse_whatever_comes():
    from kiosk.vipps.epayment_models import parse_problem

    for content in (b"", b"<html>", b"[]", json.dumps({"status": "x"}).encode(), b'{"type": 5}'):
        problem = parse_problem(502, content)
        assert problem.status == 502
        assert problem.title
