"""The simulator on 0.0.0.0, as a LAN demo runs it: a phone on the shop's Wi-Fi gets the customer's pages, and
nothing else of the simulator's own controls; this PC keeps them all.

"Another device" is a network stack of its own on this machine: a network namespace joined to this one by a
veth pair, each end with its own address, so the simulator sees a request from an address that is not this
PC's. The traffic never leaves the machine. Making one needs root, which CI has.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from kiosk.settings.demo import demo_vipps_settings
from kiosk.simulator.server import SimulatorServer
from kiosk.vipps.client import VippsClient
from tests.conftest import FAST_RETRY
from tests.helpers import SimControl, start_payment

pytestmark = pytest.mark.slow  # a network namespace and a phone's process in it

# One request a line in, its status and body out, run inside the other device's network namespace.
_DEVICE = """
import json, sys, urllib.error, urllib.request
answers = []
for method, url, body in json.loads(sys.argv[1]):
    data = None if body is None else json.dumps(body).encode()
    # A device may claim to be this PC by a header; only the connection's own address counts.
    headers = {"content-type": "application/json", "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1"}
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            answers.append([response.status, response.read().decode()])
    except urllib.error.HTTPError as refused:
        answers.append([refused.code, refused.read().decode()])
print(json.dumps(answers))
"""


@dataclass
class LanDevice:
    """A device on the shop's network: its own address, reaching this PC at `pc_address`."""

    namespace: str
    address: str
    pc_address: str

    def ask(self, *requests: tuple[str, str, Any]) -> list[tuple[int, str]]:
        done = subprocess.run(
            ["ip", "netns", "exec", self.namespace, sys.executable, "-c", _DEVICE, json.dumps(requests)],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return [(status, body) for status, body in json.loads(done.stdout)]


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, timeout=10)


@pytest.fixture(scope="module")
def lan_device() -> Iterator[LanDevice]:
    if os.geteuid() != 0 or shutil.which("ip") is None:
        pytest.skip("a second network stack (ip netns, a veth pair) needs root and iproute2; CI has both")
    tag = os.getpid() % 100_000
    namespace, pc_end, device_end = f"kiosk-lan-{tag}", f"klan{tag}a", f"klan{tag}b"
    subnet = f"10.254.{tag % 250}"
    device = LanDevice(namespace, f"{subnet}.2", f"{subnet}.1")
    try:
        _ip("netns", "add", namespace)
        _ip("link", "add", pc_end, "type", "veth", "peer", "name", device_end)
        _ip("link", "set", device_end, "netns", namespace)
        _ip("addr", "add", f"{device.pc_address}/30", "dev", pc_end)
        _ip("link", "set", pc_end, "up")
        _ip("netns", "exec", namespace, "ip", "addr", "add", f"{device.address}/30", "dev", device_end)
        _ip("netns", "exec", namespace, "ip", "link", "set", device_end, "up")
    except subprocess.CalledProcessError as exc:
        subprocess.run(["ip", "netns", "del", namespace], capture_output=True, check=False)
        subprocess.run(["ip", "link", "del", pc_end], capture_output=True, check=False)
        pytest.skip(f"cannot make a second network stack here: {exc.stderr.decode().strip()}")
    try:
        yield device
    finally:
        subprocess.run(["ip", "netns", "del", namespace], capture_output=True, check=False)  # takes the pair


@pytest.fixture(scope="module")
def lan_sim() -> Iterator[SimulatorServer]:
    """The simulator as `[simulator] host = "0.0.0.0"` runs it."""
    with SimulatorServer(host="0.0.0.0") as server:  # noqa: S104 - listening on the LAN is the point here
        yield server


@pytest.fixture
def on_this_pc(lan_sim: SimulatorServer) -> Iterator[SimControl]:
    """The controls as the kiosk, the tests and the scripts use them: from this PC, over loopback."""
    control = SimControl(f"http://127.0.0.1:{_port(lan_sim)}")
    control.reset()
    yield control
    control.close()


def _port(server: SimulatorServer) -> int:
    return urlsplit(server.base_url).port or 80


def _a_payment_waiting_for_the_customer(base_url: str) -> tuple[str, str]:
    """A payment the kiosk started (through the real client, from this PC, at `base_url`): its id and landing
    token."""
    settings = demo_vipps_settings(base_url)
    with VippsClient(settings, retry=FAST_RETRY) as client:
        started = start_payment(client, settings)
    return started.psp_transaction_id, parse_qs(urlsplit(started.vipps_redirect_url).query)["token"][0]


def test_a_device_on_the_lan_gets_none_of_the_controls(lan_device, lan_sim, on_this_pc):
    tx_id, _token = _a_payment_waiting_for_the_customer(on_this_pc.base_url)
    on_this_pc.enter_phone(f"/_sim/landing?token={_token}", "91234567")
    on_this_pc.fault(path="/details$", status=503, count=1)
    lan = f"http://{lan_device.pc_address}:{_port(lan_sim)}"
    answers = lan_device.ask(
        ("GET", f"{lan}/_sim/payments", None),
        ("GET", f"{lan}/_sim/faults", None),
        ("POST", f"{lan}/_sim/faults", {"path": "/init$", "status": 500}),
        ("DELETE", f"{lan}/_sim/faults", None),
        ("POST", f"{lan}/_sim/reset", None),
        ("GET", f"{lan}/_sim/tokens", None),
        ("DELETE", f"{lan}/_sim/tokens", None),
        ("POST", f"{lan}/_sim/batch/run", None),
        ("GET", f"{lan}/_sim/psp/transactions/{tx_id}", None),
        ("POST", f"{lan}/_sim/psp/makepayment", {"pspTransactionId": tx_id, "paymentState": "ACCEPTED"}),
    )
    assert [status for status, _ in answers] == [403] * len(answers)
    for _, body in answers:
        assert json.loads(body) == {"message": "Simulator controls answer only on the PC the simulator runs on."}
    # and nothing changed: the payment, its phone and the fault rule are all still there
    (payment,) = on_this_pc.payments()
    assert (payment["pspTransactionId"], payment["phone"]) == (tx_id, "91234567")
    assert [rule["path"] for rule in on_this_pc.faults()] == ["/details$"]


def test_a_phone_on_the_lan_gets_the_customers_pages_and_pays(lan_device, lan_sim, on_this_pc):
    # As the demo kiosk on 0.0.0.0 does: its Vipps and makePayment URLs are the address phones reach it by.
    tx_id, token = _a_payment_waiting_for_the_customer(lan_sim.base_url)
    lan = f"http://{lan_device.pc_address}:{_port(lan_sim)}"
    pages = lan_device.ask(
        ("GET", f"{lan}/_sim/landing?token={token}", None),
        ("GET", f"{lan}/_sim/static/landing.js", None),
        ("GET", f"{lan}/_sim/landing/state?token={token}", None),
        ("POST", f"{lan}/_sim/landing/phone?token={token}", {"phone": "91234567"}),
        ("GET", f"{lan}/_sim/app?phone=91234567", None),
        ("GET", f"{lan}/_sim/app/requests?phone=91234567", None),
    )
    assert [status for status, _ in pages] == [200] * len(pages), pages
    (request,) = json.loads(pages[-1][1])
    (paid,) = lan_device.ask(
        (
            "POST",
            f"{lan}/_sim/app/respond",
            {"pspTransactionId": request["pspTransactionId"], "phone": "91234567", "action": "approve"},
        ),
    )
    assert paid[0] == 200, paid
    assert on_this_pc.payment(tx_id)["state"] == "RESERVED"  # makePayment, from the simulator to itself, went through


def test_this_pc_keeps_the_controls_through_its_lan_addresses_too(lan_device, lan_sim, on_this_pc):
    """The kiosk in demo mode on 0.0.0.0 talks to the simulator at the address phones reach it by: from this
    PC, that is a request from this PC's own address to itself."""
    for address in (lan_device.pc_address, urlsplit(lan_sim.base_url).hostname):
        with httpx.Client(base_url=f"http://{address}:{_port(lan_sim)}", trust_env=False, timeout=10) as http:
            assert http.get("/_sim/payments").status_code == 200
            assert http.post("/_sim/reset").status_code == 200


def test_every_simulator_path_is_sorted_into_customer_page_or_control():
    """A path added under /_sim/ later is a control (this PC only) unless it is made a customer page on purpose:
    this lists what each is today, so a change to either list is a decision someone made."""
    from kiosk.simulator.access import is_control
    from kiosk.simulator.app import build_app

    starlette = build_app().app.app
    sim_paths = {route.path for route in starlette.routes if route.path.startswith("/_sim")}
    customer = {path for path in sim_paths if not is_control(path)}
    assert customer == {
        "/_sim/landing",
        "/_sim/landing/state",
        "/_sim/landing/phone",
        "/_sim/app",
        "/_sim/app/requests",
        "/_sim/app/respond",
        "/_sim/app/personal-qr.svg",  # the customer's own code, as their app shows it
        "/_sim/static/{name}",
    }
    assert sim_paths - customer == {
        "/_sim/payments",
        "/_sim/faults",
        "/_sim/reset",
        "/_sim/tokens",
        "/_sim/batch/run",
        "/_sim/psp/makepayment",
        "/_sim/psp/transactions/{tx_id}",
        "/_sim/personal-qr",  # a customer's code as text: for tests and scripts playing the scanner
    }
    assert not any(is_control(route.path) for route in starlette.routes if not route.path.startswith("/_sim"))
