"""The secrets audit: a whole day at the counter with recognisable secrets and phone numbers (sales by phone and
by QR, faults, a refund, both exports, a crash in the GUI thread and one in a worker), then every byte the kiosk
left behind is searched: the log and its rotations, the ledger and its WAL, the exports, and the process's own
terminal output. No secret or access token may appear anywhere; phone numbers only masked."""

from __future__ import annotations

import logging
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from kiosk.host.logs import setup_logging
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.paths import data_dir
from kiosk.simulator.demo import DEMO_SALES_UNIT, SimulatorSettings
from kiosk.simulator.server import SimulatorServer
from tests.conftest import TEST_API
from tests.gui.keyboard import press, type_text
from tests.gui.steps import charge, landing_token, open_requests, type_phone, wait_outcome
from tests.helpers import FAULT_PATHS, SimControl

CLIENT_SECRET = "CLIENTSECRET-audit-7Qx2"
SUBSCRIPTION_KEY = "SUBSCRIPTIONKEY-audit-9Wv4"
MAKE_PAYMENT_TOKEN = "MAKEPAYMENTTOKEN-audit-3Kp8"
PHONES = ("93847261", "45910382", "41592637", "98076543")
PATH = FAULT_PATHS[TEST_API]  # where the audited API's calls go, for the faults on the way
TOKEN_SHAPE = re.compile(r"eyJ0eXAiOiJKV1Qi[A-Za-z0-9_.-]*\.[A-Za-z0-9_-]{16,}")


@pytest.fixture
def audited_sim() -> Iterator[SimControl]:
    unit = replace(
        DEMO_SALES_UNIT,
        client_secret=CLIENT_SECRET,
        subscription_key=SUBSCRIPTION_KEY,
        make_payment_token=MAKE_PAYMENT_TOKEN,
    )
    with SimulatorServer(settings=SimulatorSettings(sales_unit=unit)) as server:
        control = SimControl(server.base_url)
        yield control
        control.close()


@pytest.fixture
def kiosk_log(monkeypatch) -> Iterator[Path]:
    """The kiosk's own logging, as `kiosk` sets it up, at its most talkative; undone afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    root = logging.getLogger()
    level = root.level
    setup_logging(data_dir(), (CLIENT_SECRET, SUBSCRIPTION_KEY, MAKE_PAYMENT_TOKEN), level=logging.DEBUG)
    yield data_dir() / "logs"
    for handler in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def _approve_by_phone(qtbot, window, sim, phone: str) -> None:
    type_phone(qtbot, window, phone)
    qtbot.waitUntil(lambda: len(open_requests(sim, phone)) == 1, timeout=15_000)
    sim.respond(open_requests(sim, phone)[0]["pspTransactionId"], phone, "approve")


def _next(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=15_000)
    qtbot.mouseClick(window.outcome_screen.new_sale_button, Qt.MouseButton.LeftButton)


def _a_day_at_the_counter(qtbot, window, sim: SimControl) -> None:
    # By phone, with a 401 and 503s on the way.
    charge(qtbot, window, "149,50")
    sim.fault(path=PATH["read"], status=401, count=1)
    sim.fault(path=PATH["read"], status=503, count=2)
    _approve_by_phone(qtbot, window, sim, PHONES[0])
    wait_outcome(qtbot, window, "PAID")
    _next(qtbot, window)
    # By QR: the number typed on the landing page; the init's answer lost, the capture refused twice.
    sim.fault(path=PATH["start"], drop=True, count=1)
    sim.fault(path=PATH["capture"], status=503, count=2)
    url = charge(qtbot, window, "250")
    sim.http.post("/_sim/landing/phone", params={"token": landing_token(url)}, json={"phone": PHONES[1]})
    (request,) = open_requests(sim, PHONES[1])
    sim.respond(request["pspTransactionId"], PHONES[1], "approve")
    wait_outcome(qtbot, window, "PAID")
    _next(qtbot, window)
    # Rejected in the app, after a garbled answer.
    sim.fault(path=PATH["read"], malformed=True, count=1)
    charge(qtbot, window, "75")
    type_phone(qtbot, window, PHONES[2])
    qtbot.waitUntil(lambda: len(open_requests(sim, PHONES[2])) == 1, timeout=15_000)
    sim.respond(open_requests(sim, PHONES[2])[0]["pspTransactionId"], PHONES[2], "reject")
    wait_outcome(qtbot, window, "REJECTED")
    _next(qtbot, window)
    # A bad number typed: refused on screen, never sent.
    charge(qtbot, window, "20")
    type_phone(qtbot, window, PHONES[3] + "0")
    assert window.customer_screen.phone_error.text()
    window.flow.cancel_open_sale()
    wait_outcome(qtbot, window, "CANCELLED")
    _next(qtbot, window)


def _refund_and_export(qtbot, window) -> None:
    qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, "1234")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office)
    office = window.back_office
    qtbot.waitUntil(lambda: office.model.rowCount() == 4)
    office.table.selectRow(0)
    office.refund_amount.setText("49,50")
    qtbot.mouseClick(office.refund_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.message.text() == "Refunded NOK\u00a049.50.")
    # The refund's result reaches the screen a moment before its job is done with: until then the back office
    # is busy, and ignores the click.
    qtbot.waitUntil(office.export_button.isEnabled)
    qtbot.mouseClick(office.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.message.text().startswith("Exported 4 sales to"), timeout=20_000)
    qtbot.waitUntil(office.export_pdf_button.isEnabled)
    qtbot.mouseClick(office.export_pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: office.message.text().startswith("Wrote the end-of-day report"), timeout=20_000)


def _crash_with_everything_in_the_message() -> None:
    """Bugs whose message holds a secret, a phone number and a token: one on this thread, one on a worker."""
    leak = f"boom {CLIENT_SECRET} {PHONES[0]} Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2VuLXZhbHVl"
    try:
        raise RuntimeError(leak)
    except RuntimeError:
        sys.excepthook(*sys.exc_info())

    def worker() -> None:
        raise RuntimeError(leak)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()


def _everything_left_behind(folder: Path, terminal: str) -> dict[str, str]:
    texts = {"terminal output": terminal}
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            if path.suffix == ".pdf":
                texts[str(path)] = "\n".join(page.extract_text() for page in PdfReader(path).pages)
            else:
                texts[str(path)] = path.read_bytes().decode("utf-8", errors="replace")
        except FileNotFoundError:
            continue  # SQLite's -shm index, removed as the last connection closed: it never holds rows
    return texts


def test_a_whole_day_leaves_no_secret_token_or_full_phone_number_anywhere(
    qtbot, make_window, audited_sim, kiosk_log, capfd, tmp_path
):
    vipps = replace(
        demo_vipps_settings(audited_sim.base_url, api=TEST_API),
        client_secret=CLIENT_SECRET,
        subscription_key=SUBSCRIPTION_KEY,
        make_payment_token=MAKE_PAYMENT_TOKEN,
    )
    window = make_window(vipps)
    _a_day_at_the_counter(qtbot, window, audited_sim)
    _refund_and_export(qtbot, window)
    _crash_with_everything_in_the_message()
    captured = capfd.readouterr()

    left = _everything_left_behind(tmp_path, captured.out + captured.err)  # the data folder and the ledger
    log = "".join(text for name, text in left.items() if "/logs/" in name)
    # The audit looked at the real thing: a busy log, a ledger, both exports, and the crashes recorded.
    assert "HTTP Request: POST" in log
    assert log.count("unexpected error") == 2
    assert "[redacted]" in log
    assert "an unexpected error happened; the details are in" in captured.err
    assert any(name.endswith(".csv") for name in left)
    assert any(name.endswith(".pdf") for name in left)
    assert any(name.endswith("ledger.sqlite3") for name in left)
    csv_text = next(text for name, text in left.items() if name.endswith(".csv"))
    assert "******61" in csv_text
    assert "******37" in csv_text

    for name, text in left.items():
        for secret in (CLIENT_SECRET, SUBSCRIPTION_KEY, MAKE_PAYMENT_TOKEN):
            assert secret not in text, f"{secret} found in {name}"
        assert not TOKEN_SHAPE.search(text), f"an access token found in {name}"
        for phone in PHONES:
            assert phone not in text, f"{phone} found in {name}"
        assert "Traceback" not in text or "/logs/" in name, f"a traceback reached {name}"
