"""The simulated Vipps and its PSP backend: customer flows, magic amounts, windows, status rules."""

from __future__ import annotations

import pytest

from kiosk.settings.demo import demo_vipps_settings
from kiosk.simulator.demo import SimulatorSettings
from kiosk.simulator.server import SimulatorServer
from kiosk.vipps import InvalidRequest
from kiosk.vipps.client import VippsClient
from kiosk.vipps.models import Operation, StatusUpdate
from tests.conftest import FAST_RETRY
from tests.helpers import SimControl, start_payment


def _reserved(client, tx) -> bool | None:
    """True reserved, False failed, None still open: what the kiosk reads from details."""
    history = client.details(tx).transaction_log_history
    reserves = [e for e in history if e.operation is Operation.RESERVED]
    return reserves[-1].operation_success if reserves else None


def test_landing_phone_then_app_approval_reserves(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings, amount=14950)
    assert sim.enter_phone(started.vipps_redirect_url, "91234567").status_code == 200
    assert sim.payment(started.psp_transaction_id)["stage"] == "AWAITING_APP"
    answer = sim.respond(started.psp_transaction_id, "91234567", "approve")
    assert answer.json()["state"] == "RESERVED"
    assert _reserved(client, started.psp_transaction_id) is True


def test_the_app_lists_only_open_requests_for_its_own_number(client, vipps_settings, sim):
    mine = start_payment(client, vipps_settings, customer_mobile_number="91234567", skip_landing_page=True)
    start_payment(client, vipps_settings, customer_mobile_number="48000000", skip_landing_page=True)
    listed = sim.http.get("/_sim/app/requests", params={"phone": "91234567"}).json()
    assert [r["pspTransactionId"] for r in listed] == [mine.psp_transaction_id]


def test_customer_rejection_fails_the_payment_with_user_cancel(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings, customer_mobile_number="91234567", skip_landing_page=True)
    sim.respond(started.psp_transaction_id, "91234567", "reject")
    assert _reserved(client, started.psp_transaction_id) is False
    record = sim.payment(started.psp_transaction_id)
    assert record["state"] == "FAILED"
    assert record["failure"]["paymentState"] == "USER_CANCEL"


@pytest.mark.parametrize(
    ("amount", "reserved", "error_id"),
    [(3100, False, "72"), (4400, False, "86"), (5100, False, "86"), (2200, True, None), (3200, True, None)],
)
def test_magic_amounts(client, vipps_settings, sim, amount, reserved, error_id):
    started = start_payment(client, vipps_settings, amount=amount)
    client.force_approve(started.psp_transaction_id, "91234567", started.landing_token)
    assert _reserved(client, started.psp_transaction_id) is reserved
    failure = sim.payment(started.psp_transaction_id)["failure"]
    assert (failure or {}).get("errorId") == error_id


def test_an_unanswered_payment_times_out_after_the_landing_window(short_windows: SimControl):
    settings = demo_vipps_settings(short_windows.base_url)
    with VippsClient(settings, retry=FAST_RETRY) as client:
        started = start_payment(client, settings)
        assert _reserved(client, started.psp_transaction_id) is None
        deadline_passed = _wait_for(lambda: _reserved(client, started.psp_transaction_id) is not None)
    assert deadline_passed
    assert _reserved_state(short_windows, started.psp_transaction_id) == ("FAILED", "TIMEOUT")


def test_a_request_left_in_the_app_times_out_after_the_app_window(short_windows: SimControl):
    settings = demo_vipps_settings(short_windows.base_url)
    with VippsClient(settings, retry=FAST_RETRY) as client:
        started = start_payment(client, settings, customer_mobile_number="91234567", skip_landing_page=True)
        assert _wait_for(lambda: _reserved(client, started.psp_transaction_id) is False)
    assert _reserved_state(short_windows, started.psp_transaction_id) == ("FAILED", "TIMEOUT")


def test_approval_after_a_merchant_cancel_is_refused_with_85_and_never_charged(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings, customer_mobile_number="91234567", skip_landing_page=True)
    tx = started.psp_transaction_id
    client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.CANCELLED, amount=14950))
    # Vipps applies status updates late, so the request still sits in the customer's app.
    assert sim.respond(tx, "91234567", "approve").status_code == 200
    record = sim.payment(tx)
    assert record["failure"]["errorId"] == "85"
    assert record["capturedAmount"] == 0
    assert _reserved(client, tx) is False


def test_a_psp_that_does_not_answer_in_time_fails_the_payment(client, vipps_settings, sim):
    sim.fault(path="/_sim/psp/makepayment", delay_s=1.5, count=1)  # the session simulator waits 1 s
    started = start_payment(client, vipps_settings)
    client.force_approve(started.psp_transaction_id, "91234567", started.landing_token)
    record = sim.payment(started.psp_transaction_id)
    assert record["state"] == "FAILED"
    assert "in time" in record["failure"]["errorText"]


def test_capture_needs_a_reservation(client, vipps_settings):
    started = start_payment(client, vipps_settings)
    with pytest.raises(InvalidRequest, match="not reserved"):
        client.update_status(
            StatusUpdate(psp_transaction_id=started.psp_transaction_id, status=Operation.CAPTURED, amount=14950)
        )


def test_partial_capture_then_cancel_releases_the_rest(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings, amount=10000)
    tx = started.psp_transaction_id
    client.force_approve(tx, "91234567", started.landing_token)
    client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.CAPTURED, amount=6000))
    client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.CANCELLED, amount=4000))
    summary = client.details(tx).transaction_summary
    assert (summary.captured_amount, summary.remaining_amount_to_capture) == (6000, 0)


def test_a_captured_payment_cannot_be_cancelled(client, vipps_settings):
    started = start_payment(client, vipps_settings, amount=10000)
    tx = started.psp_transaction_id
    client.force_approve(tx, "91234567", started.landing_token)
    client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.CAPTURED, amount=10000))
    with pytest.raises(InvalidRequest, match="refund it instead"):
        client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.CANCELLED, amount=10000))


def test_batch_mode_applies_status_updates_only_when_the_night_comes():
    with SimulatorServer(settings=SimulatorSettings(batch_status_updates=True)) as server:
        sim = SimControl(server.base_url)
        settings = demo_vipps_settings(server.base_url)
        with VippsClient(settings, retry=FAST_RETRY) as client:
            started = start_payment(client, settings, amount=5000)
            tx = started.psp_transaction_id
            client.force_approve(tx, "91234567", started.landing_token)
            client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.CAPTURED, amount=5000))
            assert client.details(tx).transaction_summary.captured_amount == 0
            assert sim.run_batch() == {"applied": 1, "refused": 0}
            assert client.details(tx).transaction_summary.captured_amount == 5000
        sim.close()


def test_the_nightly_batch_can_refuse_an_update_and_leaves_a_failed_log_entry():
    with SimulatorServer(settings=SimulatorSettings(batch_status_updates=True)) as server:
        sim = SimControl(server.base_url)
        settings = demo_vipps_settings(server.base_url)
        with VippsClient(settings, retry=FAST_RETRY) as client:
            started = start_payment(client, settings, amount=5000)
            tx = started.psp_transaction_id
            client.force_approve(tx, "91234567", started.landing_token)
            client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.CAPTURED, amount=5000))
            assert sim.run_batch(refuse=[tx]) == {"applied": 0, "refused": 1}
            captured = client.details(tx).transaction_log_history[-1]
            assert (captured.operation, captured.operation_success) == (Operation.CAPTURED, False)
            assert client.details(tx).transaction_summary.captured_amount == 0
        sim.close()


def test_details_of_an_unknown_payment_names_the_id_it_does_not_know(client):
    with pytest.raises(InvalidRequest, match="no payment with pspTransactionId doesnotexist"):
        client.details("doesnotexist")


def test_landing_page_rejects_a_bad_phone_number_and_changes_nothing(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    for bad in ("1234567", "123456789", "9123456a", "٩١٢٣٤٥٦٧", ""):
        assert sim.enter_phone(started.vipps_redirect_url, bad).status_code == 400
    assert sim.payment(started.psp_transaction_id)["stage"] == "AWAITING_PHONE"


def test_force_approve_with_the_wrong_token_is_refused(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    with pytest.raises(InvalidRequest, match="token"):
        client.force_approve(started.psp_transaction_id, "91234567", "not-the-token")
    assert sim.payment(started.psp_transaction_id)["stage"] == "AWAITING_PHONE"


def test_make_payment_with_a_wrong_token_is_refused_by_the_psp(client, vipps_settings, sim):
    started = start_payment(client, vipps_settings)
    answer = sim.http.post(
        "/_sim/psp/makepayment",
        headers={"Authorization": "forged"},
        json={"pspTransactionId": started.psp_transaction_id, "paymentState": "ACCEPTED"},
    )
    assert answer.status_code == 401


def _reserved_state(sim: SimControl, tx: str) -> tuple[str, str | None]:
    record = sim.payment(tx)
    return record["state"], (record["failure"] or {}).get("paymentState")


def _wait_for(condition, timeout_s: float = 5.0) -> bool:
    """Poll a condition over real loopback calls (no Qt loop here, so no qtbot)."""
    import threading
    import time

    deadline = time.monotonic() + timeout_s
    pause = threading.Event()
    while time.monotonic() < deadline:
        if condition():
            return True
        pause.wait(0.02)
    return condition()


def test_a_simulator_open_to_the_shop_network_puts_a_reachable_address_in_its_landing_urls():
    # Listens on every interface, but the test itself talks over loopback only.
    with SimulatorServer("0.0.0.0", 0) as server:  # noqa: S104
        assert not server.base_url.startswith("http://127.")
        port = server.base_url.rsplit(":", 1)[1]
        settings = demo_vipps_settings(f"http://127.0.0.1:{port}")
        with VippsClient(settings, retry=FAST_RETRY) as client:
            started = start_payment(client, settings)
    assert started.vipps_redirect_url.startswith(server.base_url + "/_sim/landing?token=")
