"""Which system libraries Qt's platform plugin cannot find on this PC, and the Debian packages that have them.

A fresh Debian PC has no libxcb-cursor0 and a few more of the libraries Qt 6's xcb plugin needs; Qt then aborts
with "Could not load the Qt platform plugin xcb", which names no package. This asks the dynamic loader (`ldd`,
which lists a library's whole tree of dependencies) what it cannot find in the plugin Qt would load, and says
in one line what to install. Plain files and one subprocess, no Qt: a plugin that cannot be loaded cannot be
asked through Qt, and `kiosk doctor` runs without a screen.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

LDD_TIME_LIMIT_S = 10.0

# The file of each platform plugin in Qt's plugins/platforms folder. The rest (offscreen, vnc, ...) need none of
# a display's libraries, or are not what a counter PC uses.
PLUGIN_FILES = {"xcb": "libqxcb.so", "wayland": "libqwayland.so", "wayland-egl": "libqwayland.so"}

# Debian's package of each library Qt's xcb and wayland plugins link to (Debian 12 and 13 name them alike). The
# first nine are the ones a fresh Debian PC lacks; the rest come with any desktop but may be missing on a
# stripped image.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

_NOT_FOUND = re.compile(r"^\s*(\S+) => not found\s*$", re.MULTILINE)


@dataclass(frozen=True)
class QtDisplayCheck:
    ok: bool
    detail: str


def check_qt_display(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> QtDisplayCheck | None:
    """Can Qt load the platform plugin it would use here? None where there is nothing to check: on Windows and
    macOS (their platform plugin's libraries come with the system), and where QT_QPA_PLATFORM names only
    platforms that draw without a display (offscreen, as for `kiosk selftest` and the tests)."""
    tried = [name for name in platforms_qt_tries(environ) if name in PLUGIN_FILES]
    if not platform.startswith("linux") or not tried:
        return None
    if shutil.which("ldd") is None:
        return QtDisplayCheck(True, "not checked: this PC has no ldd to ask")
    plugins = platform_plugins(environ)
    if not plugins:
        files = " or ".join(dict.fromkeys(PLUGIN_FILES[name] for name in tried))
        return QtDisplayCheck(False, f"Qt's {_and(tried)} platform plugin ({files}) is missing: reinstall the kiosk")
    first_missing: list[str] = []
    for plugin in plugins:
        missing = missing_libraries(plugin)
        if not missing:  # Qt takes the first plugin that loads
            name = next(name for name in tried if PLUGIN_FILES[name] == plugin.name)
            return QtDisplayCheck(True, f"Qt's {name} platform plugin finds every library it needs ({plugin})")
        first_missing = first_missing or missing
    return QtDisplayCheck(False, advice(first_missing))  # what the plugin Qt prefers lacks


def platforms_qt_tries(environ: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt tries, in order: QT_QPA_PLATFORM's list, else xcb, with wayland first in a
    Wayland session (as Qt 6 does)."""
    named = environ.get("QT_QPA_PLATFORM", "")
    if named:
        return [entry.split(":")[0].strip() for entry in named.split(";") if entry.strip()]
    if environ.get("XDG_SESSION_TYPE") == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def plugin_folders(environ: Mapping[str, str]) -> list[Path]:
    """Where Qt looks for platform plugins: QT_QPA_PLATFORM_PLUGIN_PATH, each QT_PLUGIN_PATH entry's
    platforms/, then the installed (or packaged) PySide6's own."""
    folders = [Path(p) for p in environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    folders += [Path(p) / "platforms" for p in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep) if p]
    spec = importlib.util.find_spec("PySide6")  # its folder, without importing Qt
    for location in (spec.submodule_search_locations or []) if spec else []:
        folders.append(Path(location) / "Qt" / "plugins" / "platforms")
    return folders


def platform_plugins(environ: Mapping[str, str]) -> list[Path]:
    """The plugin files Qt would try, in its order."""
    found: list[Path] = []
    for platform in platforms_qt_tries(environ):
        file_name = PLUGIN_FILES.get(platform)
        if file_name is None:
            continue
        for folder in plugin_folders(environ):
            if (folder / file_name).is_file() and folder / file_name not in found:
                found.append(folder / file_name)
    return found


def missing_libraries(binary: Path) -> list[str]:
    """The libraries the loader cannot find for `binary` or anything it links to, each once, in ldd's order."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return []
    try:
        listed = subprocess.run(  # noqa: S603 - ldd on a plugin file of our own installation
            [ldd, str(binary)], capture_output=True, text=True, timeout=LDD_TIME_LIMIT_S, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    return list(dict.fromkeys(_NOT_FOUND.findall(listed)))


def advice(missing: list[str]) -> str:
    """One line: the packages to install (sorted, so the line is the same whatever order ldd found them in), with
    the command; libraries no package here is known for, by name."""
    packages = sorted({DEBIAN_PACKAGES[name] for name in missing if name in DEBIAN_PACKAGES})
    unknown = [name for name in missing if name not in DEBIAN_PACKAGES]
    parts = []
    if packages:
        parts.append(f"install {_and(packages)} (sudo apt-get install {' '.join(packages)})")
    if unknown:
        one = len(unknown) == 1
        search = "; ".join(f"apt-file search {name}" for name in unknown)
        parts.append(
            f"{_and(unknown)} {'is' if one else 'are'} missing{' too' if packages else ''} "
            f"({search} {'names its package' if one else 'name their packages'})"
        )
    return "Qt cannot draw on this PC's display: " + "; ".join(parts)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
