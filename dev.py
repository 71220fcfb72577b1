"""Set up and run the kiosk or its tests from a fresh clone, with nothing but Python 3.11+.

    python3 dev.py run [kiosk arguments]     start the kiosk (on the embedded simulator unless configured)
    python3 dev.py test [pytest arguments]   run every test

On Debian both first check the system packages they need: `run` the libraries Qt's window needs (a fresh
Debian PC lacks the xcb plugin's), `test` those and the test tools (chromium, Xvfb, xdotool, patchelf,
desktop-file-utils, PostgreSQL), both Debian's pythonX.Y-venv while there is no virtual environment yet. As root the
missing ones are installed with apt-get; otherwise the command to install them is printed, and dev.py stops.
Then both create a virtual environment (`.venv`, or the folder named by KIOSK_VENV) and install the project into
it; they reinstall only when pyproject.toml changed (an environment set up for `test` serves `run` as it is).
Each run then builds the kiosk's translations (kiosk/i18n/*.qm from the committed .ts sources; a fraction of a
second), so a changed .ts is never shown stale. On a PC without a display (no DISPLAY or WAYLAND_DISPLAY, as
over ssh) `run` starts the kiosk offscreen, where nobody sees it, and says so.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# What Qt's window needs on Debian: OpenGL, fonts, D-Bus, and the xcb platform plugin's libraries (Qt 6 needs
# libxcb-cursor0 and the rest; a fresh Debian PC has none of them, and Qt then aborts naming no package).
GUI_PACKAGES = [
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "fonts-dejavu-core",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-randr0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
]
# What the tests add: a real browser for the customer's pages, a real X server and keyboard for the window, and
# patchelf to make a copy of Qt's plugin that misses a library (tests/fresh_pc.py), desktop-file-utils to
# validate the packaged .desktop files the way desktops read them, and PostgreSQL's server binaries for the
# throwaway shop database the tests start themselves (tests/shop/pg_server.py); x11-xserver-utils for xrandr,
# which splits Xvfb's screen into a staff and a customer monitor (tests/gui/test_two_monitors_on_a_real_x_server.py);
# libglib2.0-bin's gio and systemd's systemd-analyze check the packaged desktop entry and unit as the desktop and
# systemd read them (tests/test_packaging_files.py).
TEST_PACKAGES = [
    "chromium",
    "xvfb",
    "xdotool",
    "x11-xserver-utils",
    "patchelf",
    "desktop-file-utils",
    "libglib2.0-bin",
    "systemd",
    "postgresql",
]
STAMP = ".kiosk-installed"


def venv_dir() -> Path:
    return Path(os.environ.get("KIOSK_VENV") or ROOT / ".venv")


def venv_python(env: Path) -> Path:
    return env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _stamp(target: str) -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + target.encode()).hexdigest()


def installed(env: Path, extra: str | None) -> bool:
    """Whether `env` has this pyproject.toml's install with `extra` (or, for none, with any extra: the test
    install is a superset of the plain one)."""
    stamp = env / STAMP
    if not venv_python(env).exists() or not stamp.exists():
        return False
    wanted = {_stamp(f".[{extra}]")} if extra else {_stamp("."), _stamp(".[test]")}
    return stamp.read_text() in wanted


def ensure_venv(extra: str | None) -> Path:
    env = venv_dir()
    python = venv_python(env)
    if not python.exists():
        print(f"dev.py: creating a virtual environment in {env}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(env)
    if not installed(env, extra):
        target = f".[{extra}]" if extra else "."
        print(f"dev.py: installing the kiosk and its dependencies ({target})", flush=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "-e", target], cwd=ROOT, check=True)
        (env / STAMP).write_text(_stamp(target))
    return python


def build_translations(python: Path) -> None:
    """The .qm files Qt loads, next to their .ts sources in the (editable) install; never committed."""
    subprocess.run([python, "-m", "kiosk.ui.language.i18n"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def missing_debian_packages(packages: list[str]) -> list[str]:
    """Those of `packages` dpkg does not have installed; none where there is no dpkg (not Debian)."""
    dpkg_query = shutil.which("dpkg-query")
    if dpkg_query is None:
        return []
    listed = subprocess.run(  # one call for all: a package dpkg never heard of is simply not listed
        [dpkg_query, "-W", "-f=${Package} ${Status}\n", *packages], capture_output=True, text=True, check=False
    ).stdout
    # "<package> install ok installed", or "hold ok installed" for one held at its version: both are there
    have = {line.split()[0] for line in listed.splitlines() if line.endswith(" ok installed")}
    return [package for package in packages if package not in have]


def venv_packages() -> list[str]:
    """Debian's own Python makes virtual environments only with its pythonX.Y-venv package (ensurepip), which a
    fresh PC lacks; needed only until the environment exists."""
    if venv_python(venv_dir()).exists() or sys.base_prefix != "/usr":
        return []
    return [f"python{sys.version_info.major}.{sys.version_info.minor}-venv"]


def ensure_system_packages(packages: list[str]) -> None:
    missing = missing_debian_packages(venv_packages() + packages)
    if not missing:
        return  # apt-get is not even asked
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"dev.py: installing Debian packages: {' '.join(missing)}", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
    else:
        print(f"dev.py: please install these Debian packages first: sudo apt-get install {' '.join(missing)}")
        sys.exit(1)


def kiosk_environment(args: list[str]) -> dict[str, str]:
    """The kiosk's environment: as it is, except on a Linux PC without a display (no DISPLAY or WAYLAND_DISPLAY:
    ssh, a server) where the window is drawn offscreen and the kiosk runs unseen, which is said first."""
    env = dict(os.environ)
    no_window = ("simulator", "doctor", "export", "selftest", "-h", "--help", "--version")
    starts_window = not any(arg in no_window for arg in args)
    told_where = env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM")  # or it is set
    if sys.platform.startswith("linux") and starts_window and not told_where:
        print(
            "dev.py: no display found (DISPLAY and WAYLAND_DISPLAY are not set): the kiosk runs offscreen, "
            "where nobody sees it; Ctrl-C stops it",
            flush=True,
        )
        env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    try:
        if command == "run":
            ensure_system_packages(GUI_PACKAGES)  # before anything slow: a fresh PC hears at once what it lacks
            python = ensure_venv(None)
            build_translations(python)
            return subprocess.call([python, "-m", "kiosk", *rest], cwd=ROOT, env=kiosk_environment(rest))
        ensure_system_packages(GUI_PACKAGES + TEST_PACKAGES)
        python = ensure_venv("test")
        build_translations(python)
        return subprocess.call([python, "-m", "pytest", *rest], cwd=ROOT)
    except KeyboardInterrupt:  # Ctrl-C: the kiosk or pytest has been stopped with it; no traceback of ours
        return 130


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
