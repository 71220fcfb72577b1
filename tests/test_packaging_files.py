"""The files a Linux counter PC is set up with (packaging/linux/) and the frozen program's entry point."""

from __future__ import annotations

import configparser
import importlib.util
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "vipps-kiosk.desktop"
AUTOSTART = LINUX / "autostart" / "vipps-kiosk.desktop"
UNIT = LINUX / "vipps-kiosk.service"


def _unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """A systemd unit as systemd reads it: a key may repeat (After=, Environment=), so each maps to all its values."""
    sections: dict[str, dict[str, list[str]]] = {}
    section: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = sections.setdefault(line.strip("[]"), {})
            continue
        key, _, value = line.partition("=")
        section.setdefault(key.strip(), []).append(value.strip())
    return sections


@pytest.mark.parametrize("path", [DESKTOP, AUTOSTART], ids=["menu", "autostart"])
def test_desktop_file_validate_passes(path):
    """The freedesktop.org rules, checked by their own tool (dev.py installs desktop-file-utils)."""
    assert shutil.which("desktop-file-validate"), "desktop-file-validate is missing: python3 dev.py test installs it"
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout + result.stderr == ""  # not even a hint


@pytest.mark.skipif(shutil.which("gio") is None, reason="gio (libglib2.0-bin) is not installed")
@pytest.mark.parametrize("path", [DESKTOP, AUTOSTART], ids=["menu", "autostart"])
def test_the_entry_starts_the_kiosk_command_as_a_desktop_launches_it(path, tmp_path):
    """Launched by GLib as a desktop's menu or session does, the entry runs the `kiosk` on the PATH (a stand-in
    here that says it was started), with no arguments and no terminal."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    started = tmp_path / "started"
    stand_in = bin_dir / "kiosk"
    stand_in.write_text(f'#!/bin/sh\necho "args:$*" > "{started}"\n', encoding="utf-8")
    stand_in.chmod(0o755)
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path)}
    launched = subprocess.run(["gio", "launch", str(path)], env=env, capture_output=True, text=True, timeout=30)
    assert launched.returncode == 0, launched.stderr
    deadline = time.monotonic() + 10  # gio hands the command to a child and returns at once
    while not started.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert started.read_text(encoding="utf-8").strip() == "args:"


def test_the_autostart_entry_is_not_switched_off():
    """The XDG autostart rules skip an entry that is Hidden or has GNOME's autostart disabled."""
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive in a desktop entry
    entry.read(AUTOSTART, encoding="utf-8")
    assert entry["Desktop Entry"].get("Hidden", "false") == "false"
    assert entry["Desktop Entry"].get("X-GNOME-Autostart-enabled", "true") == "true"


def test_the_icon_the_entries_name_exists():
    svg = (ROOT / "resources" / "kiosk-icon.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")  # installed as vipps-kiosk.svg (packaging/README.md)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_verify_finds_nothing_wrong():
    result = subprocess.run(
        ["systemd-analyze", "verify", str(UNIT)], capture_output=True, text=True, check=False, timeout=60
    )
    problems = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if not Path("/usr/bin/cage").exists():  # the one complaint a machine without cage must make
        problems = [line for line in problems if "/usr/bin/cage" not in line]
    assert problems == []


def test_the_unit_runs_the_packaged_kiosk_as_cages_only_client_and_starts_it_again_whenever_it_ends():
    service = _unit(UNIT)["Service"]
    (command,) = service["ExecStart"]
    argv = shlex.split(command)
    assert Path(argv[0]).name == "cage"
    assert argv[argv.index("--") + 1 :] == ["/opt/vipps-kiosk/kiosk"]  # cage ends when its one client does
    assert service["Restart"] == ["always"]  # a crash, a clean close, a kill: all come back
    assert float(service["RestartSec"][0]) <= 10
    assert "QT_QPA_PLATFORM=wayland" in service["Environment"]  # Qt draws through cage, not X
    assert service["User"] != ["root"]
    assert service["TTYPath"] == ["/dev/tty1"]  # with PAMName, a logind session on tty1: cage gets the seat
    assert service["PAMName"]


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
