"""Issue 16's simulator: one demo sales unit per market (Norway, Denmark, Finland), each with its own MSN and
credentials, served at once by one running simulator over real sockets; currency, minimum and phone per market."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from kiosk.simulator.demo import DEMO_SALES_UNITS, SalesUnit

PAYMENTS = "/epayment/v1/payments"
CURRENCY = {"NO": "NOK", "DK": "DKK", "FI": "EUR"}
CUSTOMER = {"NO": "4791234567", "DK": "4521234567", "FI": "358401234567"}


class UnitClient:
    """A merchant's plain HTTP client for one demo sales unit: its own token and Merchant-Serial-Number."""

    def __init__(self, base_url: str, unit: SalesUnit) -> None:
        self.unit = unit
        self.http = httpx.Client(base_url=base_url, trust_env=False, timeout=10)
        token = self.http.post(
            "/accesstoken/get",
            headers={
                "client_id": unit.client_id,
                "client_secret": unit.client_secret,
                "Ocp-Apim-Subscription-Key": unit.subscription_key,
            },
        )
        assert token.status_code == 200, token.text
        self.http.headers.update(
            {
                "Authorization": f"Bearer {token.json()['access_token']}",
                "Ocp-Apim-Subscription-Key": unit.subscription_key,
                "Merchant-Serial-Number": unit.merchant_serial_number,
            }
        )

    def create(self, value: int, currency: str | None = None, **changes: Any) -> httpx.Response:
        body = {
            "amount": {"value": value, "currency": currency or CURRENCY[self.unit.country]},
            "reference": f"mkt-{uuid.uuid4().hex[:20]}",
            "userFlow": "QR",
            "paymentMethod": {"type": "WALLET"},
            "qrFormat": {"format": "TEXT/TARGETURL"},
            "paymentDescription": "Market test",
            **changes,
        }
        if body["userFlow"] != "QR":
            del body["qrFormat"]
        return self.http.post(PAYMENTS, json=body, headers={"Idempotency-Key": uuid.uuid4().hex})

    def push(self, value: int, phone: str) -> httpx.Response:
        return self.create(value, userFlow="PUSH_MESSAGE", customer={"phoneNumber": phone})

    def get(self, reference: str) -> dict[str, Any]:
        return self.http.get(f"{PAYMENTS}/{reference}").json()


@pytest.fixture
def units(sim) -> Iterator[dict[str, UnitClient]]:
    """A client per demo unit, all three logged in to the same simulator at once."""
    made = {country: UnitClient(sim.base_url, unit) for country, unit in DEMO_SALES_UNITS.items()}
    yield made
    for client in made.values():
        client.http.close()


def _problem(response: httpx.Response, slug: str) -> dict[str, Any]:
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["type"].endswith("/" + slug)
    assert {"title", "detail", "status", "traceId", "instance"} <= set(body)
    return body


def test_the_demo_units_have_their_own_msn_credentials_and_names():
    msns = {unit.merchant_serial_number for unit in DEMO_SALES_UNITS.values()}
    ids = {unit.client_id for unit in DEMO_SALES_UNITS.values()}
    assert len(msns) == len(ids) == 3
    assert DEMO_SALES_UNITS["NO"].merchant_serial_number == "123456"  # Norway's as before
    assert DEMO_SALES_UNITS["DK"].name == "Demo Butik"
    assert DEMO_SALES_UNITS["FI"].name == "Demo Kauppa"


def test_a_danish_payment_of_49_95_dkk_is_created_and_its_landing_page_knows_the_market(units, sim):
    created = units["DK"].create(4995)
    assert created.status_code == 201, created.text
    reference = created.json()["reference"]
    assert units["DK"].get(reference)["amount"] == {"currency": "DKK", "value": 4995}
    token = created.json()["redirectUrl"].rsplit("token=", 1)[1]
    state = sim.http.get("/_sim/landing/state", params={"token": token}).json()
    assert (state["merchant"], state["country"], state["currency"], state["amount"]) == (
        "Demo Butik",
        "DK",
        "DKK",
        4995,
    )
    assert sim.epayment(reference)["merchantSerialNumber"] == "234567"


@pytest.mark.parametrize(
    ("country", "wrong"), [("NO", "DKK"), ("DK", "NOK"), ("FI", "DKK"), ("DK", "EUR"), ("DK", "SEK"), ("FI", "eur")]
)
def test_a_currency_of_another_country_is_refused_as_a_problem(units, sim, country, wrong):
    problem = _problem(units[country].create(4995, wrong), "invalid-currency")
    assert problem["title"] == "Invalid currency for this sales unit"
    assert CURRENCY[country] in problem["detail"]
    assert sim.payments() == []


def test_a_wrong_currency_beside_other_breaks_is_one_of_the_validation_problems_details(units, sim):
    problem = _problem(units["DK"].create(4995, "NOK", paymentDescription="ab"), "validation-error")
    details = {d["name"]: d["reason"] for d in problem["extraDetails"]}
    assert details == {"amount.currency": "must be DKK", "paymentDescription": "text of 3 to 100 characters"}
    assert sim.payments() == []


@pytest.mark.parametrize(("country", "minimum"), [("NO", 100), ("DK", 1), ("FI", 1)])
def test_the_markets_minimum_amount(units, sim, country, minimum):
    problem = _problem(units[country].create(minimum - 1), "amount-below-minimum")
    assert str(minimum) in problem["detail"]
    assert sim.payments() == []
    assert units[country].create(minimum).status_code == 201


@pytest.mark.parametrize(
    ("country", "phone", "app_key"),
    [
        ("NO", "4791234567", "91234567"),
        ("DK", "4521234567", "4521234567"),
        ("DK", "4599999999", "4599999999"),
        ("FI", "358401234567", "358401234567"),
        ("FI", "3585012345", "3585012345"),
        ("FI", "3584512345678", "3584512345678"),
    ],
)
def test_a_push_payment_reaches_the_app_of_a_customer_of_the_units_market(units, sim, country, phone, app_key):
    created = units[country].push(1500, phone)
    assert created.status_code == 201, created.text
    (request,) = sim.app_requests(app_key)
    assert (request["currency"], request["country"]) == (CURRENCY[country], country)
    if country != "NO":
        assert sim.app_requests(phone) == [request]


@pytest.mark.parametrize(
    ("country", "phone"),
    [
        ("NO", "4521234567"),  # a Danish number on the Norwegian unit
        ("DK", "4791234567"),  # a Norwegian number on the Danish unit
        ("DK", "4511234567"),  # Danish numbers never start with 1
        ("DK", "45212345678"),  # 9 digits after 45
        ("FI", "4521234567"),
        ("FI", "358301234567"),  # 30 is not a Finnish mobile prefix
        ("FI", "358401234"),  # 6 digits after 358: too short
        ("FI", "35840123456789"),  # 11 digits after 358: too long
    ],
)
def test_a_phone_number_of_another_market_is_refused(units, sim, country, phone):
    problem = _problem(units[country].push(1500, phone), "validation-error")
    assert [d["name"] for d in problem["extraDetails"]] == ["customer.phoneNumber"]
    assert sim.payments() == []


@pytest.mark.parametrize("country", ["DK", "FI"])
@pytest.mark.parametrize(("amount", "error_text"), [(3100, "Card not eligible"), (4400, "Expired"), (5100, "Expired")])
def test_the_magic_amounts_refuse_the_card_in_every_currency(units, sim, country, amount, error_text):
    created = units[country].push(amount, CUSTOMER[country])
    reference = created.json()["reference"]
    answer = sim.respond(reference, CUSTOMER[country], "approve")
    assert answer.status_code == 200
    assert error_text in answer.json()["failure"]["errorText"]
    payment = units[country].get(reference)
    assert payment["state"] == "CREATED"
    assert payment["aggregate"]["authorizedAmount"] == {"currency": CURRENCY[country], "value": 0}
    events = units[country].http.get(f"{PAYMENTS}/{reference}/events").json()
    assert [(e["name"], e["success"]) for e in events] == [("CREATED", True), ("AUTHORIZED", False)]


@pytest.mark.parametrize("country", ["DK", "FI"])
def test_another_amount_is_authorised_in_every_currency(units, sim, country):
    reference = units[country].push(3200, CUSTOMER[country]).json()["reference"]
    assert sim.respond(reference, CUSTOMER[country], "approve").json()["paid"] is True
    payment = units[country].get(reference)
    assert payment["state"] == "AUTHORIZED"
    assert payment["aggregate"]["authorizedAmount"] == {"currency": CURRENCY[country], "value": 3200}


def test_the_psp_api_refuses_a_danish_sales_unit(units, sim):
    dk = units["DK"]
    body = {
        "pspTransactionId": uuid.uuid4().hex,
        "merchantOrderId": "order-dk-1",
        "amount": 4995,
        "currency": "DKK",
        "pspRedirectUrl": "https://psp.example/done",
        "makePaymentUrl": f"{sim.base_url}/_sim/psp/makepayment",
    }
    answer = dk.http.post("/psp/v3/psppayments/init", json=body, headers={"Psp-Id": "demo-psp"})
    assert answer.status_code == 400
    assert answer.json()[0]["errorCode"] == "21"
    assert "Norway" in answer.json()[0]["errorMessage"]
    assert sim.payments() == []


def test_one_units_token_does_not_open_another_unit(units, sim):
    no = units["NO"]
    answer = no.http.post(
        PAYMENTS,
        json={"amount": {"value": 4995, "currency": "DKK"}},
        headers={"Merchant-Serial-Number": "234567", "Idempotency-Key": "k-other-unit"},
    )
    assert answer.status_code == 403
    assert sim.payments() == []


@pytest.mark.parametrize(
    ("country", "typed", "app_key"),
    [("NO", "91234567", "91234567"), ("DK", "21234567", "4521234567"), ("FI", "0401234567", "358401234567")],
)
def test_the_landing_page_takes_the_national_number_of_the_payments_market(units, sim, country, typed, app_key):
    landing = units[country].create(1500).json()["redirectUrl"]
    answer = sim.enter_phone(landing, typed)
    assert answer.status_code == 200, answer.text
    assert answer.json()["appPhone"] == app_key
    assert len(sim.app_requests(app_key)) == 1


@pytest.mark.parametrize(("country", "typed"), [("DK", "12345678"), ("DK", "2123456"), ("FI", "0301234567")])
def test_the_landing_page_refuses_a_number_of_another_kind(units, sim, country, typed):
    landing = units[country].create(1500).json()["redirectUrl"]
    answer = sim.enter_phone(landing, typed)
    assert (answer.status_code, answer.json()["code"]) == (400, "bad-phone")
    (payment,) = sim.payments()
    assert payment["stage"] == "AWAITING_PHONE"


def test_a_norwegian_customers_personal_qr_is_not_taken_by_a_danish_unit(units, sim):
    code = sim.http.get("/_sim/personal-qr", params={"phone": "91234567"}).json()["personalQr"]
    problem = _problem(
        units["DK"].create(1500, userFlow="PUSH_MESSAGE", customer={"personalQr": code}), "unknown-personal-qr"
    )
    assert "another market" in problem["extraDetails"][0]["reason"]
    danish = sim.http.get("/_sim/personal-qr", params={"phone": "4521234567"}).json()["personalQr"]
    assert units["DK"].create(1500, userFlow="PUSH_MESSAGE", customer={"personalQr": danish}).status_code == 201
    assert len(sim.app_requests("4521234567")) == 1


def test_force_approve_takes_a_customer_of_the_payments_market(units, sim):
    dk = units["DK"]
    reference = dk.create(4995).json()["reference"]
    approve = f"/epayment/v1/test/payments/{reference}/approve"
    wrong = dk.http.post(approve, json={"customer": {"phoneNumber": "4791234567"}})
    assert wrong.status_code == 400
    assert dk.get(reference)["state"] == "CREATED"
    assert dk.http.post(approve, json={"customer": {"phoneNumber": "4521234567"}}).status_code == 200
    assert dk.get(reference)["state"] == "AUTHORIZED"
    assert sim.epayment(reference)["phone"] == "4521234567"
