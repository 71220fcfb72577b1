"""`kiosk export`: a day's CSV or PDF without a screen."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from kiosk.ledger import Ledger, LedgerError, ledger_path
from kiosk.ledger.export_csv import write_day_csv
from kiosk.settings.model import ConfigError, data_dir, load_settings


class ExportFailed(Exception):
    """What went wrong, one line each; nothing was written."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def run_export(
    day_text: str, fmt: str, output: str | None, demo: bool, *, shop: bool = False, till: str | None = None
) -> str:
    """Write the export and return the line to print; raises ExportFailed."""
    try:
        if shop or till is not None:
            from kiosk.commands.shop_export import export_shop_day  # psycopg only for a shop's export

            return export_shop_day(day_text, fmt, output, shop, till)
        return _export(day_text, fmt, output, demo)
    except LedgerError as exc:
        raise ExportFailed([str(exc)]) from None


def _export(day_text: str, fmt: str, output: str | None, demo: bool) -> str:
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        raise ExportFailed([f"--date must be a date like 2026-11-24 (got {day_text!r})"]) from None
    try:
        settings = load_settings()
    except ConfigError as exc:
        raise ExportFailed([str(problem) for problem in exc.problems]) from None
    demo = demo or settings.demo
    source = ledger_path(data_dir(), demo)
    if not source.exists():
        raise ExportFailed([f"there is no ledger at {source} yet: no sale has been recorded there"])
    target = export_target(output, f"kiosk-{day.isoformat()}.{fmt}")
    with Ledger.open(source, read_only=True) as ledger:
        if fmt == "csv":
            return f"{target} ({write_day_csv(ledger, day, target)} sales)"
        _write_pdf(ledger, day, target, settings.shop.language)
        return str(target)


def export_target(output: str | None, default_name: str) -> Path:
    """Where an export goes (`--output`, else the data folder's exports/), its folder made ready."""
    target = Path(output) if output else data_dir() / "exports" / default_name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportFailed(
            [f"cannot create the folder {target.parent} ({exc.strerror}); choose another --output"]
        ) from None
    return target


def _write_pdf(ledger: Ledger, day: date, target: Path, language: str) -> None:
    """The report in the shop's language (`[shop] language`), as the back office writes it."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a report needs fonts, not a screen
    from PySide6.QtGui import QGuiApplication

    from kiosk.ui.day_report_pdf import write_day_pdf
    from kiosk.ui.language.i18n import use_language

    _app = QGuiApplication.instance() or QGuiApplication([])
    use_language(language)
    write_day_pdf(ledger, day, target)
