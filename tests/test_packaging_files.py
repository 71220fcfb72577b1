"""The files a Linux counter PC is set up with (packaging/linux/) and the frozen program's entry point."""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "vipps-kiosk.desktop"
AUTOSTART = LINUX / "autostart" / "vipps-kiosk.desktop"
UNIT = LINUX / "vipps-kiosk.service"


def _desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in a desktop entry
    parser.read(path, encoding="utf-8")
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def _unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A systemd unit: a key may repeat (After=, Environment=), so each maps to all its values."""
    sections: dict[str, dict[str, list[str]]] = {}
    section = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        assert section is not None, f"{line!r} is outside any section"
        section.setdefault(key.strip(), []).append(value.strip())
    return sections


def test_the_menu_entry_starts_the_kiosk():
    entry = _desktop_entry(DESKTOP)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Vipps Counter Kiosk"
    assert entry["Exec"] == "kiosk"
    assert entry["Icon"] == "vipps-kiosk"
    assert entry["Terminal"] == "false"
    assert "Finance" in entry["Categories"].split(";")
    assert entry["Categories"].endswith(";")


def test_the_autostart_entry_starts_the_kiosk_at_login():
    entry = _desktop_entry(AUTOSTART)
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "kiosk"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry.get("Hidden", "false") == "false"  # Hidden=true would switch autostart off


def test_the_icon_the_entries_name_exists():
    svg = (ROOT / "resources" / "kiosk-icon.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")  # installed as vipps-kiosk.svg (packaging/README.md)


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
@pytest.mark.parametrize("path", [DESKTOP, AUTOSTART], ids=["menu", "autostart"])
def test_desktop_file_validate_passes(path):
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout + result.stderr


def test_the_unit_runs_the_kiosk_under_cage_on_tty1():
    unit = _unit(UNIT)
    service = unit["Service"]
    assert service["ExecStart"] == ["/usr/bin/cage -- /opt/vipps-kiosk/kiosk"]
    assert service["User"] == ["kiosk"]
    assert service["PAMName"] == ["login"]  # a logind session: cage gets the seat (screen, keyboard)
    assert service["TTYPath"] == ["/dev/tty1"]
    assert service["StandardInput"][0].startswith("tty")
    assert service["Restart"] == ["always"]
    assert "QT_QPA_PLATFORM=wayland" in service["Environment"]
    after = " ".join(unit["Unit"]["After"]).split()
    assert "systemd-user-sessions.service" in after
    assert "systemd-logind.service" in after
    assert unit["Unit"]["Conflicts"] == ["getty@tty1.service"]
    assert unit["Install"]["WantedBy"] == ["graphical.target"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_verify_finds_nothing_wrong():
    result = subprocess.run(
        ["systemd-analyze", "verify", str(UNIT)], capture_output=True, text=True, check=False, timeout=60
    )
    problems = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if not Path("/usr/bin/cage").exists():  # the one complaint a machine without cage must make
        problems = [line for line in problems if "/usr/bin/cage" not in line]
    assert problems == []


def test_the_frozen_entry_point_is_the_kiosk_command(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "kiosk_main.py"), "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("kiosk ")


def _build_script():
    spec = importlib.util.spec_from_file_location("kiosk_package_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_build_digest_depends_on_content_only(tmp_path):
    build = _build_script()
    for name in ("a", "b"):
        (tmp_path / name / "_internal").mkdir(parents=True)
        (tmp_path / name / "kiosk").write_bytes(b"program")
        (tmp_path / name / "_internal" / "lib.so").write_bytes(b"library")
    assert build.content_digest(tmp_path / "a") == build.content_digest(tmp_path / "b")
    (tmp_path / "b" / "_internal" / "lib.so").write_bytes(b"librarx")
    assert build.content_digest(tmp_path / "a") != build.content_digest(tmp_path / "b")


def test_the_build_time_stamp_is_source_date_epoch_when_set(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _build_script().source_date_epoch() == 1700000000
