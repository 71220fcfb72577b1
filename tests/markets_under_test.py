"""Each market as the tests meet it: the simulator's sales unit there, a customer's number as people type it and
the MSISDN Vipps MobilePay gets, and an amount in its currency (the issue's own examples).

The simulator takes each currency only at its own country's sales unit (DEMO_SALES_UNITS), so a Danish test
talks to the Danish unit: `unit_settings` is the demo's settings with that unit's MSN and credentials (a test
helper: the product's demo settings are Norway's). The PSP API v3 is Norway's only: `API_MARKETS` pairs it with
Norway, and ePayment with all three.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kiosk.domain.market import DENMARK, FINLAND, NORWAY, Market
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import VippsSettings


@dataclass(frozen=True)
class MarketCase:
    market: Market
    typed_phone: str  # as a customer types it on the kiosk's keypad
    msisdn: str  # what Vipps MobilePay must be sent (customer.phoneNumber)
    amount: int  # minor units of the market's currency
    other_market_phone: str  # a number the market does not have: refused before anything is sent

    @property
    def country(self) -> str:
        return self.market.country

    @property
    def app_key(self) -> str:
        """How the simulated app knows the customer (kiosk/simulator/markets.py): Norway's by 8 digits."""
        return self.msisdn[2:] if self.country == "NO" else self.msisdn

    def __str__(self) -> str:
        return self.country


CASES = {
    "NO": MarketCase(NORWAY, "91234567", "4791234567", 14950, "0401234567"),
    "DK": MarketCase(DENMARK, "20123456", "4520123456", 4995, "0401234567"),
    "FI": MarketCase(FINLAND, "0401234567", "358401234567", 495, "91234567"),
}
# (api, country): every pair Vipps MobilePay serves. The PSP API v3 takes Norway's payments only.
API_MARKETS = [("psp", "NO"), ("epayment", "NO"), ("epayment", "DK"), ("epayment", "FI")]
# A test run in each market: (api, country) in place of the `api` fixture's two APIs and the `country` fixture's
# Norway (tests/conftest.py).
IN_EVERY_MARKET = pytest.mark.parametrize(("api", "country"), API_MARKETS, ids=[f"{a}-{c}" for a, c in API_MARKETS])


def unit_settings(base_url: str, api: str, country: str) -> VippsSettings:
    """The demo's settings at the simulator's sales unit in `country`, taking payments through `api`."""
    return demo_vipps_settings(base_url, api=api, country=country)
