"""Money is an int of øre everywhere inside the kiosk. Text appears only at the edges, here."""

from __future__ import annotations

import re

from kiosk.domain.message import Message, MessageError, Money

ORE_PER_KRONE = 100
# Vipps refuses less than 1 kr.
MINIMUM_ORE = 100
# Digits, with at most two decimals after a dot or a comma (",50" too: the kroner may be left out).
_PLAIN = re.compile(r"(?P<kroner>\d*)(?:[.,](?P<ore>\d{1,2}))?")
# Thousands in groups of three, all split by one kind of separator, then decimals after the other mark.
_GROUPED = re.compile(r"(?P<kroner>\d{1,3}(?P<sep>[ .,])\d{3}(?:(?P=sep)\d{3})*)(?:(?P<mark>[.,])(?P<ore>\d{1,2}))?")
# One dot or comma and three digits: thousands ("12.500" kr) or decimals typed one too many ("12.500" = 12,50).
_EITHER = re.compile(r"(?P<kroner>\d{1,3})[.,](?P<thousands>\d{3})")
_PREFIXES = ("NOK", "kr")
_SUFFIXES = ("kr", "NOK", ",-", ".-")


class AmountError(MessageError, ValueError):
    """Text that is not an amount the kiosk can charge. The message is meant for staff."""


def parse_kroner(text: str, *, ceiling_ore: int | None = None) -> int:
    """What staff typed -> øre, only when the text can be read one way.

    Accepted: `149`, `149,50`, `149.5`, `,50`; thousands split by spaces (`1 249,50`), or by dots or commas when
    the other mark is the decimal one (`1.249,50`, `1,249.50`) or when there are two of them (`1.249.500`);
    `kr`/`NOK` before or after, `,-`/`.-` after. ASCII digits only, at most two decimals.

    Refused as unclear: one dot or comma followed by exactly three digits (`12.500`, `1,249`, `0.500`): a person
    may mean thousands (12 500 kr) or decimals (12,50 kr), and guessing either charges someone wrongly.
    Everything else that is not one of the forms above is refused too (`12.50.00`, `1249.500`, `12 50`).
    """
    # No-break spaces arrive from copied receipts and from our own formatting.
    cleaned = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if not cleaned:
        raise AmountError(Message("Type the amount to charge."))
    if cleaned.startswith("-"):
        raise AmountError(Message("The amount cannot be negative."))
    cleaned = _undecorated(cleaned)
    if cleaned.startswith("-"):
        raise AmountError(Message("The amount cannot be negative."))
    if not cleaned.isascii():
        raise AmountError(Message("Use the digits 0-9 only."))
    ore = _read(cleaned)
    if ore == 0:
        raise AmountError(Message("The amount must be more than 0 kr."))
    if ore < MINIMUM_ORE:
        raise AmountError(Message("Vipps takes payments of 1 kr or more."))
    if ceiling_ore is not None and ore > ceiling_ore:
        raise AmountError(Message("That is over this till's limit of {limit}.", limit=Money(ceiling_ore)))
    return ore


def _undecorated(text: str) -> str:
    """`kr 149`, `NOK 1,249.50`, `149,- kr` -> the number alone."""
    for prefix in _PREFIXES:
        if text.startswith(prefix):
            text = text[len(prefix) :].strip()
    for suffix in _SUFFIXES:
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    return text


def _read(text: str) -> int:
    either = _EITHER.fullmatch(text)
    if either is not None:
        thousands = int(either["kroner"] + either["thousands"]) * ORE_PER_KRONE
        raise AmountError(
            Message(
                '"{typed}" is unclear: is it {thousands}? Type kroner and øre with two decimals (12.50), or '
                "thousands without the separator (12500).",
                typed=text,
                thousands=Money(thousands),
            )
        )
    plain = _PLAIN.fullmatch(text)
    if plain is not None and (plain["kroner"] or plain["ore"]):
        kroner, ore = plain["kroner"] or "0", plain["ore"]
    else:
        grouped = _GROUPED.fullmatch(text)
        if grouped is None or grouped["mark"] == grouped["sep"]:
            raise AmountError(Message("That is not an amount. Type it like 149,50."))
        kroner, ore = grouped["kroner"].replace(grouped["sep"], ""), grouped["ore"]
    return int(kroner) * ORE_PER_KRONE + int((ore or "0").ljust(2, "0"))


def format_kroner(ore: int) -> str:
    """1249 50 øre -> `1 249,50 kr` (Norwegian style, with a no-break space between thousands)."""
    return str(Money(ore))
