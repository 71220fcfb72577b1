"""Two monitors on a real X server: the customer's QR on theirs only, Esc from the staff's keyboard, and the
customer's monitor unplugged mid-sale.

Xvfb has one X screen; RandR 1.5 monitors (`xrandr --setmonitor`) split it into a staff monitor and a customer
monitor, and Qt's xcb platform reports each as a QScreen (and one removed with `--delmonitor` as screenRemoved),
as it does for a PC's two outputs. Xvfb keeps them only with -noreset (else it resets when its last client
leaves). What the test sees is what a person would: the X server's pixels on each monitor, decoded
(tests/gui/x_screen_codes.py), the windows' places as xdotool reads them from the X server, the kiosk's ledger
and its simulator's record of each payment.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fresh_pc import load_script
from tests.gui import test_on_a_real_x_server as one_monitor
from tests.gui.test_on_a_real_x_server import TOOLS, RunningKiosk, _charge
from tests.helpers import SimControl

pytestmark = pytest.mark.xserver

STAFF = ("DP-1", "1280/339x800/212+0+0")  # name, xrandr geometry (px/mm x px/mm + x + y)
CUSTOMER = ("HDMI-1", "1024/271x600/159+1280+0")
CONFIG = """\
[kiosk]
outcome_display_s = 600
poll_start_delay_s = 0.2
poll_interval_s = 0.2
customer_display = "auto"

[shop]
name = "Kiosken"
language = "en"
sounds = false
"""
CODES = Path(__file__).with_name("x_screen_codes.py")


@pytest.fixture
def two_monitors() -> Iterator[str]:
    missing = [f"{tool} (Debian package {package})" for tool, package in TOOLS.items() if not shutil.which(tool)]
    if not shutil.which("xrandr"):
        missing.append("xrandr (Debian package x11-xserver-utils)")
    if missing:
        pytest.fail("the two-monitor test needs " + " and ".join(missing) + ": `apt-get install` them as root")
    with load_script("packaging/build.py").XServer(size="2304x1024x24", keep_state=True) as server:
        for name, geometry in (STAFF, CUSTOMER):
            _xrandr(server.display, "--setmonitor", name, geometry, "none")
        yield server.display


def _xrandr(display: str, *arguments: str) -> None:
    subprocess.run(["xrandr", *arguments], env={**os.environ, "DISPLAY": display}, check=True, timeout=20)


def _codes_on_monitors(display: str) -> dict[str, list[str]]:
    done = subprocess.run(
        [sys.executable, str(CODES)],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def _geometry(kiosk: RunningKiosk, window: str) -> tuple[int, int, int, int]:
    """x, y, width, height of an X window, as the X server has it."""
    said = dict(line.split("=", 1) for line in kiosk.xdotool("getwindowgeometry", "--shell", window).split())
    return int(said["X"]), int(said["Y"]), int(said["WIDTH"]), int(said["HEIGHT"])


def test_the_qr_is_on_the_customers_monitor_only_esc_cancels_and_an_unplugged_monitor_keeps_the_sale(
    two_monitors, tmp_path, monkeypatch
):
    monkeypatch.setattr(one_monitor, "CONFIG", CONFIG)  # the settings RunningKiosk writes before it starts
    kiosk_ = RunningKiosk(two_monitors, tmp_path)
    try:
        kiosk_.find_window()
        customer_window = kiosk_.xdotool(
            "search", "--sync", "--all", "--onlyvisible", "--pid", str(kiosk_.process.pid), "--name", "customer"
        ).split()[0]
        kiosk_.wait(  # the whole customer monitor, and only it
            "the customer's window on their monitor",
            lambda: _geometry(kiosk_, customer_window) == (1280, 0, 1024, 600),
        )
        kiosk_.wait("the embedded simulator", kiosk_.simulator, timeout_s=15)
        kiosk_.focus()

        _charge(kiosk_, "250", sales_before=0)
        kiosk_.wait("the attempt waiting", lambda: [a.state for a in kiosk_.sales()[0][1]] == ["PENDING"])
        (payment,) = kiosk_.payments()
        codes = kiosk_.wait(
            "the QR code on a monitor", lambda: (c := _codes_on_monitors(two_monitors)) and any(c.values()) and c
        )
        assert codes[CUSTOMER[0]] == [payment["landingUrl"]]
        assert codes[STAFF[0]] == []  # the staff never see the QR
        # The customer touches their screen (the pointer's button, as a touch monitor's driver sends it); the
        # staff's keys must go on reaching the staff's window.
        kiosk_.xdotool("mousemove", "--sync", "1400", "300", "click", "1")
        kiosk_.key("Escape")  # from the staff's keyboard: the customer's window never has it
        kiosk_.wait("the sale cancelled", lambda: kiosk_.sales()[0][0].outcome == "CANCELLED")
        kiosk_.wait("cancelled at Vipps", lambda: kiosk_.payments()[0]["cancelled"])

        kiosk_.key("Return")  # the outcome ends; the next sale
        _charge(kiosk_, "120", sales_before=1)
        kiosk_.wait("the second QR payment", lambda: len(kiosk_.payments()) == 2)
        landing = kiosk_.payments()[1]["landingUrl"]
        kiosk_.wait("its QR on the customer's monitor", lambda: _codes_on_monitors(two_monitors)[CUSTOMER[0]])
        _xrandr(two_monitors, "--delmonitor", CUSTOMER[0])  # the customer's cable pulled out mid-sale
        kiosk_.wait(
            "the same QR on the staff's monitor", lambda: _codes_on_monitors(two_monitors)[STAFF[0]] == [landing]
        )
        sim = SimControl(str(kiosk_.simulator().base_url))
        try:
            assert sim.enter_phone(landing, "91234567").status_code == 200  # still payable
            request = kiosk_.wait("the request in the app", lambda: sim.app_requests("91234567"))[0]
            sim.respond(request["pspTransactionId"], "91234567", "approve")
            kiosk_.wait("paid and captured once", lambda: kiosk_.sales()[1][0].captured_ore == 12000, timeout_s=15)
        finally:
            sim.close()
    finally:
        kiosk_.stop()
