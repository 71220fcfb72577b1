"""The day as CSV that opens right in Excel with Norwegian settings (Danish and Finnish settings have the same
list separator and decimal mark).

UTF-8 with a byte-order mark (so Excel reads æøå), semicolons between fields and a decimal comma (Excel's list
separator and decimal mark under Norwegian settings, so amounts arrive as numbers), local time. Phone numbers
are masked in the ledger already; no secret is ever in it.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kiosk.domain.apis import api_title
from kiosk.domain.message import Message, Verbatim
from kiosk.ledger.errors import LedgerError
from kiosk.ledger.report import status_of
from kiosk.ledger.store import Ledger

# The columns are a documented surface that scripts read: new ones go at the end.
HEADER = [
    "time",
    "order id",
    "amount (kr)",
    "captured (kr)",
    "refunded (kr)",
    "status",
    "phone",
    "attempts",
    "vipps api",
    # What Vipps knows the sale's payment by (its portal and settlement reports): PSP pspTransactionId, ePayment
    # reference. The paid attempt's, else the last attempt's; empty for a sale never tried.
    "vipps reference",
    # What the amounts are in (ISO 4217: NOK, DKK, EUR), the shop's market's: the "(kr)" of the amounts' names
    # is older than the markets. A sale's refunds are in its currency.
    "currency",
]
Progress = Callable[[int, int], None]
_NOTHING = "0,00"  # kroner(0)


class ExportError(LedgerError):
    """The export could not be written. The message says where and why; nothing half-written is left."""


def cannot_write_export(output: Path, exc: OSError) -> ExportError:
    problem = Verbatim(str(exc.strerror or exc))  # the system's words
    return ExportError(
        Message("The export could not be written to {path}: {problem}", path=str(output), problem=problem)
    )


def kroner(ore: int) -> str:
    """1249 50 -> `1249,50`: no thousands separator, so Excel reads it as a number."""
    sign = "-" if ore < 0 else ""
    whole, rest = divmod(abs(ore), 100)
    return f"{sign}{whole},{rest:02d}"


def write_day_csv(ledger: Ledger, day: date, output: Path, progress: Progress | None = None) -> int:
    """Write the day's sales to `output`; returns how many. Written to a temporary file first and moved into
    place, so a full disk or a crash never leaves a half export under the real name."""
    rows = ledger.export_rows(day)
    partial = output.with_name(output.name + ".partial")
    try:
        # The byte-order mark written by hand: the "utf-8-sig" codec encodes every row in Python, "utf-8" in C.
        with partial.open("w", encoding="utf-8", newline="") as file:
            file.write("\ufeff")
            writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
            writer.writerow(HEADER)
            for index, row in enumerate(rows, start=1):
                amount, captured, refunded = row.amount_ore, row.captured_ore, row.refunded_ore
                amount_kr = kroner(amount)
                writer.writerow(
                    [
                        row.local_time,
                        row.order_id or "",
                        amount_kr,
                        # Most sales are captured whole and not refunded: their text is already known.
                        amount_kr if captured == amount else kroner(captured) if captured else _NOTHING,
                        kroner(refunded) if refunded else _NOTHING,
                        status_of(row.state, row.outcome, captured, refunded),
                        row.phone_masked or "",
                        row.attempt_count,
                        api_title(row.provider),
                        row.reference or "",
                        row.currency,
                    ]
                )
                if progress is not None and index % 2000 == 0:
                    progress(index, len(rows))
            file.flush()
            os.fsync(file.fileno())
        partial.replace(output)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise cannot_write_export(output, exc) from None
    if progress is not None:
        progress(len(rows), len(rows))
    return len(rows)
