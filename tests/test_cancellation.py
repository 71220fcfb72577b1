"""Cancelling a Vipps call from another thread ends it at once, even while Vipps sits on the answer."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

import pytest

from kiosk.checkout.providers_by_api import make_provider
from kiosk.vipps import VippsCancelled, VippsUnavailable
from kiosk.vipps.client import VippsClient
from tests.conftest import FAST_RETRY
from tests.helpers import start_payment

HANG_S = 30.0
# Every path the kiosk calls, the token included; the simulator's own controls stay answerable.
EVERY_VIPPS_PATH = r"^/(accesstoken|psp|epayment)/"


def _client_sockets(port: int) -> int:
    import psutil

    return sum(1 for c in psutil.Process().net_connections(kind="tcp") if c.raddr and c.raddr.port == port)


def _call_in_thread(call) -> tuple[threading.Thread, dict]:
    seen: dict = {}

    def run() -> None:
        started = time.monotonic()
        try:
            seen["result"] = call()
        except BaseException as exc:  # the test reads what the call ended with
            seen["error"] = exc
        seen["took_s"] = time.monotonic() - started

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, seen


def test_a_cancel_ends_a_call_that_vipps_sits_on(sim, vipps_settings):
    """Vipps holds the token call's answer for 30 s; the request timeout is 20 s. A cancel from another thread
    ends the call at once, typed as cancelled, and its connection is gone once the client closes."""
    port = int(sim.base_url.rsplit(":", 1)[1])
    sim.fault(path=EVERY_VIPPS_PATH, delay_s=HANG_S)
    sim.http.close()  # the test's own control connection is not the client's
    patient = replace(vipps_settings, request_timeout_s=20.0)
    client = VippsClient(patient, retry=FAST_RETRY)
    thread, seen = _call_in_thread(client.access_token)
    deadline = time.monotonic() + 5
    while _client_sockets(port) == 0 and time.monotonic() < deadline:
        time.sleep(0.01)  # until the request is on the wire (polling a condition, not a fixed pause)
    cancelled_at = time.monotonic()
    client.cancel()
    thread.join(timeout=HANG_S)
    returned_after_s = time.monotonic() - cancelled_at
    client.close()
    assert isinstance(seen.get("error"), VippsCancelled)
    assert returned_after_s < 2.0, f"the cancelled call ran on for {returned_after_s:.1f} s"
    assert _client_sockets(port) == 0


def test_a_cancelled_write_is_an_unknown_outcome_never_a_failure(sim, vipps_settings):
    """A capture cut off on the wire may have landed at Vipps: the error says "no usable answer", so the
    checkout keeps the write pending (needs checking) instead of calling it failed or done."""
    with VippsClient(vipps_settings, retry=FAST_RETRY) as setup:
        started = start_payment(setup, vipps_settings)
    sim.fault(path=EVERY_VIPPS_PATH, delay_s=HANG_S)
    sim.http.close()
    provider = make_provider(replace(vipps_settings, request_timeout_s=20.0), retry=FAST_RETRY)
    thread, seen = _call_in_thread(lambda: provider.capture(started.psp_transaction_id, 100, "key-capture"))
    deadline = time.monotonic() + 5
    port = int(sim.base_url.rsplit(":", 1)[1])
    while _client_sockets(port) == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    provider.cancel_calls()
    thread.join(timeout=HANG_S)
    provider.close()
    assert isinstance(seen.get("error"), VippsCancelled)
    assert isinstance(seen["error"], VippsUnavailable)
    assert seen["took_s"] < HANG_S / 2


def test_calls_after_a_cancel_are_refused_without_reaching_vipps(sim, vipps_settings):
    client = VippsClient(vipps_settings, retry=FAST_RETRY)
    client.cancel()
    with pytest.raises(VippsCancelled):
        client.access_token()
    client.close()


def test_hanging_up_wakes_a_call_over_tls(tmp_path):
    """Vipps speaks HTTPS: a TLS socket's blocked read wakes on hang_up() too (a real TLS server on loopback whose
    handler takes the request and never answers)."""
    import socketserver
    import ssl

    import httpx
    import trustme

    from kiosk.vipps.hang_up import HangUpTransport

    ca = trustme.CA()
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1").configure_cert(server_context)
    release, received = threading.Event(), threading.Event()

    class Silent(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            with server_context.wrap_socket(self.request, server_side=True) as tls:
                tls.recv(65536)  # the request, then nothing back until the test ends
                received.set()
                release.wait(HANG_S)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Silent)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    client_context = ssl.create_default_context()
    ca.configure_trust(client_context)
    transport = HangUpTransport(client_context)
    client = httpx.Client(base_url=f"https://127.0.0.1:{server.server_address[1]}", transport=transport, timeout=20)
    try:
        thread, seen = _call_in_thread(lambda: client.get("/"))
        assert received.wait(5)  # the request is through the handshake and at the server
        hung_up_at = time.monotonic()
        transport.hang_up()
        thread.join(timeout=HANG_S)
        returned_after_s = time.monotonic() - hung_up_at
    finally:
        release.set()
        client.close()
        server.shutdown()
        server.server_close()
    assert isinstance(seen.get("error"), httpx.TransportError)
    assert returned_after_s < 2.0, f"the call ran on for {returned_after_s:.1f} s after hang_up()"
