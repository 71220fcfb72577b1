"""Issue 15, section 2: the customer's personal QR, scanned at the counter, through the whole GUI.

The scanner is a keyboard: it types the code fast and Enter, into wherever the focus is (tests/gui/keyboard.py
sends each key there, a few microseconds apart, as fast as a scanner). A person types slower: `type_slowly`
waits between keys as a hand does. The code is read off the simulated app page in a real browser with zxing-cpp,
and the customer approves there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.domain.scan import SCAN_GAP_S
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import ShopSettings
from kiosk.vipps.epayment import RATE_LIMITS, RateLimit
from tests.gui.keyboard import keyboard_target, press, type_text
from tests.gui.steps import charge, landing_token, open_requests, wait_outcome
from tests.test_simulator_personal_qr import read_personal_qr_off_the_app
from tests.vipps_apis import EPAYMENT_PATHS

PHONE = "41234567"
NO_SALE = "No sale is waiting for the customer. Charge the amount first, then scan the customer's code."
NOT_A_CODE = "That is not a customer's Vipps code."
NEEDS_EPAYMENT = 'Scanning a customer\'s code needs the ePayment API ([vipps] api = "epayment").'


@pytest.fixture
def window(make_window, sim):
    return make_window(
        vipps=demo_vipps_settings(sim.base_url, api="epayment"),
        shop=ShopSettings(name="Kaffebaren", sounds=False),
    )


def code_of(sim, phone: str = PHONE) -> str:
    return sim.http.get("/_sim/personal-qr", params={"phone": phone}).json()["personalQr"]


def scan(qtbot, code: str) -> None:
    """What a barcode scanner does: the code's characters, fast, then Enter, wherever the focus is."""
    type_text(qtbot, code)
    press(qtbot, Qt.Key.Key_Return)


def type_slowly(qtbot, text: str) -> None:
    """A person's typing: each key well after the one before (a hand is 100 ms or more; this is 2x a scanner's)."""
    for char in text:
        qtbot.keyClick(keyboard_target(), char, delay=int(SCAN_GAP_S * 1000 * 2))


def captured(sim) -> int:
    return sum(p["capturedAmount"] for p in sim.payments())


def test_a_scanned_code_gets_the_payment_to_that_customers_app_paid_and_captured_once(qtbot, window, sim, page):
    charge(qtbot, window, "149,50")
    (qr_payment,) = sim.payments()
    code = read_personal_qr_off_the_app(page, sim.base_url, PHONE)  # the customer holds their app to the scanner
    scan(qtbot, code)
    screen = window.customer_screen
    qtbot.waitUntil(lambda: "Sent to your Vipps app" in screen.qr_hint.text(), timeout=10_000)
    assert screen.qr.text == ""  # the QR payment is superseded: its code is off the screen
    assert screen.phone_input.text() == ""  # the scan never landed in the number field
    assert screen.phone_error.text() == ""
    qtbot.waitUntil(lambda: sim.epayment(qr_payment["reference"])["state"] == "TERMINATED")
    (request,) = open_requests(sim, PHONE)
    assert request["paymentText"].startswith("Kaffebaren #kiosk-")

    page.goto(f"{sim.base_url}/_sim/app?phone={PHONE}")
    page.get_by_role("button", name="Pay").click()
    wait_outcome(qtbot, window, "PAID")
    qtbot.waitUntil(lambda: captured(sim) == 14950)
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=15_000)
    assert captured(sim) == 14950


def test_a_superseded_qr_payment_approved_late_is_reversed_never_charged_twice(qtbot, window, sim, monkeypatch):
    # The failing cancels must not use up Vipps' five a minute for the payment: the reversal is sent at once after.
    monkeypatch.setitem(RATE_LIMITS, "cancel", RateLimit(1000, 1.0))
    charge(qtbot, window, "149,50")
    (qr_payment,) = sim.payments()
    sim.fault(path=EPAYMENT_PATHS.cancel, status=503, count=1000)  # the QR payment's cancel does not get through
    scan(qtbot, code_of(sim))
    qtbot.waitUntil(lambda: len(open_requests(sim, PHONE)) == 1)
    # The old QR code, still open at Vipps, is scanned and approved by a phone before Vipps heard the cancel.
    token = landing_token(qr_payment["landingUrl"])
    sim.http.post("/_sim/landing/phone", params={"token": token}, json={"phone": "91234567"}).raise_for_status()
    sim.respond(qr_payment["reference"], "91234567", "approve").raise_for_status()
    qtbot.waitUntil(lambda: sim.epayment(qr_payment["reference"])["state"] == "AUTHORIZED")
    (request,) = open_requests(sim, PHONE)
    sim.respond(request["pspTransactionId"], PHONE, "approve")
    wait_outcome(qtbot, window, "PAID")
    sim.clear_faults()
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=20_000)
    assert sim.epayment(qr_payment["reference"])["capturedAmount"] == 0
    assert sim.record(qr_payment["reference"]).state == "CANCELLED"  # reversed
    assert captured(sim) == 14950


@pytest.mark.slow  # waits out a hang, an outage or a rate limit it sets up: seconds by design
def test_a_scan_during_a_vipps_outage_says_so_keeps_the_qr_and_pushes_once_vipps_is_back(qtbot, window, sim):
    charge(qtbot, window, "149,50")
    (qr_payment,) = sim.payments()
    sim.fault(path=EPAYMENT_PATHS.init, method="POST", status=503)
    scan(qtbot, code_of(sim))
    qtbot.waitUntil(lambda: window.status.text() == "No answer from Vipps yet. Still trying.", timeout=10_000)
    assert sim.epayment(qr_payment["reference"])["state"] == "CREATED"  # the QR code still works meanwhile
    assert window.customer_screen.qr.text != ""
    sim.clear_faults()
    qtbot.waitUntil(lambda: len(open_requests(sim, PHONE)) == 1, timeout=15_000)  # sent again, same key
    qtbot.waitUntil(lambda: sim.epayment(qr_payment["reference"])["state"] == "TERMINATED")
    (request,) = open_requests(sim, PHONE)
    sim.respond(request["pspTransactionId"], PHONE, "approve")
    wait_outcome(qtbot, window, "PAID")
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=15_000)
    assert len([p for p in sim.payments() if p["phone"] == PHONE]) == 1
    assert captured(sim) == 14950


def test_a_scan_while_no_sale_is_open_is_ignored_with_a_message(qtbot, window, sim):
    qtbot.waitUntil(window.amount_screen.charge_button.isEnabled, timeout=10_000)
    type_slowly(qtbot, "12")  # staff had begun typing the amount
    scan(qtbot, code_of(sim))
    qtbot.waitUntil(lambda: window.status.text() == NO_SALE)
    assert window.stack.currentWidget() is window.amount_screen
    assert window.amount_screen.amount_input.text() == "12"  # what staff typed is kept, the scan is not in it
    assert window.amount_screen.error.text() == ""
    assert sim.payments() == []


def test_an_amount_scanned_or_typed_slowly_still_charges(qtbot, window, sim):
    qtbot.waitUntil(window.amount_screen.charge_button.isEnabled, timeout=10_000)
    scan(qtbot, "149,50")  # a scanner typing an amount, as before
    qtbot.waitUntil(lambda: bool(window.customer_screen.qr.text), timeout=10_000)
    press(qtbot, Qt.Key.Key_Escape)
    wait_outcome(qtbot, window, "CANCELLED")
    press(qtbot, Qt.Key.Key_Return)  # the next sale
    press(qtbot, Qt.Key.Key_Tab)  # to the text field: staff type what was bought, by hand, and Enter charges
    type_slowly(qtbot, "Kaffe og bolle")
    press(qtbot, Qt.Key.Key_Return)
    assert window.amount_screen.error.text() != ""  # no amount yet: the amount's own message, not a scan's
    assert window.status.text() != NO_SALE


def test_a_long_scan_that_is_no_personal_qr_is_ignored_and_the_qr_stays(qtbot, window, sim):
    charge(qtbot, window, "149,50")
    scan(qtbot, "x" * 300)
    qtbot.waitUntil(lambda: window.status.text() == NOT_A_CODE)
    assert window.customer_screen.phone_input.text() == ""
    assert window.customer_screen.qr.text != ""
    assert len(sim.payments()) == 1


def test_on_psp_a_scan_is_refused_in_one_line(qtbot, make_window, sim):
    window = make_window(vipps=demo_vipps_settings(sim.base_url, api="psp"))
    charge(qtbot, window, "149,50")
    scan(qtbot, code_of(sim))
    qtbot.waitUntil(lambda: window.status.text() == NEEDS_EPAYMENT, timeout=10_000)
    assert window.customer_screen.qr.text != ""
    assert window.customer_screen.phone_input.text() == ""
    assert open_requests(sim, PHONE) == []


def test_a_command_key_before_fast_typing_is_a_persons_not_part_of_a_scan(qtbot, window, sim):
    """Ctrl+A, then the amount typed over it and Enter: staff at work (a scanner never holds Ctrl)."""
    qtbot.waitUntil(window.amount_screen.charge_button.isEnabled, timeout=10_000)
    type_slowly(qtbot, "12")
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    scan(qtbot, "4,36")
    qtbot.waitUntil(lambda: bool(window.customer_screen.qr.text), timeout=10_000)
    assert window.status.text() != NO_SALE


def test_a_scan_seen_late_by_a_busy_gui_thread_is_timed_by_the_keyboard(qtbot, window, sim):
    """A real keyboard stamps each key as it is pressed. The GUI thread may take them a while later, in a lump
    (painting, a garbage collection): the scan must still be read by when the keys were pressed."""
    charge(qtbot, window, "149,50")
    seen = iter(range(1_000, 10_000, 1))  # the GUI thread gets to each key a whole second after the one before
    window.scan_input.clock = lambda: float(next(seen))
    pressed_at = 5_000  # ms, as the keyboard stamped them: 3 ms apart
    for char in code_of(sim):
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, char)
        key.setTimestamp(pressed_at)
        QApplication.sendEvent(keyboard_target(), key)
        pressed_at += 3
    enter = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
    enter.setTimestamp(pressed_at)
    QApplication.sendEvent(keyboard_target(), enter)
    qtbot.waitUntil(lambda: len(open_requests(sim, PHONE)) == 1, timeout=10_000)
    assert window.customer_screen.phone_input.text() == ""
