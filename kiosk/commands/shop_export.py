"""`kiosk export --shop [--till ID]`: the whole shop's day (or one till's) from the shop database, as CSV."""

from __future__ import annotations

import sys
from datetime import date

from kiosk.commands.export_files import ExportFailed, export_target, written_line
from kiosk.settings.loading import load_settings
from kiosk.settings.model import ConfigError
from kiosk.shop_ledger.address import TILL_ID, id_problem
from kiosk.shop_ledger.connection import ShopUnreachable
from kiosk.shop_ledger.export import write_shop_day_csv


def export_shop_day(day_text: str, fmt: str, output: str | None, shop: bool, till: str | None) -> str:
    problems = []
    if not shop:
        problems.append("--till needs --shop: a till's own export is this till's ledger (leave --till out)")
    if till is not None and (problem := id_problem(till, TILL_ID, 16, "kasse-1")):
        problems.append(f"--till {problem}")
    if fmt != "csv":
        problems.append("--shop writes CSV only; leave --format out (the PDF report is one till's)")
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        problems.append(f"--date must be a date like 2026-11-24 (got {day_text!r})")
    if problems:
        raise ExportFailed(problems)
    try:
        settings = load_settings()
    except ConfigError as exc:
        raise ExportFailed([str(problem) for problem in exc.problems]) from None
    target = settings.shop_database
    if target is None:
        raise ExportFailed(
            [
                "--shop needs a shop database: set [shop] database in the settings (see the README's "
                '"A shop with several tills"); without one, leave --shop out for this till\'s own export'
            ]
        )
    path = export_target(output, f"kiosk-{day.isoformat()}-{till or 'shop'}.csv")
    try:
        result = write_shop_day_csv(target, day, path, till)
    except ShopUnreachable as exc:
        raise ExportFailed([str(exc)]) from None
    for note in result.lagging:  # the file is written; these say what may still be missing from it
        print(f"kiosk: note: {note}; its latest sales may not be in the export yet", file=sys.stderr)
    return written_line(path, result.sales)
