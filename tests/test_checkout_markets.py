"""The sale in each of Vipps MobilePay's markets: Norway (NOK, +47), Denmark (DKK, +45), Finland (EUR, +358).

The rules run on Vipps in memory for each pair of API and market Vipps serves (tests.markets_under_test:
API_MARKETS; the PSP API v3 is Norway's only). What reaches Vipps (the currency, the MSISDN, the writes after)
is proven over loopback at the simulator's sales unit of each market, on the ePayment API (and the PSP API for
Norway): the issue's done-when, 4995 DKK to 4520123456 and 495 EUR to 358401234567.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from kiosk.checkout.provider import PaymentProvider, PaymentState
from kiosk.checkout.providers_by_api import ProvidersByApi, make_provider
from kiosk.checkout.psp_provider import PspProvider
from kiosk.checkout.recovery import recover
from kiosk.checkout.refunds import refund
from kiosk.checkout.session import SaleSession
from kiosk.checkout.states import AttemptState, Outcome, SaleState
from kiosk.domain.market import DENMARK
from kiosk.domain.money import AmountError
from kiosk.ledger import Ledger
from kiosk.settings.model import VippsSettings
from kiosk.vipps.client import VippsClient
from tests.conftest import FAST_RETRY
from tests.helpers import SimControl
from tests.markets_under_test import API_MARKETS, CASES, MarketCase, unit_settings
from tests.memory_vipps import MemoryProvider, MemoryVipps
from tests.sessions import KIOSK, attempt_states, poll

S = AttemptState
PAIRS = {f"{api}-{country}": (api, country) for api, country in API_MARKETS}


@pytest.fixture(params=PAIRS.values(), ids=PAIRS.keys())
def pair(request: pytest.FixtureRequest) -> tuple[str, MarketCase]:
    api, country = request.param
    return api, CASES[country]


@pytest.fixture
def case(pair: tuple[str, MarketCase]) -> MarketCase:
    return pair[1]


# ---- the rules, on Vipps in memory ----------------------------------------------------------------------------


@pytest.fixture
def memory(pair: tuple[str, MarketCase]) -> Iterator[tuple[MemoryVipps, MemoryProvider]]:
    api, case = pair
    vipps = MemoryVipps()
    with MemoryProvider(vipps, api=api, market=case.market) as provider:
        yield vipps, provider


@pytest.fixture
def settings(pair: tuple[str, MarketCase]) -> VippsSettings:
    api, case = pair
    return unit_settings("http://in-memory.vipps.invalid", api, case.country)


def _begin(provider: PaymentProvider, ledger: Ledger, settings: VippsSettings, amount: int, **kiosk) -> SaleSession:
    return SaleSession.begin(provider, ledger, settings, replace(KIOSK, **kiosk), amount, "Test purchase")


def test_a_sale_in_its_market_is_paid_its_amount_once(memory, settings, ledger, case):
    vipps, provider = memory
    session = _begin(provider, ledger, settings, case.amount)
    assert session.market is case.market
    started = session.start_attempt()
    assert vipps.approve(started.attempt.psp_transaction_id)
    update = poll(session, provider, started.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome, update.amount_ore) == (SaleState.PAID, Outcome.PAID, case.amount)
    assert vipps.captured_ore() == case.amount
    assert ledger.sale(session.sale_id).currency == case.market.currency  # the day's totals and the CSV say it


def test_a_number_typed_in_the_markets_way_is_pushed_masked_and_supersedes_the_qr(memory, settings, ledger, case):
    vipps, provider = memory
    session = _begin(provider, ledger, settings, case.amount)
    qr = session.start_attempt()
    pushed = session.start_attempt(case.typed_phone)
    assert pushed.attempt.channel == "PHONE"
    assert pushed.attempt.phone_masked == "******" + case.msisdn[-2:]
    # The number without its country code: the provider makes the MSISDN (see the loopback tests below).
    request = vipps.payments[pushed.attempt.psp_transaction_id].request
    assert f"{case.market.calling_code}{request.phone}" == case.msisdn
    assert vipps.state_of(qr.attempt.psp_transaction_id) is PaymentState.CANCELLED
    vipps.approve(pushed.attempt.psp_transaction_id)
    assert poll(session, provider, pushed.attempt.psp_transaction_id).outcome is Outcome.PAID
    assert vipps.captured_ore() == case.amount


# What the customer is told for CASES' number of another market (a Finnish one in Norway and Denmark, a
# Norwegian one in Finland): the market's own rule, in the words the customer screen shows.
NOT_THE_MARKETS = {
    "NO": "A Norwegian mobile number has 8 digits.",
    "DK": "A Danish mobile number has 8 digits.",
    "FI": "Finnish mobile numbers start with 04 or 050.",
}


WAITING_SAYS = {"NO": "Vipps", "DK": "MobilePay", "FI": "MobilePay"}


def test_while_vipps_keeps_the_customer_waiting_the_counter_names_the_app_they_know(memory, settings, ledger, case):
    """The status line stands on the screen the customer shares: a Danish customer reads that MobilePay is late,
    and a payment it never started is MobilePay's too."""
    vipps, provider = memory
    session = _begin(provider, ledger, settings, case.amount)
    vipps.fault("start", "no_answer", count=1)
    update = session.start_attempt()
    assert str(update.message) == f"No answer from {WAITING_SAYS[case.country]} yet. Still trying."
    vipps.fault("start", "refused", count=1)
    ended = _begin(provider, ledger, settings, case.amount).start_attempt()
    assert str(ended.message).startswith(f"{WAITING_SAYS[case.country]} refused to start the payment: ")


def test_a_push_refused_while_the_qr_payment_stays_names_the_app_the_customer_knows(memory, settings, ledger, case):
    """The refusal stands on the shared status line too, and the customer can still scan the QR code."""
    vipps, provider = memory
    session = _begin(provider, ledger, settings, case.amount)
    qr = session.start_attempt()
    vipps.fault("start", "refused", count=1)
    refused = session.start_attempt(case.typed_phone)
    assert str(refused.message).startswith(f"{WAITING_SAYS[case.country]} refused that: ")
    assert (refused.sale_state, refused.outcome) == (SaleState.OPEN, None)
    assert vipps.state_of(qr.attempt.psp_transaction_id) is PaymentState.WAITING


def test_a_number_the_market_does_not_have_is_refused_and_changes_nothing(memory, settings, ledger, case):
    vipps, provider = memory
    session = _begin(provider, ledger, settings, case.amount)
    qr = session.start_attempt()
    update = session.start_attempt(case.other_market_phone)
    assert update.sale_state is SaleState.OPEN
    assert str(update.message) == NOT_THE_MARKETS[case.country]
    assert attempt_states(ledger, session) == [S.PENDING]  # nothing recorded, nothing sent
    assert list(vipps.payments) == [qr.attempt.psp_transaction_id]
    assert vipps.state_of(qr.attempt.psp_transaction_id) is PaymentState.WAITING  # the QR code still works


def test_a_late_approval_in_its_market_is_reversed_and_charged_once(memory, settings, ledger, case):
    vipps, provider = memory
    session = _begin(provider, ledger, settings, case.amount)
    qr = session.start_attempt()
    vipps.fault("cancel", "no_answer", count=1)
    pushed = session.start_attempt(case.typed_phone)
    vipps.approve(qr.attempt.psp_transaction_id)
    vipps.approve(pushed.attempt.psp_transaction_id)
    poll(session, provider, pushed.attempt.psp_transaction_id)
    assert poll(session, provider, qr.attempt.psp_transaction_id).outcome is Outcome.PAID
    assert attempt_states(ledger, session) == [S.REVERSED, S.CAPTURED]
    assert vipps.captured_ore() == case.amount


# Below Vipps' minimum in the market: Norway's is 1 kr, Denmark's and Finland's one øre or cent.
TOO_SMALL = {"NO": (99, "Vipps takes payments of 1 kr or more."), "DK": (0, "The amount must be more than 0.")}
TOO_SMALL["FI"] = TOO_SMALL["DK"]


def test_less_than_vipps_minimum_in_the_market_is_refused_before_anything_is_recorded(memory, settings, ledger, case):
    vipps, provider = memory
    amount, said = TOO_SMALL[case.country]
    with pytest.raises(AmountError) as refused:
        _begin(provider, ledger, settings, amount)
    assert str(refused.value) == said
    assert (ledger.sales(), vipps.calls) == ([], [])
    smallest = _begin(provider, ledger, settings, case.market.minimum_minor_units)
    assert smallest.start_attempt().sale_state is SaleState.OPEN  # the minimum itself is taken


def test_the_ceiling_is_in_the_shops_currency(memory, settings, ledger, case):
    vipps, provider = memory
    with pytest.raises(AmountError) as refused:
        _begin(provider, ledger, settings, 5001, max_amount_ore=5000)
    limit = "50,00\u00a0kr" if case.country == "NO" else f"50,00\u00a0{case.market.currency}"
    assert str(refused.value) == f"That is over this till's limit of {limit}."
    assert (ledger.sales(), vipps.calls) == ([], [])
    assert _begin(provider, ledger, settings, 5000, max_amount_ore=5000).start_attempt().sale_state is SaleState.OPEN


# ---- over loopback, at the simulator's sales unit of each market ----------------------------------------------


@pytest.fixture
def unit(pair: tuple[str, MarketCase], sim: SimControl) -> VippsSettings:
    api, case = pair
    return unit_settings(sim.base_url, api, case.country)


@pytest.fixture
def real_provider(unit: VippsSettings, case: MarketCase) -> Iterator[PaymentProvider]:
    with make_provider(unit, retry=FAST_RETRY, market=case.market) as made:
        yield made


def test_a_sale_reaches_vipps_in_the_markets_currency_and_is_pushed_to_its_msisdn(
    real_provider, unit, ledger, sim, case
):
    """The issue's done-when: 4995 DKK pushed to 4520123456; 495 EUR to 358401234567 (and Norway's as it was)."""
    session = SaleSession.begin(real_provider, ledger, unit, KIOSK, case.amount, "Test purchase")
    qr = session.start_attempt()
    pushed = session.start_attempt(case.typed_phone)
    record = sim.payment(pushed.attempt.psp_transaction_id)
    assert (record["amount"], record["currency"]) == (case.amount, case.market.currency)
    assert sim.payment(qr.attempt.psp_transaction_id)["currency"] == case.market.currency
    assert record["phone"] == case.app_key  # what customer.phoneNumber said: the MSISDN (Norway: its 8 digits)
    (request,) = sim.app_requests(case.app_key)
    sim.respond(request["pspTransactionId"], case.app_key, "approve").raise_for_status()
    update = poll(session, real_provider, pushed.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome) == (SaleState.PAID, Outcome.PAID)
    assert attempt_states(ledger, session) == [S.CANCELLED, S.CAPTURED]
    assert sim.record(pushed.attempt.psp_transaction_id).captured == case.amount


def test_a_refund_and_a_capture_at_restart_are_sent_in_the_payments_own_currency(
    real_provider, unit, ledger, sim, case
):
    """Providers made without the shop's market (start-up's, the back office's) still write in the currency the
    payment is in: they read it from Vipps."""
    paid = SaleSession.begin(real_provider, ledger, unit, KIOSK, case.amount, "Test purchase")
    started = paid.start_attempt(case.typed_phone)
    (request,) = sim.app_requests(case.app_key)
    sim.respond(request["pspTransactionId"], case.app_key, "approve").raise_for_status()
    # The kiosk stops before it sees the approval; start-up settles it with a provider of its own.
    with ProvidersByApi(unit, FAST_RETRY) as providers:
        report = recover(providers, ledger, unit, KIOSK)
        assert report.settled == [paid.sale_id]
    assert sim.record(started.attempt.psp_transaction_id).captured == case.amount
    with ProvidersByApi(unit, FAST_RETRY) as providers:
        assert refund(providers, ledger, paid.sale_id, 1).state == "DONE"
    assert ledger.sale(paid.sale_id).refunded_ore == 1
    assert sim.record(started.attempt.psp_transaction_id).refunded == 1


def test_the_psp_provider_starts_no_payment_outside_norway(sim, ledger):
    """A guard behind the settings' own check (api = "psp" with DK or FI is a config error): nothing reaches Vipps."""
    settings = unit_settings(sim.base_url, "psp", "NO")
    with VippsClient(settings, retry=FAST_RETRY) as client:
        provider = PspProvider(client, settings, market=DENMARK)
        session = SaleSession.begin(provider, ledger, settings, KIOSK, 4995, "Test purchase")
        update = session.start_attempt()
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.NOT_STARTED)
    assert (
        str(update.message) == 'Vipps\' PSP API takes payments in Norway only, not in DK: set [vipps] api = "epayment".'
    )
    assert attempt_states(ledger, session) == [S.INIT_FAILED]
    assert sim.payments() == []


def test_a_payment_rejected_in_the_app_says_the_apps_name_in_the_market(real_provider, unit, ledger, sim, case):
    """Vipps in Norway, MobilePay in Denmark and Finland: the outcome names the app the customer said no in."""
    session = SaleSession.begin(real_provider, ledger, unit, KIOSK, case.amount, "Test purchase")
    pushed = session.start_attempt(case.typed_phone)
    (request,) = sim.app_requests(case.app_key)
    sim.respond(request["pspTransactionId"], case.app_key, "reject").raise_for_status()
    update = poll(session, real_provider, pushed.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.REJECTED)
    assert str(update.message) == f"The customer rejected the payment in {case.market.brand}."


# The customer's own code is ePayment's (customer.personalQr), in every market.
@pytest.mark.parametrize("case", CASES.values(), ids=str)
def test_a_scan_that_is_no_customers_code_names_the_markets_app(ledger, case):
    with MemoryProvider(MemoryVipps(), api="epayment", market=case.market) as provider:
        settings = unit_settings("http://in-memory.vipps.invalid", "epayment", case.country)
        session = _begin(provider, ledger, settings, case.amount)
        session.start_attempt()
        update = session.start_attempt(personal_qr="abcd")
    assert str(update.message) == f"That is not a customer's {case.market.brand} code."
    assert len(ledger.attempts_of(session.sale_id)) == 1
