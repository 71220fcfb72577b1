"""`kiosk export --shop`: the whole shop's day from PostgreSQL, each till's rows exactly as its own export writes
them, plus the till, in time order; `--till` narrows it; without a shop database, one clear error."""

from __future__ import annotations

import csv
import io
import itertools
import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta

import pytest

from kiosk.domain.apis import api_title
from kiosk.ledger import Ledger
from kiosk.ledger.export_csv import HEADER, kroner, write_day_csv
from kiosk.ledger.report import status_of
from kiosk.settings.secrets import SecretStore
from kiosk.shop_ledger.copier import ShopCopier
from kiosk.shop_ledger.export import local_offsets
from tests.helpers import record_paid_sale
from tests.shop.pg_server import TILL_PASSWORD
from tests.shop.tills import target

DAY = date.today()


def _kiosk(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {
        "KIOSK_CONFIG": str(tmp_path / "config.toml"),
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_NO_KEYRING": "1",
        "PATH": "",
    }
    if "TZ" in os.environ:  # the day's local time as this process sees it (a test may set one)
        env["TZ"] = os.environ["TZ"]
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _a_tills_day(ledger: Ledger, tag: str, hour: int) -> None:
    """Every kind of sale the CSV words: captured, refunded whole and in part, refused, needs checking, never
    tried, through both APIs."""
    noon = datetime.combine(DAY, datetime.min.time()).astimezone() + timedelta(hours=hour)
    paid = record_paid_sale(ledger, 14950, at=noon, tx=f"{tag}-1", phone_masked="******67")
    record_paid_sale(ledger, 5000, at=noon + timedelta(minutes=1), tx=f"{tag}-2", provider="epayment")
    whole = record_paid_sale(ledger, 2500, at=noon + timedelta(minutes=2), tx=f"{tag}-3")
    ledger.finish_refund(ledger.begin_refund(whole, 2500, f"{tag}-r1").id, done=True)
    ledger.finish_refund(ledger.begin_refund(paid, 950, f"{tag}-r2").id, done=True)
    refused = ledger.new_sale(3100, at=noon + timedelta(minutes=3))
    ledger.move_sale(refused.id, ["OPEN"], "NOT_PAID", outcome="REFUSED")
    doubt = ledger.new_sale(4200, at=noon + timedelta(minutes=4))
    ledger.move_sale(doubt.id, ["OPEN"], "NEEDS_CHECK")
    ledger.new_sale(100, at=noon + timedelta(minutes=5))  # never tried: no attempt, no reference
    record_paid_sale(ledger, 999, at=noon - timedelta(days=1), tx=f"{tag}-yesterday")  # not this day


@pytest.fixture
def shop(pg, shop_db, tmp_path):
    """Two tills that sold the same day and copied it; the settings of a third PC that exports it."""
    tills = {}
    for till_id, hour in (("kasse-1", 10), ("kasse-2", 9)):
        path = tmp_path / f"{till_id}.sqlite3"
        with Ledger.open(path) as ledger:
            _a_tills_day(ledger, till_id, hour)
        copier = ShopCopier(path, target(pg, shop_db, till_id))
        try:
            copier.catch_up()
        finally:
            copier.close()
        tills[till_id] = path
    url = pg.url(shop_db)
    (tmp_path / "config.toml").write_text(f'[kiosk]\ntill_id = "kasse-3"\n[shop]\ndatabase = "{url}"\n')
    SecretStore.beside(tmp_path / "config.toml").save_database_password(url, TILL_PASSWORD)
    return tills


TILL = -2  # the till's column in the shop's export: before the currency, which came after it


def _with_till(own_row: list[str], till_id: str) -> list[str]:
    """A row of a till's own export as the shop's export writes it."""
    return [*own_row[:-1], till_id, own_row[-1]]


def _rows(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    assert b"\r\n" in raw
    assert b"\n" not in raw.replace(b"\r\n", b"")  # every line ends as Excel's do
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_the_shop_export_is_every_tills_own_export_with_its_till_in_time_order(shop, tmp_path):
    out = tmp_path / "shop.csv"
    result = _kiosk(tmp_path, "export", "--date", DAY.isoformat(), "--shop", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{out} (12 sales)"
    rows = _rows(out)
    # Each column added last when it came: the till after the vipps reference, then the currency.
    assert rows[0] == [*HEADER[:-1], "till", "currency"]
    assert HEADER[-2:] == ["vipps reference", "currency"]
    expected = []
    for till_id, path in shop.items():
        own = tmp_path / f"{till_id}.csv"
        with Ledger.open(path, read_only=True) as ledger:
            write_day_csv(ledger, DAY, own)
        expected += [_with_till(row, till_id) for row in _rows(own)[1:]]
    assert sorted(rows[1:]) == sorted(expected)  # each till's rows, byte for byte as its own export, once
    assert [row[0] for row in rows[1:]] == sorted(row[0] for row in rows[1:])  # in time order
    assert rows[1][TILL] == "kasse-2"  # it sold an hour earlier


def test_till_narrows_it_to_one_till(shop, tmp_path):
    out = tmp_path / "one.csv"
    result = _kiosk(tmp_path, "export", "--date", DAY.isoformat(), "--shop", "--till", "kasse-2", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert {row[TILL] for row in _rows(out)[1:]} == {"kasse-2"}
    assert len(_rows(out)) == 7


def test_without_a_shop_database_shop_is_one_clear_error_and_no_file(tmp_path):
    out = tmp_path / "shop.csv"
    result = _kiosk(tmp_path, "export", "--date", DAY.isoformat(), "--shop", "--output", str(out))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "kiosk: --shop needs a shop database: set [shop] database in the settings (see the README's \"A shop with "
        "several tills\"); without one, leave --shop out for this till's own export"
    ]
    assert not out.exists()


def test_an_unreachable_shop_database_is_one_line_without_the_password_and_no_file(pg, shop_db, tmp_path):
    url = pg.url(shop_db, port=1)  # nothing listens there
    (tmp_path / "config.toml").write_text(f'[kiosk]\ntill_id = "kasse-3"\n[shop]\ndatabase = "{url}"\n')
    SecretStore.beside(tmp_path / "config.toml").save_database_password(url, TILL_PASSWORD)
    out = tmp_path / "shop.csv"
    result = _kiosk(tmp_path, "export", "--date", DAY.isoformat(), "--shop", "--output", str(out))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("kiosk: The shop database cannot be reached: ")
    assert TILL_PASSWORD not in result.stderr
    assert not out.exists()


def test_a_bad_till_id_is_refused_before_anything_is_asked(tmp_path):
    result = _kiosk(tmp_path, "export", "--date", DAY.isoformat(), "--shop", "--till", "Kasse 2")
    assert result.returncode == 2
    assert "--till must be 1 to 16 lower-case letters" in result.stderr


def test_the_servers_words_and_amounts_are_the_ledgers_own(pg, shop_db, shop):
    states = ["OPEN", "PAID", "NOT_PAID", "NEEDS_CHECK"]
    outcomes = [None, "", "REFUSED", "EXPIRED"]
    amounts = [0, 1, 99, 100, 4990, 124950]
    with pg.admin(shop_db) as db:
        for state, outcome, captured, refunded in itertools.product(states, outcomes, amounts, amounts):
            (word,) = db.execute("SELECT kiosk_status(%s, %s, %s, %s)", (state, outcome, captured, refunded)).fetchone()
            assert word == status_of(state, outcome, captured, refunded)
        for ore in [*amounts, -1, -124950, 10**12]:
            assert db.execute("SELECT kiosk_kroner(%s)", (ore,)).fetchone() == (kroner(ore),)
        for api in ["psp", "epayment", None, "other"]:
            assert (db.execute("SELECT kiosk_api_title(%s)", (api,)).fetchone()[0] or "") == api_title(api)


def test_a_day_the_clock_changes_is_written_in_local_time(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    try:
        spring = local_offsets(date(2026, 3, 29))
        plain = local_offsets(date(2026, 6, 1))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert (spring["before"], spring["after"]) == (timedelta(hours=1), timedelta(hours=2))
    assert spring["switch"].isoformat() == "2026-03-29T01:00:00+00:00"
    assert plain["before"] == plain["after"] == timedelta(hours=2)


def test_a_shop_export_on_the_day_the_clock_changes_matches_the_tills_own(pg, shop_db, tmp_path, monkeypatch):
    """Sales either side of the spring change in Oslo: the server writes each in local time as the till does."""
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    try:
        day = date(2026, 3, 29)
        path = tmp_path / "kasse-1.sqlite3"
        with Ledger.open(path) as ledger:
            for hour, minute in ((0, 30), (1, 59), (3, 0), (23, 59)):  # 02:00 became 03:00
                at = datetime(2026, 3, 29, hour, minute).astimezone()
                record_paid_sale(ledger, 1000 + hour, at=at, tx=f"dst-{hour}-{minute}")
        copier = ShopCopier(path, target(pg, shop_db, "kasse-1"))
        try:
            copier.catch_up()
        finally:
            copier.close()
        own = tmp_path / "own.csv"
        with Ledger.open(path, read_only=True) as ledger:
            write_day_csv(ledger, day, own)
        url = pg.url(shop_db)
        (tmp_path / "config.toml").write_text(f'[kiosk]\ntill_id = "kasse-1"\n[shop]\ndatabase = "{url}"\n')
        SecretStore.beside(tmp_path / "config.toml").save_database_password(url, TILL_PASSWORD)
        out = tmp_path / "shop.csv"
        result = _kiosk(tmp_path, "export", "--date", day.isoformat(), "--shop", "--output", str(out))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert result.returncode == 0, result.stderr
    assert _rows(out)[1:] == [_with_till(row, "kasse-1") for row in _rows(own)[1:]]
    assert [row[0][11:16] for row in _rows(out)[1:]] == ["00:30", "01:59", "03:00", "23:59"]
