"""[kiosk] till_id where staff see it: in the header of every screen and in the back office, in the language on
screen; a till on its own (no till_id) shows no till."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.keyboard import press, type_text


def test_the_till_id_is_in_the_header_and_the_back_office(qtbot, make_window):
    window = make_window(till_id="kasse-2")
    assert window.till_badge.isVisible()
    assert window.till_badge.text() == "Till kasse-2"
    assert window.till_badge.accessibleName() == "This till: kasse-2"
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, "1234")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office)
    assert window.back_office.till_label.isVisible()
    assert window.back_office.till_label.text() == "Till kasse-2"
    assert window.till_badge.isVisible()  # the header stays over every screen


def test_the_till_id_speaks_the_shops_language(qtbot, make_window, language):
    language("nb")
    window = make_window(till_id="kasse-2")
    assert window.till_badge.text() == "Kasse kasse-2"


def test_a_till_on_its_own_shows_no_till(qtbot, window):
    assert not window.till_badge.isVisible()
    assert window.back_office.scope is None  # and no choice of the whole shop: there is no shop database
    assert not window.back_office.till_label.isVisible()
