"""A sale through the counter screen, end to end: each way of paying and each way of not paying."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.ledger import Ledger
from kiosk.settings.demo import demo_vipps_settings
from tests.conftest import TEST_API
from tests.gui.keyboard import press
from tests.gui.steps import charge, landing_token, open_requests, type_phone, wait_outcome
from tests.helpers import FAULT_PATHS, reference_of


def _captured(sim) -> int:
    return sum(p["capturedAmount"] for p in sim.payments())


def test_paying_by_scanning_the_qr_code(qtbot, window, sim):
    url = charge(qtbot, window, "149,50")
    assert window.customer_screen.amount.text() == "NOK\u00a0149.50"
    assert sim.enter_phone(url, "91234567").status_code == 200  # on the customer's phone, the landing page
    (request,) = open_requests(sim, "91234567")
    sim.respond(request["pspTransactionId"], "91234567", "approve")
    wait_outcome(qtbot, window, "PAID")
    assert window.outcome_screen.title.text() == "Paid: NOK\u00a0149.50"
    assert window.status.text() == "Paid"
    qtbot.waitUntil(lambda: _captured(sim) == 14950)


def test_paying_by_a_typed_phone_number_cancels_the_qr_payment(qtbot, window, sim):
    url = charge(qtbot, window, "200")
    type_phone(qtbot, window, "912 34 567")
    qtbot.waitUntil(lambda: "Sent to ******67" in window.customer_screen.qr_hint.text())
    assert len(open_requests(sim, "91234567")) == 1
    assert window.customer_screen.qr.text == ""  # the cancelled QR code is gone from the screen
    qr_payment = next(p for p in sim.payments() if p["landingUrl"] == url)
    qtbot.waitUntil(lambda: sim.payment(reference_of(qr_payment))["cancelled"])
    (request,) = open_requests(sim, "91234567")
    sim.respond(request["pspTransactionId"], "91234567", "approve")
    wait_outcome(qtbot, window, "PAID")
    qtbot.waitUntil(lambda: _captured(sim) == 20000)


def test_paying_by_force_approve(qtbot, window, sim, provider):
    url = charge(qtbot, window, "75")
    (payment,) = sim.payments()
    provider.force_approve(reference_of(payment), "48123456", landing_token(url))
    wait_outcome(qtbot, window, "PAID")


def test_the_customer_rejects(qtbot, window, sim):
    charge(qtbot, window, "149,50")
    type_phone(qtbot, window, "91234567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)
    sim.respond(open_requests(sim, "91234567")[0]["pspTransactionId"], "91234567", "reject")
    wait_outcome(qtbot, window, "REJECTED")
    assert window.outcome_screen.detail.text() == "The customer rejected the payment in Vipps."
    assert _captured(sim) == 0


@pytest.mark.parametrize(
    ("amount", "psp_reason"), [("31", "Card not eligible for this payment"), ("44", "The card has expired.")]
)
def test_a_refused_card_says_why_in_plain_words(qtbot, window, sim, amount, psp_reason):
    # The ePayment API says that a card was refused, never why.
    reason = psp_reason if TEST_API == "psp" else "The card was refused."
    charge(qtbot, window, amount)
    type_phone(qtbot, window, "91234567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)
    sim.respond(open_requests(sim, "91234567")[0]["pspTransactionId"], "91234567", "approve")
    wait_outcome(qtbot, window, "REFUSED")
    assert window.outcome_screen.title.text() == "Card refused"
    assert window.outcome_screen.detail.text() == reason


def test_the_kiosk_countdown_running_out_expires_and_cancels(qtbot, make_window, sim):
    window = make_window(landing_window_s=0.6, approval_window_s=1.2)
    url = charge(qtbot, window, "100")
    assert window.customer_screen.countdown.text() in ("0:02", "0:01")
    wait_outcome(qtbot, window, "EXPIRED")
    (payment,) = sim.payments()
    assert payment["landingUrl"] == url
    qtbot.waitUntil(lambda: sim.payment(reference_of(payment))["cancelled"])


def test_vipps_timing_out_the_landing_page_shows_expired(qtbot, make_window, short_windows):
    window = make_window(demo_vipps_settings(short_windows.base_url, api=TEST_API))
    charge(qtbot, window, "100")
    wait_outcome(qtbot, window, "EXPIRED")
    assert window.outcome_screen.title.text() == "Time ran out"


@pytest.mark.parametrize("how", ["button", "escape"])
def test_staff_cancel_cancels_at_vipps_and_a_late_approval_is_refused(qtbot, window, sim, how):
    charge(qtbot, window, "149,50")
    type_phone(qtbot, window, "91234567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)
    tx = open_requests(sim, "91234567")[0]["pspTransactionId"]
    if how == "button":
        qtbot.mouseClick(window.customer_screen.cancel_button, Qt.MouseButton.LeftButton)
    else:
        press(qtbot, Qt.Key.Key_Escape)
    wait_outcome(qtbot, window, "CANCELLED")
    qtbot.waitUntil(lambda: sim.payment(tx)["cancelled"])
    # The customer approves on a phone that still shows the request (the PSP API leaves it in the app).
    sim.respond(tx, "91234567", "approve")
    if TEST_API == "psp":
        assert sim.payment(tx)["failure"]["errorId"] == "85"  # the PSP's answer: too late, cancelled
    else:
        assert (sim.payment(tx)["state"], sim.payment(tx)["authorizedAmount"]) == ("TERMINATED", 0)
    assert _captured(sim) == 0


def test_a_late_approval_of_a_superseded_attempt_is_reversed_and_charged_once(qtbot, window, sim, tmp_path, provider):
    qr_url = charge(qtbot, window, "149,50")
    sim.fault(path=FAULT_PATHS[TEST_API]["cancel"], status=503, count=4)  # the QR payment's cancel gets no answer
    type_phone(qtbot, window, "91234567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1, timeout=10_000)
    qr_tx = next(reference_of(p) for p in sim.payments() if p["landingUrl"] == qr_url)
    provider.force_approve(qr_tx, "48123456", landing_token(qr_url))  # the old QR code, approved late
    phone_tx = open_requests(sim, "91234567")[0]["pspTransactionId"]
    sim.respond(phone_tx, "91234567", "approve")
    wait_outcome(qtbot, window, "PAID")
    qtbot.waitUntil(lambda: sim.payment(qr_tx)["cancelled"], timeout=15_000)
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=15_000)
    assert _captured(sim) == 14950
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
        (sale,) = ledger.sales()
        states = {a.channel: a.state for a in ledger.attempts_of(sale.id)}
        assert states == {"QR": "REVERSED", "PHONE": "CAPTURED"}
        assert sale.state == "PAID"


def test_503s_on_details_say_no_answer_yet_and_the_sale_recovers(qtbot, window, sim):
    charge(qtbot, window, "149,50")
    sim.fault(path=FAULT_PATHS[TEST_API]["read"], status=503)
    qtbot.waitUntil(lambda: window.status.text() == "No answer from Vipps yet. Still trying.")
    type_phone(qtbot, window, "91234567")  # the screen still takes input
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)
    sim.respond(open_requests(sim, "91234567")[0]["pspTransactionId"], "91234567", "approve")
    assert window.stack.currentWidget() is window.customer_screen  # it does not guess
    sim.clear_faults()
    wait_outcome(qtbot, window, "PAID", timeout=40_000)


@pytest.mark.slow  # waits out a hang, an outage or a rate limit it sets up: seconds by design
def test_a_10_second_details_delay_keeps_the_screen_responsive(qtbot, window, sim):
    from PySide6.QtCore import QElapsedTimer, QTimer

    charge(qtbot, window, "149,50")
    sim.fault(path=FAULT_PATHS[TEST_API]["read"], delay_s=10, count=1)
    gaps, clock = [], QElapsedTimer()
    clock.start()

    def beat() -> None:
        gaps.append(clock.restart())

    heartbeat = QTimer()
    heartbeat.timeout.connect(beat)
    heartbeat.start(5)
    type_phone(qtbot, window, "91234567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)
    sim.respond(open_requests(sim, "91234567")[0]["pspTransactionId"], "91234567", "approve")
    wait_outcome(qtbot, window, "PAID", timeout=30_000)
    heartbeat.stop()
    assert len(gaps) > 100
    assert max(gaps[1:]) < 250  # the GUI thread never waited for the slow answer


def test_closing_the_kiosk_mid_sale_cancels_it_and_stops_every_thread(qtbot, window, sim):
    charge(qtbot, window, "149,50")
    (payment,) = sim.payments()
    window.close()
    assert window.flow.active_runs == 0
    assert sim.payment(reference_of(payment))["cancelled"]
