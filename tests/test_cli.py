"""The `kiosk simulator` surface, as a script or a trainer uses it: a real process on a real port."""

from __future__ import annotations

import socket
import subprocess
import sys

import httpx
import pytest

pytestmark = pytest.mark.slow  # the `kiosk simulator` command in a process of its own


def _kiosk(*args: str, tmp_path) -> subprocess.Popen:
    env = {
        "KIOSK_CONFIG": str(tmp_path / "config.toml"),
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "PATH": "",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_kiosk_simulator_prints_its_base_url_and_serves_the_vipps_paths(tmp_path):
    process = _kiosk("simulator", "--port", "0", tmp_path=tmp_path)
    try:
        base_url = process.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:")
        token = httpx.post(
            f"{base_url}/accesstoken/get",
            headers={
                "client_id": "demo-client",
                "client_secret": "demo-secret",
                "Ocp-Apim-Subscription-Key": "demo-subscription-key",
            },
            trust_env=False,
        )
        assert token.status_code == 200
        assert httpx.get(f"{base_url}/_sim/payments", trust_env=False).json() == []
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_kiosk_simulator_names_the_demo_sales_unit_of_each_market(tmp_path):
    process = _kiosk("simulator", "--port", "0", tmp_path=tmp_path)
    try:
        base_url = process.stdout.readline().strip()
        said = process.stderr.readline()
        assert "NO MSN 123456, client_id demo-client, PSP-Id demo-psp" in said, said
        assert "DK MSN 234567, client_id demo-client-dk;" in said, said
        assert "FI MSN 345678, client_id demo-client-fi." in said, said
        token = httpx.post(  # the Finnish unit's credentials, as printed, take a token
            f"{base_url}/accesstoken/get",
            headers={
                "client_id": "demo-client-fi",
                "client_secret": "demo-secret-fi",
                "Ocp-Apim-Subscription-Key": "demo-subscription-key-fi",
            },
            trust_env=False,
        )
        assert token.status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_taken_port_is_one_clear_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = _kiosk("simulator", "--port", str(port), tmp_path=tmp_path)
        _out, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err.strip().startswith(f"kiosk: cannot listen on 127.0.0.1:{port}")
    assert "Traceback" not in err


def test_the_printed_address_takes_connections_before_the_server_serves():
    """`kiosk simulator` prints its address once bound; a script that connects at once must be queued, not
    refused (seen in CI: 'Connection refused' from the very next line of a script)."""
    from kiosk.simulator.server import SimulatorServer

    server = SimulatorServer("127.0.0.1", 0)  # bound, not yet serving
    try:
        host, port = server.base_url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=2):
            pass
    finally:
        server.stop(timeout_s=1)
