"""`kiosk selftest`: the real counter screen rings up one sale on the embedded simulator and checks it was paid.

Meant for an installed or packaged kiosk (and a headless build box): it proves that the program starts and draws,
that its simulator serves the customer's pages, that the sale runs, is captured and lands in the ledger. It is the
kiosk's own start-up (MainWindow and Services, as kiosk.ui.app.run_gui wires them), with three differences: the
settings are the defaults, never the user's file; everything it writes (ledger, log, PIN, anything else) goes to
a temporary folder, never the user's data folder (this process's KIOSK_CONFIG and KIOSK_DATA_DIR point there);
and Vipps' polling schedule is shortened so the test takes seconds.

`api` picks the Vipps API the sale goes through (the simulator speaks both), as `[vipps] api` does for the kiosk;
`country` the market, whose demo sales unit takes the sale in its currency from a customer with a number of that
country, as `[shop] country` does (Denmark and Finland: ePayment only).

Each step prints one line; the last is "selftest: OK" (exit 0). Any failure, or no result within 60 s, is one
plain line (exit 1), and the temporary folder with the kiosk's log is kept and named. Qt draws offscreen unless
QT_QPA_PLATFORM says otherwise (QT_QPA_PLATFORM=xcb or wayland shows the window).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from kiosk.domain.apis import api_title
from kiosk.domain.market import Market, market_of
from kiosk.domain.money import format_amount
from kiosk.host.logs import setup_logging
from kiosk.ledger import Ledger
from kiosk.settings.manager_pin import ManagerPin
from kiosk.settings.model import KioskSettings, Settings, ShopSettings, shop_defaults
from kiosk.settings.paths import ledger_path
from kiosk.ui.main_thread_gc import collect_on_the_gui_thread
from kiosk.ui.main_window import MainWindow
from kiosk.ui.services import Services
from kiosk.ui.workers.background import wait_for_jobs

AMOUNT_TEXT = "149,50"  # as staff type it, in each market's way too; over each market's minimum
AMOUNT_ORE = 14950  # hundredths of the market's currency
# The number a customer of each market types on the landing page, in its national form (a Finn keeps the 0).
CUSTOMER_PHONES = {"NO": "91234567", "DK": "21234567", "FI": "0401234567"}
TIME_LIMIT_S = 60
# Vipps' schedule (first poll after 5 s, then every 2 s) shortened; the outcome stays until the test has read it.
SELFTEST_KIOSK = KioskSettings(poll_start_delay_s=0.2, poll_interval_s=0.2, outcome_display_s=TIME_LIMIT_S)


class SelftestFailed(Exception):
    """One plain sentence saying what went wrong."""


@dataclass(frozen=True)
class Step:
    waits_for: str  # for the time-out message: "still waiting for <this>"
    ready: Callable[[], bool]
    then: Callable[[], None]  # runs once `ready` is true; prints its line; raises SelftestFailed


def run_selftest(api: str = "psp", country: str = "NO") -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a build box has no screen; set it to watch
    folder = Path(tempfile.mkdtemp(prefix="kiosk-selftest-"))
    # Whatever part of the kiosk asks for the settings file or the data folder gets the temporary folder's.
    os.environ["KIOSK_CONFIG"] = str(folder / "config.toml")
    os.environ["KIOSK_DATA_DIR"] = str(folder)
    setup_logging(folder)  # the kiosk's own log, in the temporary folder; a traceback goes there, not to the screen
    try:
        code = _run(folder, api, market_of(country))
    except SelftestFailed as exc:
        print(f"selftest: FAILED: {exc}", flush=True)
        code = 1
    except Exception as exc:  # a broken build (a file or a Qt plugin missing) says so in one line
        logging.getLogger(__name__).exception("selftest failed")
        print(f"selftest: FAILED: {type(exc).__name__}: {exc}", flush=True)
        code = 1
    finally:
        logging.shutdown()  # the log file is closed before its folder is removed (Windows insists)
    if code == 0:
        shutil.rmtree(folder, ignore_errors=True)
    else:
        print(f"selftest: the kiosk's log and ledger are kept in {folder}", flush=True)
    return code


def _run(folder: Path, api: str, market: Market) -> int:
    if QApplication.instance() is not None:
        raise SelftestFailed("a Qt application is already running in this process")
    app = QApplication([sys.argv[0]])
    collect_on_the_gui_thread(app)  # as the kiosk's own start does (kiosk.ui.app)
    app.setApplicationName("Vipps kiosk selftest")
    # The defaults (the embedded simulator on 127.0.0.1, any port), on the API asked for, in the market asked for
    # as a settings file naming only its country has it.
    shop = ShopSettings(**shop_defaults(market.country))
    settings = Settings(kiosk=SELFTEST_KIOSK, demo_api=api, shop=shop)
    ledger_file = ledger_path(folder, demo=True)
    pin_file = folder / "manager-pin-demo.json"
    window = MainWindow(
        settings.kiosk,
        ledger_file,
        demo=True,
        pin=lambda: ManagerPin.for_demo(pin_file),
        defer_screens=True,
        shop=settings.shop,
    )
    services = Services(settings, True, ledger_file, window)
    driver = SaleDriver(window, services, ledger_file, api, market)
    services.failed.connect(lambda message: driver.fail(f"the kiosk could not start: {message}"))
    window.first_frame_shown.connect(window.build_screens)
    window.first_frame_shown.connect(services.start)
    window.first_frame_shown.connect(driver.start)
    services.recovered.connect(window.set_startup_notice)
    services.ready.connect(window.connect_vipps)
    driver.arm()
    window.show()
    try:
        app.exec()
    finally:
        # As the kiosk closes (kiosk.ui.app): one deadline for the sales, the background jobs and start-up's work.
        deadline = window.close_sales()
        wait_for_jobs(deadline)
        services.stop(deadline)
        window.close()
    if driver.failure is not None:
        raise SelftestFailed(driver.failure)
    print("selftest: OK", flush=True)
    return 0


class SaleDriver:
    """Walks the steps on a timer: each tick checks the current step's condition; no step waits blindly."""

    def __init__(
        self, window: MainWindow, services: Services, ledger_file: Path, api: str = "psp", market: Market | None = None
    ) -> None:
        self._window = window
        self._services = services
        self._ledger_file = ledger_file
        self._api = api
        self._market = market or market_of("NO")
        self._steps = self._plan()
        self.failure: str | None = None
        self._tick = QTimer()
        self._tick.setInterval(20)
        self._tick.timeout.connect(self._advance)
        self._limit = QTimer()
        self._limit.setSingleShot(True)
        self._limit.setInterval(int(TIME_LIMIT_S * 1000))
        self._limit.timeout.connect(self._time_is_up)

    def arm(self) -> None:
        """The time limit runs from before the window is shown: a window that never paints fails too."""
        self._limit.start()

    def start(self) -> None:
        if not self._tick.isActive() and self._steps and self.failure is None:
            _say("the window is on screen")
            self._tick.start()

    def fail(self, reason: str) -> None:
        if self.failure is None:
            self.failure = reason
        self._finish()

    def _finish(self) -> None:
        self._tick.stop()
        self._limit.stop()
        QApplication.quit()

    def _time_is_up(self) -> None:
        waiting = (
            (self._steps[0].waits_for if self._tick.isActive() else "the first frame") if self._steps else "the end"
        )
        self.fail(f"no result within {TIME_LIMIT_S} s; still waiting for {waiting}")

    def _advance(self) -> None:
        if not self._steps or self.failure is not None:
            return
        step = self._steps[0]
        try:
            if not step.ready():
                return
            self._steps.pop(0)
            step.then()
        except SelftestFailed as exc:
            self.fail(str(exc))
            return
        except Exception as exc:  # a plain line, not a traceback: the log in the kept folder has the rest
            logging.getLogger(__name__).exception("selftest step failed")
            self.fail(f"{step.waits_for}: {type(exc).__name__}: {exc}")
            return
        if not self._steps:
            self._finish()

    # ---- the sale, step by step ----------------------------------------------------------------------------------

    def _plan(self) -> list[Step]:
        window = self._window
        return [
            Step("the kiosk to connect to its simulator", self._charge_enabled, self._ring_up),
            Step(
                "the QR code of the landing page",
                # An outcome before any QR code is a payment Vipps (the simulator) would not create.
                lambda: bool(window.customer_screen.qr.text) or window.stack.currentWidget() is window.outcome_screen,
                self._customer_pays,
            ),
            Step(
                "the outcome screen",
                lambda: window.stack.currentWidget() is window.outcome_screen,
                self._check_paid_screen,
            ),
            Step(
                "the capture and the sale's threads to finish",
                lambda: window.flow.active_runs == 0,
                self._check_ledger,
            ),
        ]

    def _widget(self, kind: type[QWidget], name: str) -> QWidget | None:
        return self._window.findChild(kind, name)

    def _charge_enabled(self) -> bool:
        button = self._widget(QPushButton, "chargeButton")
        return button is not None and button.isEnabled()

    def _ring_up(self) -> None:
        _say(
            f"the kiosk is ready on its simulator at {self._services.simulator_url}, on Vipps' {self._api_title} API,"
            f" selling in {self._market.country} ({self._market.currency}, {self._market.brand})"
        )
        field = self._widget(QLineEdit, "amountInput")
        if field is None:
            raise SelftestFailed("the amount field (amountInput) is missing")
        QTest.keyClicks(field, AMOUNT_TEXT)
        QTest.keyClick(field, Qt.Key.Key_Return)
        _say(f"typed {AMOUNT_TEXT} and Enter in the amount field")

    def _customer_pays(self) -> None:
        """What the customer's phone does: open the QR code's landing page, type the number, approve in the app."""
        landing_url = self._window.customer_screen.qr.text
        if not landing_url:
            screen = self._window.outcome_screen
            detail = screen.detail.text() or screen.outcome
            raise SelftestFailed(f'the counter says "{screen.title.text()}" ({detail}) before the customer could pay')
        _say("the customer screen shows the QR code")
        token = parse_qs(urlsplit(landing_url).query).get("token", [""])[0]
        base_url = self._services.simulator_url
        with httpx.Client(base_url=base_url, timeout=10, trust_env=False) as phone:
            page = phone.get(landing_url)
            script = phone.get("/_sim/static/landing.js")
            if page.status_code != 200 or "<html" not in page.text.lower() or script.status_code != 200:
                raise SelftestFailed(
                    f"the landing page did not load (HTTP {page.status_code}, script HTTP {script.status_code}):"
                    " are the simulator's static files in the build?"
                )
            typed = CUSTOMER_PHONES[self._market.country]
            entered = phone.post("/_sim/landing/phone", params={"token": token}, json={"phone": typed})
            _expect(entered, "typing the phone number on the landing page")
            app_phone = entered.json().get("appPhone", typed)  # the app's key: with the country code outside Norway
            requests = phone.get("/_sim/app/requests", params={"phone": app_phone})
            _expect(requests, f"opening the {self._market.brand} app")
            if len(requests.json()) != 1:
                raise SelftestFailed(
                    f"the {self._market.brand} app shows {len(requests.json())} payment requests, not 1"
                )
            tx = requests.json()[0]["pspTransactionId"]
            approved = phone.post(
                "/_sim/app/respond", json={"pspTransactionId": tx, "phone": app_phone, "action": "approve"}
            )
            _expect(approved, f"approving in the {self._market.brand} app")
        _say(f"the customer opened the landing page, typed their number and approved in the {self._market.brand} app")

    def _check_paid_screen(self) -> None:
        screen = self._window.outcome_screen
        title = screen.title.text()
        if screen.outcome != "PAID":
            detail = screen.detail.text()
            raise SelftestFailed(f'the counter says "{title}" ({detail or screen.outcome}), not Paid')
        _say(f'the counter says "{title}"')

    def _check_ledger(self) -> None:
        with Ledger.open(self._ledger_file, read_only=True) as ledger:
            sales = ledger.sales()
        if len(sales) != 1:
            raise SelftestFailed(f"the ledger has {len(sales)} sales, not 1")
        sale = sales[0]
        if sale.provider != self._api:
            raise SelftestFailed(f"the sale went through the {sale.provider} API, not the {self._api} API")
        money = self._money
        if sale.state != "PAID" or sale.amount_ore != AMOUNT_ORE or sale.captured_ore != AMOUNT_ORE:
            raise SelftestFailed(
                f"the ledger says {sale.state} with {money(sale.captured_ore)} captured of"
                f" {money(sale.amount_ore)}, not PAID with {money(AMOUNT_ORE)} captured"
            )
        with httpx.Client(base_url=self._services.simulator_url, timeout=10, trust_env=False) as http:
            payments = http.get("/_sim/payments")
            _expect(payments, "asking the simulator for its payments")
        captured = sum(payment.get("capturedAmount", 0) for payment in payments.json())
        if captured != AMOUNT_ORE:
            raise SelftestFailed(f"Vipps (the simulator) has {money(captured)} captured, not {money(AMOUNT_ORE)}")
        through = {payment.get("api") for payment in payments.json()}
        if through != {self._api}:
            raise SelftestFailed(f"the simulator's payments went through {sorted(through)}, not [{self._api!r}]")
        # The PSP API has no currency of its own: it is Norway's, in NOK.
        currencies = {payment.get("currency", "NOK") for payment in payments.json()}
        if currencies != {self._market.currency}:
            raise SelftestFailed(f"the simulator's payments are in {sorted(currencies)}, not {self._market.currency}")
        _say(
            f"the ledger says PAID, and Vipps (the simulator) has {money(captured)} captured"
            f" through its {self._api_title} API"
        )

    def _money(self, minor: int) -> str:
        return format_amount(minor, self._market)

    @property
    def _api_title(self) -> str:
        return api_title(self._api)


def _expect(response: httpx.Response, doing: str) -> None:
    status = response.status_code
    if status != 200:
        raise SelftestFailed(f"{doing} failed: the simulator answered HTTP {status}")


def _say(line: str) -> None:
    print(f"selftest: {line}", flush=True)
