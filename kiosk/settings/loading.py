"""Loading the settings at start: the file read, the secrets the settings screen keeps apart merged in
(kiosk.settings.secrets), and the whole checked once (kiosk.settings.reading)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kiosk.domain.message import Message, Verbatim
from kiosk.settings.model import SECRET_KEYS, ConfigError, Settings, ShopSettings, shop_defaults
from kiosk.settings.paths import config_path


def load_settings(path: Path | None = None) -> Settings:
    """Read and validate the settings file. A missing file means demo mode with default timings, in Norway (as
    a file that names no country: bokmål, NOK, Vipps)."""
    path = path or config_path()
    try:
        raw_bytes = path.read_bytes()
    except FileNotFoundError:
        return Settings(source=None, shop=ShopSettings(**shop_defaults()))
    except OSError as exc:
        problem = Verbatim(str(exc.strerror))
        said = Message(
            "{path}: cannot be read ({problem}); check that the file is readable", path=str(path), problem=problem
        )
        raise ConfigError([said]) from None
    # The one seam for start-up: a first start has no settings file, and its first frame does not wait for the
    # TOML reader, the checks and the secret store it never uses (14 ms here, of a first frame at 120 ms).
    from kiosk.settings.reading import names_only_the_api, parse_settings, toml_tables
    from kiosk.settings.secrets import SecretStore, SecretStoreError, exposed_in_settings_file

    raw = toml_tables(path, raw_bytes)
    vipps = raw.get("vipps")
    exposed = exposed_in_settings_file(path, vipps) if isinstance(vipps, dict) else []
    store = SecretStore.beside(path)
    needs_stored = (
        isinstance(vipps, dict) and not names_only_the_api(vipps) and any(k not in vipps for k in SECRET_KEYS)
    )
    try:
        if needs_stored:  # secrets saved by the settings screen live in the keyring (or a private file)
            raw["vipps"] = {**store.load(str(vipps.get("client_id", ""))), **vipps}
    except SecretStoreError as exc:
        raise ConfigError([exc.message]) from None
    try:
        settings = parse_settings(raw, source=path)
    except ConfigError as exc:
        raise ConfigError([*exposed, *exc.problems]) from None
    if exposed:
        raise ConfigError(exposed)
    if not settings.shop.database:
        return settings
    try:  # the shop database's password, from the secret store as the Vipps secrets are
        password = store.load_database_password(settings.shop.database)
    except SecretStoreError as exc:
        raise ConfigError([exc.message]) from None
    return replace(settings, shop=replace(settings.shop, database_password=password))
