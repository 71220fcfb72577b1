"""Settings: one TOML file, read and validated once at start.

Every problem becomes one line that names the key and the fix; the whole list is raised together as a
`ConfigError`, so a shop owner fixes the file in one go instead of one restart per mistake. Secret values are
never echoed back, not even when they are wrong.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import platformdirs

from kiosk.domain.message import Message, Verbatim

if TYPE_CHECKING:
    from kiosk.shop_ledger.address import ShopDatabase

APP_NAME = "kiosk"
SECRET_KEYS = frozenset({"client_secret", "subscription_key", "make_payment_token"})
SIMULATOR_MAKE_PAYMENT_PATH = "/_sim/psp/makepayment"
MAX_AMOUNT_KEY = "max_amount_kr"  # the file says kroner (a documented setting); the kiosk holds øre


class ConfigError(Exception):
    """The settings file is unusable. `problems` holds one plain line per mistake (kiosk.domain.message: the
    settings screen shows them in its language; `str()` is the English, for the terminal and logs)."""

    def __init__(self, problems: list[Message]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems
        self.message = Message.lines(problems)


def config_path() -> Path:
    override = os.environ.get("KIOSK_CONFIG")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


LEDGER_FILE = "ledger.sqlite3"
DEMO_LEDGER_FILE = "ledger-demo.sqlite3"  # demo sales never mix with real ones


def ledger_path(folder: Path, demo: bool = False) -> Path:
    return folder / (DEMO_LEDGER_FILE if demo else LEDGER_FILE)


def data_dir() -> Path:
    override = os.environ.get("KIOSK_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME))


def is_loopback_host(host: str) -> bool:
    import ipaddress  # only asked of URLs, not on the way to the first frame

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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

    @classmethod
    def for_simulator(cls, base_url: str, api: str = "psp") -> VippsSettings:
        """Settings for the simulator's built-in demo sales unit at `base_url`, taking payments through `api`."""
        from kiosk.simulator.demo import DEMO_SALES_UNIT  # not on the way to the first frame

        unit = DEMO_SALES_UNIT
        return cls(
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
    # A ceiling against a slip of the finger (or a barcode scanner), in øre: the file's `max_amount_kr`, exactly.
    max_amount_ore: int = 10_000_000
    idle_return_s: float = 120.0  # an amount typed and left, or the back office left open, goes back to a fresh sale
    # Start locked: full screen, no window frame, leaving (or closing) only with the manager PIN.
    kiosk_mode: bool = False
    till_id: str = ""  # this till's name in the shop (kiosk.shop_ledger.address.TILL_ID); needed with a shop database
    # Where the customer's side of a sale is shown (kiosk.ui.monitors): "auto" a second screen if there is one,
    # "none" always the staff's own, or a screen's name as Qt reports it.
    customer_display: str = "auto"


PAYMENT_APIS = ("psp", "epayment")
LANGUAGES = ("system", "nb", "en")
THEMES = ("standard", "high-contrast")


@dataclass(frozen=True)
class ShopSettings:
    """The shop as its customers and staff meet it: its name (on screen and in exports), the language, the look."""

    name: str = ""
    language: str = "system"  # "system" follows the PC's locale; "nb" or "en" picks one
    theme: str = "standard"
    sounds: bool = True
    # The shop's shared PostgreSQL ledger (kiosk.shop_ledger): empty for one till on its own SQLite ledger.
    database: str = ""
    shop_id: str = "shop"  # a chain's shops share one database, each under its own id
    database_password: str = field(default="", repr=False)  # from the secret store, never from the file


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
    # The API of a demo: a [vipps] table that holds only `api` (no credentials) names it.
    demo_api: str = "psp"

    @property
    def demo(self) -> bool:
        """No credentials configured: the kiosk runs on its embedded simulator."""
        return self.vipps is None

    @property
    def api(self) -> str:
        """The Vipps API payments go through ([vipps] api), in demo mode too."""
        return self.vipps.api if self.vipps is not None else self.demo_api

    @property
    def shop_database(self) -> ShopDatabase | None:
        """Where this till's ledger is copied to, or None: one till on its own SQLite ledger, as ever."""
        if not self.shop.database:
            return None
        from kiosk.shop_ledger.address import ShopDatabase

        return ShopDatabase(self.shop.database, self.kiosk.till_id, self.shop.shop_id, self.shop.database_password)

    def secrets(self) -> tuple[str, ...]:
        """Every value a log or an error message must never contain: the Vipps secrets and the database's."""
        vipps = self.vipps.secrets() if self.vipps else ()
        return vipps + ((self.shop.database_password,) if self.shop.database_password else ())


def load_settings(path: Path | None = None) -> Settings:
    """Read and validate the settings file. A missing file means demo mode with default timings."""
    path = path or config_path()
    try:
        raw_bytes = path.read_bytes()
    except FileNotFoundError:
        return Settings(source=None)
    except OSError as exc:
        problem = Verbatim(str(exc.strerror))
        said = Message(
            "{path}: cannot be read ({problem}); check that the file is readable", path=str(path), problem=problem
        )
        raise ConfigError([said]) from None
    import tomllib  # a demo without a settings file never needs it

    try:
        raw = tomllib.loads(raw_bytes.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError([Message("{path}: is not UTF-8 text; save it as UTF-8", path=str(path))]) from None
    except tomllib.TOMLDecodeError as exc:
        said = Message(
            "{path}: is not valid TOML ({problem}); fix the syntax there", path=str(path), problem=Verbatim(str(exc))
        )
        raise ConfigError([said]) from None
    vipps = raw.get("vipps")
    exposed: list[Message] = []
    if isinstance(vipps, dict) and any(vipps.get(key) for key in SECRET_KEYS):
        from kiosk.settings.secrets import exposed_in_settings_file  # only a file with secrets written in needs it

        exposed = exposed_in_settings_file(path, vipps)
    if isinstance(vipps, dict) and not _names_only_the_api(vipps) and any(key not in vipps for key in SECRET_KEYS):
        # Secrets saved by the settings screen live in the keyring (or a private file), not in this file.
        from kiosk.settings.secrets import SecretStore, SecretStoreError

        try:
            stored = SecretStore.beside(path).load(str(vipps.get("client_id", "")))
        except SecretStoreError as exc:
            raise ConfigError([exc.message]) from None
        raw["vipps"] = {**stored, **vipps}
    try:
        settings = parse_settings(raw, source=path)
    except ConfigError as exc:
        raise ConfigError([*exposed, *exc.problems]) from None
    if exposed:
        raise ConfigError(exposed)
    return _with_database_password(settings, path)


def _with_database_password(settings: Settings, path: Path) -> Settings:
    """The shop database's password, from the secret store (as the Vipps secrets are), when a database is set."""
    if not settings.shop.database:
        return settings
    from dataclasses import replace

    from kiosk.settings.secrets import SecretStore, SecretStoreError

    try:
        password = SecretStore.beside(path).load_database_password(settings.shop.database)
    except SecretStoreError as exc:
        raise ConfigError([exc.message]) from None
    return replace(settings, shop=replace(settings.shop, database_password=password))


def parse_settings(raw: dict[str, Any], source: Path | None = None) -> Settings:
    where = source.name if source else "settings"
    problems: list[Message] = []
    _reject_unknown(raw, {"vipps", "kiosk", "simulator", "shop"}, "", where, problems)

    vipps_raw = _table(raw, "vipps", where, problems)
    kiosk_raw = _table(raw, "kiosk", where, problems)
    sim_raw = _table(raw, "simulator", where, problems)
    shop_raw = _table(raw, "shop", where, problems)

    demo_api = "psp"
    if _names_only_the_api(vipps_raw):
        # No credentials: the demo, on the API named (or PSP). The API is checked as a full table's would be.
        vipps, demo_api = None, _parse_api(vipps_raw, where, problems)
    else:
        vipps = _parse_vipps(vipps_raw, where, problems)
    kiosk = _parse_kiosk(kiosk_raw, where, problems)
    simulator = _parse_simulator(sim_raw, where, problems)
    shop = _parse_shop(shop_raw, where, problems)
    if "database" in shop_raw or "shop_id" in shop_raw:
        from kiosk.shop_ledger.address import check_shop_database

        check_shop_database(shop_raw, kiosk_raw, where, problems)
    if problems:
        raise ConfigError(problems)
    return Settings(vipps=vipps, kiosk=kiosk, simulator=simulator, shop=shop, source=source, demo_api=demo_api)


def _names_only_the_api(vipps_raw: dict[str, Any]) -> bool:
    """No [vipps] table, or one with nothing but `api` in it: no credentials, so the kiosk runs as a demo."""
    return set(vipps_raw) <= {"api"}


def _parse_api(raw: dict[str, Any], where: str, problems: list[Message]) -> str:
    api = raw.get("api", "psp")
    if api not in PAYMENT_APIS:
        problems.append(
            Message(
                '{where}: [vipps] api must be "psp" or "epayment" (got {got})', where=where, got=_describe("api", api)
            )
        )
        return "psp"
    return str(api)


def _table(raw: dict[str, Any], name: str, where: str, problems: list[Message]) -> dict[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, dict):
        problems.append(
            Message("{where}: [{name}] must be a table; write it as a [{name}] section", where=where, name=name)
        )
        return {}
    return value


def _reject_unknown(raw: dict[str, Any], known: set[str], table: str, where: str, problems: list[Message]) -> None:
    for key in raw:
        if key in known:
            continue
        shown = key if key.isprintable() and key.strip() == key and key else repr(key)
        label = f"[{table}] {shown}" if table else f"[{shown}]"
        import difflib  # only on a mistake

        guess = difflib.get_close_matches(key, known, n=1)
        if guess:
            hint = Message(
                "{where}: unknown key {label}; did you mean {guess}?", where=where, label=label, guess=guess[0]
            )
        else:
            known_keys = ", ".join(sorted(known))
            hint = Message(
                "{where}: unknown key {label}; known keys: {known}", where=where, label=label, known=known_keys
            )
        problems.append(hint)


def _describe(key: str, value: Any) -> Message | str:
    """How a wrong value is quoted back: never the value itself for a secret."""
    if key in SECRET_KEYS:
        return Message("the value given")
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _parse_vipps(raw: dict[str, Any], where: str, problems: list[Message]) -> VippsSettings | None:
    known = {f.name for f in fields(VippsSettings)}
    _reject_unknown(raw, known, "vipps", where, problems)
    before = len(problems)
    values: dict[str, Any] = {}

    def text(key: str, *, required: bool, max_len: int | None = None) -> None:
        value = raw.get(key)
        if value is None:
            if required:
                problems.append(
                    Message(
                        '{where}: [vipps] {key} is missing; add {key} = "..." to the [vipps] section',
                        where=where,
                        key=key,
                    )
                )
            return
        if not isinstance(value, str) or not value.strip():
            got = _describe(key, value)
            problems.append(
                Message(
                    "{where}: [vipps] {key} must be a non-empty text in quotes (got {got})",
                    where=where,
                    key=key,
                    got=got,
                )
            )
            return
        if max_len is not None and len(value) > max_len:
            problems.append(
                Message(
                    "{where}: [vipps] {key} must be at most {max_len} characters", where=where, key=key, max_len=max_len
                )
            )
            return
        values[key] = value.strip()

    api = _parse_api(raw, where, problems)
    values["api"] = api
    psp = api == "psp"
    for key in ("client_id", "client_secret", "subscription_key"):
        text(key, required=True)
    text("psp_id", required=psp)  # the ePayment API has no PSP-Id; kept if given, for settling PSP sales
    text("make_payment_token", required=False, max_len=255)
    text("system_name", required=False, max_len=30)

    base_url = _url(raw, "base_url", where, problems, required=True)
    simulator = base_url is not None and urlsplit(base_url).scheme == "http"
    if base_url is not None and not _https_or_this_pc("base_url", base_url, where, problems):
        base_url = None  # one problem is enough: make_payment_url is not asked for as well
    if base_url:
        values["base_url"] = base_url.rstrip("/")
    make_payment_url = _url(raw, "make_payment_url", where, problems, required=psp and not simulator)
    if make_payment_url and _https_or_this_pc("make_payment_url", make_payment_url, where, problems):
        values["make_payment_url"] = make_payment_url
    elif base_url and simulator and not make_payment_url:
        values["make_payment_url"] = base_url.rstrip("/") + SIMULATOR_MAKE_PAYMENT_PATH
    redirect_url = _url(raw, "psp_redirect_url", where, problems, required=False)
    if redirect_url and _https_or_this_pc("psp_redirect_url", redirect_url, where, problems):
        values["psp_redirect_url"] = redirect_url

    msn = raw.get("merchant_serial_number")
    if isinstance(msn, int) and not isinstance(msn, bool):
        msn = str(msn)
    if msn is None:
        problems.append(
            Message(
                '{where}: [vipps] merchant_serial_number is missing; add your 6-digit MSN, like "123456"', where=where
            )
        )
    elif not (isinstance(msn, str) and len(msn) == 6 and msn.isascii() and msn.isdigit()):
        got = _describe("merchant_serial_number", msn)
        problems.append(
            Message(
                '{where}: [vipps] merchant_serial_number must be exactly 6 digits, like "123456" (got {got})',
                where=where,
                got=got,
            )
        )
    else:
        values["merchant_serial_number"] = msn

    skip = raw.get("skip_landing_page", False)
    if not isinstance(skip, bool):
        problems.append(
            Message(
                "{where}: [vipps] skip_landing_page must be true or false (got {got})",
                where=where,
                got=_describe("", skip),
            )
        )
    else:
        values["skip_landing_page"] = skip

    timeout = _seconds(raw, "request_timeout_s", "vipps", where, problems, allow_zero=False)
    if timeout is not None:
        values["request_timeout_s"] = timeout

    if len(problems) > before:
        return None
    return VippsSettings(**values)


def _https_or_this_pc(key: str, url: str, where: str, problems: list[Message]) -> bool:
    """The rule for every address the kiosk's credentials, the make-payment token or a customer's payment travel
    to (base_url, make_payment_url, psp_redirect_url): https, or plain http to this PC only (a simulator). They
    never cross a network unencrypted and unverified, and no setting turns TLS verification off."""
    parts = urlsplit(url)
    if parts.scheme == "https" or is_loopback_host(parts.hostname or ""):
        return True
    problems.append(
        Message(
            '{where}: [vipps] {key} must start with https:// (plain http is only for a simulator on this PC, like "http://127.0.0.1:8765")',
            where=where,
            key=key,
        )
    )
    return False


def _url(raw: dict[str, Any], key: str, where: str, problems: list[Message], *, required: bool) -> str | None:
    value = raw.get(key)
    if value is None:
        if required:
            problems.append(
                Message(
                    '{where}: [vipps] {key} is missing; add {key} = "https://..." to the [vipps] section',
                    where=where,
                    key=key,
                )
            )
        return None
    if isinstance(value, str):
        parts = urlsplit(value.strip())
        if parts.scheme in ("http", "https") and parts.hostname and not parts.query and not parts.fragment:
            return value.strip()
    got = _describe(key, value)
    problems.append(
        Message(
            '{where}: [vipps] {key} must be a web address like "https://apitest.vipps.no" (got {got})',
            where=where,
            key=key,
            got=got,
        )
    )
    return None


def _seconds(
    raw: dict[str, Any],
    key: str,
    table: str,
    where: str,
    problems: list[Message],
    *,
    allow_zero: bool,
) -> float | None:
    if key not in raw:
        return None
    value = raw[key]
    lowest = Message("0 or more") if allow_zero else Message("more than 0")
    shown = {"where": where, "table": table, "key": key, "lowest": lowest, "got": _describe(key, value)}
    if isinstance(value, bool) or not isinstance(value, int | float):
        problems.append(Message("{where}: [{table}] {key} must be a number of seconds, {lowest} (got {got})", **shown))
        return None
    if value < 0 or (value == 0 and not allow_zero) or value != value or value == float("inf"):
        problems.append(Message("{where}: [{table}] {key} must be {lowest} seconds (got {got})", **shown))
        return None
    return float(value)


def _parse_kiosk(raw: dict[str, Any], where: str, problems: list[Message]) -> KioskSettings:
    known = {f.name for f in fields(KioskSettings)} - {"max_amount_ore"} | {MAX_AMOUNT_KEY}
    _reject_unknown(raw, known, "kiosk", where, problems)
    from kiosk.shop_ledger.address import till_id_of

    values: dict[str, Any] = {"till_id": till_id_of(raw, where, problems)}
    max_amount_ore = _max_amount_ore(raw, where, problems)
    if max_amount_ore is not None:
        values["max_amount_ore"] = max_amount_ore
    kiosk_mode = raw.get("kiosk_mode", False)
    if not isinstance(kiosk_mode, bool):
        got = _describe("kiosk_mode", kiosk_mode)
        problems.append(Message("{where}: [kiosk] kiosk_mode must be true or false (got {got})", where=where, got=got))
        kiosk_mode = False
    values["kiosk_mode"] = kiosk_mode
    values["customer_display"] = _customer_display(raw, where, problems)
    for key in known - {"kiosk_mode", MAX_AMOUNT_KEY, "till_id", "customer_display"}:
        seconds = _seconds(raw, key, "kiosk", where, problems, allow_zero=key == "poll_start_delay_s")
        if seconds is not None:
            values[key] = seconds
    kiosk = KioskSettings(**values)
    if kiosk.approval_window_s < kiosk.landing_window_s:
        problems.append(
            Message(
                "{where}: [kiosk] approval_window_s ({approval}) must be at least landing_window_s ({landing}): the "
                "app window follows the landing page",
                where=where,
                approval=f"{kiosk.approval_window_s:g}",
                landing=f"{kiosk.landing_window_s:g}",
            )
        )
    return kiosk


def _customer_display(raw: dict[str, Any], where: str, problems: list[Message]) -> str:
    """ "auto", "none" or a screen's name: any short one-line text (what Qt reports differs by PC and driver, so
    a name is not checked against today's screens; one that is not plugged in means one screen)."""
    value = raw.get("customer_display", "auto")
    if not isinstance(value, str) or not value.strip() or len(value) > 100 or not value.isprintable():
        got = _describe("customer_display", value)
        problems.append(
            Message(
                '{where}: [kiosk] customer_display must be "auto", "none" or the name of a screen as the settings '
                "screen lists it (got {got})",
                where=where,
                got=got,
            )
        )
        return "auto"
    return value


def _max_amount_ore(raw: dict[str, Any], where: str, problems: list[Message]) -> int | None:
    """`max_amount_kr` as øre, exactly. A TOML float is binary (4.35 is 4.3499999...), so it is read by the
    shortest text that gives it back (`repr`, which is what was written), never by arithmetic on the float."""
    if MAX_AMOUNT_KEY not in raw:
        return None
    value = raw[MAX_AMOUNT_KEY]
    from decimal import Decimal, InvalidOperation  # only a file that sets the limit needs it

    kroner: Decimal | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            kroner = Decimal(repr(value))
        except InvalidOperation:
            kroner = None
    if kroner is None or not kroner.is_finite() or kroner < 1 or (kroner * 100) % 1 != 0:
        got = _describe(MAX_AMOUNT_KEY, value)
        problems.append(
            Message(
                "{where}: [kiosk] {key} must be a number of kroner from 1, with at most two decimals, like 5000 or "
                "4999.50 (got {got})",
                where=where,
                key=MAX_AMOUNT_KEY,
                got=got,
            )
        )
        return None
    return int(kroner * 100)


def max_amount_kr(ore: int) -> int | float:
    """The limit as `max_amount_kr` is written: whole kroner as an integer, else the float whose shortest text
    is those kroner and øre (4.35), so that reading it back gives the same øre."""
    kroner, rest = divmod(ore, 100)
    return kroner if rest == 0 else float(f"{kroner}.{rest:02d}")


def _parse_simulator(raw: dict[str, Any], where: str, problems: list[Message]) -> SimulatorPlace:
    known = {f.name for f in fields(SimulatorPlace)}
    _reject_unknown(raw, known, "simulator", where, problems)
    place = SimulatorPlace()
    host = raw.get("host", place.host)
    port = raw.get("port", place.port)
    if not isinstance(host, str) or not host.strip():
        problems.append(
            Message('{where}: [simulator] host must be an address like "127.0.0.1" or "0.0.0.0"', where=where)
        )
        host = place.host
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
        problems.append(
            Message("{where}: [simulator] port must be a whole number from 0 (any free port) to 65535", where=where)
        )
        port = place.port
    return SimulatorPlace(host=host.strip(), port=port)


def _parse_shop(raw: dict[str, Any], where: str, problems: list[Message]) -> ShopSettings:
    known = {f.name for f in fields(ShopSettings)} - {"database_password"}
    _reject_unknown(raw, known, "shop", where, problems)
    shop = ShopSettings()
    name = raw.get("name", shop.name)
    if not isinstance(name, str) or len(name) > 60 or not name.isprintable():
        problems.append(
            Message('{where}: [shop] name must be text of at most 60 characters, like "Corner Café"', where=where)
        )
        name = shop.name
    choices = {"language": LANGUAGES, "theme": THEMES}
    chosen: dict[str, str] = {}
    for key, allowed in choices.items():
        value = raw.get(key, getattr(shop, key))
        if value not in allowed:
            got, one_of = _describe(key, value), ", ".join(allowed)
            problems.append(
                Message(
                    "{where}: [shop] {key} must be one of {allowed} (got {got})",
                    where=where,
                    key=key,
                    allowed=one_of,
                    got=got,
                )
            )
            value = getattr(shop, key)
        chosen[key] = value
    sounds = raw.get("sounds", shop.sounds)
    if not isinstance(sounds, bool):
        problems.append(
            Message(
                "{where}: [shop] sounds must be true or false (got {got})", where=where, got=_describe("sounds", sounds)
            )
        )
        sounds = shop.sounds
    shop_id = raw.get("shop_id", shop.shop_id)
    return ShopSettings(
        name=name.strip(),
        sounds=sounds,
        database=raw["database"] if isinstance(raw.get("database"), str) else "",
        shop_id=shop_id if isinstance(shop_id, str) else shop.shop_id,
        **chosen,
    )
