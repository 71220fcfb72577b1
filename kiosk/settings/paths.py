"""Where the kiosk's files are: the settings file, the data folder and the ledgers in it.

`KIOSK_CONFIG` and `KIOSK_DATA_DIR` name others (the README's environment variables; tests always set both, so
they never touch a real user's files).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "kiosk"
LEDGER_FILE = "ledger.sqlite3"
DEMO_LEDGER_FILE = "ledger-demo.sqlite3"  # demo sales never mix with real ones


def config_path() -> Path:
    override = os.environ.get("KIOSK_CONFIG")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def data_dir() -> Path:
    override = os.environ.get("KIOSK_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME))


def ledger_path(folder: Path, demo: bool = False) -> Path:
    return folder / (DEMO_LEDGER_FILE if demo else LEDGER_FILE)
