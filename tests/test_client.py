"""The client against the simulator over loopback: the happy paths, the token, and every error code."""

from __future__ import annotations

import pytest

from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import VippsSettings
from kiosk.vipps import (
    AmountTooSmall,
    CurrencyInvalid,
    Environment,
    ForceApproveNotAllowed,
    InvalidMakePaymentUrl,
    InvalidPaymentModel,
    InvalidRequest,
    MalformedResponse,
    MerchantNotAvailable,
    OrderIdExists,
    StatusUpdateRefused,
    TransactionIdExists,
    UnexpectedRedirect,
    VippsAuthError,
    VippsRejected,
    environment_of,
)
from kiosk.vipps.client import VippsClient
from kiosk.vipps.models import Operation, StatusUpdate
from tests.conftest import FAST_RETRY
from tests.helpers import SimControl, initiate_request, start_payment


def test_initiate_gives_a_landing_page_and_an_empty_history(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings, amount=14950)
    assert started.vipps_redirect_url.startswith(sim.base_url + "/_sim/landing?token=")
    assert started.landing_token
    details = client.details(started.psp_transaction_id)
    assert details.merchant_order_id == started.merchant_order_id
    assert details.transaction_log_history == ()
    assert sim.payment(started.psp_transaction_id)["state"] == "AWAITING_PHONE"


def test_force_approve_reserves_then_capture_and_refund_move_the_summary(client, vipps_settings):
    started = start_payment(client, vipps_settings, amount=14950)
    client.force_approve(started.psp_transaction_id, "91234567", started.landing_token)

    reserved = client.details(started.psp_transaction_id)
    (entry,) = reserved.transaction_log_history
    assert (entry.operation, entry.operation_success, entry.amount) == (Operation.RESERVED, True, 14950)
    assert reserved.transaction_summary.remaining_amount_to_capture == 14950

    tx = started.psp_transaction_id
    client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.CAPTURED, amount=14950))
    client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.REFUNDED, amount=4950))
    summary = client.details(tx).transaction_summary
    assert summary.captured_amount == 14950
    assert summary.refunded_amount == 4950
    assert summary.remaining_amount_to_refund == 10000
    assert summary.remaining_amount_to_capture == 0


def test_refunding_more_than_was_captured_is_refused(client, vipps_settings):
    started = start_payment(client, vipps_settings, amount=5000)
    client.force_approve(started.psp_transaction_id, "91234567", started.landing_token)
    tx = started.psp_transaction_id
    client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.CAPTURED, amount=5000))
    with pytest.raises(InvalidRequest, match="remains to refund"):
        client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.REFUNDED, amount=5001))
    assert client.details(tx).transaction_summary.refunded_amount == 0


def test_the_access_token_is_fetched_once_and_reused(client, vipps_settings, sim):
    first = client.access_token()
    start_payment(client, vipps_settings)
    start_payment(client, vipps_settings)
    assert client.access_token() == first
    with VippsClient(vipps_settings, retry=FAST_RETRY) as another:  # the next sale's worker
        sim.fault(path="/accesstoken/get", status=503)  # it must not need the token endpoint at all
        start_payment(another, vipps_settings)


def test_a_revoked_token_is_renewed_once_and_the_call_goes_through(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    old = client.access_token()
    sim.revoke_tokens()
    assert client.details(started.psp_transaction_id).psp_transaction_id == started.psp_transaction_id
    assert client.access_token() != old


def test_a_token_is_renewed_before_it_runs_out():
    from kiosk.simulator.demo import SimulatorSettings
    from kiosk.simulator.server import SimulatorServer

    # A 2-second lifetime is renewed 0.2 s before expiry; the check is against the client's clock, not a sleep.
    with (
        SimulatorServer(settings=SimulatorSettings(token_ttl_s=2)) as server,
        VippsClient(demo_vipps_settings(server.base_url), retry=FAST_RETRY) as client,
    ):
        token = client.access_token()
        client._token.renew_at = 0  # the renewal moment has come (the shared cache holds the same object)
        assert client.access_token() != token


def test_wrong_client_secret_is_an_auth_error_that_names_no_secret(sim):
    settings = demo_vipps_settings(sim.base_url)
    wrong = VippsSettings(**{**settings.__dict__, "client_secret": "wrong-secret-value"})
    with VippsClient(wrong, retry=FAST_RETRY) as client, pytest.raises(VippsAuthError) as caught:
        client.access_token()
    assert caught.value.status == 401
    assert "wrong-secret-value" not in str(caught.value)


def test_wrong_subscription_key_on_a_psp_call_is_an_auth_error(sim):
    settings = demo_vipps_settings(sim.base_url)
    with VippsClient(settings, retry=FAST_RETRY) as client:
        client.access_token()
        client._settings = VippsSettings(**{**settings.__dict__, "subscription_key": "nope-nope"})
        with pytest.raises(VippsAuthError) as caught:
            client.details("abc")
    assert caught.value.status == 401
    assert "nope-nope" not in str(caught.value)


def test_every_vipps_header_is_sent(client, vipps_settings, sim_server):
    seen = {}
    original = client._http.request

    def spy(method, url, **kwargs):
        response = original(method, url, **kwargs)
        seen.update({k.lower(): v for k, v in response.request.headers.items()})
        return response

    client._http.request = spy
    start_payment(client, vipps_settings)
    for header in (
        "authorization",
        "ocp-apim-subscription-key",
        "merchant-serial-number",
        "psp-id",
        "vipps-system-name",
        "vipps-system-version",
        "vipps-system-plugin-name",
        "vipps-system-plugin-version",
        "idempotency-key",
    ):
        assert header in seen, header
    assert seen["authorization"].startswith("Bearer ")
    assert seen["merchant-serial-number"] == "123456"
    assert len(seen["vipps-system-name"]) <= 30


@pytest.mark.parametrize(
    ("overrides", "error_type", "code"),
    [
        ({"amount": 99}, AmountTooSmall, "amount"),
        ({"currency": "SEK"}, CurrencyInvalid, "currency"),
        ({"make_payment_url": "not a url"}, InvalidMakePaymentUrl, "makePaymentUrl"),
        ({"psp_redirect_url": "nowhere"}, InvalidRequest, "51"),
        ({"skip_landing_page": True}, InvalidRequest, "51"),  # skipping needs the phone number
    ],
)
def test_init_errors_map_to_typed_errors(client, vipps_settings, overrides, error_type, code):
    with pytest.raises(error_type) as caught:
        client.initiate(initiate_request(vipps_settings, **overrides))
    assert caught.value.error_code == code
    assert caught.value.error_message
    assert caught.value.context_id


def test_a_reused_transaction_id_is_error_44(client, vipps_settings):
    started = start_payment(client, vipps_settings)
    with pytest.raises(TransactionIdExists) as caught:
        start_payment(client, vipps_settings, psp_transaction_id=started.psp_transaction_id)
    assert caught.value.error_code == "44"


def test_a_reused_order_id_is_error_99(client, vipps_settings):
    started = start_payment(client, vipps_settings)
    with pytest.raises(OrderIdExists) as caught:
        start_payment(client, vipps_settings, merchant_order_id=started.merchant_order_id)
    assert caught.value.error_code == "99"


def test_an_unknown_sales_unit_is_error_21(sim):
    settings = demo_vipps_settings(sim.base_url)
    other = VippsSettings(**{**settings.__dict__, "merchant_serial_number": "654321"})
    with VippsClient(other, retry=FAST_RETRY) as client, pytest.raises(MerchantNotAvailable) as caught:
        start_payment(client, other)
    assert caught.value.error_code == "21"


def test_a_sales_unit_not_whitelisted_to_skip_the_landing_page_is_error_42():
    from dataclasses import replace

    from kiosk.simulator.demo import DEMO_SALES_UNIT, SimulatorSettings
    from kiosk.simulator.server import SimulatorServer

    unit = replace(DEMO_SALES_UNIT, skip_landing_page_allowed=False)
    with SimulatorServer(settings=SimulatorSettings(sales_unit=unit)) as server:
        settings = demo_vipps_settings(server.base_url)
        with VippsClient(settings, retry=FAST_RETRY) as client, pytest.raises(InvalidPaymentModel) as caught:
            start_payment(client, settings, customer_mobile_number="91234567", skip_landing_page=True)
    assert caught.value.error_code == "42"


def test_an_unknown_error_code_is_still_a_typed_rejection(client, sim):
    sim.fault(path="/details$", status=400, count=1)
    with pytest.raises(VippsRejected) as caught:
        client.details("abc")
    assert caught.value.error_code == "400"


@pytest.mark.parametrize(
    ("base_url", "environment"),
    [
        ("https://api.vipps.no", Environment.PRODUCTION),
        ("https://apitest.vipps.no", Environment.TEST),
        ("http://127.0.0.1:8765", Environment.SIMULATOR),
        ("http://192.0.2.10:8765", Environment.SIMULATOR),
        ("https://localhost:9999", Environment.SIMULATOR),
        ("https://psp.example.com", Environment.OTHER),
    ],
)
def test_the_environment_is_read_from_the_base_url(base_url, environment):
    assert environment_of(base_url) is environment


def test_force_approve_is_refused_for_production_without_any_request(sim):
    settings = VippsSettings(**{**demo_vipps_settings(sim.base_url).__dict__, "base_url": "https://api.vipps.no"})
    with VippsClient(settings, retry=FAST_RETRY) as client:
        sent = []
        client._http.request = lambda *a, **k: sent.append(a)  # must never be reached
        with pytest.raises(ForceApproveNotAllowed):
            client.force_approve("abc", "91234567", "token")
    assert sent == []


def test_details_of_an_unknown_payment_is_a_rejection(client):
    with pytest.raises(InvalidRequest):
        client.details("doesnotexist")


def test_status_updates_reach_the_simulator_path(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    client.update_status(
        StatusUpdate(psp_transaction_id=started.psp_transaction_id, status=Operation.CANCELLED, amount=14950)
    )
    record = sim.payment(started.psp_transaction_id)
    assert record["state"] == "CANCELLED"
    assert record["history"][-1]["operation"] == "CANCELLED"


def test_sim_control_sees_what_the_client_did(client, vipps_settings, sim: SimControl):
    started = start_payment(client, vipps_settings, amount=2500, customer_mobile_number="48123456")
    record = sim.payment(started.psp_transaction_id)
    assert record["amount"] == 2500
    assert record["phone"] == "48123456"
    assert record["landingUrl"] == started.vipps_redirect_url


# ---- updatestatus is accepted only in Vipps' own words ------------------------------------------------------------


def _capture(client, vipps_settings):
    started = start_payment(client, vipps_settings)
    client.force_approve(started.psp_transaction_id, "91234567", started.landing_token)
    update = StatusUpdate(psp_transaction_id=started.psp_transaction_id, status=Operation.CAPTURED, amount=14950)
    return started.psp_transaction_id, lambda: client.update_status(update, idempotency_key="capture-1")


def test_updatestatus_returns_on_vipps_success_code(client, vipps_settings):
    _tx, capture = _capture(client, vipps_settings)
    answer = capture()
    assert answer.succeeded
    assert (answer.response_info.response_code, answer.response_info.response_message) == ("9000", "SUCCESS")


@pytest.mark.parametrize(
    ("answer", "error_type"),
    [
        ({"status": 200, "body": {"responseInfo": {"responseCode": "5000", "responseMessage": "FAILED"}}}, "refused"),
        ({"status": 200, "body": {"responseInfo": {"responseCode": "9000", "responseMessage": "FAILED"}}}, "refused"),
        ({"status": 204, "body": ""}, "malformed"),
        ({"status": 200, "body": {}}, "malformed"),
        ({"status": 302, "body": "", "headers": {"Location": "/psp/v3/psppayments/updatestatus"}}, "redirect"),
        ({"status": 307, "body": "", "headers": {"Location": "/psp/v3/psppayments/updatestatus"}}, "redirect"),
    ],
    ids=["200-5000-FAILED", "200-9000-FAILED", "204", "200-empty", "302", "307"],
)
def test_updatestatus_without_vipps_success_code_is_an_error_not_a_capture(
    client, vipps_settings, sim, answer, error_type
):
    tx, capture = _capture(client, vipps_settings)
    sim.fault(path="/updatestatus$", method="POST", **answer)
    expected = {"refused": StatusUpdateRefused, "malformed": MalformedResponse, "redirect": UnexpectedRedirect}
    with pytest.raises(expected[error_type]):
        capture()
    assert sim.payment(tx)["capturedAmount"] == 0  # the fault answered in Vipps' place, and no redirect was followed
