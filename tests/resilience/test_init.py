"""Rows 3, 4, 5 and 6 of the fault matrix for `init` (PSP's init, ePayment's create): however its answer goes
wrong, the sale ends up with exactly one payment at Vipps, the one the ledger recorded and the QR code shows, and
it is paid once."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gui.steps import charge, wait_outcome
from tests.resilience.conftest import CountedRule, assert_three_agree, customer_pays_by_qr

pytestmark = (
    pytest.mark.slow
)  # the fault matrix end to end: each waits out the client's retries and the kiosk's windows


def _one_sale_one_payment(qtbot, kiosk, sim, url: str) -> None:
    """The QR code on screen, the ledger's only attempt and the simulator's only payment are the same one;
    the customer pays it, and it is charged once."""
    (payment,) = sim.records().values()
    ((_sale, attempts),) = kiosk.ledger_sales()
    (attempt,) = attempts
    assert payment.reference == attempt.psp_transaction_id
    assert url == payment.raw["landingUrl"] == attempt.redirect_url
    customer_pays_by_qr(sim, url)
    wait_outcome(qtbot, kiosk.window, "PAID")
    assert_three_agree(qtbot, kiosk, sim, outcome="PAID", amount_ore=14950)
    assert len(sim.payments()) == 1


# Each rule spoils init's answer after (or, with a status, instead of) the simulator's work; `no_answer` says
# whether the kiosk's client runs out of tries, so the screen has to say it has no answer yet.
LOST_ANSWERS = {
    "answer later than the timeout": ({"delay_s": 1.5, "count": 1}, False),
    "reset before Vipps saw it": ({"status": 503, "drop": True, "count": 1}, False),
    "reset after Vipps made it": ({"drop": True, "count": 1}, False),
    "reset on every one of the client's tries": ({"drop": True, "count": 4}, True),
    "garbled after Vipps made it": ({"malformed": True, "count": 1}, True),
}


@pytest.mark.parametrize(("rule", "no_answer"), LOST_ANSWERS.values(), ids=LOST_ANSWERS.keys())
def test_an_init_answer_lost_finds_the_same_payment_and_never_makes_a_second(
    qtbot, make_kiosk, sim, paths, rule: dict[str, Any], no_answer: bool
):
    kiosk = make_kiosk(request_timeout_s=0.5)
    sim.fault(path=paths.init, **rule)
    clean_inits = CountedRule(sim, paths.init)
    url = charge(qtbot, kiosk.window, "149,50")
    assert kiosk.screen.said_no_answer() is no_answer
    # Every spoiled answer went to this sale's init, and then the same init (its same key) got through once.
    assert [r["path"] for r in sim.faults()] == [paths.init]
    assert clean_inits.matched == 1
    _one_sale_one_payment(qtbot, kiosk, sim, url)


ERROR_ANSWERS = {
    "500 twice": {"status": 500, "count": 2},
    "503 twice": {"status": 503, "count": 2},
    "429 with Retry-After": {"status": 429, "retry_after": 1, "count": 1},
}


@pytest.mark.parametrize("rule", ERROR_ANSWERS.values(), ids=ERROR_ANSWERS.keys())
def test_an_init_answered_with_an_error_is_retried_and_makes_one_payment(
    qtbot, kiosk, sim, paths, rule: dict[str, Any]
):
    sim.fault(path=paths.init, **rule)
    clean_inits = CountedRule(sim, paths.init)
    url = charge(qtbot, kiosk.window, "149,50")
    assert [r["path"] for r in sim.faults()] == [paths.init]  # the errors were all spent on this init
    assert clean_inits.matched == 1
    assert not kiosk.screen.said_no_answer()  # retried away inside the client: nothing to tell
    _one_sale_one_payment(qtbot, kiosk, sim, url)
