"""Python's cyclic garbage collection, run on the GUI thread only (Anki does the same).

Left to itself the collector runs in whichever thread happens to allocate when a generation fills up: a sale's
worker, say. A cycle it frees there may hold Qt objects, whose deletion PySide then defers to the GUI thread, and
that path crashed the kiosk (seen in the tests, on the ePayment API, in about one run in three). So automatic
collection is off from the application's start, and a timer on the GUI thread collects on a fixed schedule.

The schedule is the clock's, not the allocation counts': `gc.get_count()` and the generations' thresholds mean
different things under the incremental collector of Python 3.14, so copying CPython's own trigger would break
there. `gc.collect(0)` (the young objects) and a full `gc.collect()` mean the same on 3.11 to 3.14. Little is
left to a tick (a finished sale's worker lets go of its session itself: see kiosk.ui.workers.sale_worker): a young
collection costs tens of microseconds, a full one ~14 ms on the kiosk's heap (README, "Performance").
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

YOUNG_EVERY_MS = 100  # often enough that young garbage never piles up between two ticks
FULL_EVERY_TICKS = 600  # and everything once a minute: what survived a young collection and died later


class MainThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        gc.disable()
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(YOUNG_EVERY_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    def tick(self) -> None:
        self._ticks += 1
        if self._ticks % FULL_EVERY_TICKS == 0:
            gc.collect()
        else:
            gc.collect(0)


_collectors: dict[int, MainThreadCollector] = {}


def collect_on_the_gui_thread(app: QCoreApplication) -> MainThreadCollector:
    """Once per application, right after it is made and before any thread starts; later calls return the first.
    (Kept by the application's address, not looked up with findChild: a findChild by a Python type cost ~5 ms
    of the first frame.)"""
    found = _collectors.get(id(app))
    if found is None or not shiboken6.isValid(found) or found.parent() is not app:
        found = _collectors[id(app)] = MainThreadCollector(app)
    return found
