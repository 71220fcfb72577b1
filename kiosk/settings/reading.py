"""Reading the settings: a TOML document (the file, or the settings screen's form as the file's tables) into
kiosk.settings.model's Settings, by one table of key -> kind of value, its bounds and its fix line
(the kinds: kiosk.settings.values).

Every problem becomes one line that names the key and the fix; the whole list is raised together as a
`ConfigError`, so a shop owner fixes the file in one go instead of one restart per mistake. Secret values are
never echoed back, not even when they are wrong.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.domain.market import NORWAY, Market, market_of
from kiosk.domain.message import Message, Verbatim
from kiosk.settings.addresses import is_plain_http, web_address
from kiosk.settings.model import (
    COUNTRIES,
    LANGUAGES,
    MAX_AMOUNT_KEY,
    MAX_AMOUNT_KR_KEY,
    PAYMENT_APIS,
    SIMULATOR_MAKE_PAYMENT_PATH,
    THEMES,
    ConfigError,
    KioskSettings,
    Settings,
    ShopSettings,
    SimulatorPlace,
    VippsSettings,
    default_api,
    shop_defaults,
)
from kiosk.settings.values import (
    DEFAULT,
    Flag,
    Kept,
    Kind,
    MajorUnits,
    OneLine,
    OneOf,
    SalesUnitNumber,
    Seconds,
    Spot,
    TillId,
    VippsText,
    WebAddress,
    WholeNumber,
    Wrong,
)
from kiosk.shop_ledger.address import check_shop_database

Raw = dict[str, Any]


def _always(table: Raw) -> bool:
    return True


def _never(table: Raw) -> bool:
    return False


def _with_psp(vipps: Raw) -> bool:
    """The PSP API's own keys are needed unless api names the ePayment API (a wrong api is read as PSP's; a
    table that names none has its country's, put in before the table is read: `_with_default_api`)."""
    return vipps.get("api") != "epayment"


def _with_psp_off_this_pc(vipps: Raw) -> bool:
    """make_payment_url is PSP's too, but a base_url in plain http (a simulator) comes with its own makePayment.
    A plain-http base_url that is not this PC is refused on its own: one line is enough."""
    base_url = web_address(vipps.get("base_url"))
    return _with_psp(vipps) and not (base_url is not None and is_plain_http(base_url))


@dataclass(frozen=True)
class Key:
    """A key of a table: the kind of value it holds, whether it is required (asked of the table as written),
    and the model's field when that is not named as the key."""

    name: str
    kind: Kind
    required: Callable[[Raw], bool] = _never
    field: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    keys: tuple[Key, ...]  # in the order their lines are reported


API = Key("api", OneOf(PAYMENT_APIS, Message('{where}: [vipps] api must be "psp" or "epayment" (got {got})')))
DEMO_VIPPS = Table("vipps", (API,))  # no credentials: the demo, on the API named (or PSP's)
VIPPS = Table(
    "vipps",
    (
        API,
        Key("client_id", VippsText(), required=_always),
        Key("client_secret", VippsText(), required=_always),
        Key("subscription_key", VippsText(), required=_always),
        # The ePayment API has no PSP-Id; one given is kept, for settling the PSP sales made before.
        Key("psp_id", VippsText(), required=_with_psp),
        Key("make_payment_token", VippsText(longest=255)),
        Key("system_name", VippsText(longest=30)),
        Key("base_url", WebAddress(without_trailing_slash=True), required=_always),
        Key("make_payment_url", WebAddress(), required=_with_psp_off_this_pc),
        Key("psp_redirect_url", WebAddress()),
        Key("merchant_serial_number", SalesUnitNumber(), required=_always),
        Key("skip_landing_page", Flag(Message("{where}: [vipps] skip_landing_page must be true or false (got {got})"))),
        Key("request_timeout_s", Seconds()),
    ),
)
KIOSK = Table(
    "kiosk",
    (
        Key("till_id", TillId()),
        Key(
            MAX_AMOUNT_KEY,
            MajorUnits(
                Message(
                    "{where}: [kiosk] {key} must be an amount in the shop's currency from 1, with at most two "
                    "decimals, like 5000 or 4999.50 (got {got})"
                )
            ),
            field="max_amount_ore",
        ),
        # Files written before Denmark and Finland; the same field (both at once, or in euros: `_max_amount`).
        Key(
            MAX_AMOUNT_KR_KEY,
            MajorUnits(
                Message(
                    "{where}: [kiosk] {key} must be a number of kroner from 1, with at most two decimals, like 5000 or "
                    "4999.50 (got {got})"
                )
            ),
            field="max_amount_ore",
        ),
        Key("kiosk_mode", Flag(Message("{where}: [kiosk] kiosk_mode must be true or false (got {got})"))),
        Key(
            "customer_display",
            # "auto", "none" or a screen's name: any short one-line text (what Qt reports differs by PC and
            # driver, so a name is not checked against today's screens; one that is not plugged in means one screen).
            OneLine(
                Message(
                    '{where}: [kiosk] customer_display must be "auto", "none" or the name of a screen as the settings '
                    "screen lists it (got {got})"
                ),
                longest=100,
                printable=True,
                trimmed=False,
            ),
        ),
        Key("poll_start_delay_s", Seconds(allow_zero=True)),
        Key("poll_interval_s", Seconds()),
        Key("landing_window_s", Seconds()),
        Key("approval_window_s", Seconds()),
        Key("outcome_display_s", Seconds()),
        Key("idle_return_s", Seconds()),
    ),
)
SIMULATOR = Table(
    "simulator",
    (
        Key("host", OneLine(Message('{where}: [simulator] host must be an address like "127.0.0.1" or "0.0.0.0"'))),
        Key(
            "port",
            WholeNumber(
                0, 65535, Message("{where}: [simulator] port must be a whole number from 0 (any free port) to 65535")
            ),
        ),
    ),
)
_ONE_OF = Message("{where}: [shop] {key} must be one of {allowed} (got {got})")
SHOP = Table(
    "shop",
    (
        Key(
            "name",
            OneLine(
                Message('{where}: [shop] name must be text of at most 60 characters, like "Corner Café"'),
                longest=60,
                may_be_blank=True,
                printable=True,
            ),
        ),
        Key("language", OneOf(LANGUAGES, _ONE_OF)),
        Key("country", OneOf(COUNTRIES, _ONE_OF)),
        Key("theme", OneOf(THEMES, _ONE_OF)),
        Key("sounds", Flag(Message("{where}: [shop] sounds must be true or false (got {got})"))),
        # Checked together, and with [kiosk] till_id, by kiosk.shop_ledger.address when either is set.
        Key("database", Kept(str)),
        Key("shop_id", Kept(str)),
    ),
)
TABLES = (VIPPS, KIOSK, SIMULATOR, SHOP)


def toml_tables(path: Path, text: bytes) -> Raw:
    """The settings file's bytes as TOML's tables; a file that is not TOML is one line."""
    try:
        return tomllib.loads(text.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError([Message("{path}: is not UTF-8 text; save it as UTF-8", path=str(path))]) from None
    except tomllib.TOMLDecodeError as exc:
        said = Message(
            "{path}: is not valid TOML ({problem}); fix the syntax there", path=str(path), problem=Verbatim(str(exc))
        )
        raise ConfigError([said]) from None


def names_only_the_api(vipps: Raw) -> bool:
    """No [vipps] table, or one with nothing but `api` in it: no credentials, so the kiosk runs as a demo."""
    return set(vipps) <= {"api"}


def parse_settings(raw: Raw, source: Path | None = None) -> Settings:
    """`raw` (TOML's tables, secrets merged in) as Settings, or ConfigError with every problem of it. `source` is
    the file, whose name starts each line."""
    where = source.name if source else "settings"
    problems: list[Message] = []
    _reject_unknown(raw, tuple(table.name for table in TABLES), "", where, problems)
    vipps_raw, kiosk_raw, sim_raw, shop_raw = (_table(raw, table.name, where, problems) for table in TABLES)

    market = _market(shop_raw)
    demo = names_only_the_api(vipps_raw)
    api_given = vipps_raw.get("api")
    vipps_raw = _with_default_api(vipps_raw, market)
    vipps = _read(DEMO_VIPPS if demo else VIPPS, vipps_raw, where, problems)
    kiosk = KioskSettings(**_read(KIOSK, kiosk_raw, where, problems))
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
    simulator = SimulatorPlace(**_read(SIMULATOR, sim_raw, where, problems))
    # A file that names no language speaks its country's (shop_defaults); "system" is asked for by name.
    shop = ShopSettings(**{**shop_defaults(market.country), **_read(SHOP, shop_raw, where, problems)})
    if "database" in shop_raw or "shop_id" in shop_raw:
        check_shop_database(shop_raw, kiosk_raw, where, problems)
    _check_market(market, api_given, kiosk_raw, where, problems)
    if problems:
        raise ConfigError(problems)
    return Settings(
        vipps=None if demo else _vipps(vipps),
        kiosk=kiosk,
        simulator=simulator,
        shop=shop,
        source=source,
        demo_api=vipps.get("api") if demo else None,
    )


def _market(shop: Raw) -> Market:
    """The shop's market, which the other tables' defaults and rules follow; a wrong country has its own line
    (the [shop] table's), and the rest is read as Norway's meanwhile."""
    country = shop.get("country")
    return market_of(country) if country in COUNTRIES else NORWAY


def _with_default_api(vipps: Raw, market: Market) -> Raw:
    """A [vipps] table (or none) that names no API takes its country's: PSP in Norway, ePayment in Denmark and
    Finland (kiosk.settings.model.default_api), so a Danish shop's file needs no `api` line."""
    return vipps if "api" in vipps else {**vipps, "api": default_api(market.country)} if vipps else {}


def _check_market(market: Market, api: object, kiosk: Raw, where: str, problems: list[Message]) -> None:
    """What the shop's country rules out: the PSP API outside Norway, and a limit in kroner where there are
    none. Each is one line with its fix, beside the tables' own lines."""
    if api == "psp" and not market.psp_api:
        problems.append(
            Message(
                '{where}: [vipps] api = "psp" takes payments in Norway only: set api = "epayment" for a shop in '
                'Denmark or Finland ([shop] country = "{country}")',
                where=where,
                country=market.country,
            )
        )
    if MAX_AMOUNT_KEY in kiosk and MAX_AMOUNT_KR_KEY in kiosk:
        problems.append(
            Message(
                "{where}: [kiosk] max_amount and max_amount_kr are the same limit: keep only max_amount", where=where
            )
        )
    elif MAX_AMOUNT_KR_KEY in kiosk and market.currency not in ("NOK", "DKK"):
        problems.append(
            Message(
                "{where}: [kiosk] max_amount_kr is in kroner, and a shop in Finland takes euros: use max_amount, in "
                "euros (like max_amount = 5000)",
                where=where,
            )
        )


def _vipps(values: Raw) -> VippsSettings:
    """A simulator's base_url (plain http, on this PC) has its own makePayment when none is given."""
    if "make_payment_url" not in values and is_plain_http(values["base_url"]):
        values = {**values, "make_payment_url": values["base_url"] + SIMULATOR_MAKE_PAYMENT_PATH}
    return VippsSettings(**values)


def _read(table: Table, raw: Raw, where: str, problems: list[Message]) -> Raw:
    """The table's values, each read by its key's kind, by field name; a key not there or wrong keeps its
    default (wrong, with its line in `problems`)."""
    _reject_unknown(raw, tuple(key.name for key in table.keys), table.name, where, problems)
    values: Raw = {}
    for key in table.keys:
        spot = Spot(where, table.name, key.name)
        value = raw.get(key.name)
        if value is None:  # TOML has no null: the key is not there
            if key.required(raw):
                problems.append(key.kind.missing(spot))
            continue
        try:
            read = key.kind.read(spot, value)
        except Wrong as wrong:
            problems.append(wrong.problem)
            continue
        if read is not DEFAULT:
            values[key.field or key.name] = read
    return values


def _table(raw: Raw, name: str, where: str, problems: list[Message]) -> Raw:
    value = raw.get(name, {})
    if not isinstance(value, dict):
        problems.append(
            Message("{where}: [{name}] must be a table; write it as a [{name}] section", where=where, name=name)
        )
        return {}
    return value


def _reject_unknown(raw: Raw, known: tuple[str, ...], table: str, where: str, problems: list[Message]) -> None:
    for key in raw:
        if key in known:
            continue
        shown = key if key.isprintable() and key.strip() == key and key else repr(key)
        label = f"[{table}] {shown}" if table else f"[{shown}]"
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
