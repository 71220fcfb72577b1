"""The manager's back office, through its widgets: PIN, the day, refunds, re-checks, exports."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import Qt

from kiosk.ledger import Ledger
from kiosk.settings.model import ShopSettings
from kiosk.settings.paths import data_dir
from kiosk.ui.language.i18n import money
from tests.gui.keyboard import press, type_text
from tests.gui.steps import charge, open_requests, type_phone, wait_outcome
from tests.helpers import record_paid_sale


def _sell(qtbot, window, sim, amount_text="149,50", phone="91234567"):
    charge(qtbot, window, amount_text)
    type_phone(qtbot, window, phone)
    qtbot.waitUntil(lambda: len(open_requests(sim, phone)) == 1)
    sim.respond(open_requests(sim, phone)[0]["pspTransactionId"], phone, "approve")
    wait_outcome(qtbot, window, "PAID")
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=10_000)
    qtbot.mouseClick(window.outcome_screen.new_sale_button, Qt.MouseButton.LeftButton)


def _unlock(qtbot, window, pin="1234"):
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.pin_screen
    type_text(qtbot, pin)
    press(qtbot, Qt.Key.Key_Return)


def _open_back_office(qtbot, window):
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office)
    qtbot.waitUntil(lambda: window.back_office.model.rowCount() > 0)


def _select_row(qtbot, window, row=0):
    window.back_office.table.selectRow(row)
    qtbot.waitUntil(lambda: window.back_office.table.selectionModel().hasSelection())


def test_the_back_office_needs_the_pin(qtbot, window):
    _unlock(qtbot, window, pin="0000")
    qtbot.waitUntil(lambda: window.pin_screen.message.text() == "Wrong PIN.")
    assert window.stack.currentWidget() is window.pin_screen
    qtbot.mouseClick(window.pin_screen.cancel_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.amount_screen


def test_not_during_a_sale(qtbot, window, sim):
    charge(qtbot, window, "100")
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.customer_screen


def test_the_day_shows_totals_chart_and_each_sale_with_a_masked_phone(qtbot, window, sim):
    _sell(qtbot, window, sim, "149,50")
    _sell(qtbot, window, sim, "50")
    _open_back_office(qtbot, window)
    office = window.back_office
    qtbot.waitUntil(lambda: office.model.rowCount() == 2)
    assert "Captured 2 · NOK\u00a0199.50" in office.totals.text()
    assert "Net NOK\u00a0199.50" in office.totals.text()
    assert office.model.index(0, 3).data() == "CAPTURED"
    assert office.model.index(0, 4).data() == "******67"
    assert office.model.index(1, 2).data() == "NOK\u00a050.00"
    assert "2 (" in office.chart.accessibleDescription()


def _fill_today(path, sales):
    """`sales` captured sales spread over today, 40 s apart (within even a 23-hour DST day), in one
    transaction: the ledger's own writes are one durable commit each, too slow for a busy day in a test."""
    with Ledger.open(path):
        pass  # created and migrated
    midnight = datetime.combine(date.today(), datetime.min.time()).astimezone()
    with sqlite3.connect(path) as db:
        db.executemany(
            "INSERT INTO sales (created_at, amount_ore, state, outcome, order_id, phone_masked, attempt_count,"
            " captured_ore) VALUES (?, ?, 'PAID', 'PAID', ?, '******12', 1, ?)",
            [
                (
                    (midnight + timedelta(seconds=40 * i)).astimezone(UTC).isoformat(timespec="milliseconds"),
                    1000 + i,
                    f"order-{i:05d}",
                    1000 + i,
                )
                for i in range(sales)
            ],
        )
    db.close()


def test_a_busy_day_is_read_a_page_at_a_time_as_the_table_scrolls(qtbot, window, tmp_path):
    _fill_today(tmp_path / "ledger.sqlite3", 2000)
    office = window.back_office
    office.model.page_size = 50
    _open_back_office(qtbot, window)
    qtbot.waitUntil(lambda: office.totals.text() != "")
    # The totals and the chart count the whole day while the table holds its first page only.
    assert office.model.rowCount() == 50
    captured = sum(1000 + i for i in range(2000))
    assert f"Captured 2000 · {money(captured)}" in office.totals.text()
    per_hour = re.findall(r"\d\d: (\d+) \(", office.chart.accessibleDescription())
    assert sum(int(count) for count in per_hour) == 2000
    assert office.table.accessibleDescription().startswith("2000 sales")
    # Each scroll to the end reads one more page, and only that.
    office.table.scrollToBottom()
    qtbot.waitUntil(lambda: office.model.rowCount() > 50)
    assert office.model.rowCount() == 100
    while office.model.rowCount() < 2000:
        shown = office.model.rowCount()
        office.table.scrollToBottom()
        qtbot.waitUntil(lambda shown=shown: office.model.rowCount() > shown)
        assert office.model.rowCount() == shown + 50
    office.table.scrollToBottom()  # the last page was full: one more read finds nothing, and reading stops
    qtbot.waitUntil(lambda: not office.model.has_more)
    assert office.model.rowCount() == 2000
    order_ids = [office.model.index(row, 1).data() for row in range(2000)]
    assert order_ids == [f"order-{i:05d}" for i in range(2000)]  # every sale once, oldest first


def test_a_refund_on_a_busy_day_keeps_the_table_where_it_was(qtbot, window, sim, tmp_path):
    _fill_today(tmp_path / "ledger.sqlite3", 300)
    _sell(qtbot, window, sim, "149,50")
    office = window.back_office
    office.model.page_size = 100
    _open_back_office(qtbot, window)
    while office.model.has_more:
        shown = office.model.rowCount()
        office.table.scrollToBottom()
        qtbot.waitUntil(lambda shown=shown: office.model.rowCount() > shown or not office.model.has_more)
    assert office.model.rowCount() == 301
    (row,) = [r for r in range(301) if not office.model.index(r, 1).data().startswith("order-")]
    office.table.scrollTo(office.model.index(row, 0))
    scrolled_to = office.table.verticalScrollBar().value()
    _select_row(qtbot, window, row)
    office.refund_amount.setText("10")
    qtbot.mouseClick(office.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.message.text() == "Refunded NOK\u00a010.00.")
    qtbot.waitUntil(lambda: office.model.index(row, 3).data() == "PART REFUNDED")
    # Read again as far as it had been scrolled, and updated in place: same rows, same place, same selection.
    assert office.model.rowCount() == 301
    assert office.table.verticalScrollBar().value() == scrolled_to
    assert office.table.selectionModel().selectedRows()[0].row() == row


def test_a_partial_refund_then_one_too_many(qtbot, window, sim):
    _sell(qtbot, window, sim, "149,50")
    _open_back_office(qtbot, window)
    office = window.back_office
    _select_row(qtbot, window)
    office.refund_amount.setText("49,50")
    qtbot.mouseClick(office.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.message.text() == "Refunded NOK\u00a049.50.")
    qtbot.waitUntil(lambda: office.model.index(0, 3).data() == "PART REFUNDED")
    assert _refunded_at_vipps(sim) == 4950
    _select_row(qtbot, window)
    office.refund_amount.setText("100,01")
    qtbot.mouseClick(office.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.message.text() == "Only NOK\u00a0100.00 remains to refund.")
    assert _refunded_at_vipps(sim) == 4950


def _refunded_at_vipps(sim) -> int:
    return sum(p["refundedAmount"] for p in sim.payments())


def test_a_sale_paid_before_a_switch_of_api_shows_its_api_and_is_refunded_through_it(
    qtbot, window, sim, vipps_settings
):
    _sell(qtbot, window, sim, "149,50")
    paid_through = vipps_settings.api
    # The shop moves to the other API: only the setting changes.
    window.connect_vipps(replace(vipps_settings, api="epayment" if paid_through == "psp" else "psp"))
    _open_back_office(qtbot, window)
    office = window.back_office
    assert office.model.headerData(7, Qt.Orientation.Horizontal) == "Vipps API"
    assert office.model.index(0, 7).data() == {"psp": "PSP v3", "epayment": "ePayment"}[paid_through]
    _select_row(qtbot, window)
    qtbot.mouseClick(office.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.message.text() == "Refunded NOK\u00a0149.50.")
    (paid,) = [p for p in sim.payments() if p["capturedAmount"]]
    assert (paid["api"], paid["refundedAmount"]) == (paid_through, 14950)


def test_re_checking_a_sale_that_needs_checking(qtbot, window, sim, client, vipps_settings, tmp_path):
    from tests.helpers import start_payment

    started = start_payment(client, vipps_settings)
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:  # as a restart without Vipps would leave it
        sale = ledger.new_sale(14950)
        ledger.add_attempt(
            sale.id,
            psp_transaction_id=started.psp_transaction_id,
            merchant_order_id=started.merchant_order_id,
            idempotency_key="k",
            channel="QR",
            phone_masked=None,
            state="PENDING",
        )
        ledger.move_sale(sale.id, ["OPEN"], "NEEDS_CHECK")
    _open_back_office(qtbot, window)
    office = window.back_office
    assert office.model.index(0, 3).data() == "NEEDS CHECK"
    _select_row(qtbot, window)
    assert office.recheck_button.isEnabled()
    qtbot.mouseClick(office.recheck_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.message.text().startswith("Checked with Vipps"))
    qtbot.waitUntil(lambda: office.model.index(0, 3).data() == "CANCELLED")
    assert sim.payment(started.psp_transaction_id)["state"] == "CANCELLED"


def test_re_checking_a_sale_whose_capture_is_pending_learns_that_vipps_applied_it(
    qtbot, window, sim, client, vipps_settings, tmp_path
):
    """PSP: Vipps accepted the capture but its batch had not applied it when the sale ended ("paid, capture
    pending"); later the details show it captured. The manager's re-check says so without a restart."""
    from kiosk.vipps.models import Operation, StatusUpdate
    from tests.helpers import start_payment

    started = start_payment(client, vipps_settings)
    tx = started.psp_transaction_id
    client.force_approve(tx, "91234567", started.landing_token)
    client.update_status(StatusUpdate(psp_transaction_id=tx, status=Operation.CAPTURED, amount=14950))
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:  # as the sale's run left it, before the batch ran
        sale = ledger.new_sale(14950)
        attempt = ledger.add_attempt(
            sale.id,
            psp_transaction_id=tx,
            merchant_order_id=started.merchant_order_id,
            idempotency_key="k",
            channel="QR",
            phone_masked=None,
            state="PENDING",
            provider="psp",
        )
        ledger.reserve_and_mark_paid(attempt.id, ["PENDING"], note="approved by the customer")
        ledger.move_attempt(attempt.id, ["RESERVED"], "CAPTURE_SENT", note="capture accepted by Vipps")
    _open_back_office(qtbot, window)
    office = window.back_office
    assert office.model.index(0, 3).data() == "PAID, CAPTURE PENDING"
    _select_row(qtbot, window)
    assert office.recheck_button.isEnabled()
    qtbot.mouseClick(office.recheck_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.model.index(0, 3).data() == "CAPTURED")
    assert office.message.text() == "Checked with Vipps: Paid"
    assert sim.payment(tx)["capturedAmount"] == 14950  # captured once, by Vipps' batch: nothing sent again


def test_exports_land_in_the_data_folder(qtbot, window, sim, language):
    language("en")  # as start-up sets it: English's plural forms ("1 sale") are in its .qm
    _sell(qtbot, window, sim, "149,50")
    _open_back_office(qtbot, window)
    office = window.back_office
    qtbot.mouseClick(office.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.message.text().startswith("Exported 1 sale to"))
    (csv_file,) = (data_dir() / "exports").glob("*.csv")
    assert "******67" in csv_file.read_text(encoding="utf-8-sig")
    qtbot.waitUntil(office.export_pdf_button.isEnabled)  # the CSV's job is done with a moment after its message
    qtbot.mouseClick(office.export_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.message.text().startswith("Wrote the end-of-day report"), timeout=20_000)
    assert list((data_dir() / "exports").glob("*.pdf"))


def test_escape_goes_back_to_the_till(qtbot, window, sim):
    _sell(qtbot, window, sim)
    _open_back_office(qtbot, window)
    press(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.amount_screen
    assert window.amount_screen.amount_input.hasFocus()


def test_enter_pressed_twice_sends_one_refund(qtbot, window, sim):
    _sell(qtbot, window, sim, "149,50")
    _open_back_office(qtbot, window)
    office = window.back_office
    _select_row(qtbot, window)
    qtbot.mouseClick(office.refund_amount, Qt.MouseButton.LeftButton)
    type_text(qtbot, "20")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: office.message.text() == "Refunded NOK\u00a020.00.")
    qtbot.waitUntil(lambda: not office._jobs)
    assert _refunded_at_vipps(sim) == 2000


def test_the_first_pin_must_be_chosen_and_cannot_be_skipped(qtbot, sim, tmp_path):
    from kiosk.settings.demo import demo_vipps_settings
    from kiosk.settings.manager_pin import ManagerPin
    from kiosk.ui.main_window import MainWindow
    from tests.gui.conftest import FAST_KIOSK

    window = MainWindow(FAST_KIOSK, tmp_path / "ledger.sqlite3", demo=False, pin=ManagerPin(tmp_path / "pin.json"))
    window.show()
    window.connect_vipps(demo_vipps_settings(sim.base_url))
    window.ask_for_first_pin()
    screen = window.pin_screen
    assert not screen.cancel_button.isVisible()
    screen.pin_input.setText("4321")
    screen.repeat_input.setText("4322")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "The two PINs differ. Type the same PIN twice."
    screen.repeat_input.setText("4321")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office)
    assert ManagerPin(tmp_path / "pin.json").verify("4321")
    window.close()


def test_a_damaged_pin_file_is_reported_not_a_crash(qtbot, window, tmp_path):
    (tmp_path / "pin.json").write_text("")
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: "cannot be read" in window.pin_screen.message.text())
    assert window.stack.currentWidget() is window.pin_screen


def _paid_in(ledger_file, amount: int, currency: str, tx: str) -> None:
    with Ledger.open(ledger_file) as ledger:
        record_paid_sale(ledger, amount, tx=tx, provider="epayment", currency=currency)


def test_a_danish_shops_day_is_in_kroner_from_its_first_empty_view_to_each_sale(qtbot, make_window, tmp_path):
    window = make_window(shop=ShopSettings(sounds=False, country="DK"))
    office = window.back_office
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: office.totals.text() != "")
    assert office.totals.text().startswith("Captured 0 · DKK\u00a00.00")  # no sale yet: zero in the shop's DKK
    press(qtbot, Qt.Key.Key_Escape)
    _paid_in(tmp_path / "ledger.sqlite3", 4995, "DKK", "dk1")
    _paid_in(tmp_path / "ledger.sqlite3", 2000, "DKK", "dk2")
    _open_back_office(qtbot, window)
    qtbot.waitUntil(lambda: office.model.rowCount() == 2 and "Captured 2" in office.totals.text())
    assert office.totals.text().startswith(
        "Captured 2 · DKK\u00a069.95    Refunded DKK\u00a00.00    Net DKK\u00a069.95"
    )
    assert office.model.index(0, 2).data() == "DKK\u00a049.95"
    assert "2 (DKK\u00a069.95)" in office.chart.accessibleDescription()
    assert "NOK" not in office.totals.text() + office.chart.accessibleDescription()
    assert office.refund_label.text() == "Refund (DKK)"  # named as the amount screen names it, in English


def test_a_finnish_shops_refund_is_typed_in_euros(qtbot, make_window):
    window = make_window(shop=ShopSettings(sounds=False, country="FI"))
    office = window.back_office
    _unlock(qtbot, window)
    qtbot.waitUntil(lambda: office.totals.text() != "")
    assert office.totals.text().startswith("Captured 0 · €0.00")
    assert office.refund_label.text() == "Refund (€)"
    assert office.refund_amount.accessibleName() == "Amount to refund (€); empty refunds what remains"


def test_a_ledger_in_two_currencies_has_a_totals_line_for_each_and_no_sum(qtbot, window, tmp_path):
    _paid_in(tmp_path / "ledger.sqlite3", 10000, "NOK", "no1")
    _paid_in(tmp_path / "ledger.sqlite3", 4995, "DKK", "dk1")
    _open_back_office(qtbot, window)
    office = window.back_office
    qtbot.waitUntil(lambda: office.model.rowCount() == 2 and "Captured 1" in office.totals.text())
    danish, norwegian, counts = office.totals.text().split("\n")
    assert danish.startswith("Captured 1 · DKK\u00a049.95")
    assert norwegian.startswith("Captured 1 · NOK\u00a0100.00")
    assert counts.startswith("Refused 0")
    assert "149.95" not in office.totals.text() + office.chart.accessibleDescription()
    assert [office.model.index(row, 2).data() for row in range(2)] == ["NOK\u00a0100.00", "DKK\u00a049.95"]


def test_a_screen_reader_counts_the_days_sales_in_the_plural(qtbot, make_window, tmp_path):
    window = make_window(shop=ShopSettings(sounds=False, country="DK"))
    _paid_in(tmp_path / "ledger.sqlite3", 4995, "DKK", "dk1")
    _open_back_office(qtbot, window)
    office = window.back_office
    qtbot.waitUntil(lambda: office.table.accessibleDescription() == "1 sale, oldest first")
