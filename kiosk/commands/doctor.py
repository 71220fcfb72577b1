"""`kiosk doctor`: the checks a shop owner (or whoever answers their phone call) runs from a terminal, each
answered with one line saying what is fine or exactly what to fix."""

from __future__ import annotations

import shutil
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

from kiosk.diagnostics.connection_check import CheckResult, check_connection, check_shop_database
from kiosk.domain.apis import api_title
from kiosk.host.qt_libraries import check_qt_display
from kiosk.ledger import Ledger, LedgerError
from kiosk.settings.loading import load_settings
from kiosk.settings.model import ConfigError, Settings
from kiosk.settings.paths import config_path, data_dir, ledger_path
from kiosk.settings.secrets import SecretStore, SecretStoreError, secrets_in_file

LOW_DISK_BYTES = 200 * 1024 * 1024
COUNTRY_NAMES = {"NO": "Norway", "DK": "Denmark", "FI": "Finland"}  # the terminal reads English


def run_checks(demo: bool = False) -> list[CheckResult]:
    return list(_checks(demo))


def _checks(demo: bool) -> Iterator[CheckResult]:
    path = config_path()
    try:
        settings = load_settings(path)
    except ConfigError as exc:
        yield CheckResult("Settings", False, f"{path}: " + "; ".join(str(problem) for problem in exc.problems))
        settings = None
    else:
        market = settings.shop.market
        where = f"a shop in {COUNTRY_NAMES[market.country]} ({market.currency}, {market.brand})"
        through = f"payments through Vipps' {api_title(settings.api)} API"
        if settings.source is None:
            yield CheckResult("Settings", True, f"no settings file at {path}: the kiosk runs as a demo, {where}")
        elif settings.demo:
            yield CheckResult("Settings", True, f"{path} is valid, with no credentials: a demo, {where}, {through}")
        else:
            yield CheckResult("Settings", True, f"{path} is valid; {where}, {through}")
    yield from _secrets(path, settings)
    yield from _data_folder()
    use_demo = demo or settings is None or settings.demo
    yield _ledger(ledger_path(data_dir(), use_demo))
    yield from _qt_display()
    if settings is not None and settings.vipps is not None and not demo:
        yield from check_connection(settings.vipps)
    if settings is not None and settings.shop_database is not None and not use_demo:  # a demo never joins a shop
        yield from check_shop_database(settings.shop_database, ledger_path(data_dir()))


def _secrets(path: Path, settings: Settings | None) -> Iterator[CheckResult]:
    """Where the secrets really are: written into config.toml by hand (which the settings read first), in the
    private file, or in the keyring."""
    if settings is None or settings.vipps is None:
        return
    in_file = secrets_in_file(tomllib.loads(path.read_text(encoding="utf-8")).get("vipps", {}))
    try:
        holder = SecretStore.beside(path).holder(settings.vipps.client_id)
    except SecretStoreError as exc:
        yield CheckResult("Secrets", False, str(exc))
        return
    if not in_file:
        yield CheckResult("Secrets", True, f"kept in {holder or 'no secret store'}")
        return
    detail = f"{', '.join(in_file)} are in {path} itself (readable only by this user)"
    if holder:
        detail += f", the others in {holder}"
    detail += "; saving the settings from the settings screen moves them to the system keyring or a private file"
    yield CheckResult("Secrets", True, detail)


def _data_folder() -> Iterator[CheckResult]:
    folder = data_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".doctor-"):
            pass
    except OSError as exc:
        yield CheckResult("Data folder", False, f"{folder} cannot be written ({exc.strerror}): check permissions")
        return
    free = shutil.disk_usage(folder).free
    if free < LOW_DISK_BYTES:
        yield CheckResult("Data folder", False, f"{folder}: only {free // 2**20} MB free; make room on the disk")
    else:
        yield CheckResult("Data folder", True, f"{folder} is writable, {free // 2**30} GB free")


def _ledger(path: Path) -> CheckResult:
    if not path.exists():
        return CheckResult("Ledger", True, f"{path} will be created with the first sale")
    try:
        with Ledger.open(path, read_only=True) as ledger:
            sales = len(ledger.sales())
            unsettled = len(ledger.unsettled_sales())
    except LedgerError as exc:
        return CheckResult("Ledger", False, str(exc))
    detail = f"{path}: sound, {sales} sales"
    if unsettled:
        detail += f", {unsettled} to settle at the next start"
    return CheckResult("Ledger", True, detail)


def _qt_display() -> Iterator[CheckResult]:
    """Whether Qt's platform plugin finds its system libraries here (a fresh Debian PC lacks several), and
    which packages to install if not; nothing on Windows and macOS (see kiosk.host.qt_libraries)."""
    found = check_qt_display()
    if found is not None:
        yield CheckResult("Qt display", found.ok, found.detail)


def main(demo: bool, out: Callable[[str], None] = print) -> int:
    results = run_checks(demo)
    for result in results:
        out(f"{'ok  ' if result.ok else 'FAIL'} {result.name}: {result.detail}")
    failed = [r for r in results if not r.ok]
    out("kiosk doctor: all is well" if not failed else f"kiosk doctor: {len(failed)} problem(s) to fix")
    return 0 if not failed else 1
