"""Work off the GUI thread, results back on it (Anki's rule): one QRunnable per job on Qt's thread pool.

A job gets a `progress(done, total)` callable and returns a value; it must open its own ledger connection and
its own Vipps client, because those belong to the thread that uses them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QRunnable, QThreadPool, Signal

from kiosk.ledger import LedgerError

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
Job = Callable[[Progress], Any]
_running: set[BackgroundJob] = set()  # a job's signal object must live until its last signal is delivered


class BackgroundJob(QObject):
    """Signals: done(object result), failed(str message), progress(int done, int total)."""

    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int)

    def __init__(self, job: Job, expected: tuple[type[Exception], ...] = ()) -> None:
        """`expected`: errors whose message is meant for people, besides the ledger's. (Callers that talk to
        Vipps add VippsError: importing it here would load the network stack before the first frame.)"""
        super().__init__()
        self._job = job
        self._expected = (LedgerError, *expected)

    def start(self) -> None:
        # Connected last, so it runs after the caller's own slots: the job stays alive until they have run.
        self.done.connect(self._forget)
        self.failed.connect(self._forget)
        _running.add(self)
        runnable = QRunnable.create(self._run)
        QThreadPool.globalInstance().start(runnable)

    def _run(self) -> None:
        try:
            result = self._job(self.progress.emit)
        except self._expected as exc:
            self.failed.emit(str(exc))
            return
        except Exception:  # a thread boundary: log the bug, tell the person plainly
            log.exception("background job failed")
            self.failed.emit(QT_TRANSLATE_NOOP("Messages", "Something went wrong. It is recorded in the log."))
            return
        self.done.emit(result)

    def _forget(self, *_args: object) -> None:
        _running.discard(self)
