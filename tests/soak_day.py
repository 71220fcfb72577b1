"""The soak's day at the counter: a real counter window driven through the real GUI against the simulator, with
random faults and random customers, then every sale checked against what Vipps recorded (tests.soak_check).

It lives with the tests because a test (tests/test_soak.py) runs a short day and the benchmark
(`python -m benchmarks.soak`) a long one; the benchmark imports it from here, as scripts/screenshots.py imports
the tests' helpers. `api` picks the Vipps API behind the counter; each fault hits that API's own path for the call
it names.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QMessageLogContext, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.host.logs import setup_logging
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import KioskSettings, ShopSettings
from tests.helpers import SimControl
from tests.process_state import memory_mb, spin, thread_count
from tests.soak_check import DrivenSale, check_day
from tests.vipps_apis import PATHS, ApiPaths

# Vipps' windows shrunk to seconds, the kiosk's mirroring them; polling as often as a test polls.
LANDING_WINDOW_S = 1.5
APP_WINDOW_S = 1.5
KIOSK = KioskSettings(
    poll_start_delay_s=0.05,
    poll_interval_s=0.1,
    landing_window_s=LANDING_WINDOW_S,
    approval_window_s=LANDING_WINDOW_S + APP_WINDOW_S,
    outcome_display_s=600,  # the soak moves on itself, as soon as the sale's background work is done
)
REQUEST_TIMEOUT_S = 1.0
WINDOW_ARGUMENTS = ("--landing-window", str(LANDING_WINDOW_S), "--app-window", str(APP_WINDOW_S))

# (weight, behaviour, the outcome it should end in)
BEHAVIOURS = [
    (30, "approve by QR", "PAID"),
    (25, "approve by phone", "PAID"),
    (10, "reject by QR", "REJECTED"),
    (10, "reject by phone", "REJECTED"),
    (8, "ignore", "EXPIRED"),
    (9, "staff cancel", "CANCELLED"),
    (8, "card refused", "REFUSED"),
]
# One fault per faulted sale, on the call a real outage would hit; most spoil a few requests, as a hiccup does.
# Each names its call ("token", or an `ApiPaths` field: "init", "details", "capture"), and hits wherever the API
# under test sends that call (PSP's init, details, updatestatus; ePayment's create, read, capture).
FAULTS: list[tuple[str, dict[str, Any]]] = [
    ("token", {"status": 503, "count": 2}),
    ("details", {"status": 401, "count": 1}),
    ("init", {"delay_s": REQUEST_TIMEOUT_S + 0.5, "count": 1}),  # Vipps made it, the answer never came
    ("init", {"status": 500, "count": 1}),
    ("init", {"status": 503, "count": 2}),
    ("init", {"status": 429, "retry_after": 1, "count": 1}),
    ("init", {"drop": True, "count": 1}),
    ("details", {"drop": True, "count": 2}),
    ("details", {"malformed": True, "count": 2}),
    ("details", {"delay_s": REQUEST_TIMEOUT_S + 0.5, "count": 1}),
    ("details", {"status": 503, "count": 6}),
    ("details", {"status": 429, "retry_after": 1, "count": 1}),
    ("capture", {"status": 503, "count": 3}),
    ("capture", {"drop": True, "count": 1}),
]
ACCESS_TOKEN_PATH = "/accesstoken/get$"


def fault_rule(call: str, paths: ApiPaths, rule: dict[str, Any]) -> dict[str, Any]:
    """A FAULTS entry as the simulator's rule, aimed at where `paths`' API sends `call`."""
    return {"path": ACCESS_TOKEN_PATH if call == "token" else getattr(paths, call), **rule}


def fault_name(call: str, rule: dict[str, Any]) -> str:
    """A FAULTS entry in a few words for the report, like "details 503 x6" or "init late"."""
    if "status" in rule:
        what = str(rule["status"])
    elif rule.get("drop"):
        what = "reset"
    elif rule.get("malformed"):
        what = "garbled"
    else:
        what = "late"
    return f"{call} {what}" + (f" x{rule['count']}" if rule.get("count", 1) > 1 else "")


WARM_SALES = 10
FINAL_OUTCOMES = {"PAID", "REJECTED", "REFUSED", "EXPIRED", "CANCELLED", "NOT_STARTED"}


def _quiet_offscreen(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    """The offscreen platform warns "does not support propagateSizeHints()" on every screen change."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


@dataclass
class SoakResult:
    driven: list[DrivenSale]
    counts: dict[str, int]
    examples: dict[str, list[str]]
    memory_start_mb: float
    memory_warm_mb: float  # after the first 10 sales: every lazy screen, pool thread and cache in place
    memory_end_mb: float
    threads_start: int
    threads_warm: int
    threads_end: int
    seconds: float
    api: str = "psp"

    @property
    def clean(self) -> bool:
        return self.counts["lost"] == self.counts["duplicated"] == self.counts["mismatched"] == 0


class SoakCounter:
    """A real counter window on the Vipps API `api`, its data in a temporary folder, and Vipps' stand-in as a
    process of its own (so the kiosk's footprint is not the simulator's memory of every payment)."""

    def __init__(self, api: str = "psp") -> None:
        from kiosk.settings.manager_pin import ManagerPin
        from kiosk.ui.main_thread_gc import collect_on_the_gui_thread
        from kiosk.ui.main_window import MainWindow

        self.app = QApplication.instance() or QApplication([])
        collect_on_the_gui_thread(self.app)  # as the kiosk's start does (kiosk.ui.app)
        self._previous_handler = qInstallMessageHandler(_quiet_offscreen)
        self.folder = tempfile.TemporaryDirectory(prefix="kiosk-soak-")
        os.environ["KIOSK_DATA_DIR"] = self.folder.name
        os.environ["KIOSK_CONFIG"] = str(Path(self.folder.name) / "config.toml")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", "simulator", "--port", "0", *WINDOW_ARGUMENTS],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        base_url = self.process.stdout.readline().strip()  # type: ignore[union-attr]
        self.sim = SimControl(base_url)
        self.ledger_file = Path(self.folder.name) / "ledger.sqlite3"
        setup_logging(Path(self.folder.name))  # the kiosk's own rotated, redacted log, not the soak's stderr
        pin = ManagerPin.for_demo(Path(self.folder.name) / "pin.json")
        self.window = MainWindow(KIOSK, self.ledger_file, True, pin, shop=ShopSettings(sounds=False))
        self.window.show()
        self.paths = PATHS[api]
        vipps = replace(demo_vipps_settings(base_url), request_timeout_s=REQUEST_TIMEOUT_S, api=api)
        self.window.connect_vipps(vipps)
        spin(self.window.isVisible, 10)

    def close(self) -> None:
        self.window.close()
        self.sim.close()
        self.process.terminate()
        self.process.wait(timeout=20)
        self.folder.cleanup()
        qInstallMessageHandler(self._previous_handler)

    # ---- the counter, as staff use it ---------------------------------------------------------------------

    def outcome(self) -> str | None:
        window = self.window
        if window.stack.currentWidget() is window.outcome_screen:
            return window.outcome_screen.outcome
        return None

    def charge(self, amount_ore: int) -> bool:
        """Ring up the amount; True once the QR code shows, False if the sale ended before it could."""
        field = self.window.amount_screen.amount_input
        field.setText(f"{amount_ore // 100},{amount_ore % 100:02d}")
        QTest.keyClick(field, Qt.Key.Key_Return)
        customer = self.window.customer_screen
        spin(lambda: bool(customer.qr.text) or self.outcome() is not None, 60)
        return self.outcome() is None

    def send_to_phone(self, phone: str) -> None:
        screen = self.window.customer_screen
        spin(screen.send_button.isEnabled, 30)
        screen.phone_input.setText(phone)
        QTest.mouseClick(screen.send_button, Qt.MouseButton.LeftButton)

    def staff_cancel(self) -> None:
        QTest.mouseClick(self.window.customer_screen.cancel_button, Qt.MouseButton.LeftButton)

    def wait_for_outcome(self) -> str:
        spin(lambda: self.outcome() in FINAL_OUTCOMES, 120)
        return self.outcome() or ""

    def next_sale(self) -> None:
        """Wait for the sale's background work (captures, cancels) to end, then start a fresh sale."""
        spin(lambda: self.window.flow.active_runs == 0, 120)
        self.window.flow.new_sale()

    # ---- the customer, with a phone ---------------------------------------------------------------------------

    def answer_in_app(self, phone: str, approve: bool) -> None:
        """Wait for the payment request to reach the phone, then approve or reject it there. The request may
        never come (a fault ended the sale first); then there is nothing to answer."""
        action = "approve" if approve else "reject"

        def answered() -> bool:
            if self.outcome() is not None:
                return True
            requests = self.sim.http.get("/_sim/app/requests", params={"phone": phone}).json()
            for request in requests:
                reply = self.sim.respond(request["pspTransactionId"], phone, action)
                if reply.status_code == 200:
                    return True
            return False

        spin(answered, 60)

    def scan_qr(self, phone: str) -> None:
        """What a phone does with the QR code: open the landing page and confirm the number there."""
        url = self.window.customer_screen.qr.text
        token = parse_qs(urlsplit(url).query)["token"][0]
        self.sim.http.post("/_sim/landing/phone", params={"token": token}, json={"phone": phone})


def drive_sale(counter: SoakCounter, rng: random.Random, fault_rate: float) -> DrivenSale:
    weights, names, expected = zip(*BEHAVIOURS, strict=True)
    index = rng.choices(range(len(names)), weights=weights)[0]
    behaviour, should_end = names[index], expected[index]
    amount = 3100 if behaviour == "card refused" else rng.randrange(100, 500_000)
    phone = f"4{rng.randrange(10**7):07d}"
    fault = None
    if rng.random() < fault_rate:
        call, rule = rng.choice(FAULTS)
        if call == "token":
            counter.sim.revoke_tokens()  # so the sale has to fetch a token through the fault
        counter.sim.fault(**fault_rule(call, counter.paths, rule))
        fault = fault_name(call, rule)
    if counter.charge(amount):
        if behaviour in ("approve by QR", "reject by QR", "card refused"):
            counter.scan_qr(phone)
            counter.answer_in_app(phone, approve=behaviour != "reject by QR")
        elif behaviour in ("approve by phone", "reject by phone"):
            counter.send_to_phone(phone)
            counter.answer_in_app(phone, approve=behaviour == "approve by phone")
        elif behaviour == "staff cancel":
            counter.staff_cancel()
    shown = counter.wait_for_outcome()
    counter.next_sale()
    counter.sim.clear_faults()
    return DrivenSale(amount, behaviour, should_end, shown, fault)


def soak(
    sales: int = 1000, fault_rate: float = 0.1, seed: int = 1, progress: bool = False, api: str = "psp"
) -> SoakResult:
    rng = random.Random(seed)
    counter = SoakCounter(api)
    started = time.monotonic()
    memory_start, threads_start = memory_mb(), thread_count()
    memory_warm, threads_warm = memory_start, threads_start
    driven: list[DrivenSale] = []
    try:
        for number in range(1, sales + 1):
            driven.append(drive_sale(counter, rng, fault_rate))
            if number == WARM_SALES:
                memory_warm, threads_warm = memory_mb(), thread_count()
            if progress and number % 50 == 0:
                print(f"  {number} sales, {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
        memory_end, threads_end = memory_mb(), thread_count()
        verdict = check_day(counter.ledger_file, driven, counter.sim.payments())
    finally:
        counter.close()
    examples = {
        "lost": verdict.lost[:5],
        "duplicated": verdict.duplicated[:5],
        "mismatched": verdict.mismatched[:5],
        "unlike the customer's action": verdict.unlike_customer[:5],
    }
    return SoakResult(
        driven,
        verdict.counts(),
        examples,
        memory_start,
        memory_warm,
        memory_end,
        threads_start,
        threads_warm,
        threads_end,
        time.monotonic() - started,
        api,
    )
