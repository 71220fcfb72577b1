"""Money in øre and Norwegian phone numbers: every input gives a value or a plain message, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.money import AmountError, format_kroner, parse_kroner
from kiosk.domain.phone import PhoneError, mask_phone, normalise_phone


@pytest.mark.parametrize(
    ("text", "ore"),
    [
        ("149,50", 14950),
        ("149.5", 14950),
        ("1 249", 124900),
        ("1.249,50", 124950),
        ("1\u00a0249,5", 124950),
        ("100", 10000),
        ("1", 100),
        (" 42,00 kr ", 4200),
        ("99,-", 9900),
        ("0,99 ", None),
        ("12.50", 1250),
        ("12,50", 1250),
        ("1 249,50", 124950),
        ("1,249.50", 124950),  # English style: the last mark is the decimal one
        ("NOK 1,249.50", 124950),  # the English screen's own way of writing money
        ("1.249.500", 124950000),  # two dots can only be thousands
        ("149.-", 14900),
        ("kr 149", 14900),
        ("12.50.00", None),
        ("1249.500", None),  # three decimals, and no thousands reading either
        ("1 249.500", None),
        ("12 50", None),
        ("12.", None),
        ("NOK kr 149", None),  # one currency word before and one after, not a pile of them
    ],
)
def test_amounts_as_staff_type_them(text, ore):
    if ore is None:
        with pytest.raises(AmountError):
            parse_kroner(text)
    else:
        assert parse_kroner(text) == ore


@pytest.mark.parametrize(
    ("text", "thousands"),
    [
        ("12.500", "12\u00a0500,00\u00a0kr"),
        ("0.500", "500,00\u00a0kr"),
        ("1,500", "1\u00a0500,00\u00a0kr"),
        ("12,500", "12\u00a0500,00\u00a0kr"),
        ("1.249", "1\u00a0249,00\u00a0kr"),
        (" 12.500 kr", "12\u00a0500,00\u00a0kr"),
    ],
)
def test_an_amount_that_reads_two_ways_is_refused_with_how_to_type_it(text, thousands):
    # "12.500" was charged as 12 500,00 kr: a dot and three digits were taken for thousands.
    with pytest.raises(AmountError) as refused:
        parse_kroner(text, ceiling_ore=10**9)
    message = str(refused.value)
    assert f'"{text.strip().removesuffix(" kr")}" is unclear: is it {thousands}?' in message
    assert "two decimals (12.50)" in message


@given(ore=st.integers(min_value=100, max_value=10**9))
def test_formatting_and_parsing_round_trip(ore):
    assert parse_kroner(format_kroner(ore)) == ore


@given(text=st.text(max_size=30))
def test_any_text_is_an_amount_or_a_plain_message(text):
    try:
        ore = parse_kroner(text, ceiling_ore=10_000_000)
    except AmountError as exc:
        assert str(exc).endswith(".")
    else:
        assert isinstance(ore, int)
        assert 100 <= ore <= 10_000_000


@given(digits=st.text(alphabet="٠١٢٣٤٥٦٧٨٩０１２３４５６７８９", min_size=1, max_size=8))
def test_non_ascii_digits_are_refused(digits):
    with pytest.raises(AmountError, match="digits 0-9"):
        parse_kroner(digits)
    with pytest.raises(PhoneError, match="digits 0-9"):
        normalise_phone(digits)


@given(number=st.from_regex(r"[49][0-9]{7}", fullmatch=True), prefix=st.sampled_from(["", "+47", "0047", "+47 "]))
def test_valid_numbers_normalise_to_eight_digits(number, prefix):
    spaced = f"{number[:3]} {number[3:5]} {number[5:]}"
    assert normalise_phone(prefix + number) == number
    assert normalise_phone(prefix + spaced) == number


@given(text=st.text(max_size=20))
def test_any_text_is_a_number_or_a_plain_message(text):
    try:
        phone = normalise_phone(text)
    except PhoneError as exc:
        assert str(exc).endswith(".")
    else:
        assert len(phone) == 8
        assert phone.isascii()
        assert phone.isdigit()
        assert phone[0] in "49"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("+47 1234", "A Norwegian mobile number has 8 digits."),  # it said "Only Norwegian numbers (+47) ..."
        ("0047 912 34 5678", "A Norwegian mobile number has 8 digits."),
        ("+46 91234567", "Only Norwegian numbers (+47) can pay with Vipps here."),
        ("+47 12345678", "Norwegian mobile numbers start with 4 or 9."),
    ],
)
def test_a_wrong_number_after_plus_47_is_told_what_is_wrong_with_it(typed, said):
    with pytest.raises(PhoneError) as refused:
        normalise_phone(typed)
    assert str(refused.value) == said


def test_masking_keeps_two_digits():
    assert mask_phone("91234567") == "******67"
    assert mask_phone("") == "******"
