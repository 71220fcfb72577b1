"""The back office's refunds with a shop database, through the real window offscreen: another till's sale
refunded from "The whole shop" (claimed in PostgreSQL, sent through the sale's own API, shown at once), this
till's own sale claimed the same way, and with the database away this till's own sales still refunded within the
database's bound."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.checkout.providers_by_api import ProvidersByApi
from kiosk.checkout.session import SaleSession
from kiosk.ledger import Ledger
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import KioskSettings
from kiosk.ui.language.i18n import money
from tests.conftest import FAST_RETRY
from tests.gui.keyboard import press, type_text
from tests.gui.test_back_office import _refunded_at_vipps
from tests.helpers import approve
from tests.shop.pg_server import _free_port
from tests.shop.tills import copy_till, ledger_sql


def _paid_sale(sim, path, amount: int) -> int:
    """A sale paid at the simulator's Vipps and captured, in the ledger at `path`."""
    vipps = demo_vipps_settings(sim.base_url)
    with Ledger.open(path) as ledger, ProvidersByApi(vipps, FAST_RETRY) as providers:
        provider = providers.current()
        session = SaleSession.begin(provider, ledger, vipps, KioskSettings(), amount, "Kaffe")
        started = session.start_attempt("91234567")
        approve(provider, started.attempt, "91234567")
        session.observe(started.attempt.psp_transaction_id, provider.read(started.attempt.psp_transaction_id))
        return session.sale_id


def _open_back_office(qtbot, window) -> None:
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, "1234")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office)
    qtbot.waitUntil(lambda: window.back_office.model.rowCount() > 0)


def _refund(qtbot, office, row: int, amount_text: str) -> None:
    office.table.selectRow(row)
    qtbot.waitUntil(office.refund_button.isEnabled)
    qtbot.mouseClick(office.refund_amount, Qt.MouseButton.LeftButton)  # the field takes the keys, as a click gives
    qtbot.waitUntil(lambda: QApplication.focusWidget() is office.refund_amount)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # over what was typed before
    type_text(qtbot, amount_text)
    qtbot.mouseClick(office.refund_button, Qt.MouseButton.LeftButton)


def test_another_tills_sale_is_refunded_from_the_whole_shop_view(qtbot, shop_window, sim, pg, shop_db, tmp_path):
    here, there = tmp_path / "ledger.sqlite3", tmp_path / "kasse-2.sqlite3"
    _paid_sale(sim, here, 4990)
    far_sale = _paid_sale(sim, there, 10_000)
    copy_till(pg, shop_db, here, "kasse-1")
    copy_till(pg, shop_db, there, "kasse-2")
    window = shop_window()
    _open_back_office(qtbot, window)
    office = window.back_office
    qtbot.mouseClick(office.scope.whole_shop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.model.rowCount() == 2)
    (row,) = [r for r in range(2) if office.model.index(r, 8).data() == "kasse-2"]
    _refund(qtbot, office, row, "25")
    qtbot.waitUntil(lambda: office.message.text() == f"Refunded {money(2500)}.", timeout=10_000)
    assert _refunded_at_vipps(sim) == 2500  # through kasse-2's own payment
    qtbot.waitUntil(lambda: office.model.index(row, 3).data() == "PART REFUNDED")  # at once, in the shop view
    assert ledger_sql(here, "SELECT sale_till_id, sale_id, amount_ore, state FROM cross_till_refunds") == [
        ("kasse-2", far_sale, 2500, "DONE")
    ]
    with pg.admin(shop_db) as db:
        assert db.execute("SELECT claimed_by, sale_till_id, amount_ore, state FROM refund_claims").fetchall() == [
            ("kasse-1", "kasse-2", 2500, "DONE")
        ]
    _refund(qtbot, office, row, "75,01")  # more than remains is refused by the claim, before Vipps
    qtbot.waitUntil(lambda: office.message.text() == f"Only {money(7500)} remains to refund.", timeout=10_000)
    assert _refunded_at_vipps(sim) == 2500


def test_this_tills_own_sale_is_claimed_in_the_shop_database_too(qtbot, shop_window, sim, pg, shop_db, tmp_path):
    _paid_sale(sim, tmp_path / "ledger.sqlite3", 14950)
    copy_till(pg, shop_db, tmp_path / "ledger.sqlite3", "kasse-1")
    window = shop_window()
    _open_back_office(qtbot, window)
    _refund(qtbot, window.back_office, 0, "49,50")
    qtbot.waitUntil(lambda: window.back_office.message.text() == f"Refunded {money(4950)}.", timeout=10_000)
    assert _refunded_at_vipps(sim) == 4950
    with pg.admin(shop_db) as db:
        assert db.execute("SELECT claimed_by, amount_ore, state FROM refund_claims").fetchall() == [
            ("kasse-1", 4950, "DONE")
        ]


def test_with_the_shop_database_away_the_till_refunds_its_own_sale(qtbot, shop_window, sim, tmp_path):
    _paid_sale(sim, tmp_path / "ledger.sqlite3", 14950)
    window = shop_window(port=_free_port())  # nothing listens there
    _open_back_office(qtbot, window)
    started = time.monotonic()
    _refund(qtbot, window.back_office, 0, "100")
    qtbot.waitUntil(lambda: window.back_office.message.text() == f"Refunded {money(10_000)}.", timeout=10_000)
    assert time.monotonic() - started < 5  # the shop database's bound, not a wait of its own
    assert _refunded_at_vipps(sim) == 10_000
    _refund(qtbot, window.back_office, 0, "49,51")  # and its own ledger still holds it to what remains
    qtbot.waitUntil(lambda: window.back_office.message.text() == f"Only {money(4950)} remains to refund.")
    assert _refunded_at_vipps(sim) == 10_000
