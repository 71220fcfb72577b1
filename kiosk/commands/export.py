"""`kiosk export`: a day's CSV or PDF without a screen (the shop's day: kiosk/commands/shop_export.py)."""

from __future__ import annotations

from datetime import date

from kiosk.commands.export_files import ExportFailed, export_target, written_line
from kiosk.commands.shop_export import export_shop_day
from kiosk.ledger import Ledger, LedgerError, ledger_path
from kiosk.ledger.export_csv import write_day_csv
from kiosk.settings.loading import load_settings
from kiosk.settings.model import ConfigError
from kiosk.settings.paths import data_dir

__all__ = ["ExportFailed", "run_export"]


def run_export(
    day_text: str, fmt: str, output: str | None, demo: bool, *, shop: bool = False, till: str | None = None
) -> str:
    """Write the export and return the line to print; raises ExportFailed."""
    try:
        if shop or till is not None:
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
            return written_line(target, write_day_csv(ledger, day, target))
        # The one deferred import here, on purpose: Qt's GUI libraries (libGL, fontconfig, ...) load only for a
        # PDF, so a CSV export runs on a PC where Qt cannot.
        from kiosk.ui.day_report_pdf import write_day_pdf_without_window

        # The shop's `[shop] language`; a day without sales shows zero in its market's currency.
        write_day_pdf_without_window(
            ledger, day, target, settings.shop.language, currency=settings.shop.market.currency
        )
        return str(target)
