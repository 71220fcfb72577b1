"""Languages without a screen: money and dates in each language, the system's language followed, the catalogue
of messages written below the screens, and the translations kept complete as the code changes."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QTranslator

from kiosk.domain.money import format_kroner
from kiosk.ui import messages
from kiosk.ui.i18n import long_date, lrelease, lupdate_command, money, ts_files

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "kiosk" / "i18n" / "kiosk_nb.ts"


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


def test_money_never_breaks_between_number_and_currency(qapp):
    assert "\u00a0kr" in money(124950, "nb")
    assert "NOK\u00a0" in money(124950, "en")


def test_a_long_date_in_each_language(qapp):
    day = QDate(2026, 11, 24)
    assert long_date(day, "nb") == "tirsdag 24. november 2026"
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
    ],
)
def test_language_system_follows_the_pcs_locale(env, expected):
    code = "from kiosk.ui.i18n import resolve; print(resolve('system'))"
    assert _in_a_fresh_process(env, code) == expected


def test_a_norwegian_pc_with_language_system_starts_in_bokmal(compiled_translations):
    """As start-up does it: `use_language` with the setting's default, on a PC set to Norwegian (LANG)."""
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from kiosk.ui.i18n import use_language, money\n"
        "print(use_language('system'))\n"
        "print(QCoreApplication.translate('OutcomeScreen', 'Paid'))\n"
        "print(money(-124950).replace('\\u2212', '-').replace('\\u00a0', ' '))\n"
    )
    assert _in_a_fresh_process({"LANG": "nb_NO.UTF-8"}, code).splitlines() == ["nb", "Betalt", "-1 249,50 kr"]


def test_a_setting_overrides_the_system(compiled_translations):
    code = "from kiosk.ui.i18n import resolve; print(resolve('en'), resolve('nb'), resolve('klingon'))"
    assert _in_a_fresh_process({"LANG": "nb_NO.UTF-8"}, code) == "en nb en"


# ---- the catalogue: messages written below the screens, translated where they are shown -------------------------


def test_a_message_with_values_is_translated_as_its_template(language):
    language("nb")
    said = messages.translated(f"Only {format_kroner(124950)} remains to refund.")
    assert plain(said) == "Bare 1 249,50 kr gjenstår å refundere."
    # a nested message (the ledger's own) is translated in turn; SQLite's words for a full disk too
    nested = "The sale could not be recorded: The ledger cannot be written: database or disk is full. Still trying."
    assert messages.translated(nested) == (
        "Salget kunne ikke lagres: Kan ikke skrive til salgsloggen: databasen eller disken er full. Prøver fortsatt."
    )
    # nested twice: a sale left for the manager, why, and what the settings lack
    missing = 'the settings have no psp_id, which the PSP API needs: add psp_id = "..." to [vipps]'
    said = messages.translated(f"Needs checking: made through Vipps' PSP v3 API, and {missing}.")
    assert said == (
        "Må sjekkes: gjort gjennom Vipps' PSP v3-API, og innstillingene mangler psp_id, som PSP-API-et trenger: "
        'legg til psp_id = "..." i [vipps].'
    )
    # Vipps' own words are not ours to translate; the frame around them is
    assert messages.translated("Vipps refused to start the payment: Invalid amount") == (
        "Vipps ville ikke starte betalingen: Invalid amount"
    )
    assert messages.translated("Something only Vipps says") == "Something only Vipps says"


def test_in_english_a_message_is_as_written_but_its_money_is_in_english(language):
    language("en")
    assert messages.translated("Waiting for the customer") == "Waiting for the customer"
    said = messages.translated(f"That is over this till's limit of {format_kroner(1_000_000)}.")
    assert plain(said) == "That is over this till's limit of NOK 10,000.00."
    assert plain(messages.translated(f"Refunded {format_kroner(-500)}.")) == "Refunded -NOK 5.00."


def test_a_translation_whose_fields_do_not_fit_falls_back_to_english(language, qapp, tmp_path):
    language("nb")
    broken = tmp_path / "broken.ts"
    broken.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="nb"><context>'
        "<name>Messages</name><message><source>Refunded {amount}.</source>"
        "<translation>Refunderte {beløp}.</translation></message></context></TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "broken.qm"
    subprocess.run([lrelease(), "-silent", str(broken), "-qm", str(qm)], check=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert plain(messages.translated(f"Refunded {format_kroner(500)}.")) == "Refunded 5,00 kr."
    finally:
        QCoreApplication.removeTranslator(translator)


# Where messages meant for people are written below the screens (and by the screens' background work), and
# the calls that carry them: each is read out of the code, so a message added later is checked too.
MESSAGE_SOURCES = [
    *sorted((ROOT / "kiosk" / "checkout").glob("*.py")),
    *sorted((ROOT / "kiosk" / "domain").glob("*.py")),
    ROOT / "kiosk" / "manager_pin.py",
    ROOT / "kiosk" / "ledger" / "store.py",
    ROOT / "kiosk" / "ledger" / "export_csv.py",
    ROOT / "kiosk" / "vipps" / "http.py",
    ROOT / "kiosk" / "vipps" / "client.py",
    ROOT / "kiosk" / "vipps" / "epayment.py",
    ROOT / "kiosk" / "vipps" / "models.py",
    ROOT / "kiosk" / "ui" / "sale_worker.py",
    ROOT / "kiosk" / "ui" / "services.py",
    ROOT / "kiosk" / "ui" / "back_office.py",
    ROOT / "kiosk" / "ui" / "day_export.py",
    ROOT / "kiosk" / "ui" / "day_report_pdf.py",
    ROOT / "kiosk" / "ui" / "checkout_flow.py",
]
CARRIERS = {"_update", "_finish", "emit", "Failure", "_fail", "_say", "replace"}
# Strings those places hold that never reach a person as a message.
NOT_MESSAGES = {
    "Order X",  # the payment description sent to Vipps (ePayment needs one)
    "XX,X\u00a0kr",  # format_kroner itself
    "XX,X",  # the CSV export's amounts
    "vipps-counter-kiosk",  # the Vipps-System-Name header's default
    "simulator",  # names of Vipps environments in the settings
    "test",
    "production",
    "other",
    "payment events",  # what a broken answer was: part of a message, as Vipps' API names it
    # programming errors: an id never handed out, a conflict the caller settles, a bad argument or setting
    "no sale X in the ledger",
    "no attempt X in the ledger",
    "no refund X in the ledger",
    "sale X is X, not X",
    "attempt X is X, not X",
    "refund X is X, not PENDING",
    "a PspProvider made without VippsSettings cannot start payments",
    "an Idempotency-Key has 1 to X characters",
    "the order-id prefix may hold only letters, digits and '-'",
    "force-approve exists only in Vipps' test environment and the simulator, not at X",
}
_CODE = re.compile(r"[A-Z_]+|/[\w/]+|[a-z_]+(, [a-z_]+)+")  # a state, an API path, a list of columns


def _sample(node: ast.expr, known: dict[str, str]) -> str | None:
    """The message a string expression makes, with a stand-in for each value (money as format_kroner writes it,
    a variable holding a message as that message)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return re.sub(r"\{\w+\}", "X", node.value)
    if isinstance(node, ast.JoinedStr):
        parts = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                parts.append(str(value.value))
            elif isinstance(value, ast.FormattedValue):
                inner = value.value
                if isinstance(inner, ast.Call) and getattr(inner.func, "id", "") == "format_kroner":
                    parts.append(format_kroner(124950))
                else:
                    parts.append(known.get(getattr(inner, "id", ""), "X"))
        return "".join(parts)
    return None


def _messages_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    samples: set[str | None] = set()
    scopes = [tree, *(node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef))]
    for scope in scopes:
        known: dict[str, str] = {}  # what a variable holds, as the statements so far in this scope made it
        nodes = [node for node in ast.walk(scope) if hasattr(node, "lineno")]
        for node in sorted(nodes, key=lambda n: (n.lineno, n.col_offset)):
            found: list[ast.expr] = []
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args:
                found.append(node.exc.args[0])
            elif isinstance(node, ast.Call):
                name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
                if name in CARRIERS:
                    found.extend(node.args)
                    found.extend(keyword.value for keyword in node.keywords if keyword.arg == "message")
            elif isinstance(node, ast.Return) and node.value is not None:
                found.extend(node.value.elts if isinstance(node.value, ast.Tuple) else [node.value])
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                name, value = node.targets[0].id, node.value
                if isinstance(value, ast.Dict) and name.lstrip("_").isupper():
                    found.extend(v for v in value.values if v is not None)
                elif (sample := _sample(value, known)) is not None:
                    known[name] = sample
                    if name.lstrip("_").isupper() or name in ("message", "text"):
                        samples.add(sample)
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                added = _sample(node.value, known)
                if node.target.id in known and added is not None:  # text += "…": the two together
                    known[node.target.id] += added
                    samples.add(known[node.target.id])
            samples.update(_sample(expr, known) for expr in found)
    messages_found = {s.strip() for s in samples if s and re.search(r"[A-Za-z]{2}", s)}
    return {s for s in messages_found if not _CODE.fullmatch(s)} - NOT_MESSAGES


def test_every_message_written_below_the_screens_is_in_the_catalogue():
    """A message the catalogue does not know is shown in English on a Norwegian screen: so a new one fails here
    until it is added to kiosk/ui/messages.py (or marked where it is written, in a UI module) and translated."""
    marked = {source for context, source, _ in ts_messages(TS) if context == messages.CONTEXT}
    unknown = {}
    for path in MESSAGE_SOURCES:
        for sample in _messages_in(path):
            if sample not in marked and messages.template_of(sample) is None:
                unknown[sample] = path.relative_to(ROOT).as_posix()
    assert not unknown, unknown
    # and the scan does find them (a scan that found nothing would pass too)
    assert "The card has expired." in _messages_in(ROOT / "kiosk" / "checkout" / "psp_provider.py")
    assert f"Only {format_kroner(124950)} remains to refund." in _messages_in(ROOT / "kiosk" / "ledger" / "store.py")


def test_every_template_keeps_its_fields_in_translation():
    for context, source, translation in ts_messages(TS):
        forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
        for form in forms:
            assert messages.fields_of(form) == messages.fields_of(source), (context, source, form)
            assert form.count("%n") == source.count("%n"), (context, source, form)


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
    assert ts_files() == [TS]
    assert len(ts_messages(TS)) > 200
    assert _unfinished(TS) == []


def test_the_translations_cover_every_text_in_the_code(tmp_path):
    """lupdate run over the code into a copy of the .ts: a text added to the code without its translation
    comes out "unfinished", one removed from the code "vanished". Either fails until kiosk_nb.ts is updated
    (`python -m kiosk.ui.i18n update`, then translate what is unfinished)."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(lupdate_command(copy), check=True, capture_output=True)
    assert _unfinished(copy) == []
    committed = {(context, source) for context, source, _ in ts_messages(TS)}
    assert {(context, source) for context, source, _ in ts_messages(copy)} == committed


def test_lupdate_finds_a_new_text_without_a_translation(tmp_path):
    """The check above can fail: a new tr() text comes out unfinished."""
    module = tmp_path / "new_screen.py"
    module.write_text(
        "from PySide6.QtWidgets import QWidget\n\n\nclass NewScreen(QWidget):\n"
        "    def build(self):\n        self.tr('A text nobody translated')\n",
        encoding="utf-8",
    )
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run(lupdate_command(copy, [module]), check=True, capture_output=True)
    assert ("NewScreen", "A text nobody translated", "unfinished") in _unfinished(copy)


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
