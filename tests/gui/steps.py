"""What a person does at the counter, as test steps."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import Qt

from kiosk.ui.main_window import MainWindow
from tests.gui.keyboard import press, type_text


def charge(qtbot, window: MainWindow, amount_text: str, wait_for_qr: bool = True) -> str:
    """Type the amount and press Enter on the keyboard, as staff do (no click first: a fresh sale has the focus
    in the amount field); returns the landing URL the QR code shows."""
    type_text(qtbot, amount_text)
    press(qtbot, Qt.Key.Key_Return)
    if wait_for_qr:
        qtbot.waitUntil(lambda: bool(window.customer_screen.qr.text), timeout=10_000)
    return window.customer_screen.qr.text


def landing_token(url: str) -> str:
    return parse_qs(urlsplit(url).query)["token"][0]


def type_phone(qtbot, window: MainWindow, phone: str) -> None:
    """The customer taps the number field, types, and taps "Send to my phone"."""
    screen = window.customer_screen
    qtbot.mouseClick(screen.phone_input, Qt.MouseButton.LeftButton)
    if phone.isascii():
        qtbot.keyClicks(screen.phone_input, phone)
    else:
        screen.phone_input.insert(phone)  # QTest types Latin-1 only; other scripts arrive by an input method
    qtbot.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)


def wait_outcome(qtbot, window: MainWindow, outcome: str, timeout: int = 15_000) -> None:
    qtbot.waitUntil(
        lambda: window.stack.currentWidget() is window.outcome_screen and window.outcome_screen.outcome == outcome,
        timeout=timeout,
    )


def open_requests(sim, phone: str) -> list[dict]:
    return sim.http.get("/_sim/app/requests", params={"phone": phone}).json()


def charge_in_market(qtbot, window: MainWindow, amount_text: str) -> str:
    """`charge`, in a shop of any market, at that market's demo sales unit: a payment refused before its QR code
    (the unit's currency not the shop's, say) fails with the counter's own words, not with a timeout."""
    type_text(qtbot, amount_text)
    press(qtbot, Qt.Key.Key_Return)
    outcome = window.outcome_screen
    qtbot.waitUntil(
        lambda: bool(window.customer_screen.qr.text) or window.stack.currentWidget() is outcome, timeout=10_000
    )
    assert window.customer_screen.qr.text, outcome.detail.text()
    return window.customer_screen.qr.text
