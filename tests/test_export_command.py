"""`kiosk export` without a screen: CSV and the one-page PDF, read back; bad input is one line and no file."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.ledger import Ledger, ledger_path
from kiosk.ledger.schema import MIGRATIONS
from tests.helpers import record_paid_sale

pytestmark = pytest.mark.slow  # `kiosk export` in a process of its own


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
    (tmp_path / "config.toml").write_text('[shop]\nlanguage = "en"\n', encoding="utf-8")
    output = tmp_path / "report.pdf"
    result = _kiosk("export", "--date", day.isoformat(), "--format", "pdf", "--output", str(output), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(output)
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "end of day" in text
    assert "2 sales" in text
    assert "NOK 199.50" in text  # 149,50 + 50,00 captured, in English (the shop's language)
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
    """With no settings file the shop is Norway's defaults: the report is in bokmål, its zero in kroner."""
    _demo_day(tmp_path)
    output = tmp_path / "empty.pdf"
    result = _kiosk("export", "--date", "2001-01-01", "--format", "pdf", "--output", str(output), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    text = " ".join(PdfReader(output).pages[0].extract_text().split())
    assert "0 salg" in text
    assert "0,00 kr" in text


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


# ---- a ledger left by a crash, read where the WAL's index cannot be opened ----------------------------------------

_CRASHING_TILL = """
import os, signal, sqlite3, sys
from datetime import datetime
from kiosk.ledger import Ledger
from tests.helpers import record_paid_sale

noon = datetime.fromisoformat(sys.argv[2])
ledger = Ledger.open(__import__("pathlib").Path(sys.argv[1]))
for number in range(int(sys.argv[3])):
    record_paid_sale(ledger, 1000, at=noon, tx=f"late{number}")
if sys.argv[4] == "checkpoint":
    sqlite3.connect(sys.argv[1]).execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # all saved; the -wal empty
os.kill(os.getpid(), signal.SIGKILL)  # the power cut: no close, no checkpoint; the sales are in the -wal only
"""


def _crashed_day(tmp_path, saved: int, unsaved: int, checkpoint: bool = False) -> tuple[date, Path]:
    """`saved` sales written and the kiosk closed cleanly, then `unsaved` more by a kiosk killed mid-day
    (after a checkpoint that saved them into the file, with `checkpoint`)."""
    day = date.today()
    noon = datetime.combine(day, datetime.min.time()).astimezone() + timedelta(hours=12)
    path = ledger_path(tmp_path / "data", demo=True)
    with Ledger.open(path) as ledger:
        for number in range(saved):
            record_paid_sale(ledger, 1000, at=noon, tx=f"early{number}")
    if unsaved:
        killed = subprocess.run(
            [
                sys.executable,
                "-c",
                _CRASHING_TILL,
                str(path),
                noon.isoformat(),
                str(unsaved),
                str(checkpoint and "checkpoint"),
            ],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        assert (Path(f"{path}-wal").stat().st_size > 0) is not checkpoint
    return day, path


def _export_from_a_read_only_folder(folder: Path, *args: str, tmp_path) -> subprocess.CompletedProcess:
    """`kiosk export` on a ledger folder nobody may write, without the WAL's index (-shm): a copy on a backup
    share, or the kiosk's folder read by another user. That is when SQLite cannot open it plainly read-only.
    As root (CI) the folder is a read-only mount in a mount namespace of the export's own, which ends with it;
    as anyone else the folder's mode says it."""
    shm = folder / "ledger-demo.sqlite3-shm"
    shm.unlink(missing_ok=True)
    env = {"KIOSK_CONFIG": str(tmp_path / "config.toml"), "KIOSK_DATA_DIR": str(folder), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "kiosk", "export", *args]
    if os.geteuid() == 0:
        ro_mount = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
        command = ["unshare", "--mount", "sh", "-c", ro_mount, str(folder), *command]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    folder.chmod(0o555)
    try:
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, check=False)
    finally:
        folder.chmod(0o755)


def test_an_export_never_silently_leaves_out_sales_still_in_the_wal_after_a_crash(tmp_path):
    day, path = _crashed_day(tmp_path, saved=20, unsaved=7)
    output = tmp_path / "out.csv"
    result = _export_from_a_read_only_folder(
        path.parent, "--date", day.isoformat(), "--output", str(output), tmp_path=tmp_path
    )
    assert result.returncode == 2, result.stdout  # it used to write 20 of the 27 sales and say nothing
    assert result.stderr.strip() == (
        f"kiosk: The ledger at {path} holds sales from before a crash that are not saved into it yet, and they "
        "cannot be read from here. Start the kiosk once (it saves them), then export again."
    )
    assert not output.exists()
    assert Path(f"{path}-wal").stat().st_size > 0  # nothing was touched


def test_a_cleanly_closed_ledger_exports_whole_from_a_read_only_folder(tmp_path):
    day, path = _crashed_day(tmp_path, saved=20, unsaved=0)
    assert not Path(f"{path}-wal").exists()
    output = tmp_path / "out.csv"
    result = _export_from_a_read_only_folder(
        path.parent, "--date", day.isoformat(), "--output", str(output), tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{output} (20 sales)"


def test_a_crash_right_after_a_checkpoint_leaves_an_empty_wal_and_exports_whole_from_a_read_only_folder(tmp_path):
    day, path = _crashed_day(tmp_path, saved=20, unsaved=7, checkpoint=True)
    output = tmp_path / "out.csv"
    result = _export_from_a_read_only_folder(
        path.parent, "--date", day.isoformat(), "--output", str(output), tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{output} (27 sales)"


def test_an_empty_day_of_a_danish_shop_exports_zero_in_its_currency(tmp_path):
    _demo_day(tmp_path)
    (tmp_path / "config.toml").write_text('[shop]\ncountry = "DK"\nlanguage = "en"\n', encoding="utf-8")
    output = tmp_path / "empty.pdf"
    result = _kiosk("export", "--date", "2001-01-01", "--format", "pdf", "--output", str(output), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    text = " ".join(PdfReader(output).pages[0].extract_text().replace("\u00a0", " ").split())
    assert "Captured 0 sales DKK 0.00" in text


def test_a_ledger_from_before_the_currency_is_one_line_asking_for_a_start_not_a_traceback(tmp_path):
    """`kiosk export` reads read-only, so it cannot migrate: an older ledger (a kiosk updated, not started yet)
    would be read by columns it lacks."""
    path = ledger_path(tmp_path / "data", demo=True)
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as old:
        old.executescript(";".join(MIGRATIONS[:7]) + "; PRAGMA user_version = 7;")
        old.execute(
            "INSERT INTO sales (created_at, amount_ore, state) VALUES ('2026-01-01T10:00:00.000+00:00', 1, 'OPEN')"
        )
    old.close()
    before = path.read_bytes()
    output = tmp_path / "out.csv"
    result = _kiosk("export", "--date", "2026-01-01", "--output", str(output), tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"kiosk: The ledger at {path} is from an older version of the kiosk, and it is not updated from here. "
        "Start the kiosk once (it updates the ledger), then try again."
    )
    assert not output.exists()
    assert path.read_bytes() == before
