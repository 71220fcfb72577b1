"""This process as a benchmark or a soak reads it: memory, threads, and a wait that keeps Qt's events flowing."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop


def spin(condition: Callable[[], bool], timeout_s: float = 30) -> None:
    """Run Qt's events until `condition` holds; TimeoutError after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the counter did not get there in time")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def memory_mb() -> float:
    """Resident memory (Linux; NaN elsewhere)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def thread_count() -> int:
    return len(os.listdir("/proc/self/task"))
