"""An amount that could be read two ways is never charged: the counter says how to type it instead."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.ledger import Ledger
from tests.gui.keyboard import press, type_text


def _type_into_amount_field(qtbot, window, text: str) -> None:
    """Click the amount field, then type as a keyboard does: into whatever has the focus."""
    qtbot.mouseClick(window.amount_screen.amount_input, Qt.MouseButton.LeftButton)
    type_text(qtbot, text)
    press(qtbot, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("shop_language", "message"),
    [
        (
            "en",
            '"12.500" is unclear: is it NOK\u00a012,500.00? Type kroner and øre with two decimals (12.50), or '
            "thousands without the separator (12500).",
        ),
        (
            "nb",
            "«12.500» er uklart: er det 12\u00a0500,00\u00a0kr? Skriv kroner og øre med to desimaler (12,50), eller "
            "tusener uten skilletegnet (12500).",
        ),
    ],
)
def test_twelve_point_five_hundred_charges_nothing_and_says_how_to_type_it(
    qtbot, make_window, sim, tmp_path, language, shop_language, message
):
    # It was charged as 12 500,00 kr: a dot and three digits were taken for a thousands separator.
    language(shop_language)
    window = make_window(max_amount_ore=10_000_000)
    qtbot.waitUntil(window.amount_screen.charge_button.isEnabled, timeout=10_000)
    _type_into_amount_field(qtbot, window, "12.500")
    assert window.amount_screen.error.text() == message
    assert window.stack.currentWidget() is window.amount_screen
    assert sim.payments() == []
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
        assert ledger.sales() == []
    # Typed the way the message says (over the old text, which the error left selected), the same till charges it.
    type_text(qtbot, "12,50")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(sim.payments()) == 1, timeout=10_000)
    assert [payment["amount"] for payment in sim.payments()] == [1250]
