"""Where the Vipps secrets live when the settings screen saves them: the platform's keyring (Windows Credential
Manager, macOS Keychain, the Secret Service on a Linux desktop) when it has one, else a file beside the settings
that only the kiosk's own user can read. The settings file itself never holds them.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from pathlib import Path
from types import ModuleType
from typing import Any

from kiosk.domain.message import Message, MessageError, Verbatim
from kiosk.settings.model import SECRET_KEYS

SERVICE = "vipps-counter-kiosk"
FILE_NAME = "secrets.json"
DATABASE_PASSWORD = "database_password"  # noqa: S105 - the name it is kept under


def _database_entry(database: str) -> str:
    """Where the password of a [shop] database address is kept: a name no Vipps client_id takes."""
    return f"shop-database {database}"


class SecretStoreError(MessageError):
    """The secrets cannot be read or written; the message says where and what to do."""


def open_to_others(path: Path) -> bool:
    """Whether users other than the kiosk's own have any access to `path`: the rule for every file holding a
    secret (secrets.json, and config.toml when a secret was written into it by hand)."""
    return os.name == "posix" and bool(path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO))


def secrets_in_file(vipps: dict[str, Any]) -> list[str]:
    """The secrets a [vipps] table of config.toml holds: written in by hand (the settings screen never does)."""
    return sorted(key for key in SECRET_KEYS if vipps.get(key))


def exposed_in_settings_file(path: Path, vipps: dict[str, Any]) -> list[Message]:
    """The problem with secrets written into a config.toml that others can read: refused as in a secrets.json
    they can read, for the kiosk would otherwise go on using secrets that may have been seen. The client id is
    not a secret (the settings screen shows it); the secrets are named, never quoted."""
    held = secrets_in_file(vipps)
    if not held or not open_to_others(path):
        return []
    return [
        Message(
            "{path}: other users can read it, and it holds Vipps secrets ({secrets}); run chmod 600 on it, then "
            "change those secrets in the Vipps portal, as they may have been seen",
            path=str(path),
            secrets=", ".join(held),
        )
    ]


_LOCKED = Message(
    "the system keyring is locked, so the Vipps secrets cannot be read; unlock it (log in to the desktop, or "
    "open the keyring app) and start the kiosk again, or start it with --demo"
)


def _refused(exc: Exception) -> Message:
    return Message("the system keyring refused the secrets ({error})", error=type(exc).__name__)


def _keyring_library() -> ModuleType | None:
    """The keyring library, or None where it is not installed."""
    # The one seam for start-up: importing keyring takes about 50 ms here, which the first frame of a counter PC
    # whose secrets are in the private file (read first) never waits for.
    try:
        import keyring
        import keyring.backends.fail
        import keyring.errors
    except ImportError:
        return None
    return keyring


def _unreadable_keyring(exc: Exception) -> SecretStoreError:
    """What a keyring that is there but will not answer means for the kiosk: no secrets, so no real payments.
    Every backend raises its own kind (keyring's KeyringLocked and InitError, D-Bus errors, ...). Only a keyring
    that was found raises, so the library is there."""
    library = _keyring_library()
    if library is not None and isinstance(exc, library.errors.KeyringLocked):
        return SecretStoreError(_LOCKED)
    return SecretStoreError(
        Message(
            "the system keyring cannot be read ({error}), so the Vipps secrets cannot be read; check that it is "
            "running and unlocked, then start the kiosk again, or start it with --demo",
            error=type(exc).__name__,
        )
    )


class SecretStore:
    def __init__(self, fallback_file: Path, use_keyring: bool = True) -> None:
        self._file = fallback_file
        self._use_keyring = use_keyring

    @classmethod
    def beside(cls, config_file: Path) -> SecretStore:
        return cls(config_file.parent / FILE_NAME)

    # ---- where ------------------------------------------------------------------------------------------------

    def _keyring(self) -> object | None:
        """The platform keyring, or None where there is none (a headless counter PC, a locked-down account)."""
        if not self._use_keyring or os.environ.get("KIOSK_NO_KEYRING"):
            return None
        library = _keyring_library()
        if library is None:
            return None
        try:
            backend = library.get_keyring()
        except Exception as exc:  # a backend named by PYTHON_KEYRING_BACKEND or keyringrc that cannot start
            raise _unreadable_keyring(exc) from None
        if isinstance(backend, library.backends.fail.Keyring) or getattr(backend, "priority", 0) <= 0:
            return None
        return backend

    def holder(self, client_id: str) -> str | None:
        """Where `client_id`'s secrets really are, as load() finds them (the private file first), or None."""
        if self._load_file().get(client_id):
            return f"{self._file} (readable only by this user)"
        backend = self._keyring()
        if backend is None:
            return None
        try:
            found = [backend.get_password(SERVICE, f"{client_id}:{key}") for key in SECRET_KEYS]  # type: ignore[attr-defined]
        except Exception as exc:  # every backend raises its own kind
            raise _unreadable_keyring(exc) from None
        return f"the system keyring ({type(backend).__name__})" if any(found) else None

    # ---- reading and writing -----------------------------------------------------------------------------------

    def load(self, client_id: str) -> dict[str, str]:
        # The private file first: on a counter PC without a keyring (the usual case) this spares start-up the
        # keyring's backend discovery, about 200 ms before the first frame.
        stored = self._load_file().get(client_id, {})
        if stored:
            return stored
        backend = self._keyring()
        if backend is None:
            return {}
        try:
            found = {key: backend.get_password(SERVICE, f"{client_id}:{key}") for key in SECRET_KEYS}  # type: ignore[attr-defined]
        except Exception as exc:  # every backend raises its own kind
            raise _unreadable_keyring(exc) from None
        return {key: value for key, value in found.items() if value}

    def save(self, client_id: str, secrets: dict[str, str]) -> None:
        unknown = set(secrets) - SECRET_KEYS
        if unknown:
            raise ValueError(f"not secrets: {sorted(unknown)}")
        backend = self._keyring()
        if backend is not None:
            try:
                for key, value in secrets.items():
                    backend.set_password(SERVICE, f"{client_id}:{key}", value)  # type: ignore[attr-defined]
            except Exception as exc:  # every backend raises its own kind
                raise SecretStoreError(_refused(exc)) from None
            older = self._load_file()
            if older.pop(client_id, None) is not None:  # the file is read first: no stale copy may win
                self._write_file(older)
            return
        everything = self._load_file()
        everything[client_id] = {**everything.get(client_id, {}), **secrets}
        self._write_file(everything)

    # The shop database's password ([shop] database), kept like the Vipps secrets under the address it is for.

    def load_database_password(self, database: str) -> str:
        stored = self._load_file().get(_database_entry(database), {}).get(DATABASE_PASSWORD, "")
        if stored:
            return stored
        backend = self._keyring()
        if backend is None:
            return ""
        try:
            return backend.get_password(SERVICE, f"{_database_entry(database)}:{DATABASE_PASSWORD}") or ""  # type: ignore[attr-defined]
        except Exception as exc:  # every backend raises its own kind
            raise SecretStoreError(
                Message(
                    "the system keyring cannot be read ({error}), so the shop database's password cannot be read; "
                    "check that it is running and unlocked, then start the kiosk again",
                    error=type(exc).__name__,
                )
            ) from None

    def save_database_password(self, database: str, password: str) -> None:
        entry = _database_entry(database)
        backend = self._keyring()
        if backend is not None:
            try:
                backend.set_password(SERVICE, f"{entry}:{DATABASE_PASSWORD}", password)  # type: ignore[attr-defined]
            except Exception as exc:  # every backend raises its own kind
                raise SecretStoreError(_refused(exc)) from None
            return
        everything = self._load_file()
        everything[entry] = {DATABASE_PASSWORD: password}
        self._write_file(everything)

    def _load_file(self) -> dict[str, dict[str, str]]:
        try:
            others = open_to_others(self._file)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            said = Message(
                "{path}: cannot be read ({problem})", path=str(self._file), problem=Verbatim(str(exc.strerror))
            )
            raise SecretStoreError(said) from None
        if others:
            raise SecretStoreError(
                Message(
                    "{path}: other users can read it; run chmod 600 on it, then change the Vipps secrets in the "
                    "portal, as they may have been seen",
                    path=str(self._file),
                )
            )
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise SecretStoreError(self._damaged()) from None
        if not isinstance(data, dict):
            raise SecretStoreError(self._damaged())
        return {k: v for k, v in data.items() if isinstance(v, dict)}

    def _damaged(self) -> Message:
        return Message("{path}: is damaged; enter the Vipps secrets again in Settings", path=str(self._file))

    def _write_file(self, everything: dict[str, dict[str, str]]) -> None:
        self._file.parent.mkdir(parents=True, exist_ok=True)
        partial = self._file.with_suffix(".tmp")
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        # Created private: the secrets are never readable by others, not even for an instant.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            json.dump(everything, out, indent=2)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, self._file)
