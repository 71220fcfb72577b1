"""Settings: one clear line per mistake, naming the key and the fix, never a secret or a traceback."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import tomllib
import typing
from pathlib import Path

import pytest

from kiosk.settings.loading import load_settings
from kiosk.settings.model import ConfigError, KioskSettings
from kiosk.settings.paths import config_path, data_dir
from kiosk.settings.reading import parse_settings

GOOD = """
[vipps]
base_url = "https://apitest.vipps.no"
client_id = "my-client"
client_secret = "s3cr3t-client-value"
subscription_key = "sub-key-value-123"
merchant_serial_number = "654321"
psp_id = "psp-guid"
make_payment_url = "https://psp.example.com/makepayment"
make_payment_token = "mp-token-value-999"
system_name = "acme-kiosk"

[kiosk]
poll_start_delay_s = 5
poll_interval_s = 2
landing_window_s = 300
approval_window_s = 600
"""
SECRETS = ("s3cr3t-client-value", "sub-key-value-123", "mp-token-value-999")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)  # it holds secrets: a file others can read is refused (tests/test_settings_and_doctor.py)
    return path


def test_env_vars_point_at_the_test_files(isolated_user_files):
    assert config_path() == isolated_user_files / "config.toml"
    assert data_dir() == isolated_user_files / "data"


def test_no_file_means_demo_mode_with_the_default_timings(tmp_path):
    settings = load_settings(tmp_path / "absent.toml")
    assert settings.demo
    assert settings.kiosk == KioskSettings(5.0, 2.0, 300.0, 600.0, 8.0, 10_000_000)


def test_a_complete_file_loads(tmp_path):
    settings = load_settings(_write(tmp_path, GOOD))
    assert not settings.demo
    assert settings.vipps.merchant_serial_number == "654321"
    assert settings.vipps.make_payment_token == "mp-token-value-999"
    assert settings.kiosk.poll_interval_s == 2.0
    assert "s3cr3t" not in repr(settings)


def test_a_simulator_base_url_needs_no_make_payment_url(tmp_path):
    text = GOOD.replace('base_url = "https://apitest.vipps.no"', 'base_url = "http://127.0.0.1:8765/"')
    text = text.replace('make_payment_url = "https://psp.example.com/makepayment"\n', "")
    settings = load_settings(_write(tmp_path, text))
    assert settings.vipps.make_payment_url == "http://127.0.0.1:8765/_sim/psp/makepayment"


def test_a_simulator_make_payment_url_given_is_kept_and_a_redirect_url_does_not_drop_the_default(tmp_path):
    text = GOOD.replace('base_url = "https://apitest.vipps.no"', 'base_url = "http://127.0.0.1:8765/"')
    assert load_settings(_write(tmp_path, text)).vipps.make_payment_url == "https://psp.example.com/makepayment"
    text = text.replace('make_payment_url = "https://psp.example.com/makepayment"', 'psp_redirect_url = "https://a.no"')
    assert load_settings(_write(tmp_path, text)).vipps.make_payment_url == "http://127.0.0.1:8765/_sim/psp/makepayment"


EPAYMENT = (
    GOOD.replace('psp_id = "psp-guid"\n', "")
    .replace('make_payment_url = "https://psp.example.com/makepayment"\n', "")
    .replace('make_payment_token = "mp-token-value-999"\n', 'api = "epayment"\n')
)


def test_the_epayment_api_needs_no_psp_id_nor_make_payment_url(tmp_path):
    settings = load_settings(_write(tmp_path, EPAYMENT))
    assert (settings.api, settings.vipps.api) == ("epayment", "epayment")
    assert (settings.vipps.psp_id, settings.vipps.make_payment_url) == ("", "")
    assert not settings.demo


def test_the_psp_api_still_needs_both(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, EPAYMENT.replace('api = "epayment"', 'api = "psp"')))
    assert str(caught.value).splitlines() == [
        'config.toml: [vipps] psp_id is missing; add psp_id = "..." to the [vipps] section',
        'config.toml: [vipps] make_payment_url is missing; add make_payment_url = "https://..." to the [vipps] section',
    ]


def test_a_vipps_table_with_only_the_api_is_a_demo_on_that_api(tmp_path):
    settings = load_settings(_write(tmp_path, '[vipps]\napi = "epayment"\n'))
    assert (settings.demo, settings.api, settings.vipps) == (True, "epayment", None)
    assert load_settings(tmp_path / "absent.toml").api == "psp"
    with pytest.raises(ConfigError, match='api must be "psp" or "epayment"'):
        load_settings(_write(tmp_path, '[vipps]\napi = "ecom"\n'))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('client_id = "my-client"\n', ""), "[vipps] client_id is missing; add client_id"),
        (
            ('base_url = "https://apitest.vipps.no"', 'base_url = "apitest.vipps.no"'),
            "[vipps] base_url must be a web address",
        ),
        (('"654321"', '"12345"'), "[vipps] merchant_serial_number must be exactly 6 digits"),
        (('"654321"', '"١٢٣٤٥٦"'), "[vipps] merchant_serial_number must be exactly 6 digits"),
        (
            ("poll_interval_s = 2", "poll_interval_s = -2"),
            "[kiosk] poll_interval_s must be more than 0 seconds",
        ),
        (("poll_interval_s = 2", 'poll_interval_s = "fast"'), "[kiosk] poll_interval_s must be a number"),
        (("approval_window_s = 600", "approval_window_s = 60"), "approval_window_s (60) must be at least"),
        (('system_name = "acme-kiosk"', 'system_name = "' + "x" * 31 + '"'), "at most 30 characters"),
        (("client_id =", "clientid ="), "unknown key [vipps] clientid; did you mean client_id?"),
        (
            ('client_secret = "s3cr3t-client-value"', "client_secret = 42"),
            "client_secret must be a non-empty",
        ),
    ],
)
def test_each_mistake_is_one_line_naming_the_key(tmp_path, change, expected):
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, GOOD.replace(*change)))
    assert any(expected in line for line in str(caught.value).splitlines()), str(caught.value).splitlines()
    for secret in SECRETS:
        assert secret not in str(caught.value)


HTTPS_ONLY = 'must start with https:// (plain http is only for a simulator on this PC, like "http://127.0.0.1:8765")'


@pytest.mark.parametrize("key", ["make_payment_url", "psp_redirect_url"])
@pytest.mark.parametrize("host", ["psp.example.com", "192.0.2.5", "10.0.0.7"])
def test_every_vipps_facing_url_needs_https_unless_it_is_this_pc(tmp_path, key, host):
    # The make-payment token and the customer's phone travel to these addresses: never unencrypted over a network.
    text = GOOD.replace('system_name = "acme-kiosk"', f'system_name = "acme-kiosk"\n{key} = "http://{host}/pay"')
    text = text.replace('make_payment_url = "https://psp.example.com/makepayment"\n', "")
    if key != "make_payment_url":
        text = text.replace(f'{key} = "http', f'make_payment_url = "https://psp.example.com/pay"\n{key} = "http')
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, text))
    assert str(caught.value).splitlines() == [f"config.toml: [vipps] {key} {HTTPS_ONLY}"]


@pytest.mark.parametrize("key", ["make_payment_url", "psp_redirect_url"])
@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]"])
def test_plain_http_to_this_pc_is_allowed_for_every_url(tmp_path, key, host):
    text = GOOD.replace('base_url = "https://apitest.vipps.no"', 'base_url = "http://127.0.0.1:8765"')
    text = text.replace('system_name = "acme-kiosk"', f'system_name = "acme-kiosk"\n{key} = "http://{host}:9/pay"')
    if key == "make_payment_url":
        text = text.replace('make_payment_url = "https://psp.example.com/makepayment"\n', "")
    assert getattr(load_settings(_write(tmp_path, text)).vipps, key) == f"http://{host}:9/pay"


@pytest.mark.slow  # starts a process of its own
def test_the_kiosk_command_refuses_a_plain_http_make_payment_url_with_status_2(tmp_path):
    path = _write(tmp_path, GOOD.replace("https://psp.example.com", "http://psp.example.com"))
    output = tmp_path / "day.csv"
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "export", "--date", "2026-12-01", "--output", str(output)],
        env={"KIOSK_CONFIG": str(path), "KIOSK_DATA_DIR": str(tmp_path / "data"), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"kiosk: config.toml: [vipps] make_payment_url {HTTPS_ONLY}"
    assert not output.exists()


@pytest.mark.parametrize(
    ("written", "ore"),
    [
        ("4.35", 435),
        ("5000", 500_000),
        ("4999.5", 499_950),
        ("0.29e2", 2900),
        ("100000", 10_000_000),
        ("1e30", 10**32),  # a traceback once: Decimal's 28 digits could not say whether it had decimals
    ],
)
@pytest.mark.parametrize("key", ["max_amount", "max_amount_kr"])  # max_amount_kr: the files before Denmark and Finland
def test_max_amount_is_read_exactly_as_minor_units(tmp_path, written, ore, key):
    # 4.35 as a binary float is 4.3499999...: int(4.35 * 100) made the till's ceiling 4,34 kr.
    settings = load_settings(_write(tmp_path, f"[kiosk]\n{key} = {written}\n"))
    assert settings.kiosk.max_amount_ore == ore


@pytest.mark.parametrize("written", ["4.355", "0.5", "0", "-10", '"5000"', "true", "nan", "inf", "1e400"])
def test_a_max_amount_that_is_not_kroner_and_ore_is_one_line(tmp_path, written):
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, f"[kiosk]\nmax_amount_kr = {written}\n"))
    (line,) = str(caught.value).splitlines()
    assert line.startswith(
        "config.toml: [kiosk] max_amount_kr must be a number of kroner from 1, with at most two decimals, "
        "like 5000 or 4999.50 (got "
    ), line


@pytest.mark.parametrize("written", ["4.355", "0.5", "0", '"5000"', "nan"])
def test_a_max_amount_that_is_not_units_and_hundredths_is_one_line_in_the_shops_currency(tmp_path, written):
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, f'[shop]\ncountry = "FI"\n[kiosk]\nmax_amount = {written}\n'))
    (line,) = str(caught.value).splitlines()
    assert line.startswith(
        "config.toml: [kiosk] max_amount must be an amount in the shop's currency from 1, with at most two "
        "decimals, like 5000 or 4999.50 (got "
    ), line


def test_several_mistakes_are_all_reported_at_once(tmp_path):
    text = GOOD.replace('"654321"', '"1"').replace("poll_interval_s = 2", "poll_interval_s = 0")
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, text))
    assert len(str(caught.value).splitlines()) == 2


def test_broken_toml_is_one_line(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, "[vipps\nbase_url = "))
    (line,) = str(caught.value).splitlines()
    assert "is not valid TOML" in line


def test_a_secret_given_with_the_wrong_type_is_not_echoed():
    with pytest.raises(ConfigError) as caught:
        parse_settings({"vipps": {"client_secret": ["top-secret-list"]}})
    assert "top-secret-list" not in str(caught.value)


@pytest.mark.slow  # starts a process of its own
def test_the_kiosk_command_prints_config_mistakes_without_a_traceback(tmp_path):
    path = _write(tmp_path, GOOD.replace('"654321"', '"12"'))
    result = subprocess.run(
        [sys.executable, "-m", "kiosk"],
        env={"KIOSK_CONFIG": str(path), "KIOSK_DATA_DIR": str(tmp_path / "data"), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "kiosk: config.toml: [vipps] merchant_serial_number must be exactly 6 digits, like \"123456\" (got '12')"
    ]
    assert "Traceback" not in result.stderr


EVERY_KEY = """
[vipps]
base_url = "https://apitest.vipps.no/"
client_id = " my-client "
client_secret = "s3cr3t-client-value"
subscription_key = "sub-key-value-123"
merchant_serial_number = 654321
psp_id = "psp-guid"
make_payment_url = "https://psp.example.com/makepayment"
make_payment_token = "mp-token-value-999"
psp_redirect_url = "https://shop.example.com/thanks"
system_name = "acme-kiosk"
skip_landing_page = true
request_timeout_s = 4
api = "epayment"

[kiosk]
poll_start_delay_s = 0
poll_interval_s = 3
landing_window_s = 200
approval_window_s = 500
outcome_display_s = 4
max_amount = 4999.5
idle_return_s = 60
kiosk_mode = true
till_id = "kasse-2"
customer_display = "HDMI-1"

[simulator]
host = "0.0.0.0"
port = 8765

[shop]
name = "Corner Café"
language = "nb"
country = "DK"
theme = "high-contrast"
sounds = false
database = "postgresql://kiosk@127.0.0.1/shop"
shop_id = "sentrum"
"""


def test_every_key_the_file_can_hold_is_read_into_its_field_with_the_declared_type(tmp_path):
    settings = load_settings(_write(tmp_path, EVERY_KEY))
    written = tomllib.loads(EVERY_KEY)
    for table, model in [("vipps", settings.vipps), ("kiosk", settings.kiosk), ("simulator", settings.simulator)]:
        _each_field_is_written_and_read(written[table], model)
    _each_field_is_written_and_read(written["shop"], settings.shop, apart=frozenset({"database_password"}))
    vipps = settings.vipps
    assert (vipps.base_url, vipps.client_id, vipps.merchant_serial_number) == (
        "https://apitest.vipps.no",
        "my-client",
        "654321",
    )
    assert (settings.kiosk.max_amount_ore, settings.kiosk.poll_start_delay_s) == (499_950, 0.0)


def _each_field_is_written_and_read(written: dict, model: typing.Any, apart: frozenset[str] = frozenset()) -> None:
    """Each field of `model` has its key in `written` (max_amount_ore is max_amount there), holds the type it
    declares and is not its default: no key of the file is dropped on the way, none is left unread."""
    fields = {f.name: f for f in dataclasses.fields(model)}
    assert set(fields) - apart == {"max_amount_ore" if key == "max_amount" else key for key in written}
    declared = typing.get_type_hints(type(model))
    for name in set(fields) - apart:
        value = getattr(model, name)
        assert isinstance(value, declared[name]), (name, value)
        assert value != fields[name].default, name


@pytest.mark.slow  # starts a process of its own
def test_the_settings_import_no_qt_network_or_database_library_and_a_demo_start_no_toml_reader_or_keyring():
    probe = (
        "import importlib, pkgutil, sys\n"
        "before = set(sys.modules)\n"
        "from kiosk.settings.loading import load_settings\n"
        "import kiosk.settings.model, kiosk.settings.paths\n"
        "load_settings()\n"
        "print(' '.join(sorted(set(sys.modules) - before)))\n"
        "for module in pkgutil.iter_modules(kiosk.settings.__path__):\n"
        "    importlib.import_module('kiosk.settings.' + module.name)\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=Path(__file__).parents[1],
    )
    demo_start, everything = (set(line.split()) for line in result.stdout.splitlines())
    assert "kiosk.settings.model" in demo_start
    assert not {"tomllib", "keyring", "kiosk.settings.reading", "kiosk.settings.secrets"} & demo_start
    roots = {name.partition(".")[0] for name in everything}
    assert not {"PySide6", "httpx", "psycopg", "pydantic", "shiboken6"} & roots
    assert not {name for name in everything if name.startswith(("kiosk.ui", "kiosk.checkout", "kiosk.vipps"))}


# ---- the shop's country: its language, its API, its currency's limit ----------------------------------------------


@pytest.mark.parametrize(("country", "language"), [("NO", "nb"), ("DK", "da"), ("FI", "fi")])
def test_a_file_naming_only_its_country_speaks_that_countrys_language(tmp_path, country, language):
    settings = load_settings(_write(tmp_path, f'[shop]\ncountry = "{country}"\n'))
    assert (settings.shop.country, settings.shop.language) == (country, language)
    assert settings.shop.market.country == country


def test_no_settings_file_is_a_norwegian_demo_in_bokmal(tmp_path):
    settings = load_settings(tmp_path / "not-there.toml")
    assert (settings.demo, settings.api, settings.shop.country, settings.shop.language) == (True, "psp", "NO", "nb")
    assert settings.shop.market.currency == "NOK"


@pytest.mark.parametrize("language", ["system", "nb", "da", "fi", "en"])
def test_a_language_named_in_the_file_is_kept_whatever_the_country(tmp_path, language):
    settings = load_settings(_write(tmp_path, f'[shop]\ncountry = "DK"\nlanguage = "{language}"\n'))
    assert settings.shop.language == language


def test_an_unknown_country_or_language_is_one_line_listing_the_choices(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, '[shop]\ncountry = "SE"\nlanguage = "sv"\n'))
    assert str(caught.value).splitlines() == [
        "config.toml: [shop] language must be one of system, nb, da, fi, en (got 'sv')",
        "config.toml: [shop] country must be one of NO, DK, FI (got 'SE')",
    ]


def _real_vipps(api_line: str = "", psp: bool = False) -> str:
    psp_keys = 'psp_id = "psp-guid"\nmake_payment_url = "https://psp.example.com/makepayment"\n' if psp else ""
    return (
        '[vipps]\nbase_url = "https://apitest.vipps.no"\nclient_id = "my-client"\nclient_secret = "s3cr3t"\n'
        f'subscription_key = "sub-key"\nmerchant_serial_number = "654321"\n{psp_keys}{api_line}'
    )


@pytest.mark.parametrize("country", ["DK", "FI"])
def test_the_psp_api_in_denmark_or_finland_is_one_line_naming_the_fix(tmp_path, country):
    text = _real_vipps('api = "psp"\n', psp=True) + f'[shop]\ncountry = "{country}"\n'
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, text))
    assert str(caught.value).splitlines() == [
        'config.toml: [vipps] api = "psp" takes payments in Norway only: set api = "epayment" for a shop in '
        f'Denmark or Finland ([shop] country = "{country}")'
    ]


@pytest.mark.parametrize("country", ["DK", "FI"])
def test_a_demo_on_the_psp_api_in_denmark_or_finland_is_refused_too(tmp_path, country):
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, f'[vipps]\napi = "psp"\n[shop]\ncountry = "{country}"\n'))
    assert 'api = "psp" takes payments in Norway only' in str(caught.value)


@pytest.mark.parametrize(("country", "api"), [("NO", "psp"), ("DK", "epayment"), ("FI", "epayment")])
def test_a_vipps_table_naming_no_api_takes_its_countrys(tmp_path, country, api):
    """Norway's default stays PSP's (a Norwegian file as before); Denmark and Finland have only ePayment, so no
    PSP-Id or makePayment is asked of them."""
    text = _real_vipps(psp=country == "NO") + f'[shop]\ncountry = "{country}"\n'
    settings = load_settings(_write(tmp_path, text))
    assert (settings.vipps.api, settings.api) == (api, api)


@pytest.mark.parametrize(("country", "api"), [("NO", "psp"), ("DK", "epayment"), ("FI", "epayment")])
def test_a_demo_takes_its_countrys_api(tmp_path, country, api):
    settings = load_settings(_write(tmp_path, f'[shop]\ncountry = "{country}"\n'))
    assert (settings.demo, settings.api) == (True, api)


def test_a_norwegian_vipps_table_naming_no_api_still_needs_the_psp_keys(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, _real_vipps()))
    assert [line.split(";")[0] for line in str(caught.value).splitlines()] == [
        "config.toml: [vipps] psp_id is missing",
        "config.toml: [vipps] make_payment_url is missing",
    ]


@pytest.mark.parametrize(("country", "ore"), [("NO", 499_995), ("DK", 499_995)])
def test_max_amount_kr_is_read_on_in_a_shop_of_kroner(tmp_path, country, ore):
    text = f'[shop]\ncountry = "{country}"\n[kiosk]\nmax_amount_kr = 4999.95\n'
    assert load_settings(_write(tmp_path, text)).kiosk.max_amount_ore == ore


def test_max_amount_kr_in_finland_is_refused_with_the_fix(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, '[shop]\ncountry = "FI"\n[kiosk]\nmax_amount_kr = 5000\n'))
    assert str(caught.value).splitlines() == [
        "config.toml: [kiosk] max_amount_kr is in kroner, and a shop in Finland takes euros: use max_amount, in "
        "euros (like max_amount = 5000)"
    ]


def test_max_amount_in_finland_is_euros_as_cents(tmp_path):
    text = '[shop]\ncountry = "FI"\n[kiosk]\nmax_amount = 250.5\n'
    assert load_settings(_write(tmp_path, text)).kiosk.max_amount_ore == 25_050


def test_max_amount_and_max_amount_kr_together_are_one_line(tmp_path):
    with pytest.raises(ConfigError) as caught:
        load_settings(_write(tmp_path, "[kiosk]\nmax_amount = 5000\nmax_amount_kr = 5000\n"))
    assert str(caught.value).splitlines() == [
        "config.toml: [kiosk] max_amount and max_amount_kr are the same limit: keep only max_amount"
    ]
