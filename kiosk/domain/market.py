"""The three markets of Vipps MobilePay's ePayment API: Norway (Vipps, NOK), Denmark and Finland (MobilePay, DKK
and EUR). A sales unit's currency must match its country, so the shop's country (`[shop] country`) settles the
currency, the brand the customer sees, the customer's phone rules and the default language.

Minor units, in every market: every amount inside the kiosk is an `int` of hundredths of the shop's currency.
NOK, DKK and EUR all have exactly 100 minor units to the major one, so every name in the code that says "øre"
or "ore" (`amount_ore`, `ceiling_ore`, `captured_ore`, ...) is hundredths of the shop's currency: øre in a
Norwegian shop, Danish øre in a Danish one, euro cents in a Finnish one. Such a field in a Danish shop's ledger is
still hundredths of a krone, never Norwegian øre: the currency is the shop's, not the field name's.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.message import Currency, Message, MessageError

# Hundredths in all three currencies (see above): the one factor between what people type and what is stored.
MINOR_PER_MAJOR = 100


class MarketError(MessageError, ValueError):
    """A country code that is not one of Vipps MobilePay's markets. The message is meant for the manager."""


@dataclass(frozen=True)
class Market:
    """What a shop's country settles. Facts from Vipps MobilePay's developer documentation (VIPPS-FACTS.md)."""

    country: str  # ISO 3166-1 alpha-2, as `[shop] country` names it
    currency: Currency  # ISO 4217; Vipps refuses a payment in another currency than the sales unit's
    brand: str  # what the customer sees on the screen and in their app
    language: str  # the default language of the kiosk's screens, a language code ("nb", "da", "fi")
    calling_code: int  # the country code a customer.phoneNumber (MSISDN) starts with
    minimum_minor_units: int  # Vipps refuses less (NOK 100 øre, DKK 1 øre, EUR 1 cent)
    capture_days: int  # how long after the reservation a payment can still be captured
    psp_api: bool  # the PSP API v3 takes only Norwegian payments; Denmark and Finland are ePayment only
    # Words and symbols staff may type before or after an amount, longest first ("kr." before "kr").
    currency_words: tuple[str, ...]
    # Whether ",-" / ".-" after a whole amount ("99,-") is how prices are written there.
    dash_for_no_decimals: bool


NORWAY = Market(
    country="NO",
    currency="NOK",
    brand="Vipps",
    language="nb",
    calling_code=47,
    minimum_minor_units=100,
    capture_days=180,
    psp_api=True,
    currency_words=("NOK", "kr"),
    dash_for_no_decimals=True,
)
DENMARK = Market(
    country="DK",
    currency="DKK",
    brand="MobilePay",
    language="da",
    calling_code=45,
    minimum_minor_units=1,
    capture_days=14,
    psp_api=False,
    currency_words=("DKK", "kr.", "kr"),
    dash_for_no_decimals=True,
)
FINLAND = Market(
    country="FI",
    currency="EUR",
    brand="MobilePay",
    language="fi",
    calling_code=358,
    minimum_minor_units=1,
    capture_days=14,
    psp_api=False,
    # A lone "e" (for euroa) is left out on purpose: it is a letter staff could type by mistake, and "4,95e"
    # reads to some as a number in scientific notation; "€" and "EUR" are unmistakable.
    currency_words=("EUR", "€"),
    dash_for_no_decimals=False,
)
MARKETS: dict[str, Market] = {market.country: market for market in (NORWAY, DENMARK, FINLAND)}
# A sales unit's currency must match its country, so a payment's currency tells whose app the customer has:
# what a reading of the payment says, whichever market the provider that read it was made for.
MARKET_OF_CURRENCY: dict[str, Market] = {market.currency: market for market in MARKETS.values()}


def market_of(country: object) -> Market:
    """`"DK"` -> DENMARK. Lower case and spaces around are forgiven (`" dk"`); anything else is a MarketError."""
    code = country.strip().upper() if isinstance(country, str) else None
    market = MARKETS.get(code) if code is not None else None
    if market is None:
        raise MarketError(
            Message(
                'Vipps MobilePay takes payments in Norway ("NO"), Denmark ("DK") and Finland ("FI"), not "{country}".',
                country=str(country),
            )
        )
    return market
