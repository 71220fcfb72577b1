"""Writing the settings file, for the settings screen: validated exactly as start-up reads it, written whole or
not at all, with the secrets going to the secret store instead of the file."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import tomli_w

from kiosk.domain.message import Message, Verbatim
from kiosk.settings.model import SECRET_KEYS, ConfigError, Settings
from kiosk.settings.reading import parse_settings
from kiosk.settings.secrets import SecretStore


def save_settings(path: Path, raw: dict[str, Any], store: SecretStore | None = None) -> Settings:
    """Check `raw` (tables as the TOML file has them, secrets included) and save it. Raises ConfigError with
    every problem, and then nothing is written."""
    settings = parse_settings(raw, source=path)
    vipps = dict(raw.get("vipps", {}))
    secrets = {key: vipps.pop(key) for key in list(vipps) if key in SECRET_KEYS and vipps[key]}
    if settings.vipps is not None:  # a [vipps] table with only `api` (a demo) has no secrets to keep
        (store or SecretStore.beside(path)).save(str(vipps["client_id"]), secrets)
    document = {name: table for name, table in {**raw, "vipps": vipps}.items() if table}
    text = "# Written by the kiosk's settings screen. The Vipps secrets are kept apart, not in this file.\n"
    text += tomli_w.dumps(document)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    try:
        with open(partial, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        problem = Verbatim(str(exc.strerror))
        said = Message(
            "{path}: cannot be written ({problem}); check the disk and its permissions", path=str(path), problem=problem
        )
        raise ConfigError([said]) from None
    return settings
