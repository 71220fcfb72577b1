"""The simulator's built-in demo sales units (one per market) and its timings. Plain data, cheap to import."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SalesUnit:
    merchant_serial_number: str
    name: str
    client_id: str
    client_secret: str = field(repr=False)
    subscription_key: str = field(repr=False)
    psp_id: str  # the PSP API v3 is Norway's only: empty for a Danish or Finnish unit
    make_payment_token: str = field(repr=False)
    # Vipps whitelists some sales units to skip the landing page when the phone number is known.
    skip_landing_page_allowed: bool = True
    country: str = "NO"  # its market (kiosk/simulator/markets.py): the currency it takes, its brand


DEMO_SALES_UNIT = SalesUnit(
    merchant_serial_number="123456",
    name="Demo Kiosk Shop",
    client_id="demo-client",
    client_secret="demo-secret",  # noqa: S106 - published demo credential of the simulator
    subscription_key="demo-subscription-key",
    psp_id="demo-psp",
    make_payment_token="demo-make-payment-token",  # noqa: S106 - published demo credential
)
# MobilePay's markets: the same credential scheme with the country's code at the end of each name.
DEMO_SALES_UNIT_DK = SalesUnit(
    merchant_serial_number="234567",
    name="Demo Butik",
    client_id="demo-client-dk",
    client_secret="demo-secret-dk",  # noqa: S106 - published demo credential of the simulator
    subscription_key="demo-subscription-key-dk",
    psp_id="",
    make_payment_token="",
    country="DK",
)
DEMO_SALES_UNIT_FI = SalesUnit(
    merchant_serial_number="345678",
    name="Demo Kauppa",
    client_id="demo-client-fi",
    client_secret="demo-secret-fi",  # noqa: S106 - published demo credential of the simulator
    subscription_key="demo-subscription-key-fi",
    psp_id="",
    make_payment_token="",
    country="FI",
)
DEMO_SALES_UNITS = {unit.country: unit for unit in (DEMO_SALES_UNIT, DEMO_SALES_UNIT_DK, DEMO_SALES_UNIT_FI)}


@dataclass(frozen=True)
class SimulatorSettings:
    """How the simulated Vipps behaves. Defaults are the real service's; tests shrink the windows."""

    landing_window_s: float = 300.0
    app_window_s: float = 300.0
    make_payment_timeout_s: float = 15.0
    token_ttl_s: float = 3600.0
    # Real Vipps applies updatestatus in a nightly batch; the simulator applies it at once unless asked.
    batch_status_updates: bool = False
    # The Norwegian unit, the one the PSP API serves (a test may give it credentials of its own) ...
    sales_unit: SalesUnit = DEMO_SALES_UNIT
    # ... and the others one running simulator serves beside it, each with its own MSN and credentials.
    other_sales_units: tuple[SalesUnit, ...] = (DEMO_SALES_UNIT_DK, DEMO_SALES_UNIT_FI)
    # The address phones should use to reach the simulator (landing page, app page). None: the address the
    # request came in on.
    public_url: str | None = None

    @property
    def sales_units(self) -> tuple[SalesUnit, ...]:
        return (self.sales_unit, *self.other_sales_units)

    def unit_by_msn(self, merchant_serial_number: str) -> SalesUnit | None:
        return next((u for u in self.sales_units if u.merchant_serial_number == merchant_serial_number), None)
