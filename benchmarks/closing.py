"""Closing the window mid-sale while every Vipps call hangs for 30 s, against closing an idle window.

Real parts, offscreen: a counter window on its own simulator over loopback; the simulator's /_sim/faults holds
every Vipps answer (the token's too) for 30 s, and the request timeout is 20 s, so nothing here ends by itself.
"""

from __future__ import annotations

import statistics
import time

from benchmarks.counter import FAST, Counter, spin
from benchmarks.figures import Figure

HANG_S = 30.0
EVERY_VIPPS_PATH = r"^/(accesstoken|psp|epayment)/"
MANY = 1_000_000


def _close_ms(counter: Counter) -> float:
    started = time.perf_counter()
    counter.window.close()
    return (time.perf_counter() - started) * 1000


def _idle_close_ms() -> float:
    counter = Counter(FAST, request_timeout_s=20.0)
    try:
        return _close_ms(counter)
    finally:
        counter.close()


def _mid_sale_close_ms(hanging: bool) -> float:
    counter = Counter(FAST, request_timeout_s=20.0)
    try:
        counter.charge()
        if hanging:
            counter.sim.fault(path=EVERY_VIPPS_PATH, delay_s=HANG_S, count=MANY)
            spin(lambda: counter.sim.faults()[0]["count"] < MANY)  # the poller's read is held at "Vipps"
        return _close_ms(counter)
    finally:
        counter.sim.clear_faults()
        counter.close()


def measure(rounds: int = 3) -> list[Figure]:
    idle = statistics.median(_idle_close_ms() for _ in range(rounds))
    answering = statistics.median(_mid_sale_close_ms(hanging=False) for _ in range(rounds))
    hanging = statistics.median(_mid_sale_close_ms(hanging=True) for _ in range(rounds))
    return [
        Figure(
            "close the window mid-sale, Vipps answering (its cancel lands)",
            answering,
            idle,
            "≤ 1000 ms",
            answering <= 1000,
        ),
        Figure("close the window mid-sale, every Vipps call hanging 30 s", hanging, idle, "≤ 1000 ms", hanging <= 1000),
    ]
