"""The soak: a long day at the counter, driven through the real GUI against the simulator, with random faults
and random customers, then every sale checked against what Vipps recorded.

    python -m benchmarks.soak [--sales 1000] [--fault-rate 0.1] [--seed 1] [--api psp|epayment]

`--api` picks the Vipps API behind the counter (`[vipps] api`): the PSP API v3 (the default) or the ePayment API
v1; each fault hits that API's own path for the call it names.

Prints how many sales were lost, duplicated and mismatched (all must be 0), how often the outcome differed from
what the customer did (a fault can honestly turn an approval into "not started"), which faults were met, and the
process's memory and thread count at the start and at the end. Exits 1 if any of the three must-be-zero counts
is not.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tests.soak_check import tally, tally_faults
from tests.soak_day import WARM_SALES, SoakResult, soak
from tests.vipps_apis import API_NAMES


def report(result: SoakResult, fault_rate: float) -> str:
    lines = [
        f"soak: {len(result.driven)} sales on the {result.api} API, fault rate {fault_rate:.0%}, "
        f"{result.seconds:.0f} s",
        "customers: " + ", ".join(f"{name} {count}" for name, count in tally(result.driven).items()),
        "faults: " + ", ".join(f"{name} {count}" for name, count in tally_faults(result.driven).items()),
    ]
    lines += [f"{name:>30}: {count}" for name, count in result.counts.items()]
    lines.append(
        f"{'memory (MB)':>30}: {result.memory_start_mb:.1f} at start, {result.memory_warm_mb:.1f} after "
        f"{WARM_SALES} sales, {result.memory_end_mb:.1f} at end"
    )
    lines.append(
        f"{'threads':>30}: {result.threads_start} at start, {result.threads_warm} after {WARM_SALES} sales, "
        f"{result.threads_end} at end"
    )
    for name, examples in result.examples.items():
        lines += [f"  {name}: {example}" for example in examples]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sales", type=int, default=1000)
    parser.add_argument("--fault-rate", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--api", choices=API_NAMES, default="psp", help="the Vipps API behind the counter")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    result = soak(args.sales, args.fault_rate, args.seed, progress=True, api=args.api)
    print(report(result, args.fault_rate))
    if args.json:
        figures = {
            "api": result.api,
            "sales": len(result.driven),
            "fault_rate": args.fault_rate,
            "seconds": round(result.seconds, 1),
            **result.counts,
            "memory_start_mb": round(result.memory_start_mb, 1),
            "memory_warm_mb": round(result.memory_warm_mb, 1),
            "memory_end_mb": round(result.memory_end_mb, 1),
            "threads_start": result.threads_start,
            "threads_warm": result.threads_warm,
            "threads_end": result.threads_end,
        }
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")
    return 0 if result.clean else 1


if __name__ == "__main__":
    sys.exit(main())
