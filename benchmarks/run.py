"""Measure what a shop feels, as ratios to a baseline taken in the same run (machines here are shared and noisy).

    .venv/bin/python -m benchmarks.run [--rounds N] [--json PATH]

Prints a table (figure, value, baseline, ratio, target) and writes it as JSON. It reports; it never fails.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from kiosk.config import VippsSettings
from kiosk.simulator.server import SimulatorServer
from kiosk.vipps import VippsClient
from tests.helpers import start_payment

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass
class Figure:
    name: str
    value_ms: float
    baseline_ms: float
    target: str

    @property
    def ratio(self) -> float:
        return self.value_ms / self.baseline_ms if self.baseline_ms else float("inf")


def median_ms(work: Callable[[], object], rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def details_round_trip(rounds: int) -> Figure:
    """The client's `details` (headers, token cache, retries, typed parsing) against a bare httpx GET of the
    same URL with the same headers on a warm connection."""
    with SimulatorServer() as server:
        settings = VippsSettings.for_simulator(server.base_url)
        with VippsClient(settings) as client:
            tx = start_payment(client, settings).psp_transaction_id
            headers = {
                "Authorization": f"Bearer {client.access_token()}",
                "Ocp-Apim-Subscription-Key": settings.subscription_key,
                "Merchant-Serial-Number": settings.merchant_serial_number,
                "Psp-Id": settings.psp_id,
            }
            with httpx.Client(base_url=server.base_url, headers=headers, trust_env=False) as bare:
                path = f"/psp/v3/psppayments/{tx}/details"
                bare.get(path)
                client.details(tx)
                baseline = median_ms(lambda: bare.get(path).json(), rounds)
                value = median_ms(lambda: client.details(tx), rounds)
    return Figure("details round trip via the client", value, baseline, "≤ 1.5× bare httpx")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--json", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    from benchmarks.ledger_day import measure

    figures = [details_round_trip(args.rounds)]
    for sales in (10_000, 100_000):
        measured = measure(sales)
        value, baseline = measured["csv"]
        figures.append(Figure(f"CSV export, {sales:,} sales", value, baseline, "≤ 2× bare sqlite3→csv; < 2 s at 10k"))
        if "day_view" in measured:
            value, baseline = measured["day_view"]
            figures.append(Figure(f"back office day view, {sales:,} sales", value, baseline, "≤ 300 ms"))
            value, baseline = measured["day_view_gui"]
            figures.append(Figure("  of which on the GUI thread", value, baseline, "a frame or two"))
    print(f"{'figure':<42} {'value':>11} {'baseline':>11} {'ratio':>7}  target")
    for f in figures:
        print(f"{f.name:<42} {f.value_ms:>9.1f}ms {f.baseline_ms:>9.1f}ms {f.ratio:>6.2f}×  {f.target}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps([{**asdict(f), "ratio": f.ratio} for f in figures], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
