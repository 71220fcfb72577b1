"""The one-page end-of-day report as PDF, drawn with Qt's own PDF writer, in the language on screen (or, from
`kiosk export`, the shop's)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.domain.market import MARKET_OF_CURRENCY
from kiosk.domain.message import Currency, Message, Verbatim
from kiosk.ledger import Ledger
from kiosk.ledger.export_csv import ExportError
from kiosk.ledger.report import DaySummary
from kiosk.ui.language.i18n import long_date, money, use_language
from kiosk.ui.language.messages import translated

# Called from a background job's thread too: QCoreApplication.translate is thread-safe. (lupdate reads the calls.)
translate = QCoreApplication.translate


def write_day_pdf(
    ledger: Ledger, day: date, output: Path, shop_name: str | None = None, *, currency: Currency = "NOK"
) -> None:
    """Totals (one block per currency of the day's sales; a day without sales, zero in `currency`, the
    shop's), counts per outcome and an hour-by-hour table on one A4 page. Needs a QGuiApplication."""
    summary = ledger.day_summary(day)
    # The app the shop's customers pay with, by the shop's currency (a sales unit's currency is its country's):
    # Vipps in Norway, MobilePay in Denmark and Finland, as the counter's outcome titles say.
    vipps = MARKET_OF_CURRENCY[currency].brand == "Vipps"
    if not shop_name:
        shop_name = translate("DayReport", "Vipps kiosk") if vipps else translate("DayReport", "MobilePay kiosk")
    partial = output.with_name(output.name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setTitle(translate("DayReport", "{shop}: end of day {day}").format(shop=shop_name, day=day))
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
        raise _not_written(output, Message("the file cannot be created there"))
    try:
        _draw(painter, writer.width(), shop_name, day, summary, currency, vipps)
    finally:
        painter.end()
    try:
        empty = partial.stat().st_size == 0
        if not empty:
            partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise _not_written(output, Verbatim(str(exc.strerror or exc))) from None
    if empty:
        partial.unlink(missing_ok=True)
        raise _not_written(output, Message("nothing was written (is the disk full?)"))


def write_day_pdf_without_window(
    ledger: Ledger, day: date, output: Path, language: str, *, currency: Currency = "NOK"
) -> None:
    """The report from a process that has no window (`kiosk export --format pdf`), in `language`; a day
    without sales shows zero in `currency`."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a report needs fonts, not a screen
    _app = QGuiApplication.instance() or QGuiApplication([])  # Qt draws text only inside an application
    use_language(language)
    write_day_pdf(ledger, day, output, currency=currency)


def _not_written(output: Path, problem: Message | Verbatim) -> ExportError:
    return ExportError(
        Message("The report could not be written to {path}: {problem}", path=str(output), problem=problem)
    )


def _draw(
    painter: QPainter, width: int, shop: str, day: date, summary: DaySummary, currency: Currency, vipps: bool
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

    text(0, translate("DayReport", "{shop}: end of day").format(shop=shop), 18, bold=True)
    y += line
    text(0, long_date(QDate(day.year, day.month, day.day)), 11)
    y += int(line * 1.5)

    def sales(count: int) -> str:  # a count in the language's plural ("1 sale", "2 sales")
        return translated(Message.counted("%n sale(s)", None, count))

    # A block of money per currency (a shop never mixes: one), never a sum across currencies.
    for totals in summary.totals(currency):
        code = totals.currency
        rows = [
            (
                translate("DayReport", "Captured"),
                sales(totals.captured_count),
                money(totals.captured_ore, currency=code),
                False,
            ),
            (
                translate("DayReport", "Refunded"),
                sales(totals.refunded_count),
                money(totals.refunded_ore, currency=code),
                False,
            ),
            (translate("DayReport", "Net"), "", money(totals.net_ore, currency=code), True),
        ]
        for label, count, amount, bold in rows:
            text(0, label, 11, bold=bold)
            text(int(width * 0.35), count, 11)
            text(int(width * 0.55), amount, 11, bold=bold, right_to=int(width * 0.85))
            y += line
        y += line // 2
    outcomes = summary.outcomes
    counts = [
        (translate("DayReport", "Refused by the card"), outcomes["refused"]),
        (
            translate("DayReport", "Rejected in Vipps") if vipps else translate("DayReport", "Rejected in MobilePay"),
            outcomes["rejected"],
        ),
        (translate("DayReport", "Time ran out"), outcomes["expired"]),
        (translate("DayReport", "Cancelled"), outcomes["cancelled"]),
        (translate("DayReport", "Not started"), outcomes["not_started"]),
        (translate("DayReport", "Needs checking"), outcomes["needs_check"]),
        (translate("DayReport", "Still open"), outcomes["open"]),
    ]
    text(0, translate("DayReport", "Not paid"), 12, bold=True)
    y += line
    for label, count in counts:
        text(0, label, 10)
        text(int(width * 0.35), str(count), 10)
        y += int(line * 0.9)
    y += line // 2
    text(0, translate("DayReport", "Per hour"), 12, bold=True)
    y += line
    first = summary.totals(currency)[0].currency
    text(0, translate("DayReport", "hour"), 9, bold=True)
    text(int(width * 0.2), translate("DayReport", "sales"), 9, bold=True)
    text(int(width * 0.35), translate("DayReport", "captured"), 9, bold=True, right_to=int(width * 0.6))
    y += int(line * 0.8)
    for hour, count, amounts in summary.hours:
        text(0, f"{hour:02d}:00–{hour:02d}:59", 9)
        text(int(width * 0.2), str(count), 9)
        # The hour's money in each currency it has (none: zero in the day's first, or the shop's).
        shown = ", ".join(money(m.minor_units, currency=m.currency) for m in amounts) or money(0, currency=first)
        text(int(width * 0.35), shown, 9, right_to=int(width * 0.6))
        y += int(line * 0.62)
