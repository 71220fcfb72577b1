"""Vipps in memory (tests/memory_vipps.py) keeps to the checkout's PaymentProvider interface and its promises,
so the rule tests on it prove rules the real providers are held to as well."""

from __future__ import annotations

import inspect

import pytest

from kiosk.checkout.provider import NoSuchPayment, PaymentProvider, PaymentState, StartRequest
from kiosk.vipps.errors import TransactionIdExists, VippsUnavailable
from tests.memory_vipps import MemoryProvider, MemoryVipps


def _request(reference: str = "tx-1", phone: str | None = None) -> StartRequest:
    return StartRequest(reference, "order-1", 14950, "Test", phone, skip_landing_page=False)


def test_it_has_every_member_of_the_interface_with_the_same_signature():
    provider = MemoryProvider(MemoryVipps())
    for name, wanted in inspect.getmembers(PaymentProvider, inspect.isfunction):
        if name.startswith("_") and name not in ("__enter__", "__exit__"):
            continue
        given = getattr(provider, name)
        assert list(inspect.signature(given).parameters) == list(inspect.signature(wanted).parameters)[1:], name
    for name in PaymentProvider.__annotations__:
        assert hasattr(provider, name), name


def test_a_start_sent_again_with_its_key_answers_as_the_first_and_another_key_is_refused():
    provider = MemoryProvider(MemoryVipps())
    first = provider.start(_request(), "key-1")
    assert provider.start(_request(), "key-1") == first
    with pytest.raises(TransactionIdExists):
        provider.start(_request(), "key-2")


def test_an_unknown_reference_is_no_such_payment_and_a_silent_call_applies_nothing():
    vipps = MemoryVipps()
    provider = MemoryProvider(vipps)
    with pytest.raises(NoSuchPayment):
        provider.read("never-made")
    vipps.fault("start", "no_answer", count=1)
    with pytest.raises(VippsUnavailable):
        provider.start(_request(), "key-1")
    assert vipps.payments == {}


@pytest.mark.parametrize(("api", "at_once"), [("psp", False), ("epayment", True)])
def test_a_capture_is_applied_at_once_only_where_the_api_says_so(api, at_once):
    vipps = MemoryVipps()
    provider = MemoryProvider(vipps, api=api)
    provider.start(_request(), "key-1")
    vipps.approve("tx-1")
    provider.capture("tx-1", 14950, "capture-1")
    assert provider.captures_at_once is at_once
    assert (vipps.state_of("tx-1") is PaymentState.CAPTURED) is at_once
    assert provider.read("tx-1").state is PaymentState.CAPTURED  # the next read shows it either way
    provider.capture("tx-1", 14950, "capture-1")  # the same key again: one capture
    assert vipps.captured_ore() == 14950
