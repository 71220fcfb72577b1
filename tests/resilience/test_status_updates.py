"""Rows 9 and 13 of the fault matrix, both about the merchant's writes after the customer's part (PSP's
`updatestatus`, ePayment's `capture` and `cancel`): a capture that Vipps does not answer, and an approval that
comes after staff cancelled."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.gui.keyboard import press
from tests.gui.steps import charge, open_requests, type_phone, wait_outcome
from tests.markets_under_test import IN_EVERY_MARKET
from tests.resilience.conftest import CountedRule, assert_three_agree, customer_pays_by_qr

pytestmark = (
    pytest.mark.slow
)  # the fault matrix end to end: each waits out the client's retries and the kiosk's windows

LOST_CAPTURES = {
    # Vipps never sees the first capture: the kiosk's client gives up after 4 tries, its worker sends it again.
    "503 six times": {"status": 503, "count": 6},
    # Vipps captures at once, but the answers are cut off: the retries carry the same key, and whichever comes
    # first, a retry's answer or a poll that reads the capture, settles it.
    "applied, answer reset five times": {"drop": True, "count": 5},
}


# In every market: the capture retried names the payment's currency each time (DKK, EUR at their units).
@IN_EVERY_MARKET
@pytest.mark.parametrize("rule", LOST_CAPTURES.values(), ids=LOST_CAPTURES.keys())
def test_a_capture_without_an_answer_is_retried_until_it_lands_and_the_screen_stays_paid(
    qtbot, kiosk, sim, paths, rule: dict[str, Any]
):
    url = charge(qtbot, kiosk.window, "149,50")
    sim.fault(path=paths.capture, **rule)
    clean_updates = CountedRule(sim, paths.capture)
    tx = customer_pays_by_qr(sim, url, country=kiosk.country)
    wait_outcome(qtbot, kiosk.window, "PAID")
    if "status" in rule:
        ((sale, attempts),) = kiosk.ledger_sales()
        still_failing = any(r["path"] == paths.capture and r["count"] < 100 for r in sim.faults())
        assert still_failing  # so the ledger was read before the capture could reach Vipps:
        assert (sale.state, [a.state for a in attempts]) == ("PAID", ["RESERVED"])  # paid; the capture is owed

    assert_three_agree(qtbot, kiosk, sim, outcome="PAID", amount_ore=14950)
    assert kiosk.screen.outcomes == ["PAID"]
    assert set(kiosk.screen.texts[kiosk.screen.texts.index("Paid") :]) == {"Paid"}  # paid throughout
    assert sim.record(tx).captures == 1
    if "status" in rule:
        assert clean_updates.matched == 1  # the capture that finally reached Vipps


@pytest.mark.parametrize("cancel", ["landed", "unanswered until the approval"])
def test_an_approval_after_staff_cancelled_is_never_charged(qtbot, kiosk, sim, paths, cancel: str):
    window = kiosk.window
    charge(qtbot, window, "149,50")
    type_phone(qtbot, window, "91234567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)
    (request,) = open_requests(sim, "91234567")
    tx = request["pspTransactionId"]
    if cancel != "landed":
        sim.fault(path=paths.cancel, status=503)
    press(qtbot, Qt.Key.Key_Escape)  # staff cancel, on the keyboard
    wait_outcome(qtbot, window, "CANCELLED")

    if cancel == "landed":
        qtbot.waitUntil(lambda: sim.record(tx).cancelled)
        if kiosk.api == "psp":
            assert open_requests(sim, "91234567")  # Vipps applies it late: the request is still in the app
            assert sim.respond(tx, "91234567", "approve").status_code == 200
            assert sim.record(tx).refusal_id == "85"  # the PSP refuses: it came too late
        else:
            # ePayment: the cancel made it TERMINATED and took the request out of the app; Vipps itself
            # refuses an approval sent anyway.
            assert open_requests(sim, "91234567") == []
            assert sim.respond(tx, "91234567", "approve").status_code == 409
        assert sim.record(tx).reservations == 0
        _, attempts = assert_three_agree(qtbot, kiosk, sim, outcome="CANCELLED", amount_ore=14950)
        assert [a.state for a in attempts if a.channel == "PHONE"] == ["CANCELLED"]
    else:
        assert not sim.record(tx).cancelled  # Vipps never heard of the cancel...
        sim.respond(tx, "91234567", "approve")  # ...so the approval reserves the money
        assert sim.record(tx).state == "RESERVED"
        qtbot.waitUntil(lambda: "REVERSING" in [a.state for _s, aa in kiosk.ledger_sales() for a in aa])
        sim.clear_faults()
        _, attempts = assert_three_agree(qtbot, kiosk, sim, outcome="CANCELLED", amount_ore=14950)
        assert [a.state for a in attempts if a.channel == "PHONE"] == ["REVERSED"]
        assert sim.record(tx).cancelled
        assert sim.record(tx).captured == 0
    assert kiosk.screen.outcomes == ["CANCELLED"]  # the late approval never reached the screen as "Paid"
    assert kiosk.status == "Payment cancelled."
