"""Logging for a program that runs all day: rotated files in the data dir, with secrets and phone numbers
redacted by one filter that every record passes through. Phone numbers of every market are masked
(kiosk.domain.phone.mask_phone_numbers: `+45 20 12 34 56`, `358401234567`, `912 34 567` all become `******56`),
whatever market the shop is in: a customer from abroad, or a number typed wrong, must not be readable either."""

from __future__ import annotations

import faulthandler
import logging
import re
import sys
import threading
from collections.abc import Iterable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TextIO

from kiosk.domain.phone import mask_phone_numbers

# Access tokens are issued at run time, so no list of secrets can hold them: whatever follows "Bearer", and
# anything shaped like a JWT (Vipps' tokens are), is hidden wherever it turns up.
_TOKEN = re.compile(r"(?i)(?<=bearer )[^\s'\",]+|\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_.-]{8,}")


class RedactingFilter(logging.Filter):
    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = {s for s in secrets if len(s) >= 4}

    def add_secret(self, secret: str) -> None:
        if len(secret) >= 4:
            self._secrets.add(secret)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        text = _TOKEN.sub("[redacted]", text)
        return mask_phone_numbers(text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
            record.exc_text = None
        record.msg = self.redact(message)
        record.args = None
        return True


def setup_logging(data_dir: Path, secrets: Iterable[str] = (), level: int = logging.INFO) -> RedactingFilter:
    """Send the kiosk's log to `<data dir>/logs/kiosk.log` (1 MB x 5 files) through the redacting filter."""
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    redactor = RedactingFilter(secrets)
    handler = RotatingFileHandler(log_dir / "kiosk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(redactor)
    root = logging.getLogger()
    root.setLevel(level)
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    _log_uncaught_exceptions(log_dir / "kiosk.log")
    _record_hard_crashes(log_dir / "crash.log")
    return redactor


_crash_file: TextIO | None = None  # open for as long as the process lives: faulthandler writes to its descriptor


def _record_hard_crashes(path: Path) -> None:
    """A crash inside Qt or another C library ends the process without a Python traceback; faulthandler then
    writes each thread's stack (file, function and line only: no values, so nothing secret) to `crash.log`."""
    global _crash_file
    if _crash_file is not None and _crash_file.name == str(path):
        return
    old, _crash_file = _crash_file, path.open("a", encoding="utf-8")
    faulthandler.enable(_crash_file, all_threads=True)
    if old is not None:
        old.close()


def _log_uncaught_exceptions(log_file: Path) -> None:
    """A bug's traceback goes to the (redacted) log, never raw to a terminal or a crash dialog: it may hold a
    phone number or a token in a local's repr. The terminal gets one plain line saying where to look."""
    crash_log = logging.getLogger("kiosk.crash")

    def record(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        crash_log.critical("unexpected error", exc_info=(kind, error, trace))
        print(f"kiosk: an unexpected error happened; the details are in {log_file}", file=sys.stderr)

    sys.excepthook = record
    threading.excepthook = lambda args: record(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)
