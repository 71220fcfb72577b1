"""Rows 5, 6, 7 and 8 of the fault matrix for `details`, the poll (PSP's details, ePayment's read of the payment):
while it gets no usable answer the screen says "No answer from Vipps yet" and guesses nothing; once answers come
again the customer's approval is seen, the sale is paid and captured once."""

from __future__ import annotations

from typing import Any

import pytest

from kiosk.checkout.waiting_words import no_answer_yet
from kiosk.domain.market import NORWAY
from tests.gui.steps import charge, wait_outcome
from tests.resilience.conftest import Kiosk, assert_three_agree, customer_pays_by_qr
from tests.vipps_apis import PATHS

pytestmark = (
    pytest.mark.slow
)  # the fault matrix end to end: each waits out the client's retries and the kiosk's windows
NO_ANSWER_TEXT = str(no_answer_yet(NORWAY))  # as the status line says it in English, in Norway


def _no_answers_in_a_row(kiosk: Kiosk) -> int:
    """The longest run of "no answer" the status line said (once for each poll that failed)."""
    longest = run = 0
    for text in kiosk.screen.texts:
        run = run + 1 if text == NO_ANSWER_TEXT else 0
        longest = max(longest, run)
    return longest


def _approved_during_the_fault(kiosk: Kiosk, sim, url: str, **rule: Any) -> None:
    """The fault begins while the customer screen waits, and the customer approves while it lasts."""
    assert kiosk.status == "Waiting for the customer"
    sim.fault(path=PATHS[kiosk.api].details, **rule)
    customer_pays_by_qr(sim, url)


def _said_no_answer_then_paid(qtbot, kiosk: Kiosk, sim) -> None:
    wait_outcome(qtbot, kiosk.window, "PAID", timeout=20_000)
    texts = kiosk.screen.texts
    assert NO_ANSWER_TEXT in texts[: texts.index("Paid")]  # the failed polls were said, before the outcome
    assert kiosk.screen.outcomes == ["PAID"]  # and no outcome was guessed meanwhile
    assert_three_agree(qtbot, kiosk, sim, outcome="PAID", amount_ore=14950)


# Each fault spends its count on the poller's reads (two tries a poll), so each spoils at least one poll.
SPOILED_POLLS = {
    "connection reset": {"drop": True, "count": 2},
    "garbled JSON": {"malformed": True, "count": 1},
    "10 s late, timeout shrunk to 0.5 s": {"delay_s": 10, "count": 2},
}


@pytest.mark.parametrize("rule", SPOILED_POLLS.values(), ids=SPOILED_POLLS.keys())
def test_a_spoiled_details_answer_says_no_answer_then_pays(qtbot, make_kiosk, sim, rule: dict[str, Any]):
    kiosk = make_kiosk(request_timeout_s=0.5)
    url = charge(qtbot, kiosk.window, "149,50")
    _approved_during_the_fault(kiosk, sim, url, **rule)
    _said_no_answer_then_paid(qtbot, kiosk, sim)
    assert sim.faults() == []


def test_details_failing_for_a_while_say_no_answer_then_pay(qtbot, kiosk, sim):
    """Vipps' "a minute" of 503s, shrunk to eight answers: four polls in a row, spread over backed-off intervals."""
    url = charge(qtbot, kiosk.window, "149,50")
    _approved_during_the_fault(kiosk, sim, url, status=503, count=8)
    _said_no_answer_then_paid(qtbot, kiosk, sim)
    assert _no_answers_in_a_row(kiosk) >= 4


def test_details_slow_until_the_network_mends_never_guess(qtbot, make_kiosk, sim):
    """Every read 10 s late (the kiosk waits 0.5 s): it keeps saying so, and pays only once a read comes back."""
    kiosk = make_kiosk(request_timeout_s=0.5)
    url = charge(qtbot, kiosk.window, "149,50")
    _approved_during_the_fault(kiosk, sim, url, delay_s=10)
    qtbot.waitUntil(lambda: _no_answers_in_a_row(kiosk) >= 3, timeout=10_000)
    assert kiosk.on_customer_screen()
    assert kiosk.status == NO_ANSWER_TEXT
    assert kiosk.screen.outcomes == []
    sim.clear_faults()
    _said_no_answer_then_paid(qtbot, kiosk, sim)


def test_details_429_waits_what_vipps_asks_then_pays(qtbot, kiosk, sim):
    url = charge(qtbot, kiosk.window, "149,50")
    _approved_during_the_fault(kiosk, sim, url, status=429, retry_after=1, count=1)
    _said_no_answer_then_paid(qtbot, kiosk, sim)
    # The poll that met the 429 was followed by silence for the second Vipps asked (not the 0.1 s schedule).
    statuses = kiosk.screen.statuses
    (slowed,) = [i for i, (_at, text) in enumerate(statuses) if text == NO_ANSWER_TEXT]
    assert statuses[slowed + 1][0] - statuses[slowed][0] >= 0.95
