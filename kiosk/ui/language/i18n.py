"""Languages: Norwegian bokmål, Danish, Finnish and English through Qt's own translation system, and money in the
language's way and the shop's currency.

English is the source language; `kiosk/i18n/kiosk_nb.ts`, `kiosk_da.ts` and `kiosk_fi.ts` hold the translations,
`kiosk_en.ts` only English's plural forms (a count, `%n`, in "1 sale" and "2 sales"). The `.qm` files Qt loads
are built from them at install (`dev.py`) or by the package build (`packaging/build.py`), never committed; see
kiosk.ui.language.catalogue (`python -m kiosk.ui.language.i18n [update]`). Without them the kiosk runs in
English and says so in its log.

Two languages matter at a time: the shop's (the `[shop] language` setting, chosen at start-up) and the one the
screen speaks now, which a customer may switch to the other for their own sale (`show_language`) until the next
sale puts the shop's back (`restore_shop_language`). The other is English, or in an English-speaking shop the
language of the shop's country (`use_market`: the shop's market, which also settles the currency money is
written in and the brand the customer sees). Installing or removing a translator makes Qt send every
widget a LanguageChange event; the screens retranslate themselves on it.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kiosk.domain.market import NORWAY, Market
from kiosk.domain.message import Currency

if TYPE_CHECKING:
    from PySide6.QtCore import QDate

log = logging.getLogger(__name__)
LANGUAGES = ("nb", "en", "da", "fi")
# Each language's name in that language: what a language switch shows to someone who reads it.
LANGUAGE_NAMES = {"nb": "Norsk", "en": "English", "da": "Dansk", "fi": "Suomi"}
# What a PC's user-interface language says -> the kiosk's language (nynorsk and "no" readers read bokmål).
_SYSTEM_LANGUAGES = {"nb": "nb", "no": "nb", "nn": "nb", "da": "da", "fi": "fi"}
_LOCALES = {
    "nb": (QLocale.Language.NorwegianBokmal, QLocale.Country.Norway),
    "da": (QLocale.Language.Danish, QLocale.Country.Denmark),
    "fi": (QLocale.Language.Finnish, QLocale.Country.Finland),
}
# kiosk/i18n: beside the package's modules in a checkout, an install and the packaged folder alike.
FOLDER = Path(__file__).resolve().parents[2] / "i18n"
_installed: list[QTranslator] = []
_shop = "en"
_current = "en"
_market: Market = NORWAY


def system_language() -> str:
    """Bokmål for a Norwegian PC (nb, and no/nn, whose speakers read bokmål), Danish for a Danish one, Finnish for
    a Finnish one, English for any other. The PC's first user-interface language decides (LANGUAGE, LC_MESSAGES or
    LANG on Linux), as for any other program."""
    system = QLocale.system()
    first = (system.uiLanguages() or [system.name()])[0]
    return _SYSTEM_LANGUAGES.get(first.replace("-", "_").split("_")[0].lower(), "en")


def resolve(setting: str) -> str:
    return system_language() if setting == "system" else setting if setting in LANGUAGES else "en"


def current_language() -> str:
    return _current


def shop_language() -> str:
    return _shop


def use_market(market: Market) -> None:
    """The shop's market (`[shop] country`), set once as the window is built: the currency `money` writes unless
    told another, the brand the customer sees, and the language an English-speaking shop's customer may switch
    to."""
    global _market
    _market = market


def shop_market() -> Market:
    return _market


def brand_is_vipps() -> bool:
    """Whether the customer sees Vipps (Norway) or MobilePay (Denmark, Finland). A text that names the brand is
    written out once for each, never with the brand filled into a field: a translation then bends the name as
    its language does (Finnish "Maksa Vippsillä", "Maksa MobilePaylla")."""
    return _market.brand == "Vipps"


def other_language(language: str | None = None) -> str:
    """The language the customer's switch offers while `language` (the screen's now) is on show: English beside
    the shop's own, and beside English the shop's (an English-speaking shop: its country's language)."""
    partner = _market.language if _shop == "en" else "en"
    return partner if (language or _current) == _shop else _shop


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
    if language in _LOCALES:
        return QLocale(*_LOCALES[language])
    return QLocale(QLocale.Language.English)


# Each language's home currency and the word it writes after the amount ("49,95 kr." in Danish). Any other
# currency is written by its ISO code ("49,95 NOK" in Danish): "kr" alone would leave a reader guessing which
# krone. The euro's sign is unmistakable everywhere, so it is used in every language.
_HOME_UNITS = {("nb", "NOK"): "kr", ("da", "DKK"): "kr.", ("fi", "EUR"): "€"}


def currency_unit(currency: Currency | None = None, language: str | None = None) -> str:
    """How `language` (the screen's now) names `currency` (the shop's) beside an amount: `kr` in bokmål, `kr.` in
    Danish, `€`, and in English the ISO code (`NOK`, `DKK`) or `€`."""
    currency = currency or _market.currency
    if currency == "EUR":
        return "€"
    return _HOME_UNITS.get((language or _current, currency), currency)


def money(minor: int, language: str | None = None, currency: Currency | None = None) -> str:
    """`1 249,50 kr` in bokmål, `49,95 kr.` in Danish, `4,95 €` in Finnish; in English `NOK 1,249.50`,
    `DKK 49.95`, `€4.95` (English puts the currency first). `minor` is hundredths of `currency` (the shop's
    unless said): grouping, decimal mark and minus from the language's QLocale, the minor units kept as
    integers all the way (no float ever holds money)."""
    language = language or _current
    currency = currency or _market.currency
    locale = _locale(language)
    whole, rest = divmod(abs(minor), 100)
    number = f"{locale.toString(whole)}{locale.decimalPoint()}{rest:02d}"
    sign = locale.negativeSign() if minor < 0 else ""
    unit = currency_unit(currency, language)
    if language not in _LOCALES:  # English: the currency before the number, the € sign without a space
        return f"{sign}{unit}{number}" if unit == "€" else f"{sign}{unit}\u00a0{number}"
    return f"{sign}{number}\u00a0{unit}"


def long_date(day: QDate, language: str | None = None) -> str:
    """`tirsdag 24. november 2026` in bokmål, `tirsdag den 24. november 2026` in Danish, `Tuesday, November 24,
    2026` in English."""
    return _locale(language or _current).toString(day, QLocale.FormatType.LongFormat)


def _qm_file(language: str) -> Path | None:
    path = FOLDER / f"kiosk_{language}.qm"
    return path if path.exists() else None


if __name__ == "__main__":  # `python -m kiosk.ui.language.i18n [update]`: the command seam (kiosk.ui.app)
    from kiosk.ui.language.catalogue import main

    main(sys.argv[1:])
