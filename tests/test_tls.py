"""TLS: credentials never travel unencrypted or to a server whose certificate is not trusted, and no setting
turns that off. The server here is real (a TLS socket on loopback with a certificate from a throwaway CA)."""

from __future__ import annotations

import json
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import trustme

from kiosk.settings.model import ConfigError, VippsSettings
from kiosk.settings.reading import parse_settings
from kiosk.vipps.client import VippsClient
from kiosk.vipps.errors import VippsConnectionError
from tests.conftest import FAST_RETRY

VIPPS = {
    "client_id": "my-client",
    "client_secret": "s3cr3t-client-value",
    "subscription_key": "sub-key-value-123",
    "merchant_serial_number": "654321",
    "psp_id": "psp-guid",
    "make_payment_url": "https://psp.example.com/makepayment",
}


class _TokenServer(ThreadingHTTPServer):
    """Answers the token endpoint with a token, as Vipps would, and remembers every request that got through."""

    def __init__(self, context: ssl.SSLContext) -> None:
        self.requests: list[str] = []
        self.context = context
        super().__init__(("127.0.0.1", 0), _TokenHandler)

    def handle_error(self, request: object, client_address: tuple[str, int]) -> None:
        pass  # the client hanging up in the handshake is what the tests expect

    def get_request(self) -> tuple[ssl.SSLSocket, tuple[str, int]]:
        sock, address = self.socket.accept()
        return self.context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False), address


class _TokenHandler(BaseHTTPRequestHandler):
    server: _TokenServer

    def do_POST(self) -> None:
        self.server.requests.append(self.path)
        body = json.dumps({"token_type": "Bearer", "expires_in": 3600, "access_token": "eyJ.fake"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def untrusted_https() -> Iterator[_TokenServer]:
    """A server on loopback whose certificate (for 127.0.0.1, valid, well formed) comes from a CA nobody trusts."""
    ca = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    server = _TokenServer(context)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_a_certificate_nobody_vouches_for_is_refused_even_on_loopback(untrusted_https):
    port = untrusted_https.server_address[1]
    settings = VippsSettings(base_url=f"https://127.0.0.1:{port}", **VIPPS)
    with VippsClient(settings, retry=FAST_RETRY) as client, pytest.raises(VippsConnectionError) as caught:
        client.access_token()
    assert untrusted_https.requests == []  # the credentials never reached it
    assert "certificate" in str(caught.value)
    assert "s3cr3t" not in str(caught.value)


@pytest.mark.parametrize("host", ["psp.example.com", "192.0.2.5", "10.0.0.7", "apitest.vipps.no"])
def test_plain_http_is_refused_for_any_host_but_this_pc(host):
    with pytest.raises(ConfigError) as caught:
        parse_settings({"vipps": {**VIPPS, "base_url": f"http://{host}:8765"}})
    assert str(caught.value).splitlines() == [
        "settings: [vipps] base_url must start with https:// (plain http is only for a simulator on this PC, "
        'like "http://127.0.0.1:8765")'
    ]


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_plain_http_to_a_simulator_on_this_pc_is_allowed(host):
    settings = parse_settings({"vipps": {**VIPPS, "base_url": f"http://{host}:8765"}})
    assert settings.vipps.base_url == f"http://{host}:8765"


@pytest.mark.parametrize("key", ["verify", "verify_tls", "insecure", "ssl_verify"])
def test_there_is_no_setting_that_turns_verification_off(key):
    with pytest.raises(ConfigError) as caught:
        parse_settings({"vipps": {**VIPPS, "base_url": "https://apitest.vipps.no", key: False}})
    assert f"unknown key [vipps] {key}" in str(caught.value).splitlines()[0]
