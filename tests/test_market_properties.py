"""Property tests of the markets: money and phone numbers as people in Norway, Denmark and Finland type them.

The amount rule itself (one reading or refused) is test_amount_properties.py's, run in every market. Here: the
currency words around an amount change nothing but what is accepted, money written for a log reads back, and a
customer's number is taken in exactly the forms that market's people type it, each giving the same MSISDN.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.domain.market import DENMARK, FINLAND, MARKETS, NORWAY, Market
from kiosk.domain.money import AmountError, format_amount, parse_amount
from kiosk.domain.phone import PhoneError, mask_phone, mask_phone_numbers, msisdn, normalise_phone

markets = pytest.mark.parametrize("market", MARKETS.values(), ids=MARKETS.keys())
spaces = st.sampled_from(["", " ", "\u00a0"])
plain_amounts = st.from_regex(r"\d{1,4}(?:[.,]\d{1,3})?|\d{1,3}(?:[ .]\d{3}){1,2}(?:,\d{2})?", fullmatch=True)


def _outcome(text: str, market: Market) -> int | None:
    try:
        return parse_amount(text, market, ceiling=10**12)
    except AmountError:
        return None


# ---- amounts ----------------------------------------------------------------------------------------------


@markets
@given(number=plain_amounts, space=spaces, data=st.data())
def test_the_markets_currency_words_around_an_amount_change_nothing(market, number, space, data):
    word = data.draw(st.sampled_from(market.currency_words))
    plain = _outcome(number, market)
    assert _outcome(f"{number}{space}{word}", market) == plain
    assert _outcome(f"{word}{space}{number}", market) == plain


@markets
@given(whole=st.integers(1, 10**6), space=spaces)
def test_a_dash_for_no_decimals_is_taken_where_prices_are_written_so(market, whole, space):
    expected = whole * 100 if market.dash_for_no_decimals else None
    assert _outcome(f"{whole},-", market) == expected
    assert _outcome(f"{whole}.-{space}{market.currency_words[-1]}", market) == expected


@markets
@given(number=plain_amounts, space=spaces, data=st.data())
def test_another_markets_currency_is_never_charged_as_this_ones(market, number, space, data):
    foreign = {w for other in MARKETS.values() for w in other.currency_words} - set(market.currency_words)
    word = data.draw(st.sampled_from(sorted(foreign)))
    assert _outcome(f"{number}{space}{word}", market) is None
    assert _outcome(f"{word}{space}{number}", market) is None


@markets
@given(minor=st.integers(min_value=1, max_value=10**11))
def test_money_written_for_a_log_reads_back_as_the_same_minor_units(market, minor):
    minor = max(minor, market.minimum_minor_units)
    assert parse_amount(format_amount(minor, market), market, ceiling=10**12) == minor


@markets
@given(text=st.text(max_size=30))
@example("4,95 €")
@example("kr. 49,95")
def test_any_text_is_an_amount_or_a_plain_message(market, text):
    try:
        minor = parse_amount(text, market, ceiling=10_000_000)
    except AmountError as exc:
        assert str(exc).endswith(".")
    else:
        assert market.minimum_minor_units <= minor <= 10_000_000


# ---- phone numbers ----------------------------------------------------------------------------------------

# Every number each market's rules take, without country code or leading 0 (what normalise_phone answers).
NATIONAL_NUMBERS = {
    "NO": st.from_regex(r"[49][0-9]{7}", fullmatch=True),
    "DK": st.from_regex(r"[2-9][0-9]{7}", fullmatch=True),
    "FI": st.from_regex(r"(?:4[0-69]|50)[0-9]{7,8}", fullmatch=True),
}


def typed_forms(national: str, market: Market) -> set[str]:
    """Every way, spaces aside, that a customer of `market` may type `national`: the judge, written apart from
    the rules in kiosk.domain.phone."""
    code = market.calling_code
    international = {f"+{code}{national}", f"00{code}{national}"}
    if market is FINLAND:  # at home with the leading 0; after +358 a 0 is forgiven
        return {f"0{national}"} | international | {f"+{code}0{national}", f"00{code}0{national}"}
    return {national} | international


def spaced(text: str, cuts: list[int]) -> str:
    """`text` with a space at each of `cuts` (as people group digits: `+45 20 12 34 56`)."""
    pieces, last = [], 0
    for cut in sorted(set(cuts)):
        pieces.append(text[last:cut])
        last = cut
    return " ".join([*pieces, text[last:]])


@markets
@given(data=st.data())
def test_every_way_of_typing_a_number_gives_the_same_msisdn(market, data):
    national = data.draw(NATIONAL_NUMBERS[market.country])
    typed = data.draw(st.sampled_from(sorted(typed_forms(national, market))))
    typed = spaced(typed, data.draw(st.lists(st.integers(1, len(typed) - 1), max_size=4)))
    assert normalise_phone(typed, market) == national
    assert msisdn(typed, market) == f"{market.calling_code}{national}"
    assert msisdn(national, market) == msisdn(typed, market)  # normalise_phone's answer, as a sale keeps it


# Texts near the numbers' shapes: signs, country codes, leading zeros and digits, in any mix.
number_like = st.text(alphabet="0123456789+ ", max_size=18) | st.from_regex(
    r"(?:\+|00)?(?:47|45|358)?0?[0-9]{5,11}", fullmatch=True
)


@markets
@given(text=number_like)
@example("+3580401234567")
@example("0401234567")
@example("401234567")
@example("4520123456")
def test_nothing_but_those_ways_is_taken(market, text):
    try:
        national = normalise_phone(text, market)
    except PhoneError as exc:
        assert str(exc).endswith(".")
        return
    assert "".join(text.split()) in typed_forms(national, market)


@markets
@given(text=st.text(max_size=20))
def test_any_text_is_a_number_or_a_plain_message(market, text):
    try:
        number = msisdn(text, market)
    except PhoneError as exc:
        assert str(exc).endswith(".")
    else:
        assert number.isascii()
        assert number.isdigit()
        assert 10 <= len(number) <= 15  # what Vipps MobilePay's customer.phoneNumber takes
        assert number.startswith(str(market.calling_code))


@markets
@given(data=st.data())
def test_a_number_of_another_market_is_refused(market, data):
    other = data.draw(st.sampled_from([m for m in (NORWAY, DENMARK, FINLAND) if m is not market]))
    national = data.draw(NATIONAL_NUMBERS[other.country])
    with pytest.raises(PhoneError):
        normalise_phone(f"+{other.calling_code}{national}", market)


@markets
@given(digits=st.text(alphabet="٠١٢٣٤٥٦٧٨٩０１２３４５６７８９", min_size=1, max_size=10))
def test_non_ascii_digits_are_refused(market, digits):
    with pytest.raises(AmountError, match="digits 0-9"):
        parse_amount(digits, market)
    with pytest.raises(PhoneError, match="digits 0-9"):
        normalise_phone(digits, market)


@markets
@given(data=st.data())
def test_a_masked_number_keeps_two_digits_in_every_form(market, data):
    national = data.draw(NATIONAL_NUMBERS[market.country])
    for form in (national, msisdn(national, market), *typed_forms(national, market)):
        assert mask_phone(form) == "******" + national[-2:]


@markets
@given(
    data=st.data(),
    before=st.text(max_size=15).filter(lambda s: not s[-1:].isalnum() and not s.endswith("+")),
    after=st.text(max_size=15).filter(lambda s: not s[:1].isalnum()),
)
def test_no_form_of_a_number_can_be_read_in_a_line_of_text(market, data, before, after):
    national = data.draw(NATIONAL_NUMBERS[market.country])
    form = data.draw(st.sampled_from(sorted({msisdn(national, market), *typed_forms(national, market)})))
    form = spaced(form, data.draw(st.lists(st.integers(2, len(form) - 1), max_size=3)))
    masked = mask_phone_numbers(before + form + after)
    assert national not in "".join(masked.split())
    assert "******" + national[-2:] in masked


@given(text=st.text(alphabet="0123456789 ,.-:kr", max_size=40))
@example("149,50 kr at 15:42:00, 1 249,50 kr refunded")
def test_text_without_a_long_run_of_digits_is_left_as_it_is(text):
    if any(len(run.replace(" ", "")) >= 8 for run in re.findall(r"[0-9](?: ?[0-9])*", text)):
        return
    assert mask_phone_numbers(text) == text
