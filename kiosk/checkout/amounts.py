"""The checkout's own guard on a sale's amount, before anything is recorded or Vipps is asked.

The amount screen refuses the same amounts as it reads what staff typed (kiosk.domain.money.parse_amount); this
holds for every way a sale can begin (a scanner, a script, a screen that forgot), so Vipps never gets an amount
it would refuse or one past the till's ceiling.

Units: minor units, hundredths of the shop's currency in every market (kiosk.domain.market): the ceiling
`KioskSettings.max_amount_ore` is in the shop's currency, so in a Danish shop its "øre" are Danish øre and in a
Finnish one euro cents; nothing is converted.
"""

from __future__ import annotations

from kiosk.domain.market import Market
from kiosk.domain.message import Message, Money
from kiosk.domain.money import AmountError


def check_amount(amount_ore: int, market: Market, ceiling_ore: int) -> None:
    """Raises AmountError (its message for staff) for less than Vipps' minimum in the market, or more than the
    ceiling. The words are parse_amount's, so the screen and this guard say the same thing."""
    if amount_ore < market.minimum_minor_units or amount_ore <= 0:
        raise AmountError(_too_small(amount_ore, market))
    if amount_ore > ceiling_ore:
        raise AmountError(
            Message("That is over this till's limit of {limit}.", limit=Money(ceiling_ore, market.currency))
        )


def _too_small(amount_ore: int, market: Market) -> Message:
    if market.country == "NO":  # Norway's words, as the amount screen has them
        if amount_ore <= 0:
            return Message("The amount must be more than 0 kr.")
        return Message("Vipps takes payments of 1 kr or more.")
    if amount_ore <= 0:
        return Message("The amount must be more than 0.")
    minimum = Money(market.minimum_minor_units, market.currency)
    return Message("{brand} takes payments of {minimum} or more.", brand=market.brand, minimum=minimum)
