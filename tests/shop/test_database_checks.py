"""`kiosk doctor` (and so the settings screen's "Test connection") checks the shop database: reachable within a
bound, its schema's version, and the till id not already used by another PC. One line each, on a real
PostgreSQL; the password never in a line."""

from __future__ import annotations

import time

import pytest

from kiosk.commands.doctor import main, run_checks
from kiosk.diagnostics.connection_check import check_shop_database
from kiosk.ledger import Ledger
from kiosk.settings.file import save_settings
from kiosk.settings.paths import config_path, data_dir, ledger_path
from kiosk.settings.secrets import SecretStore
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.copier import ShopCopier
from kiosk.shop_ledger.schema import migrations
from tests.shop.pg_server import TILL_PASSWORD, _free_port
from tests.shop.proxy import StallingProxy
from tests.shop.tills import ring_up, target
from tests.test_settings_and_doctor import _raw


def _configure(sim, url: str, password: str = TILL_PASSWORD) -> None:
    raw = _raw(sim.base_url)
    raw["kiosk"]["till_id"] = "kasse-1"
    raw["shop"]["database"] = url
    save_settings(config_path(), raw)
    SecretStore.beside(config_path()).save_database_password(url, password)


def _doctor() -> tuple[int, list[str]]:
    lines: list[str] = []
    status = main(False, lines.append)
    return status, lines


def _line(lines: list[str], name: str) -> str:
    (found,) = [line for line in lines if line[5:].startswith(f"{name}:")]
    return found


def test_an_empty_database_then_this_pcs_own_till(pg, shop_db, sim):
    _configure(sim, pg.url(shop_db))
    status, lines = _doctor()
    assert status == 0, lines
    assert _line(lines, "Shop database").startswith(f"ok   Shop database: 127.0.0.1/{shop_db} answered in ")
    assert _line(lines, "Shop schema") == (
        f"ok   Shop schema: empty: the first till to start sets it up (version {len(migrations())})"
    )
    assert (
        _line(lines, "Till id")
        == "ok   Till id: till kasse-1 of shop shop is free: this till takes it with its first copy"
    )
    ledger_file = ledger_path(data_dir())
    with Ledger.open(ledger_file) as ledger:
        ring_up(ledger)
    copier = ShopCopier(ledger_file, target(pg, shop_db, "kasse-1"))
    try:
        copier.catch_up()
    finally:
        copier.close()
    status, lines = _doctor()
    assert status == 0, lines
    assert _line(lines, "Shop schema") == f"ok   Shop schema: version {len(migrations())}, as this kiosk's"
    assert _line(lines, "Till id") == "ok   Till id: till kasse-1 of shop shop is this PC's"
    assert TILL_PASSWORD not in "\n".join(lines)


def test_a_till_id_another_pc_copies_under_is_one_line_with_the_fix(pg, shop_db, sim, tmp_path):
    _configure(sim, pg.url(shop_db))
    other_pc = tmp_path / "other-pc.sqlite3"
    with Ledger.open(other_pc) as ledger:
        ring_up(ledger)
    copier = ShopCopier(other_pc, target(pg, shop_db, "kasse-1"))
    try:
        copier.catch_up()
    finally:
        copier.close()
    Ledger.open(ledger_path(data_dir())).close()  # this PC's own ledger, another one
    status, lines = _doctor()
    assert status == 1
    till = _line(lines, "Till id")
    assert till.startswith(
        "FAIL Till id: till kasse-1 of shop shop is already used by another PC's ledger (last copied "
    )
    assert till.endswith("): give this till a [kiosk] till_id of its own")
    assert lines[-1] == "kiosk doctor: 1 problem(s) to fix"


def test_a_schema_newer_than_the_kiosk_says_to_update(pg, shop_db, sim):
    _configure(sim, pg.url(shop_db))
    copier = ShopCopier(_empty_ledger(), target(pg, shop_db, "kasse-1"))
    try:
        copier.catch_up()
    finally:
        copier.close()
    with pg.admin(shop_db) as db:
        db.execute("INSERT INTO schema_version (version) VALUES (%s)", (len(migrations()) + 1,))
    _, lines = _doctor()
    assert _line(lines, "Shop schema") == (
        f"FAIL Shop schema: version {len(migrations()) + 1}, newer than this kiosk knows ({len(migrations())}): "
        "update this till's kiosk"
    )
    assert not [line for line in lines if "Till id" in line]  # the next step needs a schema this kiosk knows


def _empty_ledger():
    path = ledger_path(data_dir())
    Ledger.open(path).close()
    return path


def test_a_wrong_password_is_one_line_that_never_holds_it(pg, shop_db, sim):
    password = "not-the-password"
    _configure(sim, pg.url(shop_db), password=password)
    status, lines = _doctor()
    assert status == 1
    line = _line(lines, "Shop database")
    assert line.startswith(f"FAIL Shop database: 127.0.0.1/{shop_db}: the shop database cannot be reached: ")
    assert "password authentication failed" in line
    assert line.endswith(": check [shop] database, the password and the network")
    assert password not in "\n".join(lines)
    assert [name for name in ("Shop schema", "Till id") if any(name in each for each in lines)] == []


def test_a_database_nobody_answers_at_is_one_line_at_once(sim):
    _configure(sim, f"postgresql://kiosk_till@127.0.0.1:{_free_port()}/shop")
    started = time.monotonic()
    results = {str(r.name): r for r in run_checks()}
    assert time.monotonic() - started < 5
    assert not results["Shop database"].ok
    assert "Connection refused" in str(results["Shop database"].detail)


@pytest.mark.slow  # waits out a hang, an outage or a rate limit it sets up: seconds by design
def test_a_database_that_hangs_is_given_up_on_within_the_bound(pg, shop_db):
    proxy = StallingProxy(pg.port)
    try:
        proxy.hang()
        started = time.monotonic()
        (result,) = check_shop_database(
            ShopDatabase(pg.url(shop_db, port=proxy.port), "kasse-1", "shop", TILL_PASSWORD), _empty_ledger(), 1.0
        )
        assert time.monotonic() - started < 4  # libpq's connect_timeout is at least 2 s
    finally:
        proxy.close()
    assert not result.ok
    assert str(result.name) == "Shop database"
