"""The day as CSV that opens right in Excel with Norwegian settings.

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

from kiosk.domain.message import Message, Verbatim
from kiosk.ledger.report import api_title, day_bounds, status_of
from kiosk.ledger.store import Ledger, LedgerError

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
    start, end = day_bounds(day)
    # Local time formatted by SQLite itself: 3x faster than datetime per row on a busy day. The attempt named is
    # found by primary key (the paid one) or by the attempts_by_sale index (the last one): one lookup per sale.
    rows = ledger.read(
        "SELECT strftime('%Y-%m-%d %H:%M:%S', sales.created_at, 'localtime'), sales.order_id, sales.amount_ore,"
        " sales.state, sales.outcome, sales.phone_masked, sales.attempt_count, sales.captured_ore,"
        " sales.refunded_ore, sales.provider, named.psp_transaction_id FROM sales"
        " LEFT JOIN attempts AS named ON named.id = COALESCE(sales.paid_attempt_id,"
        " (SELECT max(id) FROM attempts WHERE attempts.sale_id = sales.id))"
        " WHERE sales.created_at >= ? AND sales.created_at < ? ORDER BY sales.created_at, sales.id",
        (start, end),
    ).fetchall()
    partial = output.with_name(output.name + ".partial")
    try:
        # The byte-order mark written by hand: the "utf-8-sig" codec encodes every row in Python, "utf-8" in C.
        with partial.open("w", encoding="utf-8", newline="") as file:
            file.write("\ufeff")
            writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
            writer.writerow(HEADER)
            for index, (
                local_time,
                order_id,
                amount,
                state,
                outcome,
                phone,
                attempts,
                captured,
                refunded,
                api,
                reference,
            ) in enumerate(rows, start=1):
                amount_kr = kroner(amount)
                writer.writerow(
                    [
                        local_time,
                        order_id or "",
                        amount_kr,
                        # Most sales are captured whole and not refunded: their text is already known.
                        amount_kr if captured == amount else kroner(captured) if captured else _NOTHING,
                        kroner(refunded) if refunded else _NOTHING,
                        status_of(state, outcome, captured, refunded),
                        phone or "",
                        attempts,
                        api_title(api),
                        reference or "",
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
