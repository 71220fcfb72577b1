"""A personal QR scanned at a counter with a customer-facing screen: while the customer pays on their screen,
the staff's keyboard focus is on the staff's view of the sale, and a scan typed there must still be read."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import ShopSettings
from tests.gui.steps import charge, open_requests
from tests.gui.test_personal_qr_scan import PHONE, code_of, scan


def test_a_code_scanned_while_the_customer_pays_on_their_own_screen_reaches_their_app(
    qtbot, two_screens, make_window, sim
):
    window = make_window(
        vipps=demo_vipps_settings(sim.base_url, api="epayment"),
        shop=ShopSettings(name="Kaffebaren", sounds=False),
    )
    charge(qtbot, window, "149,50")
    (qr_payment,) = sim.payments()
    staff = window.staff_sale_screen
    assert window.stack.currentWidget() is staff
    focused = QApplication.focusWidget()
    assert focused is not None
    assert focused.window() is window  # the scanner types at the staff's window
    scan(qtbot, code_of(sim))
    qtbot.waitUntil(lambda: "Sent to your Vipps app" in window.customer_screen.qr_hint.text(), timeout=10_000)
    assert staff.seen.text() == "Sent to the Vipps app of the customer whose code was scanned"
    qtbot.waitUntil(lambda: sim.epayment(qr_payment["reference"])["state"] == "TERMINATED")
    (request,) = open_requests(sim, PHONE)
    assert request["paymentText"].startswith("Kaffebaren #kiosk-")
