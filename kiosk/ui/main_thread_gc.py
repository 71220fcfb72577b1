"""Python's cyclic garbage collection, run on the GUI thread only (Anki does the same).

Left to itself the collector runs in whichever thread happens to allocate when a generation fills up: a sale's
worker, say. A cycle it frees there may hold Qt objects, whose deletion PySide then defers to the GUI thread, and
that path crashed the kiosk (seen in the tests, on the ePayment API, in about one run in three). So automatic
collection is off, and a timer on the GUI thread collects whatever generation Python itself would have collected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_EVERY_MS = 100  # a generation-0 collection takes well under a millisecond


class MainThreadCollector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """The oldest generation whose count is past Python's own threshold, as automatic collection would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
        if due:
            gc.collect(max(due))


def collect_on_the_gui_thread() -> None:
    """Once per application; later calls change nothing."""
    app = QCoreApplication.instance()
    if app is not None and app.findChild(MainThreadCollector) is None:
        MainThreadCollector(app)
