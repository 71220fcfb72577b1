"""The three markets (issue 16): a shop's country settles its currency, brand and language, how staff type amounts
and how customers type their numbers. Examples here; the properties are in test_market_properties.py."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.domain.market import DENMARK, FINLAND, MARKETS, NORWAY, MarketError, market_of
from kiosk.domain.message import Message, Money
from kiosk.domain.money import AmountError, format_amount, format_kroner, parse_amount, parse_kroner
from kiosk.domain.phone import PhoneError, mask_phone, msisdn, normalise_phone

# ---- the "done when" ------------------------------------------------------------------------------


def test_a_danish_sale_of_49_95_is_4995_danish_ore_pushed_to_a_45_number():
    market = market_of("DK")
    assert (parse_amount("49,95", market), market.currency) == (4995, "DKK")
    assert msisdn(normalise_phone("20123456", market), market) == "4520123456"
    assert msisdn("20123456", market) == "4520123456"


def test_a_finnish_sale_of_4_95_is_495_cents_pushed_to_a_358_number():
    market = market_of("FI")
    assert (parse_amount("4,95", market), market.currency) == (495, "EUR")
    assert msisdn(normalise_phone("0401234567", market), market) == "358401234567"
    assert msisdn("0401234567", market) == "358401234567"


# ---- the markets ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "currency", "brand", "language", "calling_code", "minimum", "capture_days", "psp_api"),
    [
        ("NO", "NOK", "Vipps", "nb", 47, 100, 180, True),
        ("DK", "DKK", "MobilePay", "da", 45, 1, 14, False),
        ("FI", "EUR", "MobilePay", "fi", 358, 1, 14, False),
    ],
)
def test_a_country_settles_what_vipps_mobilepay_says_of_it(
    country, currency, brand, language, calling_code, minimum, capture_days, psp_api
):
    market = market_of(country)
    assert market.country == country
    assert (market.currency, market.brand, market.language) == (currency, brand, language)
    assert (market.calling_code, market.minimum_minor_units) == (calling_code, minimum)
    assert market.capture_days == capture_days
    assert market.psp_api is psp_api


def test_a_country_code_is_read_as_a_person_writes_it():
    assert market_of(" dk ") is DENMARK
    assert market_of("fi") is FINLAND
    assert set(MARKETS) == {"NO", "DK", "FI"}


@pytest.mark.parametrize("country", ["SE", "", "NOR", "Norway", None, 47])
def test_a_country_vipps_mobilepay_does_not_serve_is_refused_by_name(country):
    with pytest.raises(MarketError) as refused:
        market_of(country)
    assert str(refused.value) == (
        f'Vipps MobilePay takes payments in Norway ("NO"), Denmark ("DK") and Finland ("FI"), not "{country}".'
    )


# ---- amounts as staff type them in each market ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("49,95", 4995),
        ("49,95 kr.", 4995),
        ("49,95\u00a0kr.", 4995),  # as Danish QLocale writes it
        ("kr. 49,95", 4995),
        ("kr.49,95", 4995),
        ("49,95 kr", 4995),
        ("DKK 49,95", 4995),
        ("49,95 DKK", 4995),
        ("49,-", 4900),
        ("49,- kr.", 4900),
        ("1.249,50 kr.", 124950),  # Danish thousands are dots
        ("DKK 1,249.50", 124950),
        ("0,01", 1),  # MobilePay's minimum in Denmark is 1 øre
        ("12.500", None),
        ("49,95 €", None),
        ("NOK 49,95", None),
    ],
)
def test_danish_amounts(text, minor):
    if minor is None:
        with pytest.raises(AmountError):
            parse_amount(text, DENMARK)
    else:
        assert parse_amount(text, DENMARK) == minor


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("4,95", 495),
        ("4,95 €", 495),
        ("4,95\u00a0€", 495),  # as Finnish QLocale writes it
        ("4,95€", 495),
        ("€4,95", 495),
        ("€ 4,95", 495),
        ("4,95 EUR", 495),
        ("EUR 4,95", 495),
        ("1\u00a0249,50\u00a0€", 124950),  # Finnish thousands are (no-break) spaces
        ("0,01", 1),
        ("4,95 e", None),  # "e" for euroa is not taken (kiosk.domain.market says why)
        ("4,- €", None),  # nor the Scandinavian ",-"
        ("4,95 kr", None),
        ("1.500", None),
    ],
)
def test_finnish_amounts(text, minor):
    if minor is None:
        with pytest.raises(AmountError):
            parse_amount(text, FINLAND)
    else:
        assert parse_amount(text, FINLAND) == minor


def test_norway_reads_as_it_did():
    assert parse_kroner("149,50 kr") == parse_amount("149,50 kr", NORWAY) == 14950
    with pytest.raises(AmountError) as refused:
        parse_kroner("kr. 49,95")
    assert refused.value.message == Message("That is not an amount. Type it like 149,50.")


@pytest.mark.parametrize(
    ("market", "said"),
    [
        (NORWAY, '"12.500" is unclear: is it 12\u00a0500,00\u00a0kr? Type kroner and øre with two decimals'),
        (DENMARK, '"12.500" is unclear: is it 12\u00a0500,00\u00a0DKK? Type kroner and øre with two decimals'),
        (FINLAND, '"12.500" is unclear: is it 12\u00a0500,00\u00a0EUR? Type euros and cents with two decimals'),
    ],
)
def test_an_unclear_amount_is_explained_in_the_markets_money(market, said):
    with pytest.raises(AmountError) as refused:
        parse_amount("12.500", market)
    assert str(refused.value).startswith(said)
    assert dict(refused.value.message.args)["thousands"] == Money(1_250_000, market.currency)


@pytest.mark.parametrize(
    ("market", "text", "said"),
    [
        (NORWAY, "0", "The amount must be more than 0 kr."),
        (NORWAY, "0,99", "Vipps takes payments of 1 kr or more."),
        (DENMARK, "0", "The amount must be more than 0."),
        (FINLAND, "0,00 €", "The amount must be more than 0."),
    ],
)
def test_nothing_under_the_markets_minimum_is_charged(market, text, said):
    with pytest.raises(AmountError) as refused:
        parse_amount(text, market)
    assert str(refused.value) == said


def test_a_minimum_is_named_in_the_markets_money():
    # Vipps' minimum is 1 øre in Denmark today, so nothing typed with two decimals meets it: a higher one shows
    # how the message would name it.
    stricter = replace(DENMARK, minimum_minor_units=500)
    with pytest.raises(AmountError) as refused:
        parse_amount("4,99 kr.", stricter)
    assert refused.value.message == Message(
        "{brand} takes payments of {minimum} or more.", brand="MobilePay", minimum=Money(500, "DKK")
    )
    assert str(refused.value) == "MobilePay takes payments of 5,00\u00a0DKK or more."
    assert parse_amount("5,00 kr.", stricter) == 500


def test_the_ceiling_is_in_the_shops_currency():
    with pytest.raises(AmountError) as refused:
        parse_amount("50,01 €", FINLAND, ceiling=5000)
    assert dict(refused.value.message.args)["limit"] == Money(5000, "EUR")
    assert str(refused.value) == "That is over this till's limit of 50,00\u00a0EUR."
    assert parse_amount("50,00 €", FINLAND, ceiling=5000) == 5000


@pytest.mark.parametrize(
    ("market", "written"),
    [(NORWAY, "1\u00a0249,50\u00a0kr"), (DENMARK, "1\u00a0249,50\u00a0DKK"), (FINLAND, "1\u00a0249,50\u00a0EUR")],
)
def test_money_in_plain_text_names_its_currency(market, written):
    assert format_amount(124950, market) == written
    assert str(Money(124950, market.currency)) == written
    assert parse_amount(written, market) == 124950


def test_money_is_norwegian_unless_said():
    assert Money(4995) == Money(4995, "NOK")
    assert format_kroner(4995) == str(Money(4995)) == "49,95\u00a0kr"


# ---- phone numbers as customers type them in each market --------------------------------------------------


@pytest.mark.parametrize(
    ("market", "typed", "national"),
    [
        (DENMARK, "20 12 34 56", "20123456"),
        (DENMARK, "+45 20 12 34 56", "20123456"),
        (DENMARK, "0045 20123456", "20123456"),
        (DENMARK, "91234567", "91234567"),  # a Danish number may start with any of 2-9
        (FINLAND, "040 123 4567", "401234567"),
        (FINLAND, "050 123 4567", "501234567"),
        (FINLAND, "0457 123 4567", "4571234567"),
        (FINLAND, "+358 40 123 4567", "401234567"),
        (FINLAND, "+358 040 123 4567", "401234567"),
        (FINLAND, "00358 40 123 4567", "401234567"),
    ],
)
def test_numbers_as_customers_type_them(market, typed, national):
    assert normalise_phone(typed, market) == national
    assert msisdn(typed, market) == f"{market.calling_code}{national}"


@pytest.mark.parametrize(
    ("market", "typed", "said"),
    [
        (DENMARK, "2012345", "A Danish mobile number has 8 digits."),
        (DENMARK, "+45 201234567", "A Danish mobile number has 8 digits."),
        (DENMARK, "10123456", "Danish numbers do not start with 0 or 1."),
        (DENMARK, "+47 91234567", "Only Danish numbers (+45) can pay with MobilePay here."),
        (FINLAND, "09 123 4567", "Finnish mobile numbers start with 04 or 050."),  # Helsinki's landlines
        (FINLAND, "047 123 4567", "Finnish mobile numbers start with 04 or 050."),  # 047 and 048 are not mobile
        (FINLAND, "040 123 456", "A Finnish mobile number has 10 or 11 digits, the 0 in front included."),
        (FINLAND, "040 1234 56789", "A Finnish mobile number has 10 or 11 digits, the 0 in front included."),
        (FINLAND, "+45 20123456", "Only Finnish numbers (+358) can pay with MobilePay here."),
        (FINLAND, "0046 40 123 4567", "Only Finnish numbers (+358) can pay with MobilePay here."),
        (FINLAND, "", "Type your mobile number."),
        (FINLAND, "040-123 4567", "Use the digits 0-9 only."),
        (NORWAY, "+45 20123456", "Only Norwegian numbers (+47) can pay with Vipps here."),
    ],
)
def test_a_number_another_market_or_nobody_has_is_refused_with_the_reason(market, typed, said):
    with pytest.raises(PhoneError) as refused:
        normalise_phone(typed, market)
    assert str(refused.value) == said
    with pytest.raises(PhoneError):
        msisdn(typed, market)


@pytest.mark.parametrize(
    ("market", "number"), [(NORWAY, "4791234567"), (DENMARK, "4520123456"), (FINLAND, "358401234567")]
)
def test_an_msisdn_is_checked_and_given_back(market, number):
    assert msisdn(number, market) == number
    assert msisdn(msisdn(number, market), market) == number
    # A customer types a country code with + or 00; without, it is not a number of theirs.
    with pytest.raises(PhoneError):
        normalise_phone(number, market)


def test_a_finnish_number_is_typed_with_its_0_and_kept_without():
    with pytest.raises(PhoneError) as refused:
        normalise_phone("401234567", FINLAND)
    assert str(refused.value) == "Finnish mobile numbers start with 04 or 050."
    # normalise_phone's own answer, as the sale keeps it, still makes the MSISDN.
    assert msisdn(normalise_phone("040 123 4567", FINLAND), FINLAND) == "358401234567"


def test_an_msisdn_cannot_be_made_of_a_number_the_market_does_not_have():
    with pytest.raises(PhoneError):
        msisdn("4512345678", DENMARK)  # 45 and a number starting with 1
    with pytest.raises(PhoneError):
        msisdn("358471234567", FINLAND)  # 047 is not mobile


@pytest.mark.parametrize(
    "number", ["4791234567", "4520123456", "+45 20 12 34 56", "358401234567", "+358 40 123 4567", "0401234567"]
)
def test_every_markets_numbers_are_masked_to_their_last_two_digits(number):
    masked = mask_phone(number)
    assert masked == "******" + number[-2:]
    assert not any(c.isdigit() for c in masked[:-2])


def test_a_market_with_one_fact_changed_keeps_its_countrys_rules():
    # Settings or tests may make a copy with one fact changed; the number and amount rules follow its country.
    finland = replace(FINLAND, capture_days=30)
    assert msisdn("040 123 4567", finland) == "358401234567"
    with pytest.raises(PhoneError, match="Finnish"):
        normalise_phone("91234567", finland)
    with pytest.raises(AmountError) as refused:
        parse_amount("0,50", replace(NORWAY, capture_days=90))
    assert str(refused.value) == "Vipps takes payments of 1 kr or more."
