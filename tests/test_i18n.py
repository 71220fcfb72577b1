"""Languages without a screen: money and dates in each language, the system's language followed, messages made
below the screens shown in each language (plurals too), and the translations kept complete as the code changes."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QTranslator

from kiosk.checkout.providers_by_api import ProvidersByApi
from kiosk.checkout.recovery import RecoveryReport
from kiosk.checkout.waiting_words import refused_to_start
from kiosk.domain.market import DENMARK, FINLAND, NORWAY
from kiosk.domain.message import Message, Money, Verbatim
from kiosk.domain.money import AmountError, format_kroner, parse_kroner
from kiosk.ledger.problems import cannot_write
from kiosk.settings.demo import demo_vipps_settings
from kiosk.ui.language import messages
from kiosk.ui.language.catalogue import lrelease, lupdate_command, ts_files
from kiosk.ui.language.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    currency_unit,
    long_date,
    money,
    other_language,
    show_language,
    use_market,
)
from kiosk.vipps.errors import ErrorDetail, VippsRejected

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "kiosk" / "i18n" / "kiosk_nb.ts"
EN_TS = ROOT / "kiosk" / "i18n" / "kiosk_en.ts"
DA_TS = ROOT / "kiosk" / "i18n" / "kiosk_da.ts"
FI_TS = ROOT / "kiosk" / "i18n" / "kiosk_fi.ts"
TRANSLATED = [TS, DA_TS, FI_TS]


def plain(text: str) -> str:
    """Money as a person reads it: no-break and narrow no-break spaces as spaces, the typographic minus as -."""
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-")


def ts_messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in a .ts file."""
    root = ET.parse(path).getroot()  # noqa: S314 - our own translation files
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


# ---- money and dates ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ore", "bokmal", "english"),
    [
        (124950, "1 249,50 kr", "NOK 1,249.50"),
        (0, "0,00 kr", "NOK 0.00"),
        (5, "0,05 kr", "NOK 0.05"),
        (-124950, "-1 249,50 kr", "-NOK 1,249.50"),
        (-1, "-0,01 kr", "-NOK 0.01"),
        (100_000_000, "1 000 000,00 kr", "NOK 1,000,000.00"),
        (300_000_000_000, "3 000 000 000,00 kr", "NOK 3,000,000,000.00"),  # past a 32-bit int of kroner
    ],
)
def test_money_is_written_the_languages_way(qapp, ore, bokmal, english):
    assert plain(money(ore, "nb")) == bokmal
    assert plain(money(ore, "en")) == english


@pytest.mark.parametrize(
    ("minor", "currency", "forms"),
    [
        # each market's money in its own language, and in English (the currency before the number there)
        (4995, "DKK", {"da": "49,95 kr.", "en": "DKK 49.95", "nb": "49,95 DKK", "fi": "49,95 DKK"}),
        (124950, "DKK", {"da": "1.249,50 kr.", "en": "DKK 1,249.50"}),
        (495, "EUR", {"fi": "4,95 €", "en": "€4.95", "da": "4,95 €", "nb": "4,95 €"}),
        (124950, "EUR", {"fi": "1 249,50 €", "en": "€1,249.50"}),
        (-495, "EUR", {"fi": "-4,95 €", "en": "-€4.95"}),
        (124950, "NOK", {"nb": "1 249,50 kr", "en": "NOK 1,249.50", "da": "1.249,50 NOK", "fi": "1 249,50 NOK"}),
        (300_000_000_000, "EUR", {"fi": "3 000 000 000,00 €"}),  # past a 32-bit int: integers all the way
    ],
)
def test_money_in_each_currency_is_written_each_languages_way(qapp, minor, currency, forms):
    """ "kr" alone only for the language's own krone: a Norwegian reads "49,95 DKK", never "49,95 kr"."""
    assert {language: plain(money(minor, language, currency)) for language in forms} == forms


def test_money_is_in_the_shops_currency_unless_told_and_a_money_value_in_its_own(language):
    language("da")
    use_market(DENMARK)
    try:
        assert plain(money(4995)) == "49,95 kr."
        assert currency_unit() == "kr."
        said = Message("That is over this till's limit of {limit}.", limit=Money(500, "EUR"))
        assert plain(messages.translated(said)).endswith(" 5,00 €.")
        use_market(FINLAND)
        assert plain(money(495)) == "4,95 €"
        assert currency_unit() == "€"
    finally:
        use_market(NORWAY)
    assert plain(money(4995)) == "49,95 NOK"  # Danish, in a Norwegian shop


def test_the_customers_switch_offers_english_beside_the_shops_language_and_the_country_beside_english(language):
    assert LANGUAGES == ("nb", "en", "da", "fi")
    assert (LANGUAGE_NAMES["da"], LANGUAGE_NAMES["fi"]) == ("Dansk", "Suomi")
    try:
        for shop, market, other in [("da", DENMARK, "en"), ("fi", FINLAND, "en"), ("nb", NORWAY, "en")]:
            language(shop)
            use_market(market)
            assert other_language() == other
            show_language("en")
            assert other_language() == shop  # the switch on the customer's English screen goes back
        for market in (NORWAY, DENMARK, FINLAND):  # an English-speaking shop: its country's language
            language("en")
            use_market(market)
            assert other_language() == market.language
    finally:
        use_market(NORWAY)


def test_money_never_breaks_between_number_and_currency(qapp):
    assert "\u00a0kr" in money(124950, "nb")
    assert "NOK\u00a0" in money(124950, "en")


def test_a_long_date_in_each_language(qapp):
    day = QDate(2026, 11, 24)
    assert long_date(day, "nb") == "tirsdag 24. november 2026"
    assert long_date(day, "da") == "tirsdag den 24. november 2026"
    assert long_date(day, "fi") == "tiistaina 24. marraskuuta 2026"
    assert "Tuesday" in long_date(day, "en")
    assert "November" in long_date(day, "en")


# ---- the system's language ------------------------------------------------------------------------------------


def _in_a_fresh_process(env_changes: dict[str, str], code: str) -> str:
    """Qt reads the system locale once per process, from the environment: so a process of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(env_changes, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=True, cwd=ROOT
    )
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "nb_NO.UTF-8"}, "nb"),
        ({"LANG": "nn_NO.UTF-8"}, "nb"),  # nynorsk readers read bokmål; the kiosk has no nynorsk
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # any other language: English
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "nb_NO:en"}, "nb"),  # the desktop's chosen language comes first
        ({"LANG": "da_DK.UTF-8"}, "da"),
        ({"LANG": "fi_FI.UTF-8"}, "fi"),
        ({"LANG": "sv_FI.UTF-8"}, "en"),  # Finland's Swedish speakers: the kiosk has no Swedish
        ({"LANG": "en_GB.UTF-8", "LANGUAGE": "da_DK:en"}, "da"),
    ],
)
def test_language_system_follows_the_pcs_locale(env, expected):
    code = "from kiosk.ui.language.i18n import resolve; print(resolve('system'))"
    assert _in_a_fresh_process(env, code) == expected


def test_a_norwegian_pc_with_language_system_starts_in_bokmal(compiled_translations):
    """As start-up does it: `use_language` with the setting's default, on a PC set to Norwegian (LANG)."""
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from kiosk.ui.language.i18n import use_language, money\n"
        "print(use_language('system'))\n"
        "print(QCoreApplication.translate('OutcomeScreen', 'Paid'))\n"
        "print(money(-124950).replace('\\u2212', '-').replace('\\u00a0', ' '))\n"
    )
    assert _in_a_fresh_process({"LANG": "nb_NO.UTF-8"}, code).splitlines() == ["nb", "Betalt", "-1 249,50 kr"]


def test_a_setting_overrides_the_system(compiled_translations):
    code = (
        "from kiosk.ui.language.i18n import resolve; "
        "print(resolve('en'), resolve('nb'), resolve('da'), resolve('fi'), resolve('klingon'))"
    )
    assert _in_a_fresh_process({"LANG": "nb_NO.UTF-8"}, code) == "en nb da fi en"


# ---- messages made below the screens, shown in the screen's language ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "Settled 1 sale left unfinished.", "Settled 2 sales left unfinished."),
        ("nb", "Gjorde opp 1 uferdig salg.", "Gjorde opp 2 uferdige salg."),
    ],
)
def test_a_count_of_sales_reads_in_each_languages_plural(language, lang, one, two):
    """Start-up's notice after settling sales a crash left: "1 sale", "2 sales", and bokmål's own forms."""
    language(lang)
    assert messages.translated(RecoveryReport(settled=[7]).summary) == one
    assert messages.translated(RecoveryReport(settled=[7, 8]).summary) == two


def test_sales_that_need_checking_are_counted_in_the_plural_too(language):
    language("en")
    said = messages.translated(RecoveryReport(settled=[7, 8], needs_check=[9]).summary)
    assert said == "Settled 2 sales left unfinished. 1 needs checking in the back office."
    language("nb")
    said = messages.translated(RecoveryReport(settled=[7], needs_check=[8, 9]).summary)
    assert said == "Gjorde opp 1 uferdig salg. 2 må sjekkes i administrasjonen."


def test_a_message_with_values_is_translated_as_its_template(language):
    language("nb")
    said = messages.translated(Message("Only {remaining} remains to refund.", remaining=Money(124950)))
    assert plain(said) == "Bare 1 249,50 kr gjenstår å refundere."
    # a nested message (the ledger's own) is translated in turn; SQLite's words for a full disk too
    full = sqlite3.OperationalError("database or disk is full")
    nested = Message("The sale could not be recorded: {problem}. Still trying.", problem=cannot_write(full))
    assert messages.translated(nested) == (
        "Salget kunne ikke lagres: Kan ikke skrive til salgsloggen: databasen eller disken er full. Prøver fortsatt."
    )


def test_a_sale_left_for_the_manager_says_why_in_bokmal(language):
    """Nested twice, as the checkout makes it: a sale left for the manager, why, and what the settings lack."""
    language("nb")
    vipps = replace(demo_vipps_settings("http://127.0.0.1:9", api="epayment"), psp_id="")
    missing = ProvidersByApi(vipps).missing_for("psp")
    assert missing is not None
    said = Message(
        "Needs checking: {problem}.",
        problem=Message("made through Vipps' {api} API, and {problem}", api="PSP v3", problem=missing),
    )
    assert messages.translated(said) == (
        "Må sjekkes: gjort gjennom Vipps' PSP v3-API, og innstillingene mangler psp_id, som PSP-API-et trenger: "
        'legg til psp_id = "..." i [vipps].'
    )


def test_vipps_own_words_are_never_translated(language):
    """Vipps' words are not ours to translate, even when they happen to read like one of our messages; the
    frame around them is."""
    language("nb")
    refused = VippsRejected(400, (ErrorDetail("51", "The card was refused.", None),))
    assert messages.translated(refused.message) == ("Vipps avviste forespørselen: The card was refused. (errorCode 51)")
    said = refused_to_start(NORWAY, "Invalid amount")
    assert messages.translated(said) == "Vipps ville ikke starte betalingen: Invalid amount"
    assert messages.translated(Verbatim("The card was refused.")) == "The card was refused."
    assert messages.translated(Message("The card was refused.")) != "The card was refused."


def test_in_english_a_message_is_as_written_but_its_money_is_in_english(language):
    language("en")
    assert messages.translated(Message("Waiting for the customer")) == "Waiting for the customer"
    said = messages.translated(Message("That is over this till's limit of {limit}.", limit=Money(1_000_000)))
    assert plain(said) == "That is over this till's limit of NOK 10,000.00."
    assert plain(messages.translated(Message("Refunded {amount}.", amount=Money(-500)))) == "Refunded -NOK 5.00."


def test_a_message_reads_as_english_in_logs():
    """str() of a message (and of an error that carries one) is the English, money as the ledger writes it."""
    message = Message("Only {remaining} remains to refund.", remaining=Money(124950))
    assert str(message) == f"Only {format_kroner(124950)} remains to refund."
    assert str(RecoveryReport(settled=[1, 2]).summary) == "Settled 2 sale(s) left unfinished."
    with pytest.raises(AmountError) as refused:
        parse_kroner("12.500")
    assert str(refused.value) == (
        '"12.500" is unclear: is it 12\u00a0500,00\u00a0kr? Type kroner and øre with two decimals (12.50), or '
        "thousands without the separator (12500)."
    )
    assert isinstance(refused.value.message, Message)


def test_a_translation_whose_fields_do_not_fit_falls_back_to_english(language, qapp, tmp_path):
    language("nb")
    broken = tmp_path / "broken.ts"
    broken.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="nb"><context>'
        "<name></name><message><source>Refunded {amount}.</source>"
        "<translation>Refunderte {beløp}.</translation></message></context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "broken.qm"
    subprocess.run([lrelease(), "-silent", str(broken), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert plain(messages.translated(Message("Refunded {amount}.", amount=Money(500)))) == "Refunded 5,00 kr."
    finally:
        QCoreApplication.removeTranslator(translator)


_FIELD = re.compile(r"\{(\w+)\}")


def test_every_template_keeps_its_fields_in_translation():
    for ts in ts_files():
        for context, source, translation in ts_messages(ts):
            forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            for form in forms:
                assert set(_FIELD.findall(form)) == set(_FIELD.findall(source)), (context, source, form)
                assert form.count("%n") == source.count("%n"), (context, source, form)


@pytest.mark.parametrize("ts", TRANSLATED, ids=lambda path: path.stem)
def test_a_translation_names_no_brand_its_text_does_not(ts):
    """A text written for every market ("Sending the payment to the customer's app…") must not gain "Vipps" in a
    language: a Danish or Finnish counter would then name the wrong app to a MobilePay customer."""
    for context, source, translation in ts_messages(ts):
        forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        for brand in ("Vipps", "MobilePay"):
            if brand not in source:
                assert not any(brand in form for form in forms), (context, source, forms)


# ---- the translations are complete, and stay so ---------------------------------------------------------------


def _unfinished(path: Path) -> list[tuple[str, str, str]]:
    problems = []
    for context, source, translation in ts_messages(path):
        kind = translation.get("type")
        forms = [form.text for form in translation.iter("numerusform")] or [translation.text]
        if kind in ("unfinished", "vanished", "obsolete") or not all(forms):
            problems.append((context, source, kind or "empty"))
    return problems


def test_the_committed_translations_are_complete():
    assert ts_files() == [DA_TS, EN_TS, FI_TS, TS]
    for ts in TRANSLATED:
        assert len(ts_messages(ts)) > 200
        assert _unfinished(ts) == []
    assert _unfinished(EN_TS) == []


@pytest.mark.parametrize("ts", [TS, DA_TS, FI_TS, EN_TS], ids=["bokmål", "Danish", "Finnish", "English plurals"])
def test_the_translations_cover_every_text_in_the_code(tmp_path, ts):
    """lupdate run over the code into a copy of the .ts: a text added to the code without its translation
    comes out "unfinished", one removed from the code "vanished". Either fails until the .ts is updated
    (`python -m kiosk.ui.language.i18n update`, then translate what is unfinished). English, the source language, holds
    only the plural forms of counted messages."""
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    subprocess.run(lupdate_command(copy), check=True, capture_output=True)
    assert _unfinished(copy) == []
    committed = {(context, source) for context, source, _ in ts_messages(ts)}
    assert {(context, source) for context, source, _ in ts_messages(copy)} == committed


def test_lupdate_finds_a_new_text_without_a_translation(tmp_path):
    """The check above can fail: a new tr() text comes out unfinished, and so do a new message made below the
    screens and a new counted one (in English too, which needs its plural forms)."""
    module = tmp_path / "new_screen.py"
    module.write_text(
        "from PySide6.QtWidgets import QWidget\n\n\nclass NewScreen(QWidget):\n"
        "    def build(self):\n        self.tr('A text nobody translated')\n",
        encoding="utf-8",
    )
    below = tmp_path / "new_rule.py"
    below.write_text(
        "from kiosk.domain.message import Message\n\n\ndef why(n):\n"
        "    return Message('A rule nobody translated: {rule}', rule='x'), "
        "Message.counted('%n thing(s) nobody translated', None, n)\n",
        encoding="utf-8",
    )
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(lupdate_command(copy, [module, below]), check=True, capture_output=True)
    unfinished = _unfinished(copy)
    assert ("NewScreen", "A text nobody translated", "unfinished") in unfinished
    assert (messages.MESSAGE_CONTEXT, "A rule nobody translated: {rule}", "unfinished") in unfinished
    assert (messages.MESSAGE_CONTEXT, "%n thing(s) nobody translated", "unfinished") in unfinished
    english = tmp_path / EN_TS.name
    shutil.copy(EN_TS, english)
    subprocess.run(lupdate_command(english, [module, below]), check=True, capture_output=True)
    unfinished = [problem for problem in _unfinished(english) if problem[2] == "unfinished"]  # only new ones
    assert unfinished == [(messages.MESSAGE_CONTEXT, "%n thing(s) nobody translated", "unfinished")]


# ---- building the .qm: dev.py, the package, the packaged folder ---------------------------------------------------


def test_dev_py_builds_the_translations_right_after_its_install_step(tmp_path, monkeypatch, qapp):
    """In a copy of the tree without any .qm: `dev.py run` installs (here: nothing to do), builds the .qm, then
    starts the kiosk with it in place."""
    shutil.copytree(ROOT / "kiosk", tmp_path / "kiosk", ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    shutil.copy(ROOT / "dev.py", tmp_path / "dev.py")
    spec = importlib.util.spec_from_file_location("dev_copy", tmp_path / "dev.py")
    assert spec is not None
    assert spec.loader is not None
    dev = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(dev)
    qm = tmp_path / "kiosk" / "i18n" / "kiosk_nb.qm"
    assert not qm.exists()
    started: list[bool] = []
    monkeypatch.setattr(dev, "ensure_venv", lambda _extra: Path(sys.executable))
    monkeypatch.setattr(dev.subprocess, "call", lambda *_args, **_kwargs: started.append(qm.exists()) or 0)
    monkeypatch.delenv("PYTHONPATH", raising=False)  # the copy's kiosk, not this tree's
    assert dev.main(["run", "--version"]) == 0
    assert started == [True]
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("OutcomeScreen", "Paid") == "Betalt"


def test_the_package_and_the_packaged_folder_carry_the_qm():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "i18n/*.qm" in pyproject["tool"]["setuptools"]["package-data"]["kiosk"]
    spec = (ROOT / "packaging" / "kiosk.spec").read_text(encoding="utf-8")
    assert '(ROOT / "kiosk" / "i18n").glob("*.qm")' in spec
    dropped = re.search(r'r"translations/\(\?!\(qt\|qtbase\)_\(([a-z|]+)\)', spec)
    assert dropped is not None
    assert {"da", "fi", "nn", "en"} <= set(dropped.group(1).split("|"))  # Qt's own files for each language kept
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "kiosk/i18n/kiosk_nb.qm"], cwd=ROOT, check=False, capture_output=True
    )
    assert ignored.returncode == 0, "the .qm is built, never committed"


def test_qts_own_texts_are_norwegian_too(language):
    """Qt has no bokmål file for its own texts (context menus, standard buttons); nynorsk stands in."""
    language("nb")
    assert QCoreApplication.translate("QLineEdit", "Select All") == "Merk alt"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Avbryt"
    language("en")
    assert QCoreApplication.translate("QLineEdit", "Select All") == "Select All"


@pytest.mark.parametrize(
    ("lang", "select_all", "cancel"), [("da", "Markér alt", "Annuller"), ("fi", "Valitse kaikki", "Peru")]
)
def test_qts_own_texts_are_danish_and_finnish_too(language, lang, select_all, cancel):
    """Qt's own files for Danish and Finnish load as bokmål's stand-in does (packaging/kiosk.spec keeps them)."""
    language(lang)
    assert QCoreApplication.translate("QLineEdit", "Select All") == select_all
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == cancel
