"""The translation catalogue's tools: the `.ts` sources updated from the code (pyside6-lupdate) and built into
the `.qm` files Qt loads (pyside6-lrelease). `python -m kiosk.ui.language.i18n` builds them, `... update`
updates the sources. Build time only: the running kiosk never imports this (kiosk.ui.language.i18n loads the
`.qm` files)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

# kiosk/i18n, found as kiosk.ui.language.i18n finds it (which runs this module for `python -m ...i18n`, so
# this one must not import that one back).
FOLDER = Path(__file__).resolve().parents[2] / "i18n"


def ts_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or FOLDER).glob("kiosk_*.ts"))


def translated_sources() -> list[Path]:
    """The files lupdate reads: every module of the kiosk but the simulator (which is not the kiosk's and shows
    nothing of it): the UI marks its texts with tr(), the layers below make `Message`s (kiosk.domain.message)."""
    package = Path(__file__).resolve().parents[2]
    return sorted(path for path in package.rglob("*.py") if "simulator" not in path.relative_to(package).parts)


# A `Message(...)` is read as Qt's QT_TR_NOOP and a `Message.counted(...)` as tr() with a count: both land in the
# context without a name, which is where kiosk.ui.language.messages looks them up.
MESSAGE_MARKERS = "QT_TR_NOOP+=Message,tr+=counted"


def qt_tool(name: str) -> str:
    """One of Qt's translation tools (`pyside6-lrelease`, `pyside6-lupdate`), as PySide6 ships them."""
    beside = Path(sys.executable).with_name(name)
    found = shutil.which(name) or (str(beside) if beside.exists() else None)
    if found is None:
        raise FileNotFoundError(f"{name} is not installed (it comes with PySide6)")
    return found


def lrelease() -> str:
    return qt_tool("pyside6-lrelease")


def lupdate_command(ts: Path, sources: list[Path] | None = None) -> list[str]:
    """Read the marked texts out of `sources` into `ts`, keeping its translations. Without locations, so a
    moved line does not change the file; obsolete messages stay in it, marked, for a check to find."""
    files = [str(path) for path in sources or translated_sources()]
    language = ts.stem.removeprefix("kiosk_")
    return [
        qt_tool("pyside6-lupdate"),
        *files,
        "-ts",
        str(ts),
        "-locations",
        "none",
        "-tr-function-alias",
        MESSAGE_MARKERS,
        "-target-language",
        language,
        *(["-pluralonly"] if language == "en" else []),  # English, the source, needs only its plural forms
    ]


def compile_translations(folder: Path | None = None) -> list[Path]:
    """Build every `kiosk_*.ts` into the `.qm` beside it; returns the files written."""
    written = []
    for ts in ts_files(folder):
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)  # noqa: S603 (our own files)
        written.append(qm)
    return written


def update_sources() -> list[Path]:
    """After changing texts in the UI: bring every `.ts` up to date with the code, dropping texts no longer
    used (each new one is then "unfinished" until it is translated)."""
    for ts in ts_files():
        subprocess.run([*lupdate_command(ts), "-no-obsolete"], check=True)  # noqa: S603 (our own files)
    return ts_files()


def main(argv: Sequence[str]) -> None:
    if list(argv) == ["update"]:
        for path in update_sources():
            print(f"updated {path}; translate what is marked unfinished (pyside6-linguist {path})")
    else:
        for path in compile_translations():
            print(f"built {path}")
