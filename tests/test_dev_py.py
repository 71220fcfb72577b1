"""`python3 dev.py run` and `test` on a fresh Debian PC: the system packages each needs, installed as root or
named for anyone else, before anything slow; and `run` on a PC without a display.

The fresh PC is this one's dpkg database without some packages (dpkg-query reads DPKG_ADMINDIR); dev.py runs as
an ordinary user, who may not install, so it names them."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.fresh_pc import ROOT, load_script, wait_for_file, without_a_screen

pytestmark = pytest.mark.slow  # dev.py and pip in processes of their own


@pytest.fixture(scope="module")
def dev() -> ModuleType:
    return load_script("dev.py")


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A folder an ordinary user may read (pytest's own are private to the user running the tests)."""
    folder = Path(tempfile.mkdtemp(prefix="kiosk-fresh-pc-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _fresh_dpkg(folder: Path, lacking: set[str], held: frozenset[str] = frozenset()) -> Path:
    """This PC's dpkg database without some packages, as a fresh PC's (dpkg-query reads DPKG_ADMINDIR)."""
    admin = folder / "dpkg"
    admin.mkdir()
    stanzas = Path("/var/lib/dpkg/status").read_text(encoding="utf-8").split("\n\n")
    kept = [s for s in stanzas if not any(s.startswith(f"Package: {name}\n") for name in lacking)]
    assert len(stanzas) - len(kept) == len(lacking), "every package the test removes is installed here"
    kept = [
        s.replace("Status: install ok installed", "Status: hold ok installed")  # held at its version
        if any(s.startswith(f"Package: {name}\n") for name in held)
        else s
        for s in kept
    ]
    (admin / "status").write_text("\n\n".join(kept), encoding="utf-8")
    return admin


def _dev_as_a_user(
    command: str,
    folder: Path,
    lacking: set[str],
    python: str = sys.executable,
    held: frozenset[str] = frozenset(),
) -> subprocess.CompletedProcess[str]:
    """`python3 dev.py COMMAND` as an ordinary user (not root, so it may not install) on a PC lacking `lacking`."""
    if shutil.which("dpkg-query") is None:
        pytest.skip("a Debian PC's dpkg")
    for name in ("dev.py", "pyproject.toml"):
        shutil.copy(ROOT / name, folder / name)
    (folder / "unwritable").mkdir(mode=0o555)  # no virtual environment may be made before the packages are there
    env = {
        **without_a_screen(os.environ),
        "DPKG_ADMINDIR": str(_fresh_dpkg(folder, lacking, held)),
        "KIOSK_VENV": str(folder / "unwritable" / "venv"),
    }
    command_line = [python, str(folder / "dev.py"), command]
    if os.geteuid() == 0:
        command_line = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command_line]
    return subprocess.run(command_line, env=env, capture_output=True, text=True, timeout=60, cwd=folder)


def test_dev_run_names_what_the_window_needs_on_a_fresh_pc(open_folder):
    done = _dev_as_a_user("run", open_folder, {"libxcb-cursor0", "libxkbcommon-x11-0", "xvfb"})
    assert done.returncode == 1
    # xvfb is the tests' (not the window's): `run` does not ask for it
    assert done.stdout.splitlines() == [
        "dev.py: please install these Debian packages first: sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0"
    ]


def test_dev_run_takes_a_package_held_at_its_version_as_installed(open_folder):
    done = _dev_as_a_user("run", open_folder, {"libxcb-cursor0"}, held=frozenset({"libgl1", "libxcb-shape0"}))
    assert done.stdout.splitlines() == [
        "dev.py: please install these Debian packages first: sudo apt-get install libxcb-cursor0"
    ]


def test_dev_test_names_the_test_tools_too(open_folder):
    done = _dev_as_a_user("test", open_folder, {"libxcb-cursor0", "xvfb", "xdotool"})
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "dev.py: please install these Debian packages first: sudo apt-get install libxcb-cursor0 xvfb xdotool"
    ]


def test_dev_run_without_a_display_runs_the_kiosk_offscreen_and_says_so(dev, tmp_path):
    """`python3 dev.py run` over ssh: the kiosk starts (its first frame drawn offscreen, which starts its log)."""
    if not dev.installed(Path(sys.prefix), None):
        pytest.skip("this Python's environment was not set up by dev.py (it would install into it)")
    env = {**without_a_screen(os.environ), "KIOSK_VENV": sys.prefix}
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "dev.py"), "run", "--demo"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # dev.py and the kiosk it starts are stopped together
    )
    try:
        wait_for_file("logs/kiosk.log", Path(env["KIOSK_DATA_DIR"]), process, limit_s=60)
        assert process.poll() is None, "the kiosk is running"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        output, _ = process.communicate(timeout=30)
    assert output.splitlines()[0] == (
        "dev.py: no display found (DISPLAY and WAYLAND_DISPLAY are not set): the kiosk runs offscreen, where "
        "nobody sees it; Ctrl-C stops it"
    )


def test_dev_names_the_venv_package_debians_own_python_needs(open_folder):
    """A fresh Debian PC's python3 cannot make a virtual environment without python3.X-venv (no ensurepip)."""
    python = Path("/usr/bin/python3")
    if not python.exists():
        pytest.skip("Debian's own python3")
    minor = subprocess.run(
        [python, "-c", "import sys; print(sys.version_info.minor)"], capture_output=True, text=True, check=True
    ).stdout.strip()
    done = _dev_as_a_user("run", open_folder, {f"python3.{minor}-venv", "libxcb-cursor0"}, python=str(python))
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"dev.py: please install these Debian packages first: sudo apt-get install python3.{minor}-venv libxcb-cursor0"
    ]
