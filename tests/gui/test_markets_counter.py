"""The counter in Denmark and Finland: amounts typed and shown in the market's money, MobilePay on the customer's
screens, the customer's number with the market's country code, and the customer's language switch.

Sales go to the simulator's demo unit of the shop's market (tests/gui/conftest.py: make_window(country=...)),
in its currency; what the screens do before Vipps is asked is tested on its own too."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt

from kiosk.domain.market import DENMARK, FINLAND, MARKETS, NORWAY, Market
from kiosk.settings.model import ShopSettings
from kiosk.ui.language.i18n import money, use_market
from kiosk.ui.screens.customer_screen import CustomerScreen
from kiosk.ui.screens.outcome_screen import OutcomeScreen
from tests.gui.keyboard import press, type_text
from tests.gui.steps import charge, charge_in_market, open_requests, type_phone, wait_outcome

# What each market's counter reads in its own language.
COUNTERS = {
    "DK": {
        "language": "da",
        "charge": "Opkræv med MobilePay",
        "label": "Beløb (kr.)",
        "placeholder": "0,00 kr.",
        "typed": "49,95",
        "shown": "49,95 kr.",
        "prefix": "+45",
        "prefix_name": "Danmark, +45",
        "qr_name": "QR-kode til betaling med MobilePay",
        "title": "MobilePay-kiosk – DEMO",
        "paid": "Betalt: 49,95 kr.",
        "phone": ("20123456", "4520123456"),
        "sent": "Sendt til ******56. Åbn MobilePay på din telefon, og godkend.",
        "approve": "Godkend i MobilePay-appen",
        "switch": "English",
        "english_amount": "DKK 49.95",
        "back": "Dansk",
    },
    "FI": {
        "language": "fi",
        "charge": "Veloita MobilePaylla",
        "label": "Summa (€)",
        "placeholder": "0,00 €",
        "typed": "4,95",
        "shown": "4,95 €",
        "prefix": "+358",
        "prefix_name": "Suomi, +358",
        "qr_name": "QR-koodi, jolla maksat MobilePaylla",
        "title": "MobilePay-kioski – DEMO",
        "paid": "Maksettu: 4,95 €",
        "phone": ("0401234567", "358401234567"),
        "sent": "Lähetetty numeroon ******67. Avaa MobilePay puhelimessasi ja hyväksy maksu.",
        "approve": "Hyväksy MobilePay-sovelluksessa",
        "switch": "English",
        "english_amount": "€4.95",
        "back": "Suomi",
    },
}


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2212", "-")


@pytest.mark.parametrize("country", ["DK", "FI"])
def test_the_amount_typed_is_the_markets_money_and_the_customer_meets_mobilepay(qtbot, make_window, language, country):
    counter = COUNTERS[country]
    language(counter["language"])
    window = make_window(country=country)
    amount = window.amount_screen
    qtbot.waitUntil(amount.charge_button.isEnabled)
    assert amount.charge_button.text() == counter["charge"]
    assert amount.amount_label.text() == counter["label"]
    assert plain(amount.amount_input.placeholderText()) == counter["placeholder"]
    assert window.windowTitle() == counter["title"]
    type_text(qtbot, counter["typed"])
    press(qtbot, Qt.Key.Key_Return)
    # the customer screen comes at once, before Vipps is asked: the amount, the brand and the country code
    screen = window.customer_screen
    assert window.stack.currentWidget() is screen
    assert plain(screen.amount.text()) == counter["shown"]
    assert screen.prefix.text() == counter["prefix"]
    assert screen.prefix.accessibleName() == counter["prefix_name"]
    assert screen.qr.accessibleName() == counter["qr_name"]


@pytest.mark.parametrize(("country", "colour"), [("NO", "#c8400f"), ("DK", "#3b57e0"), ("FI", "#3b57e0")])
def test_the_charge_key_wears_the_brand_the_customer_will_pay_with(qtbot, make_window, country, colour):
    """Vipps orange in Norway, MobilePay blue in Denmark and Finland (each dark enough for white text: AA)."""
    window = make_window(country=country)
    button = window.amount_screen.charge_button
    qtbot.waitUntil(button.isEnabled)
    picture = button.grab().toImage()
    assert picture.pixelColor(picture.width() // 2, 6).name() == colour  # above the words, inside the corners


@pytest.fixture
def shop_market() -> Iterator[Callable[[Market], None]]:
    """Set the shop's market as the window does (kiosk.ui.language.i18n.use_market), Norway's again after."""
    yield use_market
    use_market(NORWAY)


def _customer_screen(qtbot, market: Market, use) -> CustomerScreen:
    """The customer screen of `market`'s shop, waiting for the customer: the QR shown, the number field open."""
    use(market)
    screen = CustomerScreen()
    qtbot.addWidget(screen)
    with qtbot.waitActive(screen):  # the keyboard's window, as the kiosk's is
        screen.show()
        screen.activateWindow()
    screen.start_sale(4995)
    screen.show_qr("https://landing.example/pay?token=t")
    qtbot.mouseClick(screen.phone_input, Qt.MouseButton.LeftButton)  # the customer taps the field
    return screen


@pytest.mark.parametrize(
    ("country", "typed", "sent"),
    [
        ("DK", "20123456", "20123456"),
        ("DK", "+45 20 12 34 56", "20123456"),
        ("FI", "0401234567", "401234567"),  # typed with its leading 0, as Finns do
        ("FI", "+358 457 123 4567", "4571234567"),  # the longest form: the field has room for it
        ("NO", "91234567", "91234567"),
    ],
)
def test_the_customer_screen_takes_a_number_of_the_shops_market(qtbot, shop_market, country, typed, sent):
    screen = _customer_screen(qtbot, MARKETS[country], shop_market)
    with qtbot.waitSignal(screen.phone_submitted, timeout=2_000) as submitted:
        type_text(qtbot, typed)
        press(qtbot, Qt.Key.Key_Return)
    assert submitted.args == [sent]
    assert screen.phone_error.text() == ""
    assert screen.phone_input.text() == typed  # nothing typed was cut off by the field's length


@pytest.mark.parametrize(
    ("market", "typed", "said"),
    [
        (NORWAY, "20123456", "Norwegian mobile numbers start with 4 or 9."),  # Norway's own rule, in Norway only
        (DENMARK, "0123 4567", "Danish numbers do not start with 0 or 1."),
        (DENMARK, "+47 912 34 567", "Only Danish numbers (+45) can pay with MobilePay here."),
        (FINLAND, "401234567", "Finnish mobile numbers start with 04 or 050."),
        (FINLAND, "040 123", "A Finnish mobile number has 10 or 11 digits, the 0 in front included."),
    ],
)
def test_a_number_of_another_market_is_refused_with_the_markets_reason(qtbot, shop_market, market, typed, said):
    screen = _customer_screen(qtbot, market, shop_market)
    sent: list[str] = []
    screen.phone_submitted.connect(sent.append)
    type_text(qtbot, typed)
    press(qtbot, Qt.Key.Key_Return)
    assert screen.phone_error.text() == said
    assert sent == []


@pytest.mark.parametrize("country", ["DK", "FI"])
def test_a_customer_pays_with_their_number_in_the_markets_money(qtbot, make_window, sim, language, country):
    """End to end at the market's demo unit: the number typed as people there type it reaches the simulated app
    of that MSISDN, and the customer's screens say MobilePay all the way to "Paid"."""
    counter = COUNTERS[country]
    language(counter["language"])
    window = make_window(country=country)
    screen = window.customer_screen
    charge_in_market(qtbot, window, counter["typed"])
    typed, app_key = counter["phone"]
    type_phone(qtbot, window, typed)
    qtbot.waitUntil(lambda: len(open_requests(sim, app_key)) == 1)
    request = open_requests(sim, app_key)[0]
    assert (request["amount"], request["currency"]) == (
        {"DK": 4995, "FI": 495}[country],
        {"DK": "DKK", "FI": "EUR"}[country],
    )
    qtbot.waitUntil(lambda: screen.qr_hint.text() == counter["sent"])
    qtbot.waitUntil(lambda: screen.phase.text() == counter["approve"], timeout=10_000)
    sim.respond(request["pspTransactionId"], app_key, "approve")
    wait_outcome(qtbot, window, "PAID")
    assert plain(window.outcome_screen.title.text()) == counter["paid"]


@pytest.mark.parametrize("country", ["DK", "FI"])
def test_the_customer_switches_to_english_and_the_next_sale_is_in_the_shops_language(
    qtbot, make_window, sim, language, country
):
    counter = COUNTERS[country]
    language(counter["language"])
    window = make_window(country=country)
    screen = window.customer_screen
    charge_in_market(qtbot, window, counter["typed"])
    toggle = screen.language_toggle
    assert toggle.isVisible()
    assert toggle.text() == "English"
    assert toggle.accessibleDescription() == "Show this payment in English"
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.send_button.text() == "Send to my phone")
    assert plain(screen.amount.text()) == counter["english_amount"]
    assert screen.qr.accessibleName() == "QR code to pay with MobilePay"
    assert toggle.text() == counter["back"]
    qtbot.mouseClick(screen.cancel_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, window, "CANCELLED")
    assert window.outcome_screen.title.text() == "Payment cancelled"
    # the next customer meets the shop's language again
    qtbot.mouseClick(window.outcome_screen.new_sale_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.amount_screen.charge_button.text() == counter["charge"])
    charge(qtbot, window, "20")
    assert toggle.text() == "English"
    assert plain(screen.amount.text()) == plain(counter["shown"].replace(counter["typed"], "20,00"))


@pytest.mark.parametrize(
    ("country", "offered", "description"),
    [
        ("DK", "Dansk", "Vis denne betaling på dansk"),
        ("FI", "Suomi", "Näytä tämä maksu suomeksi"),
    ],
)
def test_an_english_speaking_shop_offers_its_countrys_language(
    qtbot, make_window, sim, language, country, offered, description
):
    language("en")
    window = make_window(country=country)
    screen = window.customer_screen
    assert window.amount_screen.charge_button.text() == "Charge with MobilePay"
    charge_in_market(qtbot, window, COUNTERS[country]["typed"])
    assert screen.language_toggle.text() == offered
    assert screen.language_toggle.accessibleDescription() == description
    qtbot.mouseClick(screen.language_toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: plain(screen.amount.text()) == COUNTERS[country]["shown"])
    assert screen.language_toggle.text() == "English"


@pytest.mark.parametrize(
    ("lang", "country", "invitation", "title"),
    [
        ("da", "DK", "Betal med MobilePay", "MobilePay – kunde"),
        ("fi", "FI", "Maksa MobilePaylla", "MobilePay – asiakas"),
    ],
)
def test_the_customers_own_screen_invites_them_to_pay_with_mobilepay(
    qtbot, two_screens, make_window, language, lang, country, invitation, title
):
    language(lang)
    window = make_window(shop=ShopSettings(name="Bageriet", sounds=False, country=country))
    display = window.customer_display
    assert display.isVisible()
    assert display.stack.currentWidget() is display.idle_view
    assert (display.idle_view.shop.text(), display.idle_view.invitation.text()) == ("Bageriet", invitation)
    assert display.windowTitle() == title


@pytest.mark.parametrize(
    ("lang", "country", "said"),
    [("da", "DK", "Det er ikke en kundes MobilePay-kode."), ("fi", "FI", "Tämä ei ole asiakkaan MobilePay-koodi.")],
)
def test_a_scan_that_is_no_customers_code_names_the_markets_app(qtbot, make_window, language, lang, country, said):
    language(lang)
    window = make_window(country=country)
    type_text(qtbot, "x" * 300)  # as fast as a barcode scanner types, and its Enter
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.status.text() == said)
    assert window.amount_screen.amount_input.text() == ""  # the scan taken back out of the field


@pytest.mark.parametrize(
    ("lang", "market", "rejected", "no_answer"),
    [
        ("da", DENMARK, "Afvist i MobilePay", "Intet svar fra MobilePay endnu"),
        ("fi", FINLAND, "Hylätty MobilePayssa", "MobilePay ei ole vielä vastannut"),
        ("nb", NORWAY, "Avvist i Vipps", "Ikke svar fra Vipps ennå"),
    ],
)
def test_the_outcome_names_the_app_the_customer_uses(qtbot, language, shop_market, lang, market, rejected, no_answer):
    language(lang)
    shop_market(market)
    screen = OutcomeScreen()
    qtbot.addWidget(screen)
    screen.show_outcome("REJECTED", 4995, "", None)
    assert screen.title.text() == rejected
    screen.show_outcome("NO_ANSWER", 4995, "", None)
    assert screen.title.text() == no_answer
    screen.show_outcome("PAID", 4995, "", None)
    assert plain(screen.title.text()).endswith(plain(money(4995)))


@pytest.mark.parametrize(
    ("country", "said"),
    [("DK", "Kunden afviste betalingen i MobilePay."), ("FI", "Asiakas hylkäsi maksun MobilePay-sovelluksessa.")],
)
def test_a_customer_who_rejects_in_mobilepay_is_told_so_not_vipps(qtbot, make_window, sim, language, country, said):
    """The rejection's reason comes from the details poller's reading of the payment: it names the app of the
    payment's market, as the outcome's title does."""
    counter = COUNTERS[country]
    language(counter["language"])
    window = make_window(country=country)
    charge_in_market(qtbot, window, counter["typed"])
    typed, app_key = counter["phone"]
    type_phone(qtbot, window, typed)
    qtbot.waitUntil(lambda: len(open_requests(sim, app_key)) == 1)
    sim.respond(open_requests(sim, app_key)[0]["pspTransactionId"], app_key, "reject")
    wait_outcome(qtbot, window, "REJECTED")
    assert window.outcome_screen.detail.text() == said
