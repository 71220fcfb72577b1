"""The settings of a demo: the simulator's built-in demo sales unit, wherever the simulator runs."""

from __future__ import annotations

from kiosk.settings.model import SIMULATOR_MAKE_PAYMENT_PATH, VippsSettings
from kiosk.simulator.demo import DEMO_SALES_UNIT


def demo_vipps_settings(base_url: str, api: str = "psp") -> VippsSettings:
    """Settings for the simulator's built-in demo sales unit at `base_url`, taking payments through `api`."""
    unit = DEMO_SALES_UNIT
    return VippsSettings(
        base_url=base_url,
        client_id=unit.client_id,
        client_secret=unit.client_secret,
        subscription_key=unit.subscription_key,
        merchant_serial_number=unit.merchant_serial_number,
        psp_id=unit.psp_id,
        make_payment_url=base_url.rstrip("/") + SIMULATOR_MAKE_PAYMENT_PATH,
        make_payment_token=unit.make_payment_token,
        skip_landing_page=True,
        api=api,
    )
