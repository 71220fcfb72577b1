"""A test without Qt has Python's own automatic collection, as `kiosk export` and the simulator do, even when
GUI tests ran before it in the same session (they run under the kiosk's GUI-thread collector: see conftest)."""

from __future__ import annotations

import gc
import weakref


class Node:
    def __init__(self) -> None:
        self.me = self


def test_a_cycle_is_collected_automatically_without_qt():
    assert gc.isenabled()
    freed: list[bool] = []
    for _ in range(50):  # far past generation 0's threshold, so automatic collection must have run
        node = Node()
        weakref.finalize(node, freed.append, True)
        del node
        _churn = [[i] for i in range(1_000)]
    assert freed  # no explicit gc.collect() here
