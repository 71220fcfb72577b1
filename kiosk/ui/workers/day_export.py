"""The back office's exports of this till's day, as a job for its background pool: the CSV or the end-of-day PDF,
written to the data folder's exports/. Returns what to say (the message line translates it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk.domain.message import Currency, Message
from kiosk.ledger import Ledger
from kiosk.ledger.export_csv import write_day_csv
from kiosk.settings.paths import data_dir
from kiosk.ui.day_report_pdf import write_day_pdf
from kiosk.ui.workers.background import Progress


def export_target(day: date, fmt: str) -> Path:
    return data_dir() / "exports" / f"kiosk-{day.isoformat()}.{fmt}"


def export_day(
    ledger_file: Path, day: date, fmt: str, target: Path, progress: Progress, *, currency: Currency = "NOK"
) -> Message:
    """Write the day as `fmt` ("csv" or "pdf") to `target`; a PDF of a day without sales shows zero in
    `currency`, the shop's. Raises ExportError or OSError for the person."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with Ledger.open(ledger_file) as ledger:
        if fmt == "csv":
            count = write_day_csv(ledger, day, target, progress)
            return Message.counted("Exported %n sale(s) to {path}", None, count, path=str(target))
        write_day_pdf(ledger, day, target, currency=currency)
        return Message("Wrote the end-of-day report to {path}", path=str(target))
