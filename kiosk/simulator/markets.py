"""The simulator's own table of Vipps MobilePay's markets: country, currency, brand, minimum amount, phone numbers.

It imports nothing else of the kiosk (the simulator stands in for the real service, which has its own rules).

Phone numbers, as the simulator holds them. The API takes an MSISDN (country code first, digits only). The
simulated app is opened with `/_sim/app?phone=...` and a customer is known by an "app key": a Norwegian
customer by the 8 digits of the number, as before there were other markets (`91234567`), everyone else by the
whole MSISDN (`4521234567`, `358401234567`). The two never collide: the one is 8 digits, the other 10 to 15.

Which numbers are mobile numbers, the simulator's choice where the facts leave room:
- Norway: 47 and 8 digits (any first digit, as the simulator has always taken).
- Denmark: 45 and 8 digits, the first 2-9 (Danish numbers never start with 0 or 1).
- Finland: 358, then 4x or 50, then 5 to 8 digits: 7 to 10 digits after 358 (3584012345 .. 3585012345678),
  which covers Finland's mobile ranges (040-049, 050) with the older shorter numbers. On the landing page a
  Finn types the national form with its leading 0 (040 1234567) or without it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Market:
    country: str  # ISO 3166-1 alpha-2
    currency: str  # ISO 4217
    brand: str  # the app's name in this market
    language: str  # the customer pages' language there (BCP 47), offered beside English
    locale: str  # how amounts are written there (Intl.NumberFormat's locale)
    calling_code: str
    minimum_amount: int  # minor units: the smallest payment ePayment takes
    mobile: re.Pattern[str]  # a mobile MSISDN of this market
    national: re.Pattern[str]  # what a customer types on the landing page, spaces removed
    example: str  # a national number for the hint beside the field

    def msisdn_of_national(self, typed: str) -> str | None:
        """The MSISDN of a number typed on the landing page, or None when it is not a mobile number here."""
        if not self.national.fullmatch(typed):
            return None
        msisdn = self.calling_code + typed.removeprefix("0")
        return msisdn if self.mobile.fullmatch(msisdn) else None


NORWAY = Market(
    country="NO",
    currency="NOK",
    brand="Vipps",
    language="nb",
    locale="nb-NO",
    calling_code="47",
    minimum_amount=100,
    mobile=re.compile(r"^47[0-9]{8}$"),
    national=re.compile(r"^[0-9]{8}$"),
    example="91234567",
)
DENMARK = Market(
    country="DK",
    currency="DKK",
    brand="MobilePay",
    language="da",
    locale="da-DK",
    calling_code="45",
    minimum_amount=1,
    mobile=re.compile(r"^45[2-9][0-9]{7}$"),
    national=re.compile(r"^[2-9][0-9]{7}$"),
    example="21234567",
)
FINLAND = Market(
    country="FI",
    currency="EUR",
    brand="MobilePay",
    language="fi",
    locale="fi-FI",
    calling_code="358",
    minimum_amount=1,
    mobile=re.compile(r"^358(4[0-9]|50)[0-9]{5,8}$"),
    national=re.compile(r"^0?(4[0-9]|50)[0-9]{5,8}$"),
    example="0401234567",
)
MARKETS = {market.country: market for market in (NORWAY, DENMARK, FINLAND)}
_NORWEGIAN_KEY = re.compile(r"^[0-9]{8}$")


def market_of_msisdn(msisdn: str) -> Market | None:
    """The market whose mobile numbers `msisdn` is one of."""
    return next((m for m in MARKETS.values() if m.mobile.fullmatch(msisdn)), None)


def app_key(msisdn: str) -> str:
    """The key the simulated app knows a customer by (see the module's docstring)."""
    return msisdn[2:] if NORWAY.mobile.fullmatch(msisdn) else msisdn


def app_key_of_param(text: str) -> str | None:
    """The app key in `/_sim/app?phone=...`: 8 digits (a Norwegian customer) or a mobile MSISDN of a market."""
    if _NORWEGIAN_KEY.fullmatch(text):
        return text
    return app_key(text) if market_of_msisdn(text) else None


def market_of_key(key: str) -> Market | None:
    return NORWAY if _NORWEGIAN_KEY.fullmatch(key) else market_of_msisdn(key)


def pages_table() -> dict[str, dict[str, object]]:
    """What the customer pages need of each market (served to them as a script: one table, not two)."""
    return {
        m.country: {
            "currency": m.currency,
            "brand": m.brand,
            "language": m.language,
            "locale": m.locale,
            "callingCode": m.calling_code,
            "mobile": m.mobile.pattern,
            "national": m.national.pattern,
            "example": m.example,
        }
        for m in MARKETS.values()
    }
