"""Languages: Norwegian bokmål and English through Qt's own translation system, and money in the language's way.

English is the source language; `kiosk/i18n/kiosk_nb.ts` holds the bokmål texts, `kiosk_en.ts` only English's
plural forms (a count, `%n`, in "1 sale" and "2 sales"). The `.qm` file Qt loads is built from it at install
(`dev.py`) or by the package build (`packaging/build.py`), never committed; see kiosk.ui.language.catalogue
(`python -m kiosk.ui.language.i18n [update]`). Without it the kiosk runs in English and says so in its log.

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

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

if TYPE_CHECKING:
    from PySide6.QtCore import QDate

log = logging.getLogger(__name__)
LANGUAGES = ("nb", "en")
# Each language's name in that language: what a language switch shows to someone who reads it.
LANGUAGE_NAMES = {"nb": "Norsk", "en": "English"}
# kiosk/i18n: beside the package's modules in a checkout, an install and the packaged folder alike.
FOLDER = Path(__file__).resolve().parents[2] / "i18n"
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


def _qm_file(language: str) -> Path | None:
    path = FOLDER / f"kiosk_{language}.qm"
    return path if path.exists() else None


if __name__ == "__main__":  # `python -m kiosk.ui.language.i18n [update]`: the command seam (kiosk.ui.app)
    from kiosk.ui.language.catalogue import main

    main(sys.argv[1:])
