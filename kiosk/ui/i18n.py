"""Languages: Norwegian bokmål and English through Qt's own translation system, and money in the language's way.

English is the source language; `kiosk/i18n/kiosk_nb.ts` holds the bokmål texts. The `.qm` file Qt loads is
built from it at install (`dev.py`) or by the package build (`packaging/build.py`), never committed; see
`compile_translations`. Without it the kiosk runs in English and says so in its log.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)
LANGUAGES = ("nb", "en")
_TS_FOLDER = "i18n"
_installed: list[QTranslator] = []
_current = "en"


def system_language() -> str:
    """Bokmål for a Norwegian PC (nb, and no/nn, whose speakers read bokmål), English for any other."""
    name = QLocale.system().name().lower()
    return "nb" if name.split("_")[0] in ("nb", "no", "nn") else "en"


def resolve(setting: str) -> str:
    return system_language() if setting == "system" else setting if setting in LANGUAGES else "en"


def current_language() -> str:
    return _current


def use_language(setting: str) -> str:
    """Load the language's translations into the application (replacing any earlier ones). Widgets built
    afterwards speak it; built ones change on their next `retranslate`."""
    global _current
    language = resolve(setting)
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    _current = language
    if language == "en" or app is None:
        return language
    ours = QTranslator()
    qm = _qm_file(language)
    if qm is None or not ours.load(str(qm)):
        log.warning("no compiled %s translations (kiosk_%s.qm); showing English", language, language)
        _current = "en"
        return "en"
    qt_own = QTranslator()  # Qt's own texts: standard buttons, context menus
    if qt_own.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return language


def money(ore: int, language: str | None = None) -> str:
    """`1 249,50 kr` in bokmål, `NOK 1,249.50` in English: grouping, decimal mark and minus from QLocale, the
    øre kept as integers all the way (no float ever holds money)."""
    language = language or _current
    locale = QLocale(QLocale.Language.NorwegianBokmal if language == "nb" else QLocale.Language.English)
    kroner, rest = divmod(abs(ore), 100)
    number = f"{locale.toString(kroner)}{locale.decimalPoint()}{rest:02d}"
    sign = locale.negativeSign() if ore < 0 else ""
    return f"{sign}{number}\u00a0kr" if language == "nb" else f"{sign}NOK\u00a0{number}"


# ---- building the .qm files --------------------------------------------------------------------------------


def _qm_file(language: str) -> Path | None:
    path = Path(str(resources.files("kiosk") / _TS_FOLDER / f"kiosk_{language}.qm"))
    return path if path.exists() else None


def ts_files(folder: Path | None = None) -> list[Path]:
    folder = folder or Path(str(resources.files("kiosk") / _TS_FOLDER))
    return sorted(folder.glob("kiosk_*.ts"))


def lrelease() -> str:
    """Qt's translation compiler, as PySide6 ships it."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    found = shutil.which("pyside6-lrelease") or (str(beside) if beside.exists() else None)
    if found is None:
        raise FileNotFoundError("pyside6-lrelease is not installed (it comes with PySide6)")
    return found


def compile_translations(folder: Path | None = None) -> list[Path]:
    """Build every `kiosk_*.ts` into the `.qm` beside it; returns the files written."""
    written = []
    for ts in ts_files(folder):
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)  # noqa: S603 (our own files)
        written.append(qm)
    return written


if __name__ == "__main__":
    for path in compile_translations():
        print(f"built {path}")
