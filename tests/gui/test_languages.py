"""The counter in bokmål, Danish, Finnish and English: every screen speaks the shop's language, a customer may
switch their own sale to the other one (English, or in an English-speaking shop its country's language), and the
next sale is in the shop's language again."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from kiosk.settings.model import Settings
from kiosk.settings.paths import config_path
from kiosk.simulator.demo import DEMO_SALES_UNIT
from kiosk.ui.language.i18n import money, restore_shop_language, show_language
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.settings_screen import SettingsScreen
from tests.conftest import TEST_API
from tests.gui.keyboard import press, type_text
from tests.gui.steps import charge, charge_in_market, open_requests, type_phone, wait_outcome

I18N = Path(__file__).resolve().parents[2] / "kiosk" / "i18n"
# Each market's shop in its own language, and a customer of it: the number as typed, and as the simulated app
# knows them (Norway by the 8 digits, the others by the whole MSISDN: kiosk/simulator/markets.py).
SHOPS = {"nb": "NO", "da": "DK", "fi": "FI"}
CUSTOMERS = {"NO": ("91234567", "91234567"), "DK": ("20123456", "4520123456"), "FI": ("0401234567", "358401234567")}
# Shown the same in both languages on purpose: the switch names English in English (for whoever reads it).
SAME_IN_BOTH = {"English", "Show this payment in English"}


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-")


@cache
def english_sources(language: str = "nb") -> tuple[frozenset[str], tuple[re.Pattern[str], ...]]:
    """Every English text the kiosk has whose translation into `language` differs from it: as is, and (with
    fields) as a pattern."""
    texts, patterns = set(), []
    ts = I18N / f"kiosk_{language}.ts"
    for message in ET.parse(ts).getroot().iter("message"):  # noqa: S314 - our own translation file
        source = message.findtext("source") or ""
        if (message.findtext("translation") or "") == source:
            continue  # "Status", "Vipps": the same word in both
        if re.search(r"\{\w+\}", source):
            parts = re.split(r"\{\w+\}", source)
            if not re.search(r"[A-Za-z]{3}", "".join(parts)):
                continue  # "{hour}: {count} ({amount})": no English words to find
            patterns.append(re.compile(".+".join(re.escape(part) for part in parts), re.DOTALL))
        else:
            texts.add(source)
    return frozenset(texts), tuple(patterns)


def visible_texts(window: MainWindow) -> list[tuple[str, str]]:
    """(widget, text) for every text a person sees or a screen reader says, on the window's current screen."""
    found = [("windowTitle", window.windowTitle())]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, QLabel | QAbstractButton):
            found.extend((name, line) for line in widget.text().splitlines())
        if isinstance(widget, QLineEdit):
            found.append((f"{name}.placeholder", widget.placeholderText()))
        found.append((f"{name}.accessibleName", widget.accessibleName()))
        found.append((f"{name}.accessibleDescription", widget.accessibleDescription()))
    return [(name, text.strip()) for name, text in found if text.strip()]


def left_in_english(window: MainWindow, language: str = "nb") -> list[tuple[str, str]]:
    texts, patterns = english_sources(language)
    return [
        (name, text)
        for name, text in visible_texts(window)
        if text not in SAME_IN_BOTH and (text in texts or any(pattern.fullmatch(text) for pattern in patterns))
    ]


class Walk:
    """Checks each screen it is shown for English left over, and keeps every text it saw."""

    def __init__(self, window: MainWindow, language: str = "nb") -> None:
        self.window = window
        self.language = language
        self.seen: set[str] = set()

    def check(self) -> None:
        assert left_in_english(self.window, self.language) == []
        self.seen.update(plain(text) for _name, text in visible_texts(self.window))


def _new_sale(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(window.outcome_screen.new_sale_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.amount_screen)


def _pay_by_phone(qtbot, window: MainWindow, sim, phone: str = "91234567", action: str = "approve") -> None:
    """The customer types `phone` (as their market's people do) and answers in the simulated app."""
    typed, app_key = CUSTOMERS[window.shop.country] if phone == "91234567" else (phone, phone)
    type_phone(qtbot, window, typed)
    qtbot.waitUntil(lambda: len(open_requests(sim, app_key)) == 1)
    sim.respond(open_requests(sim, app_key)[0]["pspTransactionId"], app_key, action)


# What each market's shop reads on the walk below, money written its way (a walk that saw nothing would pass).
WALKED = {
    "nb": {
        "Ta betalt med Vipps",
        "1 249,50 kr",
        "Skann med kameraet på mobilen",
        "Et norsk mobilnummer har 8 sifre.",
        "Betalt: 1 249,50 kr",
        # the PSP API says why a card was refused; the ePayment API never does
        "Kortet er utløpt." if TEST_API == "psp" else "Kortet ble avvist.",
        "Betalingen er kansellert",
        "Leder-PIN: åpne administrasjonen",
        "Feil PIN-kode.",
        "Refunderte 10,00 kr.",
        "Belastet 1 · 1 249,50 kr    Refundert 10,00 kr    Netto 1 239,50 kr",
        "Vipps-kiosk – DEMO",
    },
    "da": {
        "Opkræv med MobilePay",
        "1.249,50 kr.",
        "+45",
        "Scan med telefonens kamera",
        "Et dansk mobilnummer har 8 cifre.",
        "Betalt: 1.249,50 kr.",
        "Kortet blev afvist.",
        "Betalingen er annulleret",
        "Leder-PIN: åbn administrationen",
        "Forkert PIN-kode.",
        "10,00 kr. er refunderet.",
        "Hævet 1 · 1.249,50 kr.    Refunderet 10,00 kr.    Netto 1.239,50 kr.",
        "MobilePay-kiosk – DEMO",
    },
    "fi": {
        "Veloita MobilePaylla",
        "1 249,50 €",
        "+358",
        "Skannaa puhelimesi kameralla",
        "Suomalaiset matkapuhelinnumerot alkavat 04:llä tai 050:llä.",
        "Maksettu: 1 249,50 €",
        "Kortti hylättiin.",
        "Maksu peruutettu",
        "Esihenkilön PIN-koodi: avaa hallinta",
        "Väärä PIN-koodi.",
        "Hyvitetty 10,00 €.",
        "Veloitettu 1 · 1 249,50 €    Hyvitetty 10,00 €    Netto 1 239,50 €",
        "MobilePay-kioski – DEMO",
    },
}
HEADERS = {
    "nb": ["Tid", "Ordre-ID", "Beløp", "Status", "Telefon", "Forsøk", "Refundert", "Vipps-API"],
    "da": ["Tid", "Ordre-id", "Beløb", "Status", "Telefon", "Forsøg", "Refunderet", "Vipps-API"],
    "fi": ["Aika", "Tilaustunnus", "Summa", "Tila", "Puhelin", "Yritykset", "Hyvitetty", "Vipps-rajapinta"],
}
STATUSES = {
    "nb": {"DELVIS REFUNDERT", "KORT AVVIST", "KANSELLERT"},
    "da": {"DELVIST REFUNDERET", "KORT AFVIST", "ANNULLERET"},
    "fi": {"OSITTAIN HYVITETTY", "KORTTI HYLÄTTY", "PERUUTETTU"},
}


@pytest.mark.parametrize(
    "lang", ["nb", "da", "fi"], ids=["bokmål in Norway", "Danish in Denmark", "Finnish in Finland"]
)
def test_the_kiosk_in_each_markets_language_shows_no_english_on_any_screen(qtbot, make_window, sim, language, lang):
    """Each market's shop in its own language, selling at that market's demo unit: every screen of a sale (QR,
    a mistyped number, paid, refused, cancelled), the manager's PIN and the back office with a refund."""
    language(lang)  # as start-up sets it, before the window is built
    window = make_window(country=SHOPS[lang])
    walk = Walk(window, lang)
    ready = window.status.text
    qtbot.waitUntil(
        lambda: ready() != "" and ready() == QCoreApplication.translate("", "Ready. Type the amount and press Enter.")
    )
    walk.check()
    # the amount screen, with a mistake
    type_text(qtbot, "abc")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.amount_screen.error.text() != "")
    walk.check()
    window.amount_screen.amount_input.clear()
    # the customer screen: QR code, a mistyped number, sent to a phone
    charge_in_market(qtbot, window, "1249,50")
    qtbot.waitUntil(lambda: window.customer_screen.phase.text() != "")
    walk.check()
    type_phone(qtbot, window, "123")
    qtbot.waitUntil(lambda: window.customer_screen.phone_error.text() != "")
    walk.check()
    window.customer_screen.phone_input.clear()
    _pay_by_phone(qtbot, window, sim)
    wait_outcome(qtbot, window, "PAID")
    walk.check()
    # a refused card and a cancelled payment
    _new_sale(qtbot, window)
    charge(qtbot, window, "44")
    _pay_by_phone(qtbot, window, sim)
    wait_outcome(qtbot, window, "REFUSED")
    walk.check()
    _new_sale(qtbot, window)
    charge(qtbot, window, "100")
    qtbot.mouseClick(window.customer_screen.cancel_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, window, "CANCELLED")
    walk.check()
    # the manager's PIN, wrong and then right, and the back office with a refund
    _new_sale(qtbot, window)
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=10_000)
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    walk.check()
    type_text(qtbot, "0000")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pin_screen.message.text() != "")
    walk.check()
    type_text(qtbot, "1234")
    press(qtbot, Qt.Key.Key_Return)
    office = window.back_office
    qtbot.waitUntil(lambda: window.stack.currentWidget() is office and office.model.rowCount() == 3)
    office.table.selectRow(0)
    office.refund_amount.setText("10")
    qtbot.mouseClick(office.refund_button, Qt.MouseButton.LeftButton)
    # the day read again after the refund: its net in the shop's money
    qtbot.waitUntil(lambda: plain(money(123950)) in plain(office.totals.text()), timeout=10_000)
    walk.check()
    headers = [office.model.headerData(c, Qt.Orientation.Horizontal) for c in range(office.model.columnCount())]
    statuses = {office.model.index(row, 3).data() for row in range(3)}
    english, _patterns = english_sources(lang)
    assert not set(headers) & english
    assert not statuses & english
    assert WALKED[lang] <= walk.seen, sorted(WALKED[lang] - walk.seen)
    assert headers == HEADERS[lang]
    assert statuses == STATUSES[lang]


def test_the_customer_switches_their_sale_to_english_and_the_next_sale_is_in_bokmal(qtbot, make_window, sim, language):
    language("nb")
    window = make_window()
    screen = window.customer_screen
    charge(qtbot, window, "149,50")
    toggle = window.findChild(QAbstractButton, "customerLanguageToggle")
    assert toggle is screen.language_toggle
    assert toggle.isVisible()
    assert toggle.text() == "English"  # the other language, in that language
    assert toggle.accessibleName() == "English"
    assert window.status.text() == "Venter på kunden"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    # the customer's screen, the status line and the header follow (Qt tells every widget)
    qtbot.waitUntil(lambda: screen.send_button.text() == "Send to my phone")
    assert plain(screen.amount.text()) == "NOK 149.50"
    assert screen.qr_hint.text() == "Scan with your phone's camera"
    qtbot.waitUntil(lambda: screen.phase.text() == "Scan the code or type your number")
    assert window.status.text() == "Waiting for the customer"
    assert window.manager_button.text() == "Manager"
    assert toggle.text() == "Norsk"
    assert left_in_english(window) != []  # the check the bokmål walk relies on does see English
    _pay_by_phone(qtbot, window, sim)
    wait_outcome(qtbot, window, "PAID")
    assert plain(window.outcome_screen.title.text()) == "Paid: NOK 149.50"  # the outcome in their language too
    assert window.outcome_screen.new_sale_button.text() == "New sale"
    assert window.status.text() == "Paid"
    # the next customer meets the shop's language
    _new_sale(qtbot, window)
    qtbot.waitUntil(lambda: window.amount_screen.charge_button.text() == "Ta betalt med Vipps")
    assert window.status.text() == "Klar. Skriv inn beløpet og trykk Enter."
    charge(qtbot, window, "20")
    assert screen.send_button.text() == "Send til telefonen min"
    assert plain(screen.amount.text()) == "20,00 kr"
    assert toggle.text() == "English"


def test_an_english_shop_offers_bokmal_to_its_customer(qtbot, make_window, sim, language):
    language("en")
    window = make_window()
    screen = window.customer_screen
    charge(qtbot, window, "149,50")
    assert screen.language_toggle.text() == "Norsk"
    assert screen.language_toggle.accessibleDescription() == "Vis denne betalingen på norsk"
    qtbot.mouseClick(screen.language_toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.send_button.text() == "Send til telefonen min")
    assert plain(screen.amount.text()) == "149,50 kr"
    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, window, "CANCELLED")
    assert window.outcome_screen.title.text() == "Betalingen er kansellert"
    _new_sale(qtbot, window)
    qtbot.waitUntil(lambda: window.amount_screen.charge_button.text() == "Charge with Vipps")


def test_without_the_other_languages_translations_there_is_no_switch(qtbot, make_window, sim, monkeypatch):
    import kiosk.ui.screens.customer_screen as customer_screen

    monkeypatch.setattr(customer_screen, "is_available", lambda language: language == "en")
    window = make_window()
    charge(qtbot, window, "100")
    assert not window.customer_screen.language_toggle.isVisible()


def test_the_back_office_retranslates_while_it_is_open(qtbot, make_window, language):
    """A widget that lives on across a language change says everything again in the new one."""
    language("nb")
    window = make_window()
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, "1234")
    press(qtbot, Qt.Key.Key_Return)
    office = window.back_office
    qtbot.waitUntil(lambda: window.stack.currentWidget() is office and office.totals.text() != "")
    assert plain(office.totals.text()).startswith("Belastet 0 · 0,00 kr")
    try:
        show_language("en")
        qtbot.waitUntil(lambda: plain(office.totals.text()).startswith("Captured 0 · NOK 0.00"))
        assert office.refund_button.text() == "Refund"
        assert office.model.headerData(0, Qt.Orientation.Horizontal) == "Time"
        assert window.status.text() == "Back office"
    finally:
        restore_shop_language()
    qtbot.waitUntil(lambda: office.refund_button.text() == "Refunder")
    assert window.status.text() == "Administrasjon"


def test_why_a_sale_failed_is_said_in_bokmal_though_the_checkout_writes_english(qtbot, make_window, sim, language):
    language("nb")
    window = make_window()
    charge(qtbot, window, "149,50")
    _pay_by_phone(qtbot, window, sim, action="reject")
    wait_outcome(qtbot, window, "REJECTED")
    assert window.outcome_screen.title.text() == "Avvist i Vipps"
    assert window.outcome_screen.detail.text() == "Kunden avviste betalingen i Vipps."
    assert window.status.text() == "Kunden avviste betalingen i Vipps."


# ---- the settings: what is wrong with them, and what Vipps and the shop database said, in the shop's language ----


def _settings_screen(qtbot, sim) -> SettingsScreen:
    screen = SettingsScreen(Settings(), config_path())
    qtbot.addWidget(screen)
    screen.show()
    screen.environment.setCurrentIndex(screen.environment.findData("other"))
    screen.base_url.setText(sim.base_url)
    unit = DEMO_SALES_UNIT
    for name in ("client_id", "client_secret", "subscription_key", "merchant_serial_number", "psp_id"):
        screen.fields[name].setText(getattr(unit, name))
    screen.fields["make_payment_token"].setText(unit.make_payment_token)
    return screen


def test_a_mistake_in_the_settings_is_said_in_bokmal(qtbot, sim, language):
    language("nb")
    screen = _settings_screen(qtbot, sim)
    screen.fields["merchant_serial_number"].setText("12ab")
    qtbot.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == (
        f"{config_path().name}: [vipps] merchant_serial_number må være nøyaktig 6 sifre, for eksempel "
        "\"123456\" (fikk '12ab')"
    )
    assert not config_path().exists()


def test_test_connection_says_each_step_in_bokmal(qtbot, sim, language):
    language("nb")
    screen = _settings_screen(qtbot, sim)
    screen.fields["client_secret"].setText("not-the-secret")
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("Virker ikke ennå."), timeout=15_000)
    assert screen.message.text().splitlines()[1] == (
        "✗ Tilgangstoken: Vipps avviste påloggingsopplysningene (HTTP 401): sjekk client_id, client_secret og "
        "abonnementsnøkkelen (Ocp-Apim-Subscription-Key) for dette miljøet"
    )
    screen.fields["client_secret"].setText(DEMO_SALES_UNIT.client_secret)
    qtbot.mouseClick(screen.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.message.text().startswith("Tilkoblingen virker."), timeout=15_000)
    lines = screen.message.text().splitlines()
    assert lines[1] == f"✓ Tilgangstoken: {sim.base_url} godtok klient-id-en og hemmeligheten"
    assert lines[2].startswith("✓ PSP-tilgang: salgsenhetsnummer (MSN)" if TEST_API == "psp" else "✓ ePayment-tilgang")


def test_a_settings_file_the_back_office_cannot_read_is_said_in_bokmal(qtbot, make_window, language):
    language("nb")
    config_path().write_text("[vipps\n", encoding="utf-8")
    window = make_window()
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=10_000)
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, "1234")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office)
    qtbot.mouseClick(window.back_office.settings_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "er ikke gyldig TOML" in window.status.text())
    assert window.status.text().startswith(f"{config_path()}: er ikke gyldig TOML (")
    assert window.status.text().endswith("); rett opp syntaksen der")
