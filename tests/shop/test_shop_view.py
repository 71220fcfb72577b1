"""The back office's "This till" or "The whole shop", on a real PostgreSQL: every till's sales with their till,
the shop's totals and hours, paged as the till's own table is; a till that lags is named; a database that is away
or hangs is said in one line while "This till" goes on working. Real widgets offscreen, real tills' ledgers
copied by the real copier."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.ledger import Ledger
from kiosk.shop_ledger.copier import ShopCopier
from kiosk.shop_ledger.shop_rows import SaleIdentity
from kiosk.ui.language.i18n import money
from tests.gui.keyboard import press, type_text
from tests.shop.proxy import StallingProxy
from tests.shop.tills import copy_till, ring_up, target

AWAY = (
    "The shop database cannot be reached, so the whole shop cannot be shown now. "
    "“This till” shows this till's own sales."
)


def _open_back_office(qtbot, window) -> None:
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, "1234")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office)
    qtbot.waitUntil(lambda: window.back_office.totals.text() != "")


def _column(model, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_whole_shop_shows_every_tills_sales_with_its_till_and_the_shops_totals(
    qtbot, shop_window, pg, shop_db, tmp_path
):
    here, there = tmp_path / "ledger.sqlite3", tmp_path / "kasse-2.sqlite3"
    with Ledger.open(here) as ledger:
        ring_up(ledger, 4990)
        ring_up(ledger, 1000, refund_ore=500)
    with Ledger.open(there) as ledger:
        far_sale = ring_up(ledger, 2500)
        ring_up(ledger, 12000)
        (far_attempt,) = ledger.attempts_of(far_sale)
    copy_till(pg, shop_db, here, "kasse-1")
    copy_till(pg, shop_db, there, "kasse-2")
    window = shop_window()
    _open_back_office(qtbot, window)
    office = window.back_office
    assert office.scope is not None
    assert office.scope.isVisible()
    assert office.till_label.text() == "Till kasse-1"
    assert office.model.rowCount() == 2  # "This till" first, as before
    assert office.model.columnCount() == 8
    assert "Captured 2 · " + money(5990) in office.totals.text()

    qtbot.mouseClick(office.scope.whole_shop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.model.rowCount() == 4)
    assert office.model.headerData(8, Qt.Orientation.Horizontal) == "Till"
    assert sorted(_column(office.model, 8)) == ["kasse-1", "kasse-1", "kasse-2", "kasse-2"]
    assert sorted(_column(office.model, 2)) == sorted(money(a) for a in (4990, 1000, 2500, 12000))
    assert f"Captured 4 · {money(20490)}" in office.totals.text()
    assert f"Refunded {money(500)}" in office.totals.text()
    assert f"Net {money(19990)}" in office.totals.text()
    assert "4 (" in office.chart.accessibleDescription()  # this hour: the four sales of both tills
    assert not office.scope.freshness.isVisible()  # both tills copied just now

    # The row's identity is there for a refund across tills (tests/shop/test_back_office_refunds.py refunds one);
    # this till's own rows are refunded here as ever.
    rows = list(zip(_column(office.model, 8), _column(office.model, 2), strict=True))
    office.table.selectRow(rows.index(("kasse-2", money(2500))))
    reference = far_attempt.psp_transaction_id
    assert office.selected_identity() == SaleIdentity("shop", "kasse-2", far_sale, reference, "psp")
    assert office.refund_button.isEnabled()
    assert not office.recheck_button.isEnabled()  # a re-check is for this till's own sales
    office.table.selectRow(rows.index(("kasse-1", money(4990))))
    assert office.refund_button.isEnabled()

    qtbot.mouseClick(office.scope.this_till, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.model.rowCount() == 2 and office.model.columnCount() == 8)
    assert "Captured 2 · " + money(5990) in office.totals.text()


def _fill(ledger_file: Path, till: str, sales: int) -> None:
    """`sales` captured sales today, one a minute from 00:10, straight into the ledger in one transaction (the
    outbox's triggers see them as the till's own writes)."""
    midnight = datetime.combine(date.today(), datetime.min.time()).astimezone()
    with sqlite3.connect(ledger_file) as db:
        db.executemany(
            "INSERT INTO sales (created_at, amount_ore, state, outcome, order_id, phone_masked, attempt_count,"
            " captured_ore) VALUES (?, ?, 'PAID', 'PAID', ?, '******12', 1, ?)",
            [
                (
                    (midnight + timedelta(minutes=10 + i)).astimezone(UTC).isoformat(timespec="milliseconds"),
                    1000 + i,
                    f"{till}-{i:04d}",
                    1000 + i,
                )
                for i in range(sales)
            ],
        )
    db.close()


def test_a_busy_shop_day_is_read_a_page_at_a_time_in_time_and_till_order(qtbot, shop_window, pg, shop_db, tmp_path):
    for till in ("kasse-1", "kasse-2"):
        ledger_file = tmp_path / ("ledger.sqlite3" if till == "kasse-1" else f"{till}.sqlite3")
        with Ledger.open(ledger_file):
            pass  # made and migrated, as the till's first start does
        copier = ShopCopier(ledger_file, target(pg, shop_db, till))  # the till's outbox, on
        _fill(ledger_file, till, 130)  # both tills sell at the same minutes: the till orders them
        try:
            copier.catch_up()
        finally:
            copier.close()
    window = shop_window()
    office = window.back_office
    office.model.page_size = 50
    _open_back_office(qtbot, window)
    qtbot.mouseClick(office.scope.whole_shop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.model.shows_shop and office.model.rowCount() == 50)
    assert f"Captured 260 · {money(2 * sum(1000 + i for i in range(130)))}" in office.totals.text()
    while office.model.has_more:
        shown = office.model.rowCount()
        office.table.scrollToBottom()
        qtbot.waitUntil(lambda shown=shown: office.model.rowCount() > shown or not office.model.has_more)
        assert office.model.rowCount() - shown in (0, 50, 260 % 50)
    expected = [f"{till}-{i:04d}" for i in range(130) for till in ("kasse-1", "kasse-2")]
    assert _column(office.model, 1) == expected  # every sale once, by time, then till


def test_a_till_that_lags_is_named_with_when_it_last_copied(qtbot, shop_window, pg, shop_db, tmp_path):
    here, there = tmp_path / "ledger.sqlite3", tmp_path / "kasse-2.sqlite3"
    for ledger_file, till in ((here, "kasse-1"), (there, "kasse-2")):
        with Ledger.open(ledger_file) as ledger:
            ring_up(ledger)
        copy_till(pg, shop_db, ledger_file, till)
    with pg.admin(shop_db) as db:  # kasse-2 went quiet at 14:02, say: its PC lost the network
        (copied,) = db.execute(
            "UPDATE tills SET last_copied_at = now() - interval '10 minutes' WHERE till_id = 'kasse-2'"
            " RETURNING last_copied_at"
        ).fetchone()
    window = shop_window()
    _open_back_office(qtbot, window)
    office = window.back_office
    qtbot.mouseClick(office.scope.whole_shop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.model.rowCount() == 2 and office.scope.freshness.isVisible())
    local = copied.astimezone()
    shown = local.strftime("%H:%M") if local.date() == date.today() else local.strftime("%Y-%m-%d %H:%M")
    assert office.scope.freshness.text() == f"Till kasse-2: last copied {shown}"  # kasse-1 is up to date


def test_with_the_shop_database_away_the_shop_view_says_so_and_this_till_still_works(
    qtbot, shop_window, pg, shop_db, tmp_path
):
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
        ring_up(ledger, 4990)
    copy_till(pg, shop_db, tmp_path / "ledger.sqlite3", "kasse-1")
    window = shop_window()
    _open_back_office(qtbot, window)
    office = window.back_office
    pg.stop()
    qtbot.mouseClick(office.scope.whole_shop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.scope.freshness.text() == AWAY, timeout=10_000)
    assert office.model.rowCount() == 0  # no figures it could not read
    assert office.totals.text() == ""
    assert office.message.text() == ""  # one line, in its place; no error from below
    qtbot.mouseClick(office.scope.this_till, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.model.rowCount() == 1)
    assert "Captured 1 · " + money(4990) in office.totals.text()
    assert not office.scope.freshness.isVisible()


@pytest.mark.slow  # waits out a hang, an outage or a rate limit it sets up: seconds by design
def test_a_hanging_shop_database_never_holds_up_the_screen_and_is_given_up_within_its_bound(
    qtbot, shop_window, pg, shop_db, tmp_path, monkeypatch
):
    from kiosk.shop_ledger import shop_day

    monkeypatch.setattr(shop_day, "BOUND_S", 2.0)  # the bound a person waits at most, shrunk for the test
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
        ring_up(ledger, 4990)
    copy_till(pg, shop_db, tmp_path / "ledger.sqlite3", "kasse-1")
    proxy = StallingProxy(pg.port)
    try:
        window = shop_window(port=proxy.port)
        _open_back_office(qtbot, window)
        office = window.back_office
        proxy.hang()
        qtbot.mouseClick(office.scope.whole_shop, Qt.MouseButton.LeftButton)
        # While the shop's read hangs, the screen answers: "This till" is back at once.
        qtbot.mouseClick(office.scope.this_till, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: office.model.rowCount() == 1, timeout=1000)
        qtbot.mouseClick(office.scope.whole_shop, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: office.scope.freshness.text() == AWAY, timeout=8_000)
    finally:
        proxy.close()


def test_a_page_the_shop_database_cannot_give_is_asked_for_again_on_the_next_scroll(
    qtbot, shop_window, pg, shop_db, tmp_path
):
    ledger_file = tmp_path / "ledger.sqlite3"
    with Ledger.open(ledger_file):
        pass
    copier = ShopCopier(ledger_file, target(pg, shop_db, "kasse-1"))
    _fill(ledger_file, "kasse-1", 120)
    try:
        copier.catch_up()
    finally:
        copier.close()
    window = shop_window()
    office = window.back_office
    office.model.page_size = 50
    _open_back_office(qtbot, window)
    qtbot.mouseClick(office.scope.whole_shop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.model.shows_shop and office.model.rowCount() == 50)
    pg.stop()
    office.table.scrollToBottom()
    qtbot.waitUntil(lambda: not office._jobs, timeout=10_000)  # the page's read gave up
    assert office.model.rowCount() == 50
    assert office.message.text() == ""  # nothing from below reaches the screen; the log has why
    pg.start()
    office.table.scrollToTop()
    office.table.scrollToBottom()
    qtbot.waitUntil(lambda: office.model.rowCount() == 100)
    assert _column(office.model, 1)[:100] == [f"kasse-1-{i:04d}" for i in range(100)]
