"""Python's cyclic collector runs on the GUI thread only, from the application's start (kiosk.ui.main_thread_gc);
and a finished sale's Qt objects do not wait for it: reference counting alone frees them."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Iterator

import pytest

from tests.gui.steps import charge, landing_token, wait_outcome
from tests.helpers import reference_of


class Deaths:
    """When watched objects die: on which thread, and whether inside a run of the cyclic collector."""

    def __init__(self) -> None:
        self.collecting = False
        self.died: dict[str, tuple[int, bool]] = {}  # name -> (thread id, inside a collection)

    def on_collection(self, phase: str, _info: dict) -> None:
        self.collecting = phase == "start"

    def watch(self, thing: object, name: str) -> None:
        weakref.finalize(thing, lambda: self.died.setdefault(name, (threading.get_ident(), self.collecting)))


@pytest.fixture
def deaths() -> Iterator[Deaths]:
    seen = Deaths()
    gc.callbacks.append(seen.on_collection)
    yield seen
    gc.callbacks.remove(seen.on_collection)


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_the_application_collects_on_the_gui_thread_only(qtbot, qapp, deaths):
    """A cycle dropped on a worker thread, which then allocates far past Python's thresholds, is not collected
    there: it waits for the GUI thread's timer, which frees it on its next tick."""
    assert not gc.isenabled()  # from the application's start, not from the first window's

    def work() -> None:
        node = Node()
        deaths.watch(node, "cycle")
        del node
        churn = [[index] for index in range(200_000)]  # tens of generation-0 thresholds' worth of containers
        del churn

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert deaths.died.get("cycle", (None, None))[0] != worker.ident  # the worker did not collect it
    qtbot.waitUntil(lambda: "cycle" in deaths.died, timeout=5_000)  # the timer's tick, not a test's gc.collect
    assert deaths.died["cycle"] == (threading.main_thread().ident, True)


def test_a_finished_sale_frees_its_qt_objects_and_session_without_the_collector(qtbot, window, sim, provider, deaths):
    """Reference counting alone frees a finished sale's run, worker, poller and session (no collection runs them
    down), and the Qt objects die on the GUI thread; the session is plain Python, dropped by its worker."""
    url = charge(qtbot, window, "75")
    qtbot.waitUntil(lambda: window.flow._run._worker._session is not None)
    run = window.flow._run
    deaths.watch(run._worker._session, "session")
    for name in ("_worker", "_poller"):
        deaths.watch(getattr(run, name), name.strip("_"))
    deaths.watch(run, "run")
    del run
    (payment,) = sim.payments()
    provider.force_approve(reference_of(payment), "48123456", landing_token(url))
    wait_outcome(qtbot, window, "PAID")
    qtbot.waitUntil(lambda: window.flow.active_runs == 0)
    qtbot.waitUntil(lambda: {"worker", "poller", "session", "run"} <= deaths.died.keys())
    assert not any(in_collection for _thread, in_collection in deaths.died.values()), deaths.died
    gui_thread = threading.main_thread().ident
    assert all(deaths.died[name][0] == gui_thread for name in ("worker", "poller", "run"))
