"""Saving settings (secrets apart from the file, in a private file where there is no keyring), and `kiosk doctor`
saying exactly what is wrong, against the real simulator."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.commands.doctor import run_checks
from kiosk.settings.file import save_settings
from kiosk.settings.loading import load_settings
from kiosk.settings.model import ConfigError
from kiosk.settings.paths import config_path
from kiosk.settings.secrets import FILE_NAME
from kiosk.simulator.demo import DEMO_SALES_UNIT, DEMO_SALES_UNITS


def _raw(base_url: str, **changes: str) -> dict:
    unit = DEMO_SALES_UNIT
    vipps = {
        "base_url": base_url,
        "client_id": unit.client_id,
        "client_secret": unit.client_secret,
        "subscription_key": unit.subscription_key,
        "merchant_serial_number": unit.merchant_serial_number,
        "psp_id": unit.psp_id,
        "make_payment_token": unit.make_payment_token,
        "request_timeout_s": 2.0,
    }
    vipps.update(changes)
    return {"vipps": vipps, "kiosk": {"poll_interval_s": 2.0}, "shop": {"name": "Corner Café", "language": "nb"}}


def test_saved_settings_keep_the_secrets_out_of_the_file_and_load_back_whole(sim):
    path = config_path()
    saved = save_settings(path, _raw(sim.base_url))
    text = path.read_text(encoding="utf-8")
    for secret in (DEMO_SALES_UNIT.client_secret, DEMO_SALES_UNIT.subscription_key, DEMO_SALES_UNIT.make_payment_token):
        assert secret not in text
    secrets_file = path.parent / FILE_NAME
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600
    loaded = load_settings(path)
    assert loaded.vipps == saved.vipps
    assert loaded.vipps.client_secret == DEMO_SALES_UNIT.client_secret
    assert loaded.shop.name == "Corner Café"
    assert loaded.shop.language == "nb"


def test_bad_settings_are_refused_whole_and_nothing_is_written(sim):
    path = config_path()
    with pytest.raises(ConfigError) as caught:
        save_settings(path, _raw("http://192.0.2.1", merchant_serial_number="12ab"))
    assert len(str(caught.value).splitlines()) == 2
    assert not path.exists()
    assert not (path.parent / FILE_NAME).exists()


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_secrets_file_others_can_read_is_reported_not_used(sim):
    path = config_path()
    save_settings(path, _raw(sim.base_url))
    (path.parent / FILE_NAME).chmod(0o644)
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert "other users can read it; run chmod 600" in str(caught.value).splitlines()[0]
    assert DEMO_SALES_UNIT.client_secret not in str(caught.value)


def _by_name(results) -> dict[str, tuple[bool, str]]:
    return {str(r.name): (r.ok, str(r.detail)) for r in results}  # the English, as kiosk doctor prints it


def test_the_doctor_passes_a_good_setup(sim):
    save_settings(config_path(), _raw(sim.base_url))
    results = _by_name(run_checks())
    assert all(ok for ok, _ in results.values()), results
    assert set(results) == {"Settings", "Secrets", "Data folder", "Ledger", "Access token", "PSP access"}


@pytest.mark.parametrize(
    ("change", "failing", "says"),
    [
        ({"client_secret": "wrong-secret"}, "Access token", "check client_id, client_secret and the subscription key"),
        ({"psp_id": "someone-else"}, "PSP access", "Vipps refused the PSP-Id"),
        ({"merchant_serial_number": "999999"}, "Sales unit", "does not know merchant serial number 999999"),
    ],
)
def test_the_doctor_names_the_wrong_setting(sim, change, failing, says):
    save_settings(config_path(), _raw(sim.base_url, **change))
    results = _by_name(run_checks())
    ok, detail = results[failing]
    assert not ok
    assert says in detail
    assert "wrong-secret" not in detail


def _epayment(base_url: str, **changes: str) -> dict:
    """Settings of a shop on the ePayment API: no PSP-Id, no makePayment URL or token."""
    raw = _raw(base_url, api="epayment", **changes)
    for psp_only in ("psp_id", "make_payment_token"):
        raw["vipps"].pop(psp_only)
    return raw


def test_the_doctor_passes_a_good_epayment_setup_without_the_psp_settings(sim):
    save_settings(config_path(), _epayment(sim.base_url))
    results = _by_name(run_checks())
    assert all(ok for ok, _ in results.values()), results
    assert set(results) == {"Settings", "Secrets", "Data folder", "Ledger", "Access token", "ePayment access"}
    assert results["Settings"][1].endswith(
        "is valid; a shop in Norway (NOK, Vipps), payments through Vipps' ePayment API"
    )


@pytest.mark.parametrize(
    ("change", "failing", "says"),
    [
        ({"client_secret": "wrong-secret"}, "Access token", "check client_id, client_secret and the subscription key"),
        ({"merchant_serial_number": "999999"}, "ePayment access", "check merchant_serial_number"),
    ],
)
def test_the_doctor_names_the_wrong_setting_for_epayment(sim, change, failing, says):
    save_settings(config_path(), _epayment(sim.base_url, **change))
    ok, detail = _by_name(run_checks())[failing]
    assert not ok
    assert says in detail
    assert "wrong-secret" not in detail


def test_the_doctor_says_when_vipps_cannot_be_reached(sim):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    save_settings(config_path(), _raw(f"http://127.0.0.1:{port}"))
    ok, detail = _by_name(run_checks())["Access token"]
    assert not ok
    assert detail == f"cannot reach http://127.0.0.1:{port}: check base_url and the shop's internet connection"


@pytest.mark.slow  # `kiosk` in a process of its own
def test_kiosk_doctor_from_a_terminal(sim):
    save_settings(config_path(), _raw(sim.base_url, psp_id="someone-else"))
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor"], capture_output=True, text=True, timeout=60, env=os.environ
    )
    assert done.returncode == 1
    assert "ok   Access token:" in done.stdout
    assert "FAIL PSP access: Vipps refused the PSP-Id" in done.stdout
    assert done.stdout.rstrip().endswith("kiosk doctor: 1 problem(s) to fix")
    assert "Traceback" not in done.stderr


def test_kiosk_doctor_names_the_api_of_a_demo_on_epayment():
    config_path().write_text('[vipps]\napi = "epayment"\n', encoding="utf-8")
    results = _by_name(run_checks())
    assert results["Settings"] == (
        True,
        f"{config_path()} is valid, with no credentials: a demo, a shop in Norway (NOK, Vipps), payments through "
        "Vipps' ePayment API",
    )
    assert "Access token" not in results  # a demo asks no Vipps


@pytest.mark.parametrize(
    ("country", "name", "market"), [("DK", "Denmark", "DKK, MobilePay"), ("FI", "Finland", "EUR, MobilePay")]
)
def test_kiosk_doctor_names_the_country_and_market_of_a_demo(country, name, market):
    config_path().write_text(f'[shop]\ncountry = "{country}"\n', encoding="utf-8")
    ok, detail = _by_name(run_checks())["Settings"]
    assert ok
    assert detail == (
        f"{config_path()} is valid, with no credentials: a demo, a shop in {name} ({market}), payments through "
        "Vipps' ePayment API"
    )


@pytest.mark.parametrize(("country", "where"), [("DK", "Denmark (DKK, MobilePay)"), ("FI", "Finland (EUR, MobilePay)")])
def test_the_doctor_passes_a_danish_or_finnish_shop_on_its_sales_unit(sim, country, where):
    """A shop's settings naming only its country and its unit's credentials (no api: ePayment there), checked
    against the simulator's sales unit of that market."""
    unit = DEMO_SALES_UNITS[country]
    raw = {
        "vipps": {
            "base_url": sim.base_url,
            "client_id": unit.client_id,
            "client_secret": unit.client_secret,
            "subscription_key": unit.subscription_key,
            "merchant_serial_number": unit.merchant_serial_number,
        },
        "shop": {"country": country},
    }
    save_settings(config_path(), raw)
    results = _by_name(run_checks())
    assert all(ok for ok, _ in results.values()), results
    assert set(results) == {"Settings", "Secrets", "Data folder", "Ledger", "Access token", "ePayment access"}
    assert results["Settings"][1].endswith(f"is valid; a shop in {where}, payments through Vipps' ePayment API")


@pytest.mark.slow  # `kiosk` in a process of its own
def test_kiosk_doctor_on_a_fresh_pc_is_happy_with_the_demo():
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor"], capture_output=True, text=True, timeout=60, env=os.environ
    )
    assert done.returncode == 0, done.stdout
    assert "the kiosk runs as a demo, a shop in Norway (NOK, Vipps)" in done.stdout
    assert not Path(os.environ["KIOSK_DATA_DIR"], "ledger-demo.sqlite3").exists()  # looked, changed nothing


# ---- a keyring that is there but locked ------------------------------------------------------------------------

LOCKED_KEYRING = "tests.locked_keyring.LockedKeyring"


def _settings_whose_secrets_are_in_the_keyring() -> None:
    """A [vipps] table as the settings screen writes it where there is a keyring: no secrets in the file."""
    unit = DEMO_SALES_UNIT
    config_path().write_text(
        "[vipps]\n"
        'base_url = "https://apitest.vipps.no"\n'
        f'client_id = "{unit.client_id}"\n'
        f'merchant_serial_number = "{unit.merchant_serial_number}"\n'
        f'psp_id = "{unit.psp_id}"\n'
        'make_payment_url = "https://psp.example.com/makepayment"\n',
        encoding="utf-8",
    )


def _with_a_locked_keyring() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "KIOSK_NO_KEYRING"}
    return {**env, "PYTHON_KEYRING_BACKEND": LOCKED_KEYRING, "QT_QPA_PLATFORM": "offscreen"}


@pytest.mark.slow  # `kiosk` in a process of its own
def test_a_locked_keyring_at_start_is_one_clear_line_not_a_traceback():
    _settings_whose_secrets_are_in_the_keyring()
    done = subprocess.run(
        [sys.executable, "-m", "kiosk"], capture_output=True, text=True, timeout=60, env=_with_a_locked_keyring()
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        "kiosk: the system keyring is locked, so the Vipps secrets cannot be read; unlock it (log in to the "
        "desktop, or open the keyring app) and start the kiosk again, or start it with --demo"
    ]


@pytest.mark.slow  # `kiosk` in a process of its own
def test_the_doctor_says_the_keyring_is_locked():
    _settings_whose_secrets_are_in_the_keyring()
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_with_a_locked_keyring(),
    )
    assert done.returncode == 1
    assert "FAIL Settings: " in done.stdout
    assert "the system keyring is locked" in done.stdout
    assert "Traceback" not in done.stderr


# ---- secrets written into config.toml by hand ------------------------------------------------------------------


def _settings_with_the_secrets_in_the_file(base_url: str, mode: int) -> Path:
    """config.toml as a shop owner may write it by hand, after the README's example: secrets and all."""
    unit = DEMO_SALES_UNIT
    path = config_path()
    path.write_text(
        "[vipps]\n"
        f'base_url = "{base_url}"\n'
        f'client_id = "{unit.client_id}"\n'
        f'client_secret = "{unit.client_secret}"\n'
        f'subscription_key = "{unit.subscription_key}"\n'
        f'merchant_serial_number = "{unit.merchant_serial_number}"\n'
        f'psp_id = "{unit.psp_id}"\n',
        encoding="utf-8",
    )
    path.chmod(mode)
    return path


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_config_file_others_can_read_with_secrets_in_it_is_refused(sim):
    path = _settings_with_the_secrets_in_the_file(sim.base_url, 0o644)
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    assert str(caught.value).splitlines() == [
        f"{path}: other users can read it, and it holds Vipps secrets (client_secret, subscription_key); run "
        "chmod 600 on it, then change those secrets in the Vipps portal, as they may have been seen"
    ]
    assert DEMO_SALES_UNIT.client_secret not in str(caught.value)
    path.chmod(0o600)
    assert load_settings(path).vipps.client_secret == DEMO_SALES_UNIT.client_secret


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_config_file_others_can_read_without_secrets_is_fine(sim):
    save_settings(config_path(), _raw(sim.base_url))  # the secrets go to secrets.json, the file is left 0644
    assert stat.S_IMODE(config_path().stat().st_mode) & 0o044
    assert load_settings().vipps.client_secret == DEMO_SALES_UNIT.client_secret


@pytest.mark.slow  # `kiosk` in a process of its own
def test_kiosk_with_a_readable_config_file_holding_secrets_exits_with_the_one_line(sim):
    path = _settings_with_the_secrets_in_the_file(sim.base_url, 0o640)
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "export", "--date", "2026-11-24"],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"kiosk: {path}: other users can read it, and it holds Vipps secrets (client_secret, subscription_key); "
        "run chmod 600 on it, then change those secrets in the Vipps portal, as they may have been seen"
    ]


def test_the_doctor_says_the_secrets_are_in_the_settings_file_itself(sim):
    path = _settings_with_the_secrets_in_the_file(sim.base_url, 0o600)
    (path.parent / FILE_NAME).write_text("{}", encoding="utf-8")  # an empty secrets.json is no place they are in
    (path.parent / FILE_NAME).chmod(0o600)
    ok, detail = _by_name(run_checks())["Secrets"]
    assert ok
    assert detail == (
        f"client_secret, subscription_key are in {path} itself (readable only by this user); saving the settings "
        "from the settings screen moves them to the system keyring or a private file"
    )


def test_the_doctor_says_the_secrets_are_in_the_private_file(sim):
    save_settings(config_path(), _raw(sim.base_url))
    ok, detail = _by_name(run_checks())["Secrets"]
    assert (ok, detail) == (True, f"kept in {config_path().parent / FILE_NAME} (readable only by this user)")
