"""A PC without some of Qt's system libraries, made without uninstalling anything: a shadow of the installed
PySide6 (every file a symbolic link to the real one) whose xcb platform plugin, copied and patched, looks for its
system libraries only in a folder of links that leaves some out. The dynamic loader then fails on them exactly
as on a fresh Debian PC (`ldd` says "not found", Qt cannot load the plugin), while the rest of the machine, and
other test runs on it, keep the real libraries."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
QT_LIBRARY_TOOLS = ("ldd", "patchelf")  # patchelf: Debian's package of that name (python3 dev.py test installs it)


def load_script(relative: str) -> ModuleType:
    """One of the tree's scripts (dev.py, packaging/build.py) as a module, without running its main."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(f"script_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def real_pyside() -> Path:
    import PySide6

    return Path(PySide6.__file__).resolve().parent


def need_linux_tools(*tools: str) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("Qt's xcb platform plugin and ldd are Linux's")
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (python3 dev.py test installs them as root on Debian)")


def pyside_without(site: Path, withheld: set[str], extra_needed: tuple[str, ...] = ()) -> Path:
    """A folder to put first on PYTHONPATH: its PySide6 is the real one, except that the xcb plugin (and the
    library it is built on) cannot find the system libraries named in `withheld`, nor the made-up `extra_needed`.
    Returns the shadow's platform plugin folder."""
    need_linux_tools(*QT_LIBRARY_TOOLS)
    real = real_pyside()
    shadow = site / "PySide6"
    for folder, _dirs, files in os.walk(real):
        here = shadow / Path(folder).relative_to(real)
        here.mkdir(parents=True, exist_ok=True)
        for name in files:
            (here / name).symlink_to(Path(folder) / name)
    plugin = shadow / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    listed = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True, timeout=30).stdout
    system_libraries = site / "system-libraries"
    system_libraries.mkdir()
    for name, path in re.findall(r"^\s*(\S+) => (/\S+)", listed, re.MULTILINE):
        if name not in withheld and not Path(path).resolve().is_relative_to(real):
            (system_libraries / name).symlink_to(path)
    for patched in (plugin, shadow / "Qt" / "lib" / "libQt6XcbQpa.so.6"):
        original = patched.resolve()
        patched.unlink()
        shutil.copy(original, patched)
        # Qt's own libraries from the shadow, system ones only from the folder of links: --no-default-lib keeps
        # the loader out of /lib and its cache for this file's own dependencies.
        rpath = f"{shadow / 'Qt' / 'lib'}:{system_libraries}"
        subprocess.run(["patchelf", "--set-rpath", rpath, "--no-default-lib", str(patched)], check=True, timeout=30)
        for name in extra_needed if patched == plugin else ():  # one change a run: patchelf 0.14 mixes them up
            subprocess.run(["patchelf", "--add-needed", name, str(patched)], check=True, timeout=30)
    return plugin.parent


def without_a_screen(environ: dict[str, str] | os._Environ[str]) -> dict[str, str]:
    """The environment minus whatever says where to draw (the tests' conftest says offscreen)."""
    screen = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM_PLUGIN_PATH")
    return {key: value for key, value in environ.items() if key not in screen}


def wait_for_file(pattern: str, folder: Path, process: subprocess.Popen[str], limit_s: float) -> Path:
    """The first file matching `pattern` under `folder`, polled until `limit_s`; fails if the process ends first."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        found = sorted(folder.glob(pattern))
        if found:
            return found[0]
        if process.poll() is not None:
            pytest.fail(f"the process ended ({process.returncode}) before {pattern} appeared")
        time.sleep(0.05)  # polling, as qtbot.waitUntil does; the deadline is the limit
    pytest.fail(f"no {pattern} in {folder} within {limit_s} s")
