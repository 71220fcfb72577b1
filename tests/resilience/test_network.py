"""Rows 1, 2 and 10 of the fault matrix: Vipps' token endpoint down, a token expired mid-sale, and the whole
network gone while the customer's time runs out."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.checkout.waiting_words import no_answer_yet
from kiosk.domain.market import NORWAY
from tests.gui.steps import charge, wait_outcome
from tests.resilience.conftest import VIPPS_PATHS, CountedRule, assert_three_agree, customer_pays_by_qr

pytestmark = (
    pytest.mark.slow
)  # the fault matrix end to end: each waits out the client's retries and the kiosk's windows
NO_ANSWER_TEXT = str(no_answer_yet(NORWAY))  # as the status line says it in English, in Norway


def test_the_token_endpoint_down_says_vipps_cannot_be_reached_then_recovers(qtbot, kiosk, sim):
    window = kiosk.window
    sim.fault(path="/accesstoken/get$", status=503)
    charge(qtbot, window, "149,50", wait_for_qr=False)
    qtbot.waitUntil(lambda: kiosk.status == NO_ANSWER_TEXT, timeout=10_000)

    # While Vipps cannot be reached: no code to scan, nothing at Vipps, nothing paid in the ledger.
    assert kiosk.on_customer_screen()
    assert window.customer_screen.qr.text == ""
    assert sim.payments() == []
    ((sale, attempts),) = kiosk.ledger_sales()
    assert (sale.state, sale.outcome, sale.captured_ore) == ("OPEN", None, 0)
    assert [a.state for a in attempts] == ["UNKNOWN"]

    sim.clear_faults()
    # The same sale picks up by itself: the init is sent again with its key, and its QR code appears.
    qtbot.waitUntil(lambda: bool(window.customer_screen.qr.text), timeout=10_000)
    assert list(sim.records()) == [attempts[0].psp_transaction_id]
    customer_pays_by_qr(sim, window.customer_screen.qr.text)
    wait_outcome(qtbot, window, "PAID")
    assert_three_agree(qtbot, kiosk, sim, outcome="PAID", amount_ore=14950)

    # And the next sale works as any other.
    qtbot.mouseClick(window.outcome_screen.new_sale_button, Qt.MouseButton.LeftButton)
    url = charge(qtbot, window, "75")
    customer_pays_by_qr(sim, url, "48123456")
    wait_outcome(qtbot, window, "PAID")
    assert_three_agree(qtbot, kiosk, sim, outcome="PAID", amount_ore=7500)
    assert len(sim.records()) == 2
    assert [s.state for s, _ in kiosk.ledger_sales()] == ["PAID", "PAID"]


@pytest.mark.parametrize("how", ["revoked", "answered 401"])
def test_a_token_expired_mid_sale_is_renewed_once_and_the_sale_is_paid(qtbot, kiosk, sim, paths, how):
    window = kiosk.window
    url = charge(qtbot, window, "149,50")  # init got the kiosk its first token
    token_fetches = CountedRule(sim, "/accesstoken/get$")
    if how == "revoked":
        sim.revoke_tokens()  # every token Vipps handed out stops working now
    else:
        sim.fault(path=paths.details, status=401, count=1)
    qtbot.waitUntil(lambda: token_fetches.matched == 1)
    customer_pays_by_qr(sim, url)
    wait_outcome(qtbot, window, "PAID")
    assert_three_agree(qtbot, kiosk, sim, outcome="PAID", amount_ore=14950)
    assert token_fetches.matched == 1  # the poller and the capture shared the one fresh token
    assert NO_ANSWER_TEXT not in kiosk.screen.texts  # a renewed token is not an outage


@pytest.mark.parametrize("customer", ["approved", "never answered"])
def test_the_network_gone_past_the_window_never_guesses_and_learns_the_truth(qtbot, make_kiosk, sim, customer):
    kiosk = make_kiosk(landing_window_s=0.5, approval_window_s=1.0, poll_interval_s=0.05)
    window = kiosk.window
    url = charge(qtbot, window, "149,50")
    (tx,) = sim.records()
    outage = CountedRule(sim, VIPPS_PATHS, status=503, drop=True)  # not one request reaches Vipps
    if customer == "approved":
        customer_pays_by_qr(sim, url)  # inside the window, while the kiosk cannot ask
        assert sim.record(tx).state == "RESERVED"

    # The window runs out with the network gone; the kiosk goes on asking, and keeps failing, past it.
    qtbot.waitUntil(lambda: "Time is up. Checking with Vipps…" in kiosk.screen.texts, timeout=10_000)
    qtbot.waitUntil(lambda: kiosk.status == NO_ANSWER_TEXT, timeout=10_000)
    refused_at_deadline = outage.matched
    qtbot.waitUntil(lambda: outage.matched >= refused_at_deadline + 2, timeout=10_000)
    assert kiosk.on_customer_screen()
    assert kiosk.screen.outcomes == []  # never "Paid", never "Time ran out" while it could not ask
    assert kiosk.status == NO_ANSWER_TEXT
    ((sale, attempts),) = kiosk.ledger_sales()
    assert (sale.state, sale.outcome, [a.state for a in attempts]) == ("OPEN", None, ["PENDING"])
    assert sim.record(tx).captured == 0
    assert not sim.record(tx).cancelled

    sim.clear_faults()  # the network is back: the next poll learns the truth
    if customer == "approved":
        wait_outcome(qtbot, window, "PAID", timeout=20_000)
        assert_three_agree(qtbot, kiosk, sim, outcome="PAID", amount_ore=14950)
    else:
        wait_outcome(qtbot, window, "EXPIRED", timeout=20_000)
        _, attempts = assert_three_agree(qtbot, kiosk, sim, outcome="EXPIRED", amount_ore=14950)
        assert [a.state for a in attempts] == ["EXPIRED"]
        assert sim.record(tx).state == "CANCELLED"  # given up at Vipps too: a late approval cannot charge
    assert kiosk.screen.outcomes == ["PAID" if customer == "approved" else "EXPIRED"]
