"""Property tests of the amount rule: an amount staff type is charged only when it can be read one way, in
every market (the currency words around the number are test_market_properties.py's).

`readings` below is the judge, written apart from the parser: every way a person could have meant a text made
of digits, dots, commas and spaces. A dot or a comma is a decimal mark (then the last mark, with one to three
digits after it: a third decimal is a slip a person makes) or a thousands separator (all of one kind, between
groups of three); a space is only ever a thousands separator.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kiosk.domain.market import MARKETS
from kiosk.domain.money import AmountError, format_kroner, parse_amount, parse_kroner
from kiosk.ui.language.i18n import money

_GROUPS = re.compile(r"\d{1,3}(?:(?P<sep>[ .,])\d{3}(?:(?P=sep)\d{3})*)?")


def _whole(text: str, decimal_mark: str | None) -> Decimal | None:
    """The kroner before the decimal mark, if `text` is digits grouped one way (none of them the mark)."""
    if text.isdigit():
        return Decimal(text)
    grouped = _GROUPS.fullmatch(text)
    if grouped is None or grouped["sep"] == decimal_mark:
        return None
    return Decimal(re.sub(r"[ .,]", "", text))


def readings(text: str) -> set[Decimal]:
    """Every amount in kroner a person could have meant by `text`."""
    found: set[Decimal] = set()
    whole = _whole(text, None)
    if whole is not None:
        found.add(whole)
    mark = re.fullmatch(r"(?P<head>.*)(?P<mark>[.,])(?P<decimals>\d{1,3})", text)
    if mark is not None:
        head = mark["head"]
        kroner = Decimal(0) if head == "" else _whole(head, mark["mark"])
        if kroner is not None:
            found.add(kroner + Decimal(mark["decimals"]) / 10 ** len(mark["decimals"]))
    return found


typed_amounts = st.text(alphabet="0123456789., ", max_size=14) | st.from_regex(
    r"\d{0,4}(?:[ .,]\d{1,4}){0,3}", fullmatch=True
)
markets = pytest.mark.parametrize("market", MARKETS.values(), ids=MARKETS.keys())


@markets
@given(text=typed_amounts)
@example("12.500")
@example("1,249.50")
@example("1.249.500")
@example(",50")
@example("0,01")
def test_every_accepted_amount_has_exactly_one_reading(market, text):
    try:
        minor = parse_amount(text, market, ceiling=10**12)
    except AmountError:
        return
    assert readings(text.strip()) == {Decimal(minor) / 100}


@markets
@given(text=typed_amounts)
@example("12.500")
@example("1,500")
def test_an_amount_that_reads_two_ways_is_always_refused(market, text):
    if len(readings(text.strip())) < 2:
        return
    with pytest.raises(AmountError):
        parse_amount(text, market, ceiling=10**12)


@markets
@given(
    kroner=st.from_regex(r"[0-9]{1,3}", fullmatch=True),
    mark=st.sampled_from(".,"),
    digits=st.from_regex(r"[0-9]{3}", fullmatch=True),
    data=st.data(),
)
def test_a_mark_followed_by_three_digits_is_refused_with_how_to_type_it(market, kroner, mark, digits, data):
    word = data.draw(st.sampled_from(market.currency_words))
    around = data.draw(st.sampled_from(["{}", " {} ", "{} " + word, word + " {}", "{}\u00a0" + word]))
    with pytest.raises(AmountError, match="is unclear"):
        parse_amount(around.format(f"{kroner}{mark}{digits}"), market, ceiling=10**12)
    if market.dash_for_no_decimals:
        with pytest.raises(AmountError, match="is unclear"):
            parse_amount(f"{kroner}{mark}{digits},-", market, ceiling=10**12)


@given(ore=st.integers(min_value=100, max_value=10**11), language=st.sampled_from(["nb", "en"]))
def test_money_as_the_screens_write_it_reads_back_as_the_same_ore(ore, language):
    # `1 249,50 kr` (no-break spaces) in bokmål, `NOK 1,249.50` in English: staff copy amounts off the screen.
    assert parse_kroner(money(ore, language), ceiling_ore=10**12) == ore
    assert parse_kroner(format_kroner(ore), ceiling_ore=10**12) == ore
