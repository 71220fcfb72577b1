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
from kiosk.domain.money import check_chargeable


def check_amount(amount_ore: int, market: Market, ceiling_ore: int) -> None:
    """Raises AmountError (its message for staff) for less than Vipps' minimum in the market, or more than the
    ceiling. The rule and its words are the amount screen's (kiosk.domain.money), so both say the same thing."""
    check_chargeable(amount_ore, market, ceiling_ore)
