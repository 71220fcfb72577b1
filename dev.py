"""Set up and run the kiosk or its tests from a fresh clone, with nothing but Python 3.11+.

    python3 dev.py run [kiosk arguments]     start the kiosk (on the embedded simulator unless configured)
    python3 dev.py test [pytest arguments]   run every test

Both create a virtual environment (`.venv`, or the folder named by KIOSK_VENV) and install the project into it;
they reinstall only when pyproject.toml changed. Each run then builds the kiosk's translations (kiosk/i18n/*.qm
from the committed .ts sources; a fraction of a second), so a changed .ts is never shown stale. The tests also
need Debian's chromium (and Qt's few system libraries): as root on Debian they are installed with apt-get,
elsewhere the missing ones are named.
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
SYSTEM_PACKAGES = [
    "chromium",
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "fonts-dejavu-core",
]


def venv_dir() -> Path:
    return Path(os.environ.get("KIOSK_VENV") or ROOT / ".venv")


def venv_python(env: Path) -> Path:
    return env / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(extra: str | None) -> Path:
    env = venv_dir()
    python = venv_python(env)
    if not python.exists():
        print(f"dev.py: creating a virtual environment in {env}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(env)
    target = f".[{extra}]" if extra else "."
    stamp = env / ".kiosk-installed"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + target.encode()).hexdigest()
    if not stamp.exists() or stamp.read_text() != wanted:
        print(f"dev.py: installing the kiosk and its dependencies ({target})", flush=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
        subprocess.run([python, "-m", "pip", "install", "--quiet", "-e", target], cwd=ROOT, check=True)
        stamp.write_text(wanted)
    return python


def build_translations(python: Path) -> None:
    """The .qm files Qt loads, next to their .ts sources in the (editable) install; never committed."""
    subprocess.run([python, "-m", "kiosk.ui.i18n"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def missing_debian_packages() -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    missing = []
    for package in SYSTEM_PACKAGES:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package], capture_output=True, text=True, check=False
        )
        if "install ok installed" not in result.stdout:
            missing.append(package)
    return missing


def ensure_system_packages() -> None:
    missing = missing_debian_packages()
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        print(f"dev.py: installing Debian packages: {' '.join(missing)}", flush=True)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)
    else:
        print(f"dev.py: please install these Debian packages first: sudo apt-get install {' '.join(missing)}")
        sys.exit(1)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        python = ensure_venv(None)
        build_translations(python)
        return subprocess.call([python, "-m", "kiosk", *rest], cwd=ROOT)
    python = ensure_venv("test")
    build_translations(python)
    ensure_system_packages()
    return subprocess.call([python, "-m", "pytest", *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
