"""A fresh counter PC without Qt's system libraries, or without a display: `kiosk doctor` and the kiosk itself
say in one line what to install (or that there is no display) instead of Qt's abort.

The missing libraries are real: a shadow PySide6 whose xcb plugin the loader cannot complete (tests/fresh_pc.py),
run in a process of its own, where `ldd` and Qt fail as on a PC that never had the packages."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.commands.doctor import run_checks
from tests.fresh_pc import ROOT, load_script, need_linux_tools, pyside_without, wait_for_file, without_a_screen

pytestmark = pytest.mark.slow  # the kiosk, ldd or Xvfb in processes of their own

WITHHELD = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}  # two of the nine a fresh Debian PC lacks
ADVICE = (
    "Qt cannot draw on this PC's display: install libxcb-cursor0 and libxkbcommon-x11-0 "
    "(sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0)"
)


@pytest.fixture
def x_display() -> Iterator[str]:
    """A real X server of this test's own (Xvfb on a display nobody else uses), as packaging/build.py starts one."""
    need_linux_tools("Xvfb")
    with load_script("packaging/build.py").XServer() as server:
        yield server.display


# ---- kiosk doctor ----------------------------------------------------------------------------------------------


def _kiosk(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_the_doctor_names_the_package_of_each_library_qt_cannot_find(tmp_path):
    pyside_without(tmp_path / "site", WITHHELD)
    done = _kiosk(["doctor"], {**without_a_screen(os.environ), "PYTHONPATH": str(tmp_path / "site")})
    assert done.returncode == 1
    assert f"FAIL Qt display: {ADVICE}" in done.stdout.splitlines()
    assert done.stdout.rstrip().endswith("kiosk doctor: 1 problem(s) to fix")


def test_the_doctor_names_a_library_it_knows_no_package_for(tmp_path):
    pyside_without(tmp_path / "site", {"libxcb-cursor.so.0"}, extra_needed=("libkiosk-test-gone.so.1",))
    done = _kiosk(["doctor"], {**without_a_screen(os.environ), "PYTHONPATH": str(tmp_path / "site")})
    assert done.returncode == 1
    assert (
        "FAIL Qt display: Qt cannot draw on this PC's display: install libxcb-cursor0 "
        "(sudo apt-get install libxcb-cursor0); libkiosk-test-gone.so.1 is missing too "
        "(apt-file search libkiosk-test-gone.so.1 names its package)"
    ) in done.stdout.splitlines()


def test_the_doctor_says_when_qts_plugin_itself_is_gone(tmp_path):
    platforms = pyside_without(tmp_path / "site", set())
    (platforms / "libqxcb.so").unlink()  # a broken install: removed by hand, or a copy cut short
    done = _kiosk(["doctor"], {**without_a_screen(os.environ), "PYTHONPATH": str(tmp_path / "site")})
    assert done.returncode == 1
    assert "FAIL Qt display: Qt's xcb platform plugin (libqxcb.so) is missing: reinstall the kiosk" in (
        done.stdout.splitlines()
    )


def test_the_doctor_passes_a_pc_with_every_library(monkeypatch):
    need_linux_tools("ldd")
    monkeypatch.delenv("QT_QPA_PLATFORM")  # the tests' offscreen: a shop's terminal names none
    ok, detail = {r.name: (r.ok, r.detail) for r in run_checks()}["Qt display"]
    assert ok, detail
    assert detail.startswith("Qt's xcb platform plugin finds every library it needs (")


def test_without_ldd_the_doctor_says_it_cannot_tell(monkeypatch, tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("ldd is Linux's")
    monkeypatch.setenv("PATH", str(tmp_path))  # a PC without ldd (musl, a stripped image)
    monkeypatch.delenv("QT_QPA_PLATFORM")
    results = {r.name: (r.ok, r.detail) for r in run_checks()}
    assert results["Qt display"] == (True, "not checked: this PC has no ldd to ask")


# ---- the kiosk itself ------------------------------------------------------------------------------------------


def test_the_kiosk_names_the_packages_instead_of_qts_abort(tmp_path, x_display):
    """On a PC with a display but without the libraries: one line and status 2, not Qt's long abort."""
    pyside_without(tmp_path / "site", WITHHELD)
    env = {**without_a_screen(os.environ), "DISPLAY": x_display, "PYTHONPATH": str(tmp_path / "site")}
    done = _kiosk(["--demo"], env)
    assert done.stderr.splitlines() == [f"kiosk: {ADVICE}"]
    assert done.returncode == 2


def test_the_kiosk_without_a_display_says_so():
    if not sys.platform.startswith("linux"):
        pytest.skip("DISPLAY and WAYLAND_DISPLAY are Linux's")
    done = _kiosk(["--demo"], without_a_screen(os.environ))
    assert done.stderr.splitlines() == [
        "kiosk: no display found (DISPLAY and WAYLAND_DISPLAY are not set): start the kiosk on the PC's "
        "desktop, or set QT_QPA_PLATFORM=offscreen to run it unseen"
    ]
    assert done.returncode == 2


def test_the_kiosk_says_when_the_display_it_was_given_does_not_answer():
    if not sys.platform.startswith("linux"):
        pytest.skip("DISPLAY is Linux's")
    gone = "/nonexistent/kiosk-test-x-server"  # a socket path no X server listens on (libxcb takes a path too)
    done = _kiosk(["--demo"], {**without_a_screen(os.environ), "DISPLAY": gone})
    assert done.stderr.splitlines() == [
        f"kiosk: cannot open the display {gone}: is the desktop running, and may this user draw on it?"
    ]
    assert done.returncode == 2


def test_ctrl_c_in_the_terminal_ends_the_kiosk_without_a_traceback(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--demo"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_for_file("logs/kiosk.log", Path(env["KIOSK_DATA_DIR"]), process, limit_s=60)  # its first frame
        process.send_signal(signal.SIGINT)
        _, said = process.communicate(timeout=30)
    finally:
        process.kill()
    assert "Traceback" not in said
    assert process.returncode == 0
