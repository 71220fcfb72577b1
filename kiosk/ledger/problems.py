"""What the ledger says when SQLite or the file system stops it, as messages for staff (kiosk.domain.message).

SQLite's own words are passed on as they came, except the one staff can act on (a full disk)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.domain.message import Message, Verbatim


def damaged(path: Path, problem: Message | Verbatim) -> Message:
    return Message(
        "The ledger at {path} is damaged or unreadable ({problem}). It was left untouched: move it aside and "
        "keep it for the manager, then start the kiosk again.",
        path=str(path),
        problem=problem,
    )


def unsaved_wal(path: Path) -> Message:
    return Message(
        "The ledger at {path} holds sales from before a crash that are not saved into it yet, and they cannot be "
        "read from here. Start the kiosk once (it saves them), then export again.",
        path=str(path),
    )


def older_schema(path: Path) -> Message:
    return Message(
        "The ledger at {path} is from an older version of the kiosk, and it is not updated from here. Start the "
        "kiosk once (it updates the ledger), then try again.",
        path=str(path),
    )


def cannot_write(exc: BaseException) -> Message:
    return Message("The ledger cannot be written: {problem}", problem=sqlite_problem(exc))


def cannot_open(path: Path, exc: BaseException) -> Message:
    problem = sqlite_problem(exc) if isinstance(exc, sqlite3.Error) else Verbatim(str(exc))
    return Message("The ledger at {path} cannot be opened: {problem}", path=str(path), problem=problem)


def sqlite_problem(exc: BaseException) -> Message | Verbatim:
    """SQLite's words for what went wrong; the one a person can act on (a full disk) in the screen's language."""
    if str(exc) == "database or disk is full":
        return Message("database or disk is full")
    return Verbatim(str(exc))
