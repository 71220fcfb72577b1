"""Languages: Norwegian bokmål and English through Qt's own translation system, and money in the language's way.

English is the source language; `kiosk/i18n/kiosk_nb.ts` holds the bokmål texts, `kiosk_en.ts` only English's
plural forms (a count, `%n`, in "1 sale" and "2 sales"). The `.qm` file Qt loads is
built from it at install (`dev.py`) or by the package build (`packaging/build.py`), never committed; see
`compile_translations`. Without it the kiosk runs in English and says so in its log.

Two languages matter at a time: the shop's (the `[shop] language` setting, chosen at start-up) and the one the
screen speaks now, which a customer may switch to the other for their own sale (`show_language`) until the next
sale puts the shop's back (`restore_shop_language`). Installing or removing a translator makes Qt send every
widget a LanguageChange event; the screens retranslate themselves on it.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

if TYPE_CHECKING:  # the rest of Qt's translation machinery loads when a translation does: not before the first frame
    from PySide6.QtCore import QDate, QTranslator

log = logging.getLogger(__name__)
LANGUAGES = ("nb", "en")
# Each language's name in that language: what a language switch shows to someone who reads it.
LANGUAGE_NAMES = {"nb": "Norsk", "en": "English"}
# kiosk/i18n: beside the package's modules in a checkout, an install and the packaged folder alike.
_FOLDER = Path(__file__).resolve().parents[2] / "i18n"
_installed: list[QTranslator] = []
_shop = "en"
_current = "en"


def system_language() -> str:
    """Bokmål for a Norwegian PC (nb, and no/nn, whose speakers read bokmål), English for any other. The PC's
    first user-interface language decides (LANGUAGE, LC_MESSAGES or LANG on Linux), as for any other program."""
    system = QLocale.system()
    first = (system.uiLanguages() or [system.name()])[0]
    return "nb" if first.replace("-", "_").split("_")[0].lower() in ("nb", "no", "nn") else "en"


def resolve(setting: str) -> str:
    return system_language() if setting == "system" else setting if setting in LANGUAGES else "en"


def current_language() -> str:
    return _current


def shop_language() -> str:
    return _shop


def other_language(language: str | None = None) -> str:
    return "en" if (language or _current) == "nb" else "nb"


def is_available(language: str) -> bool:
    """English always is (it is the source); another language only once its `.qm` has been built."""
    return language == "en" or _qm_file(language) is not None


def use_language(setting: str) -> str:
    """The shop's language, from the `[shop] language` setting: loaded into the application (replacing any
    earlier one) and made Qt's default locale, so widgets built afterwards speak it and write numbers and dates
    its way. Call it before the widgets are built. Returns the language in use."""
    global _shop
    language = _install(resolve(setting))
    _shop = language
    QLocale.setDefault(_locale(language))
    return language


def show_language(language: str) -> str:
    """The screen in `language` for now (a customer's choice for their sale); the shop's language stays what
    `restore_shop_language` goes back to. Returns the language in use."""
    return _install(language) if language != _current else _current


def restore_shop_language() -> bool:
    """Back to the shop's language if a customer switched; True if anything changed."""
    if _current == _shop:
        return False
    _install(_shop)
    return True


def _install(language: str) -> str:
    global _current
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            app.removeTranslator(translator)
    _installed.clear()
    _current = language
    if app is None:
        return _current
    from PySide6.QtCore import QTranslator

    ours = QTranslator()
    qm = _qm_file(language)
    if language == "en":  # the source language: its file holds only the plural forms of counted messages
        if qm is not None and ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
        return _current
    if qm is None or not ours.load(str(qm)):
        log.warning("no compiled %s translations (kiosk_%s.qm); showing English", language, language)
        _current = "en"
        return _current
    qt_own = _qt_translator(language)  # Qt's own texts: standard buttons, context menus, the calendar
    if qt_own is not None:
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    app.installTranslator(ours)
    _installed.append(ours)
    return _current


def _qt_translator(language: str) -> QTranslator | None:
    """Qt ships no bokmål file for its own texts, only nynorsk, which a bokmål reader reads without trouble:
    better than English in a Norwegian context menu."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for candidate in (language, "nn") if language == "nb" else (language,):
        translator = QTranslator()
        if translator.load(QLocale(candidate), "qtbase", "_", folder):
            return translator
    return None


def _locale(language: str) -> QLocale:
    if language == "nb":
        return QLocale(QLocale.Language.NorwegianBokmal, QLocale.Country.Norway)
    return QLocale(QLocale.Language.English)


def money(ore: int, language: str | None = None, currency: str = "NOK") -> str:
    """`1 249,50 kr` in bokmål, `NOK 1,249.50` in English: grouping, decimal mark and minus from QLocale, the
    øre kept as integers all the way (no float ever holds money). `ore` is hundredths of `currency`; another
    currency than NOK is written with its code after the amount, `49,95 DKK`."""
    language = language or _current
    locale = _locale(language)
    kroner, rest = divmod(abs(ore), 100)
    number = f"{locale.toString(kroner)}{locale.decimalPoint()}{rest:02d}"
    sign = locale.negativeSign() if ore < 0 else ""
    if currency != "NOK":
        return f"{sign}{number}\u00a0{currency}"
    return f"{sign}{number}\u00a0kr" if language == "nb" else f"{sign}NOK\u00a0{number}"


def long_date(day: QDate, language: str | None = None) -> str:
    """`tirsdag 24. november 2026` in bokmål, `Tuesday, November 24, 2026` in English."""
    return _locale(language or _current).toString(day, QLocale.FormatType.LongFormat)


# ---- building the .qm files and updating the .ts sources (the tools load only here: start-up needs none) ----


def _qm_file(language: str) -> Path | None:
    path = _FOLDER / f"kiosk_{language}.qm"
    return path if path.exists() else None


def ts_files(folder: Path | None = None) -> list[Path]:
    return sorted((folder or _FOLDER).glob("kiosk_*.ts"))


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
    import shutil

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
    import subprocess

    written = []
    for ts in ts_files(folder):
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)  # noqa: S603 (our own files)
        written.append(qm)
    return written


def update_sources() -> list[Path]:
    """After changing texts in the UI: bring every `.ts` up to date with the code, dropping texts no longer
    used (each new one is then "unfinished" until it is translated)."""
    import subprocess

    for ts in ts_files():
        subprocess.run([*lupdate_command(ts), "-no-obsolete"], check=True)  # noqa: S603 (our own files)
    return ts_files()


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        for path in update_sources():
            print(f"updated {path}; translate what is marked unfinished (pyside6-linguist {path})")
    else:
        for path in compile_translations():
            print(f"built {path}")
