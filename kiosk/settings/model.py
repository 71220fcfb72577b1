"""The settings as the kiosk holds them: frozen dataclasses with declared field types, one a table of the file.

They are plain values, made by kiosk.settings.reading (from the file or the settings screen's form) or by
kiosk.settings.demo (the simulator's demo sales unit); nothing here reads or checks anything.

Why dataclasses and not pydantic (already a dependency, for the Vipps clients' models): the settings are read
before the first frame, and importing pydantic with these five models took 73 ms here, which moved the first frame
of `kiosk --demo` from 120 ms to 192 ms (benchmarks/startup.py: 1.41x a bare window, the target 1.5x, became
2.24x). The checks are instead one declarative table, key -> kind of value, bounds and fix line
(kiosk.settings.reading and kiosk.settings.values), whose every problem is today's one-line message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kiosk.domain.market import Market, market_of
from kiosk.domain.message import Message
from kiosk.shop_ledger.address import ShopDatabase

# The Vipps secrets: never echoed in a problem, kept out of config.toml by the settings screen (kiosk.settings.secrets).
SECRET_KEYS = frozenset({"client_secret", "subscription_key", "make_payment_token"})
PAYMENT_APIS = ("psp", "epayment")  # [vipps] api: the PSP API v3 or the ePayment API v1
LANGUAGES = ("system", "nb", "da", "fi", "en")  # [shop] language; not set: the country's (see shop_defaults)
COUNTRIES = ("NO", "DK", "FI")  # [shop] country: Vipps MobilePay's markets (kiosk.domain.market)
THEMES = ("standard", "high-contrast")  # [shop] theme
SIMULATOR_MAKE_PAYMENT_PATH = "/_sim/psp/makepayment"  # the simulator's built-in PSP backend
# The till's ceiling, in the shop's currency's major units (kroner or euros); the kiosk holds minor units.
MAX_AMOUNT_KEY = "max_amount"
# The same ceiling as Norwegian files had it before Denmark and Finland: kroner, read on in a shop of kroner.
MAX_AMOUNT_KR_KEY = "max_amount_kr"


class ConfigError(Exception):
    """The settings file is unusable. `problems` holds one plain line per mistake (kiosk.domain.message: the
    settings screen shows them in its language; `str()` is the English, for the terminal and logs)."""

    def __init__(self, problems: list[Message]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems
        self.message = Message.lines(problems)


@dataclass(frozen=True)
class VippsSettings:
    base_url: str
    client_id: str
    client_secret: str = field(repr=False)
    subscription_key: str = field(repr=False)
    merchant_serial_number: str
    # The PSP API's own settings: required with api = "psp", unused by the ePayment API (which needs nothing
    # beyond the credentials and the MSN that both APIs share).
    psp_id: str = ""
    make_payment_url: str = ""
    make_payment_token: str = field(default="", repr=False)
    # Where Vipps sends the customer's phone after approval. The kiosk learns the outcome by polling, never here.
    psp_redirect_url: str = "https://vipps.no"
    system_name: str = "vipps-counter-kiosk"
    skip_landing_page: bool = False
    request_timeout_s: float = 10.0
    # Which Vipps API takes the payments: "psp" (PSP API v3) or "epayment" (ePayment API v1).
    api: str = "psp"

    def secrets(self) -> tuple[str, ...]:
        """The values a log or an error message must never contain."""
        return tuple(s for s in (self.client_secret, self.subscription_key, self.make_payment_token) if s)


@dataclass(frozen=True)
class KioskSettings:
    """How the counter behaves. Timings follow Vipps' polling guideline and approval windows."""

    poll_start_delay_s: float = 5.0
    poll_interval_s: float = 2.0
    landing_window_s: float = 300.0
    approval_window_s: float = 600.0
    outcome_display_s: float = 8.0  # how long an outcome stays before a fresh sale
    # A ceiling against a slip of the finger (or a barcode scanner), in minor units of the shop's currency (øre,
    # Danish øre or euro cents: hundredths in all three, kiosk.domain.market): the file's `max_amount`, exactly.
    max_amount_ore: int = 10_000_000
    idle_return_s: float = 120.0  # an amount typed and left, or the back office left open, goes back to a fresh sale
    # Start locked: full screen, no window frame, leaving (or closing) only with the manager PIN.
    kiosk_mode: bool = False
    till_id: str = ""  # this till's name in the shop (kiosk.shop_ledger.address.TILL_ID); needed with a shop database
    # Where the customer's side of a sale is shown (kiosk.ui.monitors): "auto" a second screen if there is one,
    # "none" always the staff's own, or a screen's name as Qt reports it.
    customer_display: str = "auto"


@dataclass(frozen=True)
class ShopSettings:
    """The shop as its customers and staff meet it: its name (on screen and in exports), the language, the look."""

    name: str = ""
    # "system" follows the PC's locale; "nb", "da", "fi" or "en" picks one. "system" here is for a ShopSettings
    # made in code; a settings file that names no language gets its country's (shop_defaults).
    language: str = "system"
    # Vipps MobilePay's market the shop sells in: its currency, brand, phone rules (kiosk.domain.market).
    country: str = "NO"
    theme: str = "standard"
    sounds: bool = True
    # The shop's shared PostgreSQL ledger (kiosk.shop_ledger): empty for one till on its own SQLite ledger.
    database: str = ""
    shop_id: str = "shop"  # a chain's shops share one database, each under its own id
    database_password: str = field(default="", repr=False)  # from the secret store, never from the file

    @property
    def market(self) -> Market:
        return market_of(self.country)


def shop_defaults(country: str = "NO") -> dict[str, str]:
    """What a settings file that says no more than its country gives the shop: that country's language (so a
    Danish shop runs in Danish on any PC), and no file at all gives Norway's."""
    return {"country": country, "language": market_of(country).language}


def default_api(country: str = "NO") -> str:
    """The API a [vipps] table that names none takes payments through: PSP's in Norway (as before Denmark and
    Finland), ePayment's in Denmark and Finland, where the PSP API takes nothing."""
    return "psp" if market_of(country).psp_api else "epayment"


@dataclass(frozen=True)
class SimulatorPlace:
    """Where the embedded simulator listens in demo mode. 0.0.0.0 lets a phone on the shop's Wi-Fi reach it."""

    host: str = "127.0.0.1"
    port: int = 0


@dataclass(frozen=True)
class Settings:
    vipps: VippsSettings | None = None
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    simulator: SimulatorPlace = field(default_factory=SimulatorPlace)
    shop: ShopSettings = field(default_factory=ShopSettings)
    source: Path | None = None
    # The API of a demo: a [vipps] table that holds only `api` (no credentials) names it; None: the country's
    # (default_api: PSP's in Norway, ePayment's in Denmark and Finland).
    demo_api: str | None = None

    @property
    def demo(self) -> bool:
        """No credentials configured: the kiosk runs on its embedded simulator."""
        return self.vipps is None

    @property
    def api(self) -> str:
        """The Vipps API payments go through ([vipps] api), in demo mode too."""
        if self.vipps is not None:
            return self.vipps.api
        return self.demo_api or default_api(self.shop.country)

    @property
    def shop_database(self) -> ShopDatabase | None:
        """Where this till's ledger is copied to, or None: one till on its own SQLite ledger, as ever."""
        if not self.shop.database:
            return None
        return ShopDatabase(self.shop.database, self.kiosk.till_id, self.shop.shop_id, self.shop.database_password)

    def secrets(self) -> tuple[str, ...]:
        """Every value a log or an error message must never contain: the Vipps secrets and the database's."""
        vipps = self.vipps.secrets() if self.vipps else ()
        return vipps + ((self.shop.database_password,) if self.shop.database_password else ())
