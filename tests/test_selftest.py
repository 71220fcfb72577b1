"""`kiosk selftest`, as a packaged kiosk's smoke test runs it: a real process, no display, user files untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # `kiosk selftest` in a process of its own


def _selftest(tmp_path: Path, *python_args: str) -> subprocess.CompletedProcess[str]:
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "TEMP": str(temp), "TMP": str(temp)}
    env.pop("QT_QPA_PLATFORM", None)  # selftest chooses offscreen by itself
    args = python_args or ("-m", "kiosk", "selftest")
    return subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(("api", "title"), [("psp", "PSP v3"), ("epayment", "ePayment")])
def test_selftest_rings_up_a_paid_sale_and_leaves_no_files(tmp_path, api, title):
    config = Path(os.environ["KIOSK_CONFIG"])
    config.write_text("[vipps]\nclientid = 'a typo that would stop the kiosk'\n")  # never stops selftest
    data = Path(os.environ["KIOSK_DATA_DIR"])

    result = _selftest(tmp_path, "-m", "kiosk", "selftest", "--api", api)

    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "selftest: OK"
    assert lines[0] == "selftest: the settings cannot be read (kiosk doctor says why); selling in Norway"
    assert any(line.startswith('selftest: the counter says "') for line in lines)  # in the PC's language
    assert any(line.startswith("selftest: the ledger says PAID") for line in lines)
    assert lines[-2].endswith(f"captured through its {title} API")  # the simulator's record of that API
    assert not data.exists(), "selftest wrote to KIOSK_DATA_DIR"
    assert list((tmp_path / "temp").iterdir()) == [], "selftest left its temporary folder behind"


@pytest.mark.parametrize(("country", "market"), [("DK", "DKK, MobilePay"), ("FI", "EUR, MobilePay")])
def test_selftest_sells_on_the_demo_sales_unit_of_the_country_asked_for(tmp_path, country, market):
    result = _selftest(tmp_path, "-m", "kiosk", "selftest", "--country", country)

    lines = result.stdout.splitlines()
    assert f"selling in {country} ({market})" in result.stdout
    assert lines[-1] == "selftest: OK", result.stdout + result.stderr
    assert lines[-2].endswith("captured through its ePayment API")  # Denmark and Finland: ePayment only
    assert result.returncode == 0


def test_selftest_sells_in_the_settings_country_when_not_told(tmp_path):
    Path(os.environ["KIOSK_CONFIG"]).write_text('[shop]\ncountry = "FI"\n', encoding="utf-8")
    result = _selftest(tmp_path, "-m", "kiosk", "selftest")
    assert "on Vipps' ePayment API, selling in FI (EUR, MobilePay)" in result.stdout, result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_selftest_on_the_psp_api_outside_norway_is_one_line_and_status_2(tmp_path):
    result = _selftest(tmp_path, "-m", "kiosk", "selftest", "--country", "DK", "--api", "psp")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "kiosk: --api psp takes payments in Norway only: use --api epayment with --country DK"
    ]
    assert result.stdout == ""


def test_a_failed_selftest_is_one_plain_line_and_exit_1(tmp_path):
    refused = (  # 31,00 kr is the simulator's "card not eligible": the sale is refused, not paid
        "import kiosk.ui.selftest as s; s.AMOUNT_TEXT, s.AMOUNT_ORE = '31,00', 3100; raise SystemExit(s.run_selftest())"
    )
    result = _selftest(tmp_path, "-c", refused)

    assert result.returncode == 1, result.stdout + result.stderr
    assert 'selftest: FAILED: the counter says "' in result.stdout  # "Card refused", in the PC's language
    assert "Traceback" not in result.stdout + result.stderr
    (kept,) = (tmp_path / "temp").iterdir()  # kept for the post-mortem, and named
    assert f"selftest: the kiosk's log and ledger are kept in {kept}" in result.stdout
    assert (kept / "logs" / "kiosk.log").exists()
    assert not Path(os.environ["KIOSK_DATA_DIR"]).exists()
