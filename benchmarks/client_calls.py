"""The client's own cost: a `details` call through it against a bare httpx GET of the same URL and headers."""

from __future__ import annotations

import httpx

from benchmarks.figures import Figure, median_ms
from kiosk.settings.demo import demo_vipps_settings
from kiosk.simulator.server import SimulatorServer
from kiosk.vipps.client import VippsClient
from tests.helpers import psp_headers, start_payment


def measure(rounds: int = 200) -> list[Figure]:
    with SimulatorServer() as server:
        settings = demo_vipps_settings(server.base_url)
        with VippsClient(settings) as client:
            tx = start_payment(client, settings).psp_transaction_id
            headers = psp_headers(settings, client.access_token())
            with httpx.Client(base_url=server.base_url, headers=headers, trust_env=False) as bare:
                path = f"/psp/v3/psppayments/{tx}/details"
                bare.get(path)
                client.details(tx)
                baseline = median_ms(lambda: bare.get(path).json(), rounds)
                value = median_ms(lambda: client.details(tx), rounds)
    return [Figure("details round trip via the client", value, baseline, "≤ 1.5× bare httpx", value <= 1.5 * baseline)]
