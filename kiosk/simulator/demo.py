"""The simulator's built-in demo sales unit and its timings. Plain data, cheap to import."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SalesUnit:
    merchant_serial_number: str
    name: str
    client_id: str
    client_secret: str = field(repr=False)
    subscription_key: str = field(repr=False)
    psp_id: str
    make_payment_token: str = field(repr=False)
    # Vipps whitelists some sales units to skip the landing page when the phone number is known.
    skip_landing_page_allowed: bool = True


DEMO_SALES_UNIT = SalesUnit(
    merchant_serial_number="123456",
    name="Demo Kiosk Shop",
    client_id="demo-client",
    client_secret="demo-secret",  # noqa: S106 - published demo credential of the simulator
    subscription_key="demo-subscription-key",
    psp_id="demo-psp",
    make_payment_token="demo-make-payment-token",  # noqa: S106 - published demo credential
)


@dataclass(frozen=True)
class SimulatorSettings:
    """How the simulated Vipps behaves. Defaults are the real service's; tests shrink the windows."""

    landing_window_s: float = 300.0
    app_window_s: float = 300.0
    make_payment_timeout_s: float = 15.0
    token_ttl_s: float = 3600.0
    # Real Vipps applies updatestatus in a nightly batch; the simulator applies it at once unless asked.
    batch_status_updates: bool = False
    sales_unit: SalesUnit = DEMO_SALES_UNIT
    # The address phones should use to reach the simulator (landing page, app page). None: the address the
    # request came in on.
    public_url: str | None = None
