"""Measure what a shop feels, as ratios to a baseline taken in the same run (machines here are shared and noisy).

    .venv/bin/python -m benchmarks.run [--quick] [--only NAME ...] [--json PATH]

Prints a table (figure, value, baseline, ratio, target) and writes it as JSON. It reports; it never fails.
"""

from __future__ import annotations

import argparse
import faulthandler
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks.figures import Figure

RESULTS = Path(__file__).resolve().parent / "results"


def suites(quick: bool) -> dict[str, Callable[[], list[Figure]]]:
    from benchmarks import client_calls, closing, counter, ledger_day, qr_paint, shop_charge, shop_copy, startup

    return {
        "startup": lambda: startup.measure(rounds=3 if quick else 7),
        "charge": lambda: counter.charge_to_qr(rounds=5 if quick else 15),
        "stall": counter.gui_stall,
        "approval": lambda: counter.approval_detection(sales=10 if quick else 50),
        "export": lambda: ledger_day.figures(quick),
        "soak": lambda: counter.soak_footprint(sales=100 if quick else 1000),
        "qr": qr_paint.measure,
        "client": lambda: client_calls.measure(rounds=50 if quick else 200),
        "closing": lambda: closing.measure(rounds=3 if quick else 5),
        "shop": lambda: [*shop_copy.figures(quick), *shop_charge.figures(quick)],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds and sales: a minute, not ten")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="some of: " + ", ".join(suites(True)))
    parser.add_argument("--json", type=Path, default=RESULTS / "latest.json")
    args = parser.parse_args(argv)
    faulthandler.enable()  # a crash in Qt under a measurement says where, instead of only "exit 139"
    chosen = suites(args.quick)
    figures: list[Figure] = []
    for name, measure in chosen.items():
        if args.only and name not in args.only:
            continue
        print(f"measuring {name}…", file=sys.stderr, flush=True)
        figures.extend(measure())
    print(f"{'figure':<62} {'value':>10} {'baseline':>10} {'ratio':>7}  {'target':<40} met")
    for f in figures:
        ratio = f"{f.ratio:6.2f}×" if f.baseline_ms else "      "
        met = {True: "yes", False: "NO", None: ""}[f.met]
        print(f"{f.name:<62} {f.value_ms:>10.1f} {f.baseline_ms:>10.1f} {ratio}  {f.target:<40} {met}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps([f.as_json() for f in figures], indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
