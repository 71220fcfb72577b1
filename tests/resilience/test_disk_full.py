"""Row 12 of the fault matrix: the disk full when the kiosk records a sale. The ledger lives on a real, tiny file
system (a tmpfs, which needs root to mount; elsewhere the row is skipped), filled to the last byte just before
the customer approves, or before the sale starts. The screen never shows what the ledger does not hold, nothing
unrecorded is sent to Vipps or captured, and once there is room again the sale is recorded as it really went."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.ledger.store import Ledger
from tests.gui.steps import charge, wait_outcome
from tests.helpers import SmallDisk, mounted_small_disk
from tests.resilience.conftest import assert_three_agree, customer_pays_by_qr

pytestmark = (
    pytest.mark.slow
)  # the fault matrix end to end: each waits out the client's retries and the kiosk's windows


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    with mounted_small_disk(tmp_path / "disk", "4m") as disk:
        yield disk


def test_a_full_disk_never_shows_an_unrecorded_sale_and_records_it_once_space_returns(
    qtbot, make_kiosk, sim, small_disk
):
    kiosk = make_kiosk(ledger_file=small_disk.mount / "ledger.sqlite3")
    window = kiosk.window
    url = charge(qtbot, window, "149,50")
    (tx,) = sim.records()
    statuses_before = len(kiosk.screen.texts)

    small_disk.fill()
    customer_pays_by_qr(sim, url)

    def refusals() -> list[str]:
        return [t for t in kiosk.screen.texts[statuses_before:] if t.startswith("The sale could not be recorded")]

    qtbot.waitUntil(lambda: len(refusals()) >= 3)  # three polls saw the approval, and none could record it
    # Approved at Vipps, but not in the ledger: the screen must not say "Paid", nor anything else meanwhile,
    # and nothing is captured.
    assert kiosk.screen.texts[statuses_before:][-3:] == refusals()[-3:]
    assert kiosk.on_customer_screen()
    assert kiosk.screen.outcomes == []
    assert "disk is full" in kiosk.status
    ((sale, attempts),) = kiosk.ledger_sales()
    assert (sale.state, [a.state for a in attempts]) == ("OPEN", ["PENDING"])
    assert sim.record(tx).state == "RESERVED"
    assert sim.record(tx).captured == 0

    small_disk.free()
    wait_outcome(qtbot, window, "PAID")
    assert_three_agree(qtbot, kiosk, sim, outcome="PAID", amount_ore=14950)
    assert kiosk.screen.outcomes == ["PAID"]


def test_a_full_disk_before_the_sale_starts_says_so_and_sends_nothing_to_vipps(qtbot, make_kiosk, sim, small_disk):
    ledger_file = small_disk.mount / "ledger.sqlite3"
    Ledger.open(ledger_file, verify=True).close()  # as the kiosk's start-up does, before the disk fills
    kiosk = make_kiosk(ledger_file=ledger_file)
    window = kiosk.window
    small_disk.fill()
    charge(qtbot, window, "149,50", wait_for_qr=False)
    wait_outcome(qtbot, window, "NOT_STARTED")
    # SQLite cannot even make the ledger's shared-memory file: not a damaged ledger, and not a word of "paid".
    assert re.fullmatch(
        f"The ledger at {re.escape(str(ledger_file))} cannot be opened: (disk I/O error|database or disk is full)",
        kiosk.status,
    )
    assert window.outcome_screen.detail.text() == kiosk.status
    assert sim.payments() == []  # nothing the ledger does not hold was sent to Vipps
    assert kiosk.ledger_sales() == []
    qtbot.waitUntil(lambda: window.flow.active_runs == 0)

    small_disk.free()
    qtbot.mouseClick(window.outcome_screen.new_sale_button, Qt.MouseButton.LeftButton)
    url = charge(qtbot, window, "75")
    customer_pays_by_qr(sim, url)
    wait_outcome(qtbot, window, "PAID")
    assert_three_agree(qtbot, kiosk, sim, outcome="PAID", amount_ore=7500)
    assert len(kiosk.ledger_sales()) == 1
