"""The shop copy's thread: kiosk.shop_ledger's copier, run off the GUI thread for as long as the kiosk runs.
(Loaded only by a till with a shop database: see kiosk.ui.after_first_frame.)

A sale never waits on it: the copier reads the till's ledger through a connection of its own, and every wait on
the shop database ends within the copier's bound. While the database is away it tries again, backing off to
half a minute, and catches up by itself when it is back.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal, Slot

from kiosk.settings.model import Settings
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.connection import ShopUnreachable
from kiosk.shop_ledger.copier import BOUND_S, ShopCopier

log = logging.getLogger(__name__)
IDLE_S = 0.2  # how often an idle till looks at its own outbox (a local read; the database is not asked)
RETRY_S = (1.0, 2.0, 5.0, 10.0, 30.0)


class ShopCopyWorker(QObject):
    """Signals: copied(int high-water mark), unreachable(str message). Lives on the shop-copy thread."""

    copied = Signal(int)
    unreachable = Signal(str)

    def __init__(self, ledger_file: Path, target: ShopDatabase, idle_s: float = IDLE_S) -> None:
        super().__init__()
        self._ledger_file = ledger_file
        self._target = target
        self._idle_ms = int(idle_s * 1000)
        self._copier: ShopCopier | None = None
        self._failures = 0
        self._timer: QTimer | None = None

    @Slot()
    def start(self) -> None:
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_tick)
        self._timer.start(0)

    @Slot()
    def stop(self) -> None:
        if self._timer is not None:  # stopped and freed here, on its own thread, as Qt requires
            self._timer.stop()
            self._timer.setParent(None)
            self._timer = None
        if self._copier is not None:
            self._copier.close()
            self._copier = None

    @Slot()
    def _on_tick(self) -> None:
        try:
            more = self._round()
        except ShopUnreachable as exc:
            self._failures += 1
            log.warning("shop copy: %s", exc)
            self.unreachable.emit(str(exc))
            more = False
        except Exception:  # a thread boundary: the copy tries again later, the kiosk sells on
            self._failures += 1
            log.exception("shop copy failed")
            more = False
        else:
            self._failures = 0
        if self._timer is None:
            return
        if self._failures:
            wait_ms = int(RETRY_S[min(self._failures, len(RETRY_S)) - 1] * 1000)
        else:
            wait_ms = 0 if more else self._idle_ms
        self._timer.start(wait_ms)

    def _round(self) -> bool:
        """One round; whether there may be more to send straight away."""
        if self._copier is None:
            self._copier = ShopCopier(self._ledger_file, self._target)
        copier = self._copier
        if not copier.pending():
            return False
        sent = copier.copy_round()
        self.copied.emit(copier.high_water_mark or 0)
        return sent > 0


class ShopCopy(QObject):
    """Owns the worker and its thread; stops them when the application quits. Signals: copied(int),
    unreachable(str)."""

    copied = Signal(int)
    unreachable = Signal(str)

    def __init__(
        self, ledger_file: Path, target: ShopDatabase, parent: QObject | None = None, idle_s: float = IDLE_S
    ) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("shop-copy")
        self._worker = ShopCopyWorker(ledger_file, target, idle_s)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.start)
        # finished is emitted on the copy's own thread: its timer and connections are freed there, as Qt requires,
        # even when the thread is told to quit before its event loop has begun.
        self._thread.finished.connect(self._worker.stop, Qt.ConnectionType.DirectConnection)
        self._worker.copied.connect(self.copied)
        self._worker.unreachable.connect(self.unreachable)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def start(self) -> None:
        self._thread.start()

    @Slot()
    def stop(self) -> None:
        """Within the copier's bound and a little: a round under way ends by then, whatever the database does."""
        if not self._thread.isRunning():
            return
        self._thread.quit()
        if not self._thread.wait(int((BOUND_S + 2) * 1000)):
            log.warning("shop copy: its thread did not stop in time")


def start_shop_copy(settings: Settings, ledger_file: Path, demo: bool, parent: QObject) -> ShopCopy | None:
    """The app's one hook: a copy when a shop database is set ([shop] database), never for a demo's ledger."""
    target = settings.shop_database
    if target is None or demo:
        return None
    copy = ShopCopy(ledger_file, target, parent)
    copy.start()
    return copy
