"""`kiosk export` without a screen: CSV and the one-page PDF, read back; bad input is one line and no file."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime, timedelta

from pypdf import PdfReader

from kiosk.ledger import Ledger, ledger_path
from tests.helpers import record_paid_sale


def _kiosk(*args: str, tmp_path) -> subprocess.CompletedProcess:
    env = {"KIOSK_CONFIG": str(tmp_path / "config.toml"), "KIOSK_DATA_DIR": str(tmp_path / "data"), "PATH": ""}
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def _demo_day(tmp_path) -> date:
    """A few sales straight in the demo ledger (no config file means demo mode)."""
    day = date.today()
    noon = datetime.combine(day, datetime.min.time()).astimezone() + timedelta(hours=12)
    with Ledger.open(ledger_path(tmp_path / "data", demo=True)) as ledger:
        for number, amount in enumerate((14950, 5000), start=1):
            record_paid_sale(ledger, amount, at=noon, tx=f"tx{number}")
        refused = ledger.new_sale(4400, at=noon + timedelta(hours=1))
        ledger.move_sale(refused.id, ["OPEN"], "NOT_PAID", outcome="REFUSED")
    return day


def test_export_csv_headless(tmp_path):
    day = _demo_day(tmp_path)
    output = tmp_path / "out.csv"
    result = _kiosk("export", "--date", day.isoformat(), "--output", str(output), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{output} (3 sales)"
    assert output.read_text(encoding="utf-8-sig").count("\n") == 4


def test_export_pdf_is_one_page_with_the_totals(tmp_path):
    day = _demo_day(tmp_path)
    output = tmp_path / "report.pdf"
    result = _kiosk("export", "--date", day.isoformat(), "--format", "pdf", "--output", str(output), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(output)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "end of day" in text
    assert "2 sales" in text
    assert "NOK 199.50" in text  # 149,50 + 50,00 captured, in English (the shop's language: this PC's is not Norwegian)
    assert "12:00–12:59 2 NOK 199.50" in text


def test_export_pdf_speaks_the_shops_language(tmp_path, compiled_translations):
    day = _demo_day(tmp_path)
    (tmp_path / "config.toml").write_text('[shop]\nlanguage = "nb"\n', encoding="utf-8")
    output = tmp_path / "rapport.pdf"
    result = _kiosk("export", "--date", day.isoformat(), "--format", "pdf", "--output", str(output), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    text = " ".join(PdfReader(output).pages[0].extract_text().replace("\u2212", "-").split())
    assert "Vipps-kiosk: dagsoppgjør" in text
    assert "Belastet 2 salg 199,50 kr" in text
    assert "Ikke betalt" in text
    assert "12:00–12:59 2 199,50 kr" in text
    assert "end of day" not in text


def test_an_empty_day_exports_zero_totals_not_an_error(tmp_path):
    _demo_day(tmp_path)
    output = tmp_path / "empty.pdf"
    result = _kiosk("export", "--date", "2001-01-01", "--format", "pdf", "--output", str(output), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    text = " ".join(PdfReader(output).pages[0].extract_text().split())
    assert "0 sales" in text


def test_a_bad_date_is_one_line_and_no_file(tmp_path):
    _demo_day(tmp_path)
    result = _kiosk("export", "--date", "24.11.2026", tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "kiosk: --date must be a date like 2026-11-24 (got '24.11.2026')"
    assert not (tmp_path / "data" / "exports").exists()


def test_an_unwritable_output_is_one_line(tmp_path):
    _demo_day(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = _kiosk("export", "--date", date.today().isoformat(), "--output", str(blocker / "x.csv"), tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("kiosk: cannot create the folder")
    assert "Traceback" not in result.stderr
