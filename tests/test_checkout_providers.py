"""The sale's main paths through each payment API behind the checkout's provider: PSP v3 and ePayment v1 must
end every sale the same way (real simulator, real SQLite)."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

import pytest

from kiosk.checkout.epayment_provider import EPaymentProvider
from kiosk.checkout.provider import PaymentProvider, PaymentState
from kiosk.checkout.providers_by_api import ProvidersByApi, make_provider
from kiosk.checkout.psp_provider import PspProvider
from kiosk.checkout.recovery import ResumedSale, recover
from kiosk.checkout.refunds import refund, resend_pending_refunds
from kiosk.checkout.session import SaleSession
from kiosk.checkout.states import AttemptState, Outcome, SaleState
from kiosk.diagnostics.connection_check import check_connection
from kiosk.ledger import Ledger, RefundRefused
from kiosk.ledger.schema import MIGRATIONS
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import ConfigError, VippsSettings
from kiosk.settings.reading import parse_settings
from kiosk.vipps import VippsError
from tests.conftest import FAST_RETRY
from tests.helpers import SimControl, approve
from tests.sessions import KIOSK, PHONE, attempt_states, new_session, poll


@pytest.fixture(params=["psp", "epayment"])
def vipps_settings(request, vipps_settings: VippsSettings) -> VippsSettings:
    """Every test here runs on both APIs, whatever KIOSK_TEST_API says; conftest's provider fixtures follow."""
    return replace(vipps_settings, api=request.param)


def test_make_provider_follows_the_settings(vipps_settings, provider):
    assert provider.name == vipps_settings.api
    assert isinstance(provider, PspProvider if vipps_settings.api == "psp" else EPaymentProvider)


def test_the_api_setting_is_psp_by_default_and_validated(sim):
    assert demo_vipps_settings(sim.base_url).api == "psp"
    raw = {
        "base_url": "http://127.0.0.1:1",
        "client_id": "id",
        "client_secret": "secret",
        "subscription_key": "key",
        "merchant_serial_number": "123456",
        "psp_id": "psp",
        "make_payment_url": "http://127.0.0.1:1/pay",
    }
    assert parse_settings({"vipps": raw}).vipps.api == "psp"
    assert parse_settings({"vipps": {**raw, "api": "epayment"}}).vipps.api == "epayment"
    with pytest.raises(ConfigError, match='api must be "psp" or "epayment"'):
        parse_settings({"vipps": {**raw, "api": "ecom"}})


def test_a_qr_payment_approved_is_captured_and_the_sale_paid(provider, vipps_settings, ledger):
    session = new_session(provider, ledger, vipps_settings)
    started = session.start_attempt()
    assert started.attempt.landing_url
    approve(provider, started.attempt, PHONE)
    tx = started.attempt.psp_transaction_id
    update = poll(session, provider, tx)
    assert (update.sale_state, update.outcome) == (SaleState.PAID, Outcome.PAID)
    assert attempt_states(ledger, session) == [AttemptState.CAPTURED]
    assert provider.read(tx).captured_ore == 14950
    assert [a.provider for a in ledger.attempts_of(session.sale_id)] == [vipps_settings.api]
    assert (update.watch, update.pending_writes) == (frozenset(), False)


def test_a_payment_pushed_to_a_phone_is_paid_and_the_qr_payment_cancelled(provider, vipps_settings, ledger):
    session = new_session(provider, ledger, vipps_settings)
    qr = session.start_attempt()
    pushed = session.start_attempt(PHONE)
    assert pushed.attempt.channel == "PHONE"
    assert pushed.attempt.landing_s == 0
    approve(provider, pushed.attempt, PHONE)
    update = poll(session, provider, pushed.attempt.psp_transaction_id)
    assert update.outcome is Outcome.PAID
    assert attempt_states(ledger, session) == [AttemptState.CANCELLED, AttemptState.CAPTURED]
    assert provider.read(qr.attempt.psp_transaction_id).state is PaymentState.CANCELLED


def test_a_payment_rejected_in_the_app_ends_the_sale_rejected(provider, vipps_settings, ledger, sim: SimControl):
    session = new_session(provider, ledger, vipps_settings)
    pushed = session.start_attempt(PHONE)
    (request,) = sim.app_requests(PHONE)
    sim.respond(request["pspTransactionId"], PHONE, "reject").raise_for_status()
    update = poll(session, provider, pushed.attempt.psp_transaction_id)
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.REJECTED)
    assert str(update.message) == "The customer rejected the payment in Vipps."
    assert attempt_states(ledger, session) == [AttemptState.REJECTED]


def test_a_refused_card_ends_the_sale_refused_and_nothing_stays_payable(provider, vipps_settings, ledger, sim):
    session = new_session(provider, ledger, vipps_settings, amount=3100)  # the simulator's "card not eligible"
    pushed = session.start_attempt(PHONE)
    tx = pushed.attempt.psp_transaction_id
    (request,) = sim.app_requests(PHONE)
    sim.respond(request["pspTransactionId"], PHONE, "approve").raise_for_status()
    update = poll(session, provider, tx)
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.REFUSED)
    assert attempt_states(ledger, session) == [AttemptState.REFUSED]
    assert sim.app_requests(PHONE) == []  # no other card can be tried for a sale that has ended
    assert provider.read(tx).captured_ore == 0


def test_a_staff_cancel_cancels_at_vipps_too(provider, vipps_settings, ledger):
    session = new_session(provider, ledger, vipps_settings)
    started = session.start_attempt()
    update = session.cancel()
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.CANCELLED)
    assert attempt_states(ledger, session) == [AttemptState.CANCELLED]
    assert provider.read(started.attempt.psp_transaction_id).state is PaymentState.CANCELLED


def test_an_approval_after_a_cancel_is_never_captured(provider, vipps_settings, ledger):
    session = new_session(provider, ledger, vipps_settings)
    started = session.start_attempt()
    session.cancel()
    tx = started.attempt.psp_transaction_id
    with contextlib.suppress(VippsError):  # ePayment refuses the approval; PSP takes it and its PSP refuses it
        approve(provider, started.attempt, PHONE)
    update = poll(session, provider, tx)
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.CANCELLED)
    assert provider.read(tx).state not in (PaymentState.RESERVED, PaymentState.CAPTURED)
    assert provider.read(tx).captured_ore == 0


def test_a_window_that_passes_expires_the_sale_and_cancels_at_vipps(provider, vipps_settings, ledger):
    session = new_session(provider, ledger, vipps_settings)
    started = session.start_attempt()
    tx = started.attempt.psp_transaction_id
    update = session.expire(tx)
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.EXPIRED)
    assert attempt_states(ledger, session) == [AttemptState.EXPIRED]
    assert provider.read(tx).state is PaymentState.CANCELLED


def test_a_payment_vipps_lets_expire_ends_the_sale_expired(vipps_settings, ledger, short_windows: SimControl):
    vipps_settings = replace(demo_vipps_settings(short_windows.base_url), api=vipps_settings.api, request_timeout_s=5.0)
    with make_provider(vipps_settings, retry=FAST_RETRY) as provider:
        session = new_session(provider, ledger, vipps_settings)
        started = session.start_attempt()
        tx = started.attempt.psp_transaction_id
        for _ in range(100):
            update = poll(session, provider, tx)
            if update.outcome is not None:
                break
            time.sleep(0.05)  # the simulator's windows end on its own clock
    assert (update.sale_state, update.outcome) == (SaleState.NOT_PAID, Outcome.EXPIRED)
    assert attempt_states(ledger, session) == [AttemptState.EXPIRED]


def test_a_paid_sale_is_refunded_in_part_then_in_full(provider, providers, vipps_settings, ledger):
    session = new_session(provider, ledger, vipps_settings)
    started = session.start_attempt()
    approve(provider, started.attempt, PHONE)
    poll(session, provider, started.attempt.psp_transaction_id)
    assert refund(providers, ledger, session.sale_id, 4950).state == "DONE"
    assert refund(providers, ledger, session.sale_id, 10000).state == "DONE"
    assert ledger.sale(session.sale_id).refunded_ore == 14950
    assert provider.read(started.attempt.psp_transaction_id).refunded_ore == 14950


def test_after_a_restart_an_approved_payment_is_captured_and_a_waiting_one_cancelled(provider, vipps_settings, ledger):
    approved = new_session(provider, ledger, vipps_settings)
    paid = approved.start_attempt()
    approve(provider, paid.attempt, PHONE)
    waiting = new_session(provider, ledger, vipps_settings, amount=5000)
    left = waiting.start_attempt()
    # The kiosk dies here; a new one starts with a provider of its own.
    with make_provider(vipps_settings, retry=FAST_RETRY) as restarted:
        report = recover(restarted, ledger, vipps_settings, KIOSK)
    assert sorted(report.settled) == sorted([approved.sale_id, waiting.sale_id])
    assert ledger.sale(approved.sale_id).state == SaleState.PAID
    assert provider.read(paid.attempt.psp_transaction_id).captured_ore == 14950
    assert ledger.sale(waiting.sale_id).state == SaleState.NOT_PAID
    assert provider.read(left.attempt.psp_transaction_id).state is PaymentState.CANCELLED


def test_after_a_restart_a_payment_the_api_never_had_is_closed(provider, vipps_settings, ledger, sim):
    session = new_session(provider, ledger, vipps_settings)
    session.start_attempt()
    sim.reset()  # the simulator forgets it, as the demo simulator does when it stops
    with make_provider(vipps_settings, retry=FAST_RETRY) as restarted:
        recover(restarted, ledger, vipps_settings, KIOSK)
    # Waiting when the kiosk stopped, so it is given up; its cancel finds nothing: nothing can be charged.
    assert attempt_states(ledger, session) == [AttemptState.CANCELLED]
    assert ledger.sale(session.sale_id).state == SaleState.NOT_PAID


def test_attempts_of_a_ledger_from_before_the_provider_column_were_psp(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(MIGRATIONS[0] + ";" + MIGRATIONS[1] + "; PRAGMA user_version = 2;")
        old.execute(
            "INSERT INTO sales (created_at, amount_ore, state) VALUES ('2026-01-01T10:00:00.000+00:00', 5, 'OPEN')"
        )
        old.execute(
            "INSERT INTO attempts (sale_id, psp_transaction_id, merchant_order_id, idempotency_key, channel,"
            " state, created_at, updated_at) VALUES (1, 'abc', 'o-1', 'k', 'QR', 'PENDING', 'x', 'x')"
        )
    old.close()
    with Ledger.open(path) as ledger:
        assert [a.provider for a in ledger.attempts_of(1)] == ["psp"]


def _other(vipps_settings: VippsSettings) -> VippsSettings:
    """The same shop after a switch of API: only the api setting changes."""
    return replace(vipps_settings, api="epayment" if vipps_settings.api == "psp" else "psp")


def test_after_a_switch_of_api_a_sale_left_by_the_other_is_settled_through_its_own(provider, vipps_settings, ledger):
    approved = new_session(provider, ledger, vipps_settings)
    paid = approved.start_attempt()
    approve(provider, paid.attempt, PHONE)
    waiting = new_session(provider, ledger, vipps_settings, amount=5000)
    left = waiting.start_attempt()
    # The kiosk dies here; the shop switches API and starts it again, with a provider of the new API only: the
    # old API's is made from the same settings because these sales need it.
    switched = _other(vipps_settings)
    with make_provider(switched, retry=FAST_RETRY) as restarted:
        report = recover(restarted, ledger, switched, KIOSK)
    assert sorted(report.settled) == sorted([approved.sale_id, waiting.sale_id])
    assert report.needs_check == []
    assert ledger.sale(approved.sale_id).state == SaleState.PAID
    assert provider.read(paid.attempt.psp_transaction_id).captured_ore == 14950  # at its own API
    assert ledger.sale(waiting.sale_id).state == SaleState.NOT_PAID
    assert provider.read(left.attempt.psp_transaction_id).state is PaymentState.CANCELLED


def test_after_a_switch_of_api_a_sale_paid_through_the_other_is_refunded_through_it(provider, vipps_settings, ledger):
    session = new_session(provider, ledger, vipps_settings)
    started = session.start_attempt()
    approve(provider, started.attempt, PHONE)
    poll(session, provider, started.attempt.psp_transaction_id)
    tx = started.attempt.psp_transaction_id
    switched = _other(vipps_settings)
    with ProvidersByApi(switched, FAST_RETRY) as providers:
        assert refund(providers, ledger, session.sale_id, 4950).state == "DONE"
        ledger.begin_refund(session.sale_id, 10000, "recorded-then-the-kiosk-died")  # never sent
        (resent,) = resend_pending_refunds(providers, ledger)
    assert resent.state == "DONE"
    assert ledger.sale(session.sale_id).refunded_ore == 14950
    assert provider.read(tx).refunded_ore == 14950


@dataclass
class MovedShop:
    """A PSP shop with one approved sale, which then moved to ePayment and dropped psp_id (ePayment has none)."""

    psp: VippsSettings  # its settings before the move
    moved: VippsSettings
    provider: PaymentProvider  # its PSP provider, to look at the payment as Vipps has it
    session: SaleSession
    tx: str


@pytest.fixture
def moved_shop(vipps_settings, ledger) -> Iterator[MovedShop]:
    psp = replace(vipps_settings, api="psp")
    with make_provider(psp, retry=FAST_RETRY) as provider:
        session = new_session(provider, ledger, psp)
        started = session.start_attempt()
        approve(provider, started.attempt, PHONE)
        moved = replace(psp, api="epayment", psp_id="")
        yield MovedShop(psp, moved, provider, session, started.attempt.psp_transaction_id)


def test_a_psp_sale_waits_for_the_psp_id_it_needs_and_the_manager_is_told_which_setting(moved_shop, ledger):
    shop = moved_shop
    with ProvidersByApi(shop.moved, FAST_RETRY) as providers:
        report = recover(providers, ledger, shop.moved, KIOSK)
        sale = ledger.sale(shop.session.sale_id)
        rechecked = ResumedSale.resume(providers, ledger, shop.moved, KIOSK, sale).recover()
    assert report.needs_check == [shop.session.sale_id]
    assert "made through Vipps' PSP v3 API, and the settings have no psp_id" in str(rechecked.message)
    assert 'add psp_id = "..." to [vipps]' in str(rechecked.message)
    assert attempt_states(ledger, shop.session) == [AttemptState.PENDING]  # untouched: not closed as "never had it"
    assert shop.provider.read(shop.tx).state is PaymentState.RESERVED
    # psp_id back in the settings (the api stays ePayment): the sale is settled through the PSP API.
    restored = replace(shop.moved, psp_id=shop.psp.psp_id)
    with ProvidersByApi(restored, FAST_RETRY) as providers:
        assert recover(providers, ledger, restored, KIOSK).settled == [shop.session.sale_id]
    assert ledger.sale(shop.session.sale_id).state == SaleState.PAID
    assert shop.provider.read(shop.tx).captured_ore == 14950


def test_a_refund_of_a_psp_sale_without_the_psp_id_is_refused_naming_it_and_nothing_is_recorded(moved_shop, ledger):
    shop = moved_shop
    poll(shop.session, shop.provider, shop.tx)  # paid and captured while the kiosk still ran on PSP
    with ProvidersByApi(shop.moved, FAST_RETRY) as providers:
        with pytest.raises(RefundRefused, match="no psp_id, which the PSP API needs"):
            refund(providers, ledger, shop.session.sale_id, 100)
        assert resend_pending_refunds(providers, ledger) == []
    assert ledger.refunds_of(shop.session.sale_id) == []
    assert shop.provider.read(shop.tx).refunded_ore == 0


def test_an_approval_unseen_when_the_attempt_was_superseded_is_released_not_charged(provider, vipps_settings, ledger):
    session = new_session(provider, ledger, vipps_settings)
    qr = session.start_attempt()
    approve(provider, qr.attempt, "48123456")  # approved just before staff typed a number; no poll saw it
    pushed = session.start_attempt(PHONE)
    approve(provider, pushed.attempt, PHONE)
    update = poll(session, provider, pushed.attempt.psp_transaction_id)
    assert update.outcome is Outcome.PAID
    poll(session, provider, qr.attempt.psp_transaction_id)
    assert provider.read(qr.attempt.psp_transaction_id).captured_ore == 0
    assert provider.read(pushed.attempt.psp_transaction_id).captured_ore == 14950
    assert attempt_states(ledger, session) == [AttemptState.CANCELLED, AttemptState.CAPTURED]


def test_the_connection_check_asks_the_configured_api(vipps_settings):
    results = check_connection(vipps_settings)
    assert [(str(r.name), r.ok) for r in results] == [
        ("Access token", True),
        ("PSP access" if vipps_settings.api == "psp" else "ePayment access", True),
    ]
