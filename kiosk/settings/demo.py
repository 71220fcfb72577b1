"""The settings of a demo: the simulator's built-in demo sales unit of the shop's country, wherever the simulator
runs."""

from __future__ import annotations

from kiosk.settings.model import SIMULATOR_MAKE_PAYMENT_PATH, VippsSettings, default_api
from kiosk.simulator.demo import DEMO_SALES_UNITS


def demo_vipps_settings(base_url: str, api: str | None = None, country: str = "NO") -> VippsSettings:
    """Settings for the simulator's demo sales unit of `country` at `base_url`, taking payments through `api`
    (None: the country's default, PSP's in Norway, ePayment's in Denmark and Finland). The Danish and Finnish
    units have no PSP side (no PSP-Id, no makePayment): Vipps' PSP API takes Norwegian payments only."""
    api = api or default_api(country)
    unit = DEMO_SALES_UNITS[country]
    if api == "psp" and not unit.psp_id:
        raise ValueError(f"the demo sales unit of {country} takes ePayment payments only, not PSP ones")
    return VippsSettings(
        base_url=base_url,
        client_id=unit.client_id,
        client_secret=unit.client_secret,
        subscription_key=unit.subscription_key,
        merchant_serial_number=unit.merchant_serial_number,
        psp_id=unit.psp_id,
        make_payment_url=base_url.rstrip("/") + SIMULATOR_MAKE_PAYMENT_PATH if unit.psp_id else "",
        make_payment_token=unit.make_payment_token,
        skip_landing_page=True,
        api=api,
    )
