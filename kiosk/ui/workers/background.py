"""Work off the GUI thread, results back on it (Anki's rule): one QRunnable per job on a thread pool.

A job gets a `progress(done, total)` callable and returns a value; it must open its own ledger connection and
its own Vipps client, because those belong to the thread that uses them.

Two pools, so that network work never holds up work a person is waiting for: a refund Vipps sits on for 30 s
must not keep the PIN screen from answering. Qt's global pool has as many threads as cores (two on a counter
PC), which two slow refunds fill.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal

from kiosk.domain.message import Message, message_of
from kiosk.ledger import LedgerError
from kiosk.ui.closing import Deadline

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]
Job = Callable[[Progress], Any]
_running: set[BackgroundJob] = set()  # a job's signal object must live until its last signal is delivered


class JobKind(Enum):
    """Which pool a job runs on."""

    NETWORK = "network"  # may wait on Vipps: refunds, re-checks, connection tests
    PERSON = "person"  # someone waits for the answer, and it needs only this PC: a PIN, a page of the day, settings


# Threads per pool. Network jobs wait, they do not compute, so a few run side by side; a person's jobs are short
# (a PIN check is a deliberate ~0.1 s of hashing) and two keep one from queueing behind another.
_MAX_THREADS = {JobKind.NETWORK: 4, JobKind.PERSON: 2}
_pools: dict[JobKind, QThreadPool] = {}


def _pool(kind: JobKind) -> QThreadPool:
    pool = _pools.get(kind)
    if pool is None:
        pool = _pools[kind] = QThreadPool()
        pool.setObjectName(f"{kind.value}-jobs")
        pool.setMaxThreadCount(_MAX_THREADS[kind])
    return pool


def wait_for_jobs(deadline: Deadline) -> bool:
    """At closing: wait for every pool's jobs until `deadline`. False if one was still running then (it is left
    to the process's exit: a write it made is in the ledger, for the next start)."""
    return all(pool.waitForDone(deadline.remaining_ms()) for pool in _pools.values())


class BackgroundJob(QObject):
    """Signals: done(object result), failed(object Message), progress(int done, int total)."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)

    def __init__(self, job: Job, expected: tuple[type[Exception], ...] = (), kind: JobKind = JobKind.NETWORK) -> None:
        """`expected`: errors whose message is meant for people, besides the ledger's (callers that talk to
        Vipps add VippsError). `kind`: NETWORK unless the job is sure never to wait on the network, so a
        forgotten one cannot block a PIN."""
        super().__init__()
        self._job = job
        self._kind = kind
        self._expected = (LedgerError, *expected)

    def start(self) -> None:
        # Connected last, so it runs after the caller's own slots: the job stays alive until they have run.
        self.done.connect(self._forget)
        self.failed.connect(self._forget)
        _running.add(self)
        # The pool is handed the callable itself, so the QRunnable it wraps it in is Qt's alone. One made in Python
        # (QRunnable.create) has a wrapper that outlives the C++ object the pool deletes after the run; when its
        # address is reused, PySide hands out or releases that stale wrapper and the kiosk crashes.
        _pool(self._kind).start(self._run)

    def _run(self) -> None:
        try:
            result = self._job(self.progress.emit)
        except self._expected as exc:
            self.failed.emit(message_of(exc))
            return
        except Exception:  # a thread boundary: log the bug, tell the person plainly
            log.exception("background job failed")
            self.failed.emit(Message("Something went wrong. It is recorded in the log."))
            return
        self.done.emit(result)

    def _forget(self, *_args: object) -> None:
        _running.discard(self)
