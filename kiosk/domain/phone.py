"""Customers' mobile numbers in each market, as they type them, and as Vipps MobilePay wants them (an MSISDN).

- Norway: 8 digits starting with 4 or 9; +47 or 0047 allowed in front.
- Denmark: 8 digits starting with 2-9 (Danish numbers never start with 0 or 1; mobile and landline numbers look
  alike, so any of them is taken); +45 or 0045 allowed in front.
- Finland: mobile numbers are 04x (040-046, 049) and 050 numbers, typed at home with the leading 0
  (`040 123 4567`), from abroad with +358 or 00358 in its place (`+358 40 123 4567`; `+358 040 ...` too).
  Without the 0 (the national significant number) they have 9 or 10 digits: 9 for the common `40 123 4567`, 10
  for the longer `457 123 4567` ranges. Shorter numbers from before 2000 exist but are rare, and taking them would
  let a customer's missing digit through as another person's number.

`normalise_phone` gives the national significant number (what the PSP API and the ledger's masking work with);
`msisdn` the country code and that number, digits only (the ePayment API's `customer.phoneNumber`).
`mask_phone` and `mask_phone_numbers` keep every market's numbers out of logs, exports and errors.
"""

from __future__ import annotations

import re

from kiosk.domain.market import DENMARK, FINLAND, NORWAY, Market
from kiosk.domain.message import Message, MessageError

# Finland's mobile ranges, without the leading 0: 40-46, 49 and 50.
_FINNISH_MOBILE = re.compile(r"4[0-69]|50")
# Their lengths without the 0.
_FINNISH_LENGTHS = (9, 10)
# A phone number in free text, in any market's form: 8 to 17 digits (`00358 0457 123 4567` has 16), a + first
# and single spaces between, not part of a longer id. Wider than any market's rule on purpose: a number of
# another market, or one typed wrong, must not be readable in a log either. A + before it that cannot be its own
# (`0+40000000`) does not shield it: the digits alone are masked then.
_NUMBER_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])\+?[0-9](?: ?[0-9]){7,16}(?![0-9A-Za-z])")


class PhoneError(MessageError, ValueError):
    """Text that is not a mobile number of the shop's market. The message is meant for the customer."""


def normalise_phone(text: str, market: Market = NORWAY) -> str:
    """`+47 912 34 567` -> `91234567`; in Denmark `+45 20 12 34 56` -> `20123456`; in Finland `040 123 4567` ->
    `401234567` (the number without its country code or leading 0). Raises PhoneError with a plain reason."""
    compact = "".join(text.split())
    if not compact:
        raise PhoneError(Message("Type your mobile number."))
    if not all(c.isascii() and (c.isdigit() or c == "+") for c in compact):
        raise PhoneError(Message("Use the digits 0-9 only."))
    if market.country == "FI":
        return _finnish(compact)
    if market.country == "DK":
        return _danish(compact)
    return _norwegian(compact)


def msisdn(number: str, market: Market = NORWAY) -> str:
    """A customer's number as the ePayment API wants it: `91234567` -> `4791234567`, `20123456` -> `4520123456`,
    `0401234567` -> `358401234567`. It takes what `normalise_phone` gave (in Finland the number without its 0,
    `401234567`), anything `normalise_phone` takes, and an MSISDN (`4520123456`), which is checked and given back.
    Raises PhoneError."""
    compact = "".join(number.split())
    code = str(market.calling_code)
    national_lengths = _FINNISH_LENGTHS if market.country == "FI" else (8,)
    # Without a + or 00 a country code cannot be told from the number, except by its length: none of the
    # markets' own numbers is as long as its country code and a number together.
    if compact.startswith(code) and len(compact) - len(code) in national_lengths:
        compact = "+" + compact
    elif market.country == "FI" and _FINNISH_MOBILE.match(compact) and len(compact) in national_lengths:
        compact = "+" + code + compact  # normalise_phone's own answer: a Finnish number typed never starts so
    return code + normalise_phone(compact, market)


def _without_country_code(compact: str, calling_code: int) -> tuple[str, bool]:
    """`+4791234567` -> (`91234567`, True); a number with no country code in front -> (itself, False)."""
    for prefix in (f"+{calling_code}", f"00{calling_code}"):
        if compact.startswith(prefix):
            return compact[len(prefix) :], True
    return compact, False


def _norwegian(compact: str) -> str:
    compact, _ = _without_country_code(compact, NORWAY.calling_code)
    if "+" in compact:
        raise PhoneError(Message("Only Norwegian numbers (+47) can pay with Vipps here."))
    if len(compact) != 8:
        raise PhoneError(Message("A Norwegian mobile number has 8 digits."))
    if compact[0] not in "49":
        raise PhoneError(Message("Norwegian mobile numbers start with 4 or 9."))
    return compact


def _danish(compact: str) -> str:
    compact, _ = _without_country_code(compact, DENMARK.calling_code)
    if "+" in compact:
        raise PhoneError(Message("Only Danish numbers (+45) can pay with MobilePay here."))
    if len(compact) != 8:
        raise PhoneError(Message("A Danish mobile number has 8 digits."))
    if compact[0] in "01":
        raise PhoneError(Message("Danish numbers do not start with 0 or 1."))
    return compact


def _finnish(compact: str) -> str:
    national, international = _without_country_code(compact, FINLAND.calling_code)
    if "+" in national or (not international and national.startswith("00")):
        raise PhoneError(Message("Only Finnish numbers (+358) can pay with MobilePay here."))
    if national.startswith("0"):
        # At home the number is typed with its leading 0, which an MSISDN leaves out; after +358 it is a slip
        # (`+358 (0)40 ...` is how some write it) that cannot be read another way, as no number starts with 0.
        national = national[1:]
    elif not international:
        raise PhoneError(Message("Finnish mobile numbers start with 04 or 050."))
    if not _FINNISH_MOBILE.match(national):
        raise PhoneError(Message("Finnish mobile numbers start with 04 or 050."))
    if len(national) not in _FINNISH_LENGTHS:
        raise PhoneError(Message("A Finnish mobile number has 10 or 11 digits, the 0 in front included."))
    return national


def mask_phone(number: str) -> str:
    """`91234567` -> `******67`, in every market and in any form (`4520123456`, `+358 40 123 4567`): enough for
    staff to tell two customers apart, no more."""
    digits = "".join(c for c in number if c.isascii() and c.isdigit())
    return "******" + digits[-2:] if len(digits) >= 2 else "******"


def mask_phone_numbers(text: str) -> str:
    """Every phone number of any market in `text` masked as `mask_phone` does: `paid by +45 20 12 34 56` ->
    `paid by ******56`, and so for `0401234567`, `358401234567` and `912 34 567`. For a log line's last pass."""
    return _NUMBER_IN_TEXT.sub(lambda found: mask_phone(found.group()), text)
