"""A provider for each Vipps API a ledger's attempts were made with, from one set of settings.

Only the API an attempt was made with can read, capture, cancel or refund it. A shop that moved from the PSP API
to the ePayment API (or back) changed only its settings, so yesterday's attempts must still reach their own API:
both take the same client id, secret, subscription key and MSN; the PSP API also needs the PSP-Id.

The network seam (see kiosk.ui.app): the API implementations, and through them the Vipps clients, httpx and the
pydantic models, are imported here, in `make_provider`, when the first provider is made (on a worker thread),
and each only for a kiosk that uses its API. Everything else of the checkout speaks to the interface in
kiosk.checkout.provider.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Self

from kiosk.checkout.provider import PaymentProvider
from kiosk.domain.apis import api_title
from kiosk.domain.market import NORWAY, Market
from kiosk.domain.message import Message
from kiosk.settings.model import PAYMENT_APIS, VippsSettings
from kiosk.vipps.errors import VippsError
from kiosk.vipps.retry import RetryPolicy


def make_provider(vipps: VippsSettings, retry: RetryPolicy | None = None, market: Market = NORWAY) -> PaymentProvider:
    """The provider of the API the settings name, for the shop's market (`ShopSettings.market`): the currency
    and phone rules of the payments it starts. Norway when not said, as every shop was before markets."""
    # The network seam: an implementation loads its client, httpx and pydantic, so it is imported when the
    # first provider is made, on the worker thread that owns it, and only the one the settings use.
    if vipps.api == "epayment":
        from kiosk.checkout.epayment_provider import EPaymentProvider

        return EPaymentProvider.connect(vipps, retry, market)
    from kiosk.checkout.psp_provider import PspProvider

    return PspProvider.connect(vipps, retry, market)


class ApiOutOfReach(VippsError):
    """The settings lack what an API needs, so nothing can be asked of it. The message names what to add."""


class ProvidersByApi:
    """Made lazily, one per API, each on first use; closed together. Providers handed in (`given`) are used
    for their APIs and left open: they belong to whoever made them. Used from one thread, like a provider."""

    def __init__(
        self,
        vipps: VippsSettings,
        retry: RetryPolicy | None = None,
        given: Iterable[PaymentProvider] = (),
        market: Market = NORWAY,
    ) -> None:
        self._vipps = vipps
        self._retry = retry
        # The providers made here start payments in it; those that only settle, capture or refund do not need
        # it (an ePayment write names the payment's own currency, and a reading names the customer's app by that
        # currency: kiosk.checkout.epayment_provider).
        self._market = market
        self._given = {provider.name: provider for provider in given}
        self._made: dict[str, PaymentProvider] = {}
        self._calls_cancelled = False

    @property
    def vipps(self) -> VippsSettings:
        return self._vipps

    def missing_for(self, api: str) -> Message | None:
        """What the settings lack to use `api`, in words that say what to add; None when it can be used."""
        if api in self._given or api in self._made:
            return None
        if api not in PAYMENT_APIS:
            return Message('this kiosk does not know Vipps\' "{api}" API; update the kiosk', api=api)
        if api == "psp" and not self._vipps.psp_id:
            return Message('the settings have no psp_id, which the PSP API needs: add psp_id = "..." to [vipps]')
        return None

    def for_api(self, api: str) -> PaymentProvider:
        """The provider of `api`. Raises ApiOutOfReach when the settings lack what it needs."""
        provider = self._given.get(api) or self._made.get(api)
        if provider is not None:
            return provider
        if missing := self.missing_for(api):
            raise ApiOutOfReach(f"{api_title(api)}: {missing}")
        provider = make_provider(replace(self._vipps, api=api), self._retry, self._market)
        self._made[api] = provider
        if self._calls_cancelled:
            provider.cancel_calls()
        return provider

    def cancel_calls(self) -> None:
        """From any thread (the one exception to "one thread"): end every provider's call under way, and every
        later one, including those of providers made after this."""
        self._calls_cancelled = True
        for provider in [*self._given.values(), *self._made.values()]:
            provider.cancel_calls()

    def current(self) -> PaymentProvider:
        """The provider of the API the settings take new payments through."""
        return self.for_api(self._vipps.api)

    def close(self) -> None:
        made, self._made = self._made, {}
        for provider in made.values():
            provider.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
