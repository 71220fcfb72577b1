"""Every fault kind of /_sim/faults against the real client: retried where safe, typed where not."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.vipps import (
    MalformedResponse,
    RetryPolicy,
    VippsCancelled,
    VippsConnectionError,
    VippsRateLimited,
    VippsServerError,
    VippsTimeout,
)
from kiosk.vipps.client import VippsClient
from tests.conftest import FAST_RETRY
from tests.helpers import initiate_request, start_payment


def _calls(sim, path_fragment: str) -> int:
    """How many matching calls the simulator's fault book still expects (count left on a rule)."""
    rules = [r for r in sim.faults() if path_fragment in r["path"]]
    return rules[0]["count"] if rules else 0


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_few_server_errors_on_details_are_retried_away(client, vipps_settings, sim, status):
    started = start_payment(client, vipps_settings)
    sim.fault(path="/details$", status=status, count=2)
    assert client.details(started.psp_transaction_id).psp_transaction_id == started.psp_transaction_id
    assert _calls(sim, "details") == 0


def test_server_errors_that_persist_become_a_typed_error(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    sim.fault(path="/details$", status=503)
    with pytest.raises(VippsServerError) as caught:
        client.details(started.psp_transaction_id)
    assert caught.value.status == 503
    assert caught.value.errors[0].error_message == "Injected fault"


def test_429_with_retry_after_is_waited_out(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    sim.fault(path="/details$", status=429, retry_after=1, count=1)
    assert client.details(started.psp_transaction_id).psp_transaction_id == started.psp_transaction_id


def test_429_asking_for_too_long_is_reported_with_its_retry_after(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    sim.fault(path="/details$", status=429, retry_after=120)
    with pytest.raises(VippsRateLimited) as caught:
        client.details(started.psp_transaction_id)
    assert caught.value.retry_after_s == 120


def test_a_dropped_connection_on_details_is_retried(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    sim.fault(path="/details$", drop=True, count=2)
    assert client.details(started.psp_transaction_id).psp_transaction_id == started.psp_transaction_id


def test_a_connection_that_keeps_dropping_is_a_connection_error(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    sim.fault(path="/details$", drop=True)
    with pytest.raises(VippsConnectionError):
        client.details(started.psp_transaction_id)


def test_a_malformed_body_is_an_error_not_a_crash(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    sim.fault(path="/details$", malformed=True, count=1)
    with pytest.raises(MalformedResponse, match="PaymentDetails"):
        client.details(started.psp_transaction_id)
    # The next answer is whole again.
    assert client.details(started.psp_transaction_id).psp_transaction_id == started.psp_transaction_id


def test_a_malformed_error_body_still_maps_to_a_typed_error(client, sim):
    sim.fault(path="/details$", status=500, malformed=True)
    with pytest.raises(VippsServerError) as caught:
        client.details("abc")
    assert caught.value.errors == ()


def test_a_malformed_token_answer_is_an_error(vipps_settings, sim):
    sim.fault(path="/accesstoken/get", malformed=True, count=1)
    with VippsClient(vipps_settings, retry=FAST_RETRY) as client, pytest.raises(MalformedResponse):
        client.access_token()


def test_a_slow_answer_times_out_as_a_typed_error(vipps_settings, sim):
    slow = replace(vipps_settings, request_timeout_s=0.3)
    started_client = VippsClient(vipps_settings, retry=FAST_RETRY)
    started = start_payment(started_client, vipps_settings)
    started_client.close()
    sim.fault(path="/details$", delay_s=1.0)
    with VippsClient(slow, retry=replace(FAST_RETRY, attempts=2)) as client, pytest.raises(VippsTimeout):
        client.details(started.psp_transaction_id)


def test_init_that_times_out_after_the_payment_was_created_finds_the_same_payment(vipps_settings, sim):
    """The answer is lost, the retry carries the same Idempotency-Key, and no second payment appears."""
    slow = replace(vipps_settings, request_timeout_s=0.3)
    sim.fault(path="/init$", delay_s=0.8, count=1)
    request = initiate_request(vipps_settings)
    with VippsClient(slow, retry=FAST_RETRY) as client:
        started = client.initiate(request)
    assert started.psp_transaction_id == request.psp_transaction_id
    assert [p["pspTransactionId"] for p in sim.payments()] == [request.psp_transaction_id]


def test_init_whose_connection_drops_after_creation_is_retried_without_a_duplicate(client, vipps_settings, sim):
    sim.fault(path="/init$", drop=True, count=1)
    started = start_payment(client, vipps_settings)
    assert [p["pspTransactionId"] for p in sim.payments()] == [started.psp_transaction_id]


def test_init_without_retries_left_reports_that_the_outcome_is_unknown(vipps_settings, sim):
    sim.fault(path="/init$", status=503)
    with (
        VippsClient(vipps_settings, retry=replace(FAST_RETRY, attempts=2)) as client,
        pytest.raises(VippsServerError),
    ):
        start_payment(client, vipps_settings)
    assert sim.payments() == []


def test_a_force_approve_that_drops_is_not_repeated(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    sim.fault(path="/approve$", drop=True)
    with pytest.raises(VippsConnectionError):
        client.force_approve(started.psp_transaction_id, "91234567", started.landing_token)
    assert sim.payment(started.psp_transaction_id)["state"] == "RESERVED"  # it did land, once


def test_the_token_endpoint_down_is_an_unavailable_error(vipps_settings, sim):
    sim.fault(path="/accesstoken/get", status=503)
    with VippsClient(vipps_settings, retry=FAST_RETRY) as client, pytest.raises(VippsServerError):
        client.access_token()


def test_a_401_mid_sale_is_cured_by_one_fresh_token(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    sim.fault(path="/details$", status=401, count=1)
    assert client.details(started.psp_transaction_id).psp_transaction_id == started.psp_transaction_id


def test_method_filter_and_count_decide_which_requests_a_rule_spoils(client, vipps_settings, sim):
    sim.fault(path="/psppayments/", method="GET", status=503, count=1)
    started = start_payment(client, vipps_settings)  # POST: untouched
    assert _calls(sim, "psppayments") == 1
    client.details(started.psp_transaction_id)  # GET: spoiled once, retried
    assert sim.faults() == []


def test_cancel_ends_a_call_waiting_to_retry(vipps_settings, sim):
    import threading

    sim.fault(path="/accesstoken/get", status=503)
    patient = RetryPolicy(attempts=50, base_s=5.0, cap_s=5.0)
    with VippsClient(vipps_settings, retry=patient) as client:
        threading.Timer(0.2, client.cancel).start()
        with pytest.raises(VippsCancelled):
            client.access_token()


def test_a_connection_refused_is_a_connection_error(vipps_settings):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    nowhere = replace(vipps_settings, base_url=f"http://127.0.0.1:{port}")
    with VippsClient(nowhere, retry=FAST_RETRY) as client, pytest.raises(VippsConnectionError):
        client.access_token()


@pytest.mark.parametrize(
    "rule",
    [
        {"path": "(unclosed"},
        {"path": "x", "status": 42},
        {"path": "x", "delay_s": -1},
        {"path": "x", "count": 0},
        {"path": "x", "surprise": True},
        {"path": "x", "drop": "yes"},
        ["not", "an", "object"],
    ],
)
def test_a_bad_fault_rule_is_refused_with_a_reason(sim, rule):
    answer = sim.http.post("/_sim/faults", json=rule)
    assert answer.status_code == 400
    assert answer.json()["message"].startswith("Bad fault rule")
    assert sim.faults() == []


def test_the_fault_controls_themselves_cannot_be_faulted(sim):
    sim.fault(path=".*", status=503)
    sim.clear_faults()
    assert sim.faults() == []


def test_a_fault_can_answer_with_any_body_media_type_and_headers(sim):
    """How a gateway, a proxy or a Vipps unlike the simulator answers: a page of its own, a redirect."""
    sim.fault(path="/details$", status=404, body="<html>Not Found</html>", content_type="text/html", count=1)
    sim.fault(path="/details$", status=302, body="", headers={"Location": "/elsewhere"}, count=1)
    sim.fault(path="/details$", status=400, body=[{"errorCode": "51", "errorMessage": "Invalid request"}], count=1)
    page = sim.http.get("/psp/v3/psppayments/x/details")
    assert (page.status_code, page.headers["content-type"], page.text) == (404, "text/html", "<html>Not Found</html>")
    moved = sim.http.get("/psp/v3/psppayments/x/details")
    assert (moved.status_code, moved.headers["location"]) == (302, "/elsewhere")
    listed = sim.http.get("/psp/v3/psppayments/x/details")
    assert (listed.status_code, listed.json()) == (400, [{"errorCode": "51", "errorMessage": "Invalid request"}])


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        ({"path": "x", "body": "page"}, "need a status"),
        ({"path": "x", "status": 200, "content_type": 5}, "content_type"),
        ({"path": "x", "status": 302, "headers": {"Location": 5}}, "headers"),
    ],
)
def test_a_fault_rule_with_a_bad_body_field_is_refused(sim, rule, problem):
    answer = sim.http.post("/_sim/faults", json=rule)
    assert answer.status_code == 400
    assert problem in answer.json()["message"]
    assert sim.faults() == []
