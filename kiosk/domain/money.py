"""Money is an int of øre everywhere inside the kiosk. Text appears only at the edges, here."""

from __future__ import annotations

import re

ORE_PER_KRONE = 100
# Vipps refuses less than 1 kr.
MINIMUM_ORE = 100
_AMOUNT = re.compile(r"^(?P<kroner>\d+)(?:[.,](?P<ore>\d{1,2}))?$")
_GROUPED = re.compile(r"^\d{1,3}(?:[ .]\d{3})+(?:,\d{1,2})?$")


class AmountError(ValueError):
    """Text that is not an amount the kiosk can charge. The message is meant for staff, as it is."""


def parse_kroner(text: str, *, ceiling_ore: int | None = None) -> int:
    """`149,50`, `149.5`, `1 249` and `1.249,50` -> øre. Only ASCII digits; at most two decimals."""
    # No-break spaces arrive from copied receipts and from our own formatting.
    cleaned = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if not cleaned:
        raise AmountError("Type the amount to charge.")
    if cleaned.startswith("-"):
        raise AmountError("The amount cannot be negative.")
    for suffix in ("kr", "NOK", ",-"):
        if cleaned.endswith(suffix):
            cleaned = cleaned[: -len(suffix)].strip()
    if not cleaned.isascii():
        raise AmountError("Use the digits 0-9 only.")
    if _GROUPED.fullmatch(cleaned):
        # Thousands separators: spaces, or dots when a comma marks the decimals ("1.249,50").
        head, _, decimals = cleaned.partition(",")
        cleaned = re.sub(r"[ .]", "", head) + ("," + decimals if decimals else "")
    match = _AMOUNT.fullmatch(cleaned)
    if match is None:
        raise AmountError("That is not an amount. Type it like 149,50.")
    ore = int(match["kroner"]) * ORE_PER_KRONE + int((match["ore"] or "0").ljust(2, "0"))
    if ore == 0:
        raise AmountError("The amount must be more than 0 kr.")
    if ore < MINIMUM_ORE:
        raise AmountError("Vipps takes payments of 1 kr or more.")
    if ceiling_ore is not None and ore > ceiling_ore:
        raise AmountError(f"That is over this till's limit of {format_kroner(ceiling_ore)}.")
    return ore


def format_kroner(ore: int) -> str:
    """1249 50 øre -> `1 249,50 kr` (Norwegian style, with a no-break space between thousands)."""
    sign = "-" if ore < 0 else ""
    kroner, rest = divmod(abs(ore), ORE_PER_KRONE)
    grouped = f"{kroner:,}".replace(",", "\u00a0")
    return f"{sign}{grouped},{rest:02d}\u00a0kr"
