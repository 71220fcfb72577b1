"""How the counter behaves for staff and customers: input checks, the QR code, keys, clean-up, accessibility."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kiosk.ledger import Ledger
from tests.gui.keyboard import press, type_text
from tests.gui.steps import charge, open_requests, type_phone, wait_outcome

STABLE_NAMES = [
    "amountInput",
    "chargeButton",
    "phoneInput",
    "sendToPhoneButton",
    "qrCode",
    "countdown",
    "cancelPaymentButton",
    "paymentStatus",
    "newSaleButton",
]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Type the amount to charge."),
        ("0", "The amount must be more than 0 kr."),
        ("-5", "The amount cannot be negative."),
        ("0,50", "Vipps takes payments of 1 kr or more."),
        ("abc", "That is not an amount. Type it like 149,50."),
        ("1,999,5", "That is not an amount. Type it like 149,50."),
        ("١٢٣", "Use the digits 0-9 only."),
        ("10 001", "That is over this till's limit of NOK\u00a010,000.00."),
    ],
)
def test_a_bad_amount_gets_a_clear_message_and_changes_nothing(qtbot, window, sim, tmp_path, typed, message):
    field = window.amount_screen.amount_input
    if typed.isascii():
        type_text(qtbot, typed)
    else:
        field.insert(typed)  # QTest types Latin-1 only; other scripts arrive by an input method or a paste
    press(qtbot, Qt.Key.Key_Return)
    assert window.amount_screen.error.text() == message
    assert window.stack.currentWidget() is window.amount_screen
    assert sim.payments() == []
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
        assert ledger.sales() == []


@pytest.mark.parametrize(("typed", "expected"), [("149,50", 14950), ("149.5", 14950), ("1 249", 124900)])
def test_amounts_in_the_ways_staff_type_them(qtbot, window, sim, typed, expected):
    charge(qtbot, window, typed)
    assert [p["amount"] for p in sim.payments()] == [expected]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1234", "A Norwegian mobile number has 8 digits."),
        ("12345678", "Norwegian mobile numbers start with 4 or 9."),
        ("9123456a", "Use the digits 0-9 only."),
        ("+46 91234567", "Only Norwegian numbers (+47) can pay with Vipps here."),
        ("٩١٢٣٤٥٦٧", "Use the digits 0-9 only."),
    ],
)
def test_a_bad_phone_number_gets_a_clear_message_and_changes_nothing(qtbot, window, sim, typed, message):
    charge(qtbot, window, "100")
    type_phone(qtbot, window, typed)
    assert window.customer_screen.phone_error.text() == message
    assert len(sim.payments()) == 1  # only the QR payment


def test_plus_47_and_0047_are_accepted_and_stripped(qtbot, window, sim):
    charge(qtbot, window, "100")
    type_phone(qtbot, window, "+47 912 34 567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)


def test_the_keypad_types_the_number(qtbot, window, sim):
    charge(qtbot, window, "100")
    keypad = window.customer_screen.keypad
    for digit in "48123456":
        qtbot.mouseClick(keypad.findChild(QWidget, f"keypad_{digit}"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keypad.findChild(QWidget, "keypad_back"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(keypad.findChild(QWidget, "keypad_7"), Qt.MouseButton.LeftButton)
    assert window.customer_screen.phone_input.text() == "48123457"


def test_the_qr_code_scans_back_to_the_landing_url_and_is_drawn_crisp(qtbot, window, sim):
    url = charge(qtbot, window, "149,50")
    qr = window.customer_screen.qr
    qtbot.waitUntil(lambda: qr.width() >= qr.minimumWidth() > 0)
    (decoded,) = zxingcpp.read_barcodes(_grey_pixels(qr))
    assert decoded.text == url
    assert decoded.text == sim.payments()[0]["landingUrl"]
    module = qr.module_pixels()
    assert module >= 1
    assert qr.modules * module <= min(qr.width(), qr.height())
    assert qr.modules * module >= 5 / 2.54 * qr.logicalDpiX()  # at least 5 cm on the screen
    image = qr.grab().toImage()
    colours = {image.pixelColor(x, image.height() // 2).name() for x in range(image.width())}
    assert colours <= {"#000000", "#ffffff", window.palette().window().color().name()}  # no smoothing


def _grey_pixels(widget: QWidget) -> memoryview:
    """The widget's own pixels as the decoder wants them: 8-bit grey, one row after another."""
    from PySide6.QtGui import QImage

    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    bits = bytes(image.constBits())
    rows = b"".join(bits[y * stride : y * stride + width] for y in range(height))
    return memoryview(rows).cast("B", (height, width))


def test_keyboard_only_sale_enter_charges_escape_cancels_a_key_starts_the_next(qtbot, window, sim):
    assert window.amount_screen.amount_input.hasFocus()
    charge(qtbot, window, "250")
    press(qtbot, Qt.Key.Key_Escape)
    wait_outcome(qtbot, window, "CANCELLED")
    type_text(qtbot, "4")
    assert window.stack.currentWidget() is window.amount_screen
    assert window.amount_screen.amount_input.text() == "4"  # the key that ended the screen is not lost
    assert window.amount_screen.amount_input.hasFocus()


def test_an_outcome_returns_to_a_fresh_sale_by_itself(qtbot, make_window, sim):
    window = make_window(outcome_display_s=0.3)
    charge(qtbot, window, "250")
    qtbot.mouseClick(window.customer_screen.cancel_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, window, "CANCELLED")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.amount_screen)
    assert window.amount_screen.amount_input.text() == ""


def test_the_next_customer_never_sees_the_previous_number(qtbot, window, sim):
    charge(qtbot, window, "100")
    window.customer_screen.phone_input.setText("9123")
    qtbot.mouseClick(window.customer_screen.cancel_button, Qt.MouseButton.LeftButton)
    wait_outcome(qtbot, window, "CANCELLED")
    qtbot.mouseClick(window.outcome_screen.new_sale_button, Qt.MouseButton.LeftButton)
    charge(qtbot, window, "200")
    assert window.customer_screen.phone_input.text() == ""


def _threads() -> int:
    return len(os.listdir("/proc/self/task"))


def _client_sockets(sim_port: int) -> int:
    """Sockets of this process connected to the simulator (its own listening side excluded)."""
    import psutil

    return sum(1 for c in psutil.Process().net_connections(kind="tcp") if c.raddr and c.raddr.port == sim_port)


def test_no_thread_or_socket_outlives_its_sale(qtbot, window, sim):
    port = int(sim.base_url.rsplit(":", 1)[1])
    threads_before = _threads()
    charge(qtbot, window, "149,50")
    assert window.flow.active_runs == 1
    assert _threads() >= threads_before + 2  # the sale worker and the details poller
    type_phone(qtbot, window, "91234567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)
    sim.respond(open_requests(sim, "91234567")[0]["pspTransactionId"], "91234567", "approve")
    wait_outcome(qtbot, window, "PAID")
    sim.http.close()  # the test's own control connection is not the kiosk's
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=10_000)
    qtbot.waitUntil(lambda: _threads() == threads_before, timeout=10_000)
    qtbot.waitUntil(lambda: _client_sockets(port) == 0, timeout=10_000)


def test_every_control_has_its_stable_name_and_an_accessible_name(window):
    for name in STABLE_NAMES:
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_the_demo_is_marked_on_screen(window):
    assert window.demo_badge.isVisible()
    assert "DEMO" in window.demo_badge.text()
    assert "DEMO" in window.windowTitle()


def test_outcomes_differ_by_icon_and_words_not_colour_alone(qtbot, window):
    from kiosk.ui.screens.outcome_screen import _LOOK

    assert len({icon for icon, _ in _LOOK.values()} - {"✖"}) >= 5
    assert len({title for _, title in _LOOK.values()}) == len(_LOOK)


def test_a_void_qt_call_storm_from_the_countdown_survives(qtbot, window):
    """The countdown and the status line call void Qt methods all day (see .ci/qt_void_calls.py)."""
    for i in range(6000):
        window.customer_screen.show_time_left(i, i % 2 == 0)
    assert window.customer_screen.countdown.text() == "99:59"


def test_ledger_keeps_each_state_change_with_masked_phone_only(qtbot, window, sim, tmp_path: Path):
    charge(qtbot, window, "100")
    type_phone(qtbot, window, "91234567")
    qtbot.waitUntil(lambda: len(open_requests(sim, "91234567")) == 1)
    sim.respond(open_requests(sim, "91234567")[0]["pspTransactionId"], "91234567", "approve")
    wait_outcome(qtbot, window, "PAID")
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=10_000)
    for file in tmp_path.glob("ledger.sqlite3*"):
        assert b"91234567" not in file.read_bytes(), file
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
        phone_attempt = next(a for a in ledger.attempts_of(1) if a.channel == "PHONE")
        assert phone_attempt.phone_masked == "******67"


def test_a_finished_sale_leaves_no_worker_objects_behind(qtbot, window, sim):
    """Each sale's worker and poller are freed with it (a deleteLater posted to a finished thread never runs)."""
    import gc

    from kiosk.ui.workers.details_poller import DetailsPoller
    from kiosk.ui.workers.sale_worker import SaleWorker

    for _ in range(3):
        charge(qtbot, window, "100")
        qtbot.mouseClick(window.customer_screen.cancel_button, Qt.MouseButton.LeftButton)
        wait_outcome(qtbot, window, "CANCELLED")
        qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=10_000)
        qtbot.mouseClick(window.outcome_screen.new_sale_button, Qt.MouseButton.LeftButton)

    def alive() -> int:
        gc.collect()
        return sum(isinstance(o, SaleWorker | DetailsPoller) for o in gc.get_objects())

    qtbot.waitUntil(lambda: alive() == 0, timeout=10_000)
