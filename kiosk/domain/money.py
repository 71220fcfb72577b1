"""Money is an int of minor units everywhere inside the kiosk. Text appears only at the edges, here.

Minor units are hundredths of the shop's currency (kiosk.domain.market): øre in Norway, Danish øre in Denmark,
euro cents in Finland. The names below still say "øre" and "kroner" where they always did; in a Danish or Finnish
shop they mean the hundredths and the whole units of its currency.
"""

from __future__ import annotations

import re

from kiosk.domain.market import MINOR_PER_MAJOR, NORWAY, Market
from kiosk.domain.message import Message, MessageError, Money

ORE_PER_KRONE = MINOR_PER_MAJOR
# Digits, with at most two decimals after a dot or a comma (",50" too: the kroner may be left out).
_PLAIN = re.compile(r"(?P<kroner>\d*)(?:[.,](?P<ore>\d{1,2}))?")
# Thousands in groups of three, all split by one kind of separator, then decimals after the other mark.
_GROUPED = re.compile(r"(?P<kroner>\d{1,3}(?P<sep>[ .,])\d{3}(?:(?P=sep)\d{3})*)(?:(?P<mark>[.,])(?P<ore>\d{1,2}))?")
# One dot or comma and three digits: thousands ("12.500" kr) or decimals typed one too many ("12.500" = 12,50).
_EITHER = re.compile(r"(?P<kroner>\d{1,3})[.,](?P<thousands>\d{3})")
# After a whole amount, where the market writes prices so ("99,-").
_DASHES = (",-", ".-")


class AmountError(MessageError, ValueError):
    """Text that is not an amount the kiosk can charge. The message is meant for staff."""


def parse_kroner(text: str, *, ceiling_ore: int | None = None) -> int:
    """What staff typed in a Norwegian shop -> øre: `parse_amount` in Norway (see there)."""
    return parse_amount(text, NORWAY, ceiling=ceiling_ore)


def parse_amount(text: str, market: Market, *, ceiling: int | None = None) -> int:
    """What staff typed -> minor units of the market's currency, only when the text can be read one way.

    Accepted: `149`, `149,50`, `149.5`, `,50`; thousands split by spaces (`1 249,50`), or by dots or commas when
    the other mark is the decimal one (`1.249,50`, `1,249.50`) or when there are two of them (`1.249.500`);
    the market's currency words before or after (`kr`/`NOK` in Norway; `kr.`/`kr`/`DKK` in Denmark, as in
    `49,95 kr.`; `€`/`EUR` in Finland, as in `4,95 €` and `€4,95`), and `,-`/`.-` after where prices are written
    so (Norway, Denmark). ASCII digits only, at most two decimals.

    Refused as unclear: one dot or comma followed by exactly three digits (`12.500`, `1,249`, `0.500`): a person
    may mean thousands (12 500) or decimals (12,50), and guessing either charges someone wrongly.
    Everything else that is not one of the forms above is refused too (`12.50.00`, `1249.500`, `12 50`).
    Refused before Vipps is asked: less than the market's minimum, and more than `ceiling` (minor units too).
    """
    # No-break spaces arrive from copied receipts and from our own formatting.
    cleaned = text.replace("\u00a0", " ").replace("\u202f", " ").strip()
    if not cleaned:
        raise AmountError(Message("Type the amount to charge."))
    if cleaned.startswith("-"):
        raise AmountError(Message("The amount cannot be negative."))
    cleaned = _undecorated(cleaned, market)
    if cleaned.startswith("-"):
        raise AmountError(Message("The amount cannot be negative."))
    if not cleaned.isascii():
        raise AmountError(Message("Use the digits 0-9 only."))
    minor = _read(cleaned, market)
    check_chargeable(minor, market, ceiling)
    return minor


def check_chargeable(minor: int, market: Market, ceiling: int | None = None) -> None:
    """Raises AmountError for less than Vipps' minimum in the market (or nothing at all), or more than
    `ceiling`: the one rule the amount screen and the checkout's own guard both apply, in the same words."""
    if minor < market.minimum_minor_units or minor <= 0:
        raise AmountError(_too_small(minor, market))
    if ceiling is not None and minor > ceiling:
        raise AmountError(Message("That is over this till's limit of {limit}.", limit=Money(ceiling, market.currency)))


def _too_small(minor: int, market: Market) -> Message:
    if market.country == "NO":  # Norway's words, kept as they were: "1 kr" reads better than "1,00 kr"
        if minor <= 0:
            return Message("The amount must be more than 0 kr.")
        return Message("Vipps takes payments of 1 kr or more.")
    if minor <= 0:
        return Message("The amount must be more than 0.")
    minimum = Money(market.minimum_minor_units, market.currency)
    return Message("{brand} takes payments of {minimum} or more.", brand=market.brand, minimum=minimum)


def _undecorated(text: str, market: Market) -> str:
    """`kr 149`, `NOK 1,249.50`, `149,- kr`, `kr. 49,95`, `€4,95` -> the number alone."""
    words = sorted(market.currency_words, key=len, reverse=True)  # "kr." before "kr", or "kr" leaves a "."
    for word in words:
        if text.startswith(word):
            text = text[len(word) :].strip()
            break
    for word in words:
        if text.endswith(word):
            text = text[: -len(word)].strip()
            break
    if market.dash_for_no_decimals:
        for dash in _DASHES:
            if text.endswith(dash):
                text = text[: -len(dash)].strip()
                break
    return text


def _read(text: str, market: Market) -> int:
    either = _EITHER.fullmatch(text)
    if either is not None:
        thousands = Money(int(either["kroner"] + either["thousands"]) * ORE_PER_KRONE, market.currency)
        raise AmountError(_unclear(text, thousands))
    plain = _PLAIN.fullmatch(text)
    if plain is not None and (plain["kroner"] or plain["ore"]):
        kroner, ore = plain["kroner"] or "0", plain["ore"]
    else:
        grouped = _GROUPED.fullmatch(text)
        if grouped is None or grouped["mark"] == grouped["sep"]:
            raise AmountError(Message("That is not an amount. Type it like 149,50."))
        kroner, ore = grouped["kroner"].replace(grouped["sep"], ""), grouped["ore"]
    return int(kroner) * ORE_PER_KRONE + int((ore or "0").ljust(2, "0"))


def _unclear(typed: str, thousands: Money) -> Message:
    if thousands.currency == "EUR":
        return Message(
            '"{typed}" is unclear: is it {thousands}? Type euros and cents with two decimals (12.50), or '
            "thousands without the separator (12500).",
            typed=typed,
            thousands=thousands,
        )
    # Danish kroner have øre too, so a Danish shop reads Norway's words.
    return Message(
        '"{typed}" is unclear: is it {thousands}? Type kroner and øre with two decimals (12.50), or '
        "thousands without the separator (12500).",
        typed=typed,
        thousands=thousands,
    )


def format_kroner(ore: int) -> str:
    """1249 50 øre -> `1 249,50 kr` (Norwegian style, with a no-break space between thousands)."""
    return format_amount(ore, NORWAY)


def format_amount(minor: int, market: Market) -> str:
    """Money for plain text (logs, the terminal): `1 249,50 kr` in Norway, `49,95 DKK`, `4,95 EUR`. It reads back
    through `parse_amount` in the same market. The screens write money through QLocale instead."""
    return str(Money(minor, market.currency))
