"""What the counter says while Vipps is asked, in the name the customer knows: Vipps in Norway, MobilePay in
Denmark and Finland. The status line stands on the one screen customer and staff share, so a Danish customer
must not read that Vipps is late. Each translation is written so the brand takes no case ending."""

from __future__ import annotations

from kiosk.domain.market import Market
from kiosk.domain.message import Message, Verbatim


def no_answer_yet(market: Market) -> Message:
    return Message("No answer from {brand} yet. Still trying.", brand=market.brand)


def checking_after_time_up(market: Market) -> Message:
    return Message("Time is up. Checking with {brand}…", brand=market.brand)


def still_connecting(market: Market) -> Message:
    return Message("Still connecting to {brand}. One moment.", brand=market.brand)


def not_started(market: Market) -> Message:
    return Message("{brand} did not start the payment. Try again.", brand=market.brand)


def answered_too_late(market: Market) -> Message:
    return Message("{brand} answered too late. Start the payment again.", brand=market.brand)


def refused_to_start(market: Market, reason: str) -> Message:
    return Message("{brand} refused to start the payment: {reason}", brand=market.brand, reason=Verbatim(reason))


def refused_that(market: Market, reason: str) -> Message:
    """A push Vipps refused while the QR payment on show stays payable: the sale goes on."""
    return Message("{brand} refused that: {reason}", brand=market.brand, reason=Verbatim(reason))
