"""Two tills, two kiosk processes, one shop database: issue #17's "done when".

Till kasse-1 and till kasse-2 run as real `python -m kiosk` processes on one X server (Xvfb), each with its own
settings and data folder, both on one stand-alone `kiosk simulator` with the demo sales unit's credentials and
both copying to one throwaway PostgreSQL. Staff type at each through the X server's keyboard (xdotool), as at
the counter; the customer approves in the simulated Vipps (the landing page, then the app). Mid-day PostgreSQL
is stopped; both tills sell on; it is started again, both catch up by themselves, and `kiosk export --shop` from
either till has every sale once, with its till, exactly as the tills' own ledgers have them.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

import kiosk
from kiosk.ledger import Ledger, LedgerError
from kiosk.settings.manager_pin import ManagerPin
from kiosk.settings.paths import ledger_path
from kiosk.settings.secrets import SecretStore
from kiosk.simulator.demo import DEMO_SALES_UNIT
from tests.conftest import TEST_API
from tests.gui.test_on_a_real_x_server import _wait_for, x_display  # noqa: F401 - the fixture
from tests.helpers import SimControl, reference_of
from tests.shop.conftest import pg, pg_server, shop_db  # noqa: F401 - the shop database's fixtures
from tests.shop.pg_server import TILL_PASSWORD
from tests.shop.tills import assert_copied_once

pytestmark = pytest.mark.xserver
PROJECT = Path(kiosk.__file__).resolve().parent.parent  # this tree's kiosk, not an installed one
PHONE = "91234567"


def _settings(sim_url: str, database: str, till_id: str) -> str:
    unit = DEMO_SALES_UNIT
    return f"""\
[vipps]
base_url = "{sim_url}"
client_id = "{unit.client_id}"
client_secret = "{unit.client_secret}"
subscription_key = "{unit.subscription_key}"
merchant_serial_number = "{unit.merchant_serial_number}"
psp_id = "{unit.psp_id}"
make_payment_token = "{unit.make_payment_token}"
api = "{TEST_API}"

[kiosk]
till_id = "{till_id}"
outcome_display_s = 600       # only a key ends an outcome: the next amount's first digit
poll_start_delay_s = 0.2
poll_interval_s = 0.2

[shop]
language = "en"
sounds = false
database = "{database}"
"""


class Till:
    """One kiosk process: its own settings and data folder; what it recorded is read from its ledger."""

    def __init__(self, till_id: str, folder: Path, display: str, sim_url: str, database: str) -> None:
        self.till_id = till_id
        folder.mkdir()
        config, data = folder / "config.toml", folder / "data"
        config.write_text(_settings(sim_url, database, till_id), encoding="utf-8")
        config.chmod(0o600)  # it holds the demo unit's secrets
        SecretStore.beside(config).save_database_password(database, TILL_PASSWORD)
        data.mkdir()
        ManagerPin(data / "manager-pin.json").set("1234")  # a first start with credentials would ask for one
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "KIOSK_CONFIG": str(config),
            "KIOSK_DATA_DIR": str(data),
            "KIOSK_NO_KEYRING": "1",
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "PYTHONPATH": str(PROJECT),
            **({"TZ": os.environ["TZ"]} if "TZ" in os.environ else {}),
        }
        self.ledger_file = ledger_path(data, demo=False)
        self.output = folder / "kiosk-output.txt"
        with self.output.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kiosk"], env=self.env, cwd=PROJECT, stdout=output, stderr=output
            )
        self.window = ""

    def wait(self, what: str, check, timeout_s: float = 15.0):
        if self.process.poll() is not None:
            raise AssertionError(f"{self.till_id} ended (exit {self.process.returncode}):\n{self.output.read_text()}")
        return _wait_for(f"{self.till_id}: {what}", check, timeout_s, self.output)

    def xdotool(self, *arguments: str) -> str:
        done = subprocess.run(
            ["xdotool", *arguments], env=self.env, capture_output=True, text=True, timeout=20, check=True
        )
        return done.stdout

    def sales(self) -> list:
        try:
            with Ledger.open(self.ledger_file, read_only=True) as ledger:
                return [(sale, ledger.attempts_of(sale.id)) for sale in ledger.sales()]
        except LedgerError:
            return []  # not made yet

    def sell(self, sim: SimControl, amount_text: str, amount_ore: int) -> None:
        """Staff type the amount and Enter; the customer approves in Vipps; the till records it captured."""
        if not self.window:
            found = self.xdotool(
                "search", "--all", "--sync", "--onlyvisible", "--pid", str(self.process.pid), "--name", "kiosk"
            )
            self.window = found.split()[0]
        self.xdotool("windowfocus", "--sync", self.window)  # no window manager: the test gives the focus
        before = len(self.sales())
        self.xdotool("type", "--delay", "30", amount_text)
        for _ in range(10):  # at start-up the till may still be connecting to Vipps: Enter again
            self.xdotool("key", "Return")
            try:
                self.wait("the sale's attempt", lambda: len(self.sales()) > before and self.sales()[-1][1], 1.5)
                break
            except AssertionError:
                continue
        sale, attempts = self.sales()[-1]
        assert sale.amount_ore == amount_ore
        reference = attempts[0].psp_transaction_id
        payment = self.wait("its payment at Vipps", lambda: _payment(sim, reference))
        sim.enter_phone(payment["landingUrl"], PHONE).raise_for_status()
        self.wait("the app's request", lambda: sim.app_requests(PHONE))
        sim.respond(reference, PHONE, "approve").raise_for_status()
        self.wait("the sale captured", lambda: self.sales()[before][0].captured_ore == amount_ore)

    def export_shop(self, day: date, output: Path) -> list[list[str]]:
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "export", "--date", day.isoformat(), "--shop", "--output", str(output)],
            env=self.env,
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        return list(csv.reader(io.StringIO(output.read_text(encoding="utf-8-sig"), newline=""), delimiter=";"))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


def _payment(sim: SimControl, reference: str) -> dict | None:
    return next((p for p in sim.payments() if reference_of(p) == reference), None)


@pytest.fixture
def simulator(tmp_path) -> Iterator[SimControl]:
    """One stand-alone simulator for both tills, as a shop's tills share one Vipps."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "simulator", "--port", "0"],
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(PROJECT)},
        cwd=PROJECT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        control = SimControl(process.stdout.readline().strip())  # its first line is its base URL
        yield control
        control.close()
    finally:
        process.terminate()
        process.wait(10)


def _copied_once(pg, dbname: str, till: Till) -> bool:  # noqa: F811 - pg is a fixture's value here
    try:
        return assert_copied_once(pg, dbname, till.till_id, till.ledger_file) == 2
    except AssertionError:
        return False  # its last writes (the capture's state changes) are still on their way


def _in_shop(pg, dbname: str) -> int:  # noqa: F811
    try:
        with pg.admin(dbname) as db:
            (count,) = db.execute("SELECT count(*) FROM sales").fetchone()
    except Exception:
        return 0  # not up yet, or no till has made the tables yet
    return count


def test_two_tills_sell_through_a_database_outage_and_the_shop_export_has_every_sale_once(
    x_display,  # noqa: F811
    simulator,
    pg,  # noqa: F811
    shop_db,  # noqa: F811
    tmp_path,
):
    database = pg.url(shop_db)
    tills: list[Till] = []
    try:
        for till_id in ("kasse-1", "kasse-2"):  # one by one, so a failed start still stops the first
            tills.append(Till(till_id, tmp_path / till_id, x_display, simulator.base_url, database))
        one, two = tills
        one.sell(simulator, "101", 10100)
        two.sell(simulator, "202", 20200)
        _wait_for("both sales in the shop database", lambda: _in_shop(pg, shop_db) == 2, 15)

        pg.stop()  # mid-day: the shop's PostgreSQL goes away
        one.sell(simulator, "103", 10300)
        two.sell(simulator, "204", 20400)
        pg.start()
        _wait_for("both tills caught up by themselves", lambda: _in_shop(pg, shop_db) == 4, 40)

        for till in tills:  # nothing lost, nothing twice, as each till's own ledger has it
            till.wait("its copy settled", lambda till=till: _copied_once(pg, shop_db, till))
        expected = sorted(
            (sale.order_id, f"{sale.amount_ore // 100},00", till.till_id) for till in tills for sale, _ in till.sales()
        )
        exports = [till.export_shop(date.today(), tmp_path / f"shop-{till.till_id}.csv") for till in tills]
        for rows in exports:
            assert rows[0][-2:] == ["till", "currency"]
            # every sale once, its till, in the shop's currency
            assert sorted((row[1], row[2], row[-2]) for row in rows[1:]) == expected
            assert {row[-1] for row in rows[1:]} == {"NOK"}
        assert exports[0] == exports[1]  # the same day from either till
    finally:
        for till in tills:
            till.stop()
