"""The one-page end-of-day report as PDF, drawn with Qt's own PDF writer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.domain.money import format_kroner
from kiosk.ledger import Ledger
from kiosk.ledger.export_csv import ExportError
from kiosk.ledger.report import DayTotals, day_summary


def write_day_pdf(ledger: Ledger, day: date, output: Path, shop_name: str = "Vipps kiosk") -> None:
    """Totals, counts per outcome and an hour-by-hour table on one A4 page. Needs a QGuiApplication."""
    summary = day_summary(ledger, day)
    totals, hours = summary.totals, summary.hours
    partial = output.with_name(output.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setTitle(f"{shop_name}: end of day {day.isoformat()}")
    writer.setCreator("Vipps counter kiosk")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        partial.unlink(missing_ok=True)
        raise ExportError(f"The report could not be written to {output}: the file cannot be created there")
    try:
        _draw(painter, writer.width(), shop_name, day, totals, hours)
    finally:
        painter.end()
    try:
        if partial.stat().st_size == 0:
            raise OSError("nothing was written (is the disk full?)")
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExportError(f"The report could not be written to {output}: {exc.strerror or exc}") from None


def _draw(
    painter: QPainter, width: int, shop: str, day: date, totals: DayTotals, hours: list[tuple[int, int, int]]
) -> None:
    line = 75  # device pixels at 300 dpi: about 6 mm
    y = 0

    def text(x: int, value: str, size: int = 10, bold: bool = False, right_to: int | None = None) -> None:
        font = QFont("DejaVu Sans", size)
        font.setBold(bold)
        painter.setFont(font)
        if right_to is not None:  # amounts line up on their right edge, on the same baseline as their row
            x = right_to - painter.fontMetrics().horizontalAdvance(value)
        painter.drawText(x, y, value)

    text(0, f"{shop}: end of day", 18, bold=True)
    y += line
    text(0, day.strftime("%A %d %B %Y"), 11)
    y += int(line * 1.5)
    rows = [
        ("Captured", f"{totals.captured_count} sales", format_kroner(totals.captured_ore)),
        ("Refunded", f"{totals.refunded_count} sales", format_kroner(totals.refunded_ore)),
        ("Net", "", format_kroner(totals.net_ore)),
    ]
    for label, count, amount in rows:
        text(0, label, 11, bold=label == "Net")
        text(int(width * 0.35), count, 11)
        text(int(width * 0.55), amount, 11, bold=label == "Net", right_to=int(width * 0.85))
        y += line
    y += line // 2
    counts = [
        ("Refused by the card", totals.refused),
        ("Rejected in Vipps", totals.rejected),
        ("Time ran out", totals.expired),
        ("Cancelled", totals.cancelled),
        ("Not started", totals.not_started),
        ("Needs checking", totals.needs_check),
        ("Still open", totals.open),
    ]
    text(0, "Not paid", 12, bold=True)
    y += line
    for label, count in counts:
        text(0, label, 10)
        text(int(width * 0.35), str(count), 10)
        y += int(line * 0.9)
    y += line // 2
    text(0, "Per hour", 12, bold=True)
    y += line
    text(0, "hour", 9, bold=True)
    text(int(width * 0.2), "sales", 9, bold=True)
    text(int(width * 0.35), "captured", 9, bold=True, right_to=int(width * 0.6))
    y += int(line * 0.8)
    for hour, count, amount in hours:
        text(0, f"{hour:02d}:00–{hour:02d}:59", 9)
        text(int(width * 0.2), str(count), 9)
        text(int(width * 0.35), format_kroner(amount), 9, right_to=int(width * 0.6))
        y += int(line * 0.62)
