"""The manager's PIN: stored as an scrypt hash, wrong tries throttled, the throttle surviving a restart."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk.domain.message import Message, MessageError, Verbatim

DEMO_PIN = "1234"  # documented in the README; demo mode only
FREE_TRIES = 3
LONGEST_WAIT_S = 300.0
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


class PinError(MessageError, ValueError):
    """A PIN that cannot be used, or a try that is not allowed yet. The message is meant for the manager."""


@dataclass
class _Record:
    salt: str
    hash: str
    failures: int = 0
    locked_until: float = 0.0  # wall-clock seconds: a restart must not reset the wait


def _digest(pin: str, salt: bytes) -> str:
    return hashlib.scrypt(pin.encode(), salt=salt, dklen=32, **_SCRYPT).hex()


def _step_s(failures: int) -> float:
    """The wait after `failures` wrong tries in a row: none for the free tries, then 5 s doubling, at most 5 min."""
    if failures < FREE_TRIES:
        return 0.0
    return min(LONGEST_WAIT_S, 5.0 * 2 ** min(failures - FREE_TRIES, 16))


def check_new_pin(pin: str) -> str:
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8):
        raise PinError(Message("A PIN is 4 to 8 digits (0-9)."))
    return pin


class ManagerPin:
    def __init__(self, path: Path, clock: Callable[[], float] = time.time, default_pin: str | None = None) -> None:
        """`default_pin` (demo mode) is written as the PIN the first time one is needed, not at start-up:
        hashing it costs tens of milliseconds that the first frame should not wait for."""
        self._path = path
        self._clock = clock
        self._default_pin = default_pin

    @classmethod
    def for_demo(cls, path: Path) -> ManagerPin:
        return cls(path, default_pin=DEMO_PIN)

    def is_set(self) -> bool:
        """A PIN file exists (a damaged one too: it is reported when the PIN is checked, never replaced)."""
        return self._path.exists() or self._default_pin is not None

    def set(self, pin: str) -> None:
        check_new_pin(pin)
        salt = secrets.token_bytes(16)
        self._save(_Record(salt.hex(), _digest(pin, salt)))

    def wait_s(self) -> float:
        """Seconds before the next try is allowed (0: now)."""
        record = self._load()
        return self._wait_left(record) if record else 0.0

    def _wait_left(self, record: _Record) -> float:
        """The end of a wait is a wall-clock time so that a restart keeps it. A wall clock can be set back (two
        days, say): a wait longer than the step it was given is started again from now, and saved so, instead
        of lasting two days. A clock set forward ends the wait early; whoever can set the PC's clock can as
        well delete the PIN file."""
        now = self._clock()
        step = _step_s(record.failures)
        if record.locked_until - now > step:
            record.locked_until = now + step
            self._save(record)
        return max(0.0, record.locked_until - now)

    def verify(self, pin: str) -> bool:
        """True for the right PIN. Raises PinError while a wait is running, or when no PIN is set."""
        record = self._load()
        if record is None and self._default_pin is not None:
            self.set(self._default_pin)
            record = self._load()
        if record is None:
            raise PinError(Message("No manager PIN is set yet."))
        wait = self._wait_left(record)
        if wait > 0:
            raise PinError(Message("Too many wrong tries. Try again in {seconds} s.", seconds=int(wait + 0.999)))
        if hmac.compare_digest(_digest(pin, bytes.fromhex(record.salt)), record.hash):
            record.failures, record.locked_until = 0, 0.0
            self._save(record)
            return True
        record.failures += 1
        if record.failures >= FREE_TRIES:
            record.locked_until = self._clock() + _step_s(record.failures)
        self._save(record)
        return False

    def _load(self) -> _Record | None:
        try:
            return _Record(**json.loads(self._path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError) as exc:
            problem = Verbatim(str(exc))
            raise PinError(
                Message(
                    "The PIN file {path} cannot be read ({problem}); remove it to set a new PIN.",
                    path=str(self._path),
                    problem=problem,
                )
            ) from None

    def _save(self, record: _Record) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        partial = self._path.with_name(self._path.name + ".partial")
        # Only this user may read the hash: an scrypt hash of a 4-digit PIN is still guessable offline.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump(asdict(record), file)
            file.flush()
            os.fsync(file.fileno())  # a power cut must not leave an empty PIN file
        partial.replace(self._path)
