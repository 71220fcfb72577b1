"""The simulator's personal QR codes: each customer has one, the app page shows it, and ePayment create with
`customer.personalQr` pushes the payment to that customer's app (or refuses with an RFC 7807 problem)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from kiosk.settings.demo import demo_vipps_settings
from kiosk.simulator.access import is_control
from kiosk.vipps.client import VippsClient
from tests.helpers import psp_headers

PAYMENTS = "/epayment/v1/payments"
TOKENIZED = re.compile(r"^https://qr\.vipps\.no/p/[A-Za-z0-9_-]{20,}$")


@pytest.fixture
def http(sim) -> Iterator[httpx.Client]:
    settings = demo_vipps_settings(sim.base_url)
    with VippsClient(settings) as client:
        token = client.access_token()
    headers = {k: v for k, v in psp_headers(settings, token).items() if k != "Psp-Id"}
    with httpx.Client(base_url=sim.base_url, headers=headers, trust_env=False) as client:
        yield client


def personal_qr(sim, phone: str) -> str:
    answer = sim.http.get("/_sim/personal-qr", params={"phone": phone})
    answer.raise_for_status()
    return answer.json()["personalQr"]


def push_body(customer: dict[str, Any]) -> dict[str, Any]:
    return {
        "amount": {"value": 14950, "currency": "NOK"},
        "reference": f"pqr-{uuid.uuid4().hex[:20]}",
        "userFlow": "PUSH_MESSAGE",
        "paymentMethod": {"type": "WALLET"},
        "customerInteraction": "CUSTOMER_PRESENT",
        "customer": customer,
        "paymentDescription": "Kaffebaren #1: test",
    }


def create(http: httpx.Client, body: dict[str, Any]) -> httpx.Response:
    return http.post(PAYMENTS, json=body, headers={"Idempotency-Key": uuid.uuid4().hex})


def test_each_customer_has_one_opaque_code_of_their_own(sim):
    first = personal_qr(sim, "41234567")
    assert TOKENIZED.fullmatch(first)
    assert "41234567" not in first  # tokenized: nothing of the number in it
    assert personal_qr(sim, "41234567") == first  # the same code every time the app is opened
    assert personal_qr(sim, "91234567") != first
    assert sim.http.get("/_sim/personal-qr", params={"phone": "4123"}).status_code == 400


def test_the_app_page_serves_the_code_as_an_svg_image(sim):
    answer = sim.http.get("/_sim/app/personal-qr.svg", params={"phone": "41234567"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("image/svg+xml")
    assert answer.text.lstrip().startswith("<?xml") or "<svg" in answer.text[:200]
    assert sim.http.get("/_sim/app/personal-qr.svg", params={"phone": "x"}).status_code == 400


def test_the_image_is_a_customer_page_and_the_code_lookup_a_control():
    assert not is_control("/_sim/app/personal-qr.svg")
    assert is_control("/_sim/personal-qr")


def test_a_push_by_personal_qr_reaches_that_customers_app(sim, http):
    code = personal_qr(sim, "41234567")
    body = push_body({"personalQr": code})
    answer = create(http, body)
    assert answer.status_code == 201, answer.text
    assert "redirectUrl" not in answer.json()
    (request,) = sim.http.get("/_sim/app/requests", params={"phone": "41234567"}).json()
    assert request["amount"] == 14950
    assert request["paymentText"] == "Kaffebaren #1: test"
    assert sim.http.get("/_sim/app/requests", params={"phone": "91234567"}).json() == []
    assert sim.epayment(body["reference"])["phone"] == "41234567"


@pytest.mark.parametrize(
    ("customer", "slug"),
    [
        ({"personalQr": "https://qr.vipps.no/p/nobody-has-this-code-at-all"}, "unknown-personal-qr"),
        ({"personalQr": "abcd"}, "validation-error"),  # under 5 characters
        ({"personalQr": "x" * 256}, "validation-error"),  # over 255
        ({"personalQr": 12345}, "validation-error"),
        ({"personalQr": "https://qr.vipps.no/p/abcdef", "phoneNumber": "4741234567"}, "validation-error"),
    ],
)
def test_an_unknown_or_malformed_code_gets_a_problem_and_creates_nothing(sim, http, customer, slug):
    body = push_body(customer)
    answer = create(http, body)
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("application/problem+json")
    problem = answer.json()
    assert problem["type"].endswith(slug)
    assert {"type", "title", "status", "detail", "traceId", "instance"} <= set(problem)
    assert any(d["name"].startswith("customer") for d in problem["extraDetails"])
    assert all(p.get("reference") != body["reference"] for p in sim.payments())


def test_faults_work_on_a_push_by_personal_qr(sim, http):
    code = personal_qr(sim, "41234567")
    sim.http.post("/_sim/faults", json={"path": f"{PAYMENTS}$", "method": "POST", "status": 503}).raise_for_status()
    assert create(http, push_body({"personalQr": code})).status_code == 503
    assert sim.http.get("/_sim/app/requests", params={"phone": "41234567"}).json() == []


def decode_png(png: bytes) -> list[str]:
    """What a barcode scanner reads off a picture of the screen (zxing-cpp, over Qt's PNG reader)."""
    import zxingcpp
    from PySide6.QtGui import QImage

    image = QImage.fromData(png, "PNG").convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    bits = bytes(image.constBits())
    rows = b"".join(bits[y * stride : y * stride + width] for y in range(height))
    return [found.text for found in zxingcpp.read_barcodes(memoryview(rows).cast("B", (height, width)))]


def read_personal_qr_off_the_app(page, base_url: str, phone: str) -> str:
    """Open the customer's simulated app in a real browser and read their code off the screen, as a scanner does."""
    from playwright.sync_api import expect

    page.goto(f"{base_url}/_sim/app?phone={phone}")
    image = page.locator("#personal-qr-image")
    expect(image).to_be_visible()
    page.wait_for_function("document.getElementById('personal-qr-image').complete")
    (text,) = decode_png(image.screenshot())
    return text


def test_the_code_scans_off_the_app_page_in_a_real_browser(sim, page, qapp):
    text = read_personal_qr_off_the_app(page, sim.base_url, "41234567")
    assert TOKENIZED.fullmatch(text)
    assert text == personal_qr(sim, "41234567")
