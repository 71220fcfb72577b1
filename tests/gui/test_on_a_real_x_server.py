"""The kiosk as a real process on a real X server (Xvfb), typed at by xdotool through the X server's keyboard
(XTEST), as a person at the counter would: Enter charges, Esc cancels, a key on the outcome starts the next sale.

Offscreen tests hand keys to Qt; here they come through X and the xcb platform plugin, so a focus that is
nowhere or a window Qt no longer thinks active shows up as it does at a real counter. The kiosk runs in demo
mode, on its embedded simulator, and staff lock it with F11 first, as a counter PC is locked all day: the lock
used to hide and show the window again, after which Qt had no active window and Esc reached nothing. What the
test sees is what the kiosk recorded: its ledger (read beside it, read-only, as `kiosk export` does) and its
simulator's own record of each payment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import psutil
import pytest

import kiosk
from kiosk.ledger import Ledger, LedgerError
from kiosk.settings.paths import config_path, data_dir, ledger_path
from tests.fresh_pc import load_script

pytestmark = pytest.mark.xserver

TOOLS = {"Xvfb": "xvfb", "xdotool": "xdotool"}  # program: the Debian package that has it
CONFIG = """\
[kiosk]
outcome_display_s = 600       # so only a key can end the outcome screen
poll_start_delay_s = 0.2
poll_interval_s = 0.2

[shop]
language = "en"
sounds = false
"""


def _wait_for(what: str, check: Callable[[], Any], timeout_s: float = 10.0, log: Path | None = None) -> Any:
    """Poll `check` until it returns something true, for at most `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    said = f"\n--- the kiosk's output ---\n{log.read_text(errors='replace')}" if log and log.exists() else ""
    raise AssertionError(f"not within {timeout_s:g} s: {what}{said}")


@pytest.fixture
def x_display() -> Iterator[str]:
    """An X server of its own, as packaging/build.py's smoke test starts one: Xvfb picks a free display itself
    (-displayfd), so it never takes one in use."""
    missing = [f"{tool} (Debian package {package})" for tool, package in TOOLS.items() if not shutil.which(tool)]
    if missing:
        pytest.fail(
            "the X-server test needs " + " and ".join(missing) + ": `apt-get install xvfb xdotool` as root, "
            "or run `python3 dev.py test`, which installs them on Debian"
        )
    with load_script("packaging/build.py").XServer() as server:
        yield server.display


class RunningKiosk:
    """`python -m kiosk --demo` on the display, and what can be seen of it from outside."""

    def __init__(self, display: str, folder: Path) -> None:
        self.display = display
        self.output = folder / "kiosk-output.txt"
        self.ledger_file = ledger_path(data_dir(), demo=True)
        config_path().write_text(CONFIG, encoding="utf-8")
        project = Path(kiosk.__file__).resolve().parent.parent  # this tree's kiosk, not an installed one
        env = {
            **os.environ,  # KIOSK_CONFIG, KIOSK_DATA_DIR and KIOSK_NO_KEYRING as the test set them
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "PYTHONPATH": str(project),
        }
        with self.output.open("wb") as output:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "kiosk", "--demo"], env=env, cwd=project, stdout=output, stderr=output
            )
        self.window = ""
        self._sim: httpx.Client | None = None

    def wait(self, what: str, check: Callable[[], Any], timeout_s: float = 10.0) -> Any:
        if self.process.poll() is not None:
            raise AssertionError(f"the kiosk ended (exit {self.process.returncode}):\n{self.output.read_text()}")
        return _wait_for(what, check, timeout_s, self.output)

    def xdotool(self, *arguments: str) -> str:
        done = subprocess.run(
            ["xdotool", *arguments],
            env={**os.environ, "DISPLAY": self.display},
            capture_output=True,
            text=True,
            timeout=20,
            check=True,
        )
        return done.stdout

    def find_window(self) -> None:
        found = self.xdotool("search", "--sync", "--onlyvisible", "--pid", str(self.process.pid), "--name", "DEMO")
        self.window = found.split()[0]

    def focus(self) -> None:
        """Give the window the X server's keyboard focus (there is no window manager to do it)."""
        self.xdotool("windowfocus", "--sync", self.window)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "40", text)  # through XTEST: to the window with the focus

    def key(self, name: str) -> None:
        self.xdotool("key", name)

    def simulator(self) -> httpx.Client | None:
        """The embedded simulator, once it listens (the kiosk starts it after its first frame)."""
        if self._sim is None:
            ports = [
                c.laddr.port
                for c in psutil.Process(self.process.pid).net_connections(kind="tcp")
                if c.status == psutil.CONN_LISTEN
            ]
            if not ports:
                return None
            self._sim = httpx.Client(base_url=f"http://127.0.0.1:{ports[0]}", timeout=5, trust_env=False)
        return self._sim

    def payments(self) -> list[dict[str, Any]]:
        sim = self.simulator()
        return sim.get("/_sim/payments").json() if sim is not None else []

    def sales(self) -> list[tuple[Any, list[Any]]]:
        """Every sale with its attempts, as the ledger has them now."""
        try:
            with Ledger.open(self.ledger_file, read_only=True) as ledger:
                return [(sale, ledger.attempts_of(sale.id)) for sale in ledger.sales()]
        except LedgerError:
            return []  # not made yet

    def stop(self) -> None:
        if self._sim is not None:
            self._sim.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def running_kiosk(x_display, tmp_path) -> Iterator[RunningKiosk]:
    running = RunningKiosk(x_display, tmp_path)
    try:
        yield running
    finally:
        running.stop()


def _charge(running: RunningKiosk, amount_text: str, sales_before: int) -> None:
    """Type the amount and press Enter. The kiosk may still be starting its simulator ("Still connecting to
    Vipps"): the amount then stays in its field, and Enter is pressed again."""
    running.type(amount_text)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        running.key("Return")
        try:
            running.wait("a new sale in the ledger", lambda: len(running.sales()) > sales_before, timeout_s=1.5)
            return
        except AssertionError:
            continue
    raise AssertionError(f"Enter never started a sale:\n{running.output.read_text()}")


def test_a_real_keyboard_charges_with_enter_cancels_with_esc_and_starts_the_next_sale_with_a_key(running_kiosk):
    kiosk_ = running_kiosk
    kiosk_.find_window()
    kiosk_.wait("the embedded simulator", kiosk_.simulator, timeout_s=15)
    kiosk_.focus()
    kiosk_.key("F11")  # locked; the keys after it reach the kiosk after the lock, in the order typed

    _charge(kiosk_, "250", sales_before=0)
    kiosk_.wait("the QR payment made at Vipps", lambda: len(kiosk_.payments()) == 1)
    kiosk_.wait(
        "the attempt waiting for the customer",
        lambda: [a.state for a in kiosk_.sales()[0][1]] == ["PENDING"],
    )
    kiosk_.key("Escape")
    kiosk_.wait("the sale cancelled in the ledger", lambda: kiosk_.sales()[0][0].outcome == "CANCELLED")
    kiosk_.wait("the payment cancelled at Vipps", lambda: kiosk_.payments()[0]["cancelled"])
    ((sale, attempts),) = kiosk_.sales()
    assert (sale.amount_ore, sale.captured_ore, [a.state for a in attempts]) == (25000, 0, ["CANCELLED"])

    # The outcome stays for 10 minutes: only the key ends it, and the key is the amount's first digit.
    kiosk_.type("5")
    _charge(kiosk_, "0", sales_before=1)
    second, _ = kiosk_.sales()[1]
    assert second.amount_ore == 5000
    kiosk_.wait("the second QR payment made at Vipps", lambda: len(kiosk_.payments()) == 2)
    kiosk_.key("Escape")
    kiosk_.wait("the second sale cancelled", lambda: kiosk_.sales()[1][0].outcome == "CANCELLED")
