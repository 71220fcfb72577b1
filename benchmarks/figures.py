"""A measured figure, reported as a ratio to a baseline taken in the same run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    name: str
    value_ms: float
    baseline_ms: float
    target: str
    met: bool | None = None  # None: no single number decides it

    @property
    def ratio(self) -> float:
        return self.value_ms / self.baseline_ms if self.baseline_ms else float("nan")

    def as_json(self) -> dict[str, object]:
        return {
            "figure": self.name,
            "value_ms": round(self.value_ms, 3),
            "baseline_ms": round(self.baseline_ms, 3),
            "ratio": round(self.ratio, 3) if self.baseline_ms else None,
            "target": self.target,
            "met": self.met,
        }


def median_ms(work: Callable[[], object], rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)
