"""The back office's refund in a shop with a database: the amount is claimed in PostgreSQL before Vipps is called,
and with the database away the till still refunds its own sale, within the database's bound."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from kiosk.config import config_path
from kiosk.secret_store import SecretStore
from kiosk.shop_ledger.copier import ShopCopier
from tests.gui.conftest import make_window, window  # noqa: F401 - the counter's fixtures, used here too
from tests.gui.test_back_office import _open_back_office, _refunded_at_vipps, _select_row, _sell
from tests.shop.pg_server import TILL_PASSWORD, _free_port
from tests.shop.tills import target


def _settings(url: str) -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'[kiosk]\ntill_id = "kasse-1"\n[shop]\ndatabase = "{url}"\n', encoding="utf-8")
    SecretStore.beside(path).save_database_password(url, TILL_PASSWORD)


def _refund(qtbot, window, amount_text: str) -> None:  # noqa: F811 - the fixture's value
    office = window.back_office
    _select_row(qtbot, window)
    office.refund_amount.setText(amount_text)
    qtbot.mouseClick(office.refund_button, Qt.MouseButton.LeftButton)


def test_a_refund_claims_its_amount_in_the_shop_database(qtbot, window, sim, pg, shop_db, tmp_path):  # noqa: F811
    _settings(pg.url(shop_db))
    _sell(qtbot, window, sim, "149,50")
    copier = ShopCopier(tmp_path / "ledger.sqlite3", target(pg, shop_db, "kasse-1"))
    try:
        copier.catch_up()
    finally:
        copier.close()
    _open_back_office(qtbot, window)
    _refund(qtbot, window, "49,50")
    qtbot.waitUntil(lambda: window.back_office.message.text() == "Refunded NOK\u00a049.50.", timeout=10_000)
    assert _refunded_at_vipps(sim) == 4950
    with pg.admin(shop_db) as db:
        assert db.execute("SELECT claimed_by, amount_ore, state FROM refund_claims").fetchall() == [
            ("kasse-1", 4950, "DONE")
        ]


def test_with_the_shop_database_away_the_till_refunds_its_own_sale(qtbot, window, sim):  # noqa: F811
    _settings(f"postgresql://kiosk_till@127.0.0.1:{_free_port()}/shop")  # nothing listens there
    _sell(qtbot, window, sim, "149,50")
    _open_back_office(qtbot, window)
    started = time.monotonic()
    _refund(qtbot, window, "100")
    qtbot.waitUntil(lambda: window.back_office.message.text() == "Refunded NOK\u00a0100.00.", timeout=10_000)
    assert time.monotonic() - started < 5  # the shop database's bound, not a wait of its own
    assert _refunded_at_vipps(sim) == 10_000
    _refund(qtbot, window, "49,51")  # and its own ledger still holds it to what remains
    qtbot.waitUntil(lambda: window.back_office.message.text() == "Only NOK\u00a049.50 remains to refund.")
    assert _refunded_at_vipps(sim) == 10_000
