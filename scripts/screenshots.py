"""Make the README's screenshots with the real program on the embedded simulator.

    .venv/bin/python scripts/screenshots.py        (after `python3 dev.py test` has set up .venv)

The counter screens are rendered offscreen by Qt; the simulator's landing page and app by Debian's chromium.
The back office's whole-shop view needs a PostgreSQL: the script starts a throwaway one as the tests do
(tests/shop/pg_server.py: Debian's initdb and pg_ctl). `scripts/screenshots.py shop` makes only that one, and
`scripts/screenshots.py danish` only the Danish counter's customer screen (MobilePay, DKK, at the Danish demo unit).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KIOSK_DATA_DIR", tempfile.mkdtemp())

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"

from PySide6.QtCore import QCoreApplication, QEventLoop  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.ledger import Ledger  # noqa: E402
from kiosk.settings.demo import demo_vipps_settings  # noqa: E402
from kiosk.settings.manager_pin import ManagerPin  # noqa: E402
from kiosk.settings.model import KioskSettings, ShopSettings, VippsSettings  # noqa: E402
from kiosk.shop_ledger.copier import ShopCopier  # noqa: E402
from kiosk.simulator.demo import DEMO_SALES_UNITS  # noqa: E402
from kiosk.simulator.server import SimulatorServer  # noqa: E402
from kiosk.ui.language.i18n import use_language  # noqa: E402
from kiosk.ui.main_window import MainWindow  # noqa: E402
from kiosk.vipps.client import VippsClient  # noqa: E402
from tests.gui.offscreen_screens import plug_in_customer_screen, pull_out_customer_screen  # noqa: E402
from tests.helpers import SimControl, start_payment  # noqa: E402
from tests.shop.pg_server import TILL_PASSWORD, PgServer  # noqa: E402
from tests.shop.tills import ring_up, target  # noqa: E402

KIOSK = KioskSettings(poll_start_delay_s=0.1, poll_interval_s=0.2, outcome_display_s=600)


def wait_until(condition: Callable[[], bool], timeout_s: float = 15) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not reach the state to photograph")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle(seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def counter_screens(sim: SimControl, vipps: VippsSettings) -> None:
    app = QApplication.instance() or QApplication([])
    ledger = Path(os.environ["KIOSK_DATA_DIR"]) / "ledger.sqlite3"

    def window(**changes: float) -> MainWindow:
        pin = ManagerPin.for_demo(ledger.with_name("pin.json"))
        shown = MainWindow(replace(KIOSK, **changes), ledger, demo=True, pin=pin)
        shown.resize(1280, 800)
        shown.show()
        shown.connect_vipps(vipps)
        settle()
        return shown

    def shoot(shown: MainWindow, name: str) -> None:
        settle(0.4)
        shown.grab().save(str(OUT / f"{name}.png"))

    def charge(shown: MainWindow, amount: str, text: str = "") -> None:
        shown.amount_screen.amount_input.setText(amount)
        shown.amount_screen.text_input.setText(text)
        shown.amount_screen.charge_button.click()
        wait_until(lambda: bool(shown.customer_screen.qr.text))

    def send_to_phone(shown: MainWindow, phone: str) -> str:
        shown.customer_screen.phone_input.setText(phone)
        shown.customer_screen.send_button.click()
        wait_until(lambda: len(sim.http.get("/_sim/app/requests", params={"phone": phone}).json()) == 1)
        return sim.http.get("/_sim/app/requests", params={"phone": phone}).json()[0]["pspTransactionId"]

    def outcome(shown: MainWindow, name: str) -> None:
        wait_until(lambda: shown.outcome_screen.outcome == name)

    main = window()
    main.amount_screen.amount_input.setText("149,50")
    main.amount_screen.text_input.setText("2 x coffee, 1 x cinnamon bun")
    shoot(main, "counter-amount")
    charge(main, "149,50", "2 x coffee, 1 x cinnamon bun")
    shoot(main, "counter-customer-qr")
    tx = send_to_phone(main, "91234567")
    wait_until(lambda: "Sent to" in main.customer_screen.qr_hint.text())
    shoot(main, "counter-sent-to-phone")
    sim.respond(tx, "91234567", "approve")
    outcome(main, "PAID")
    shoot(main, "counter-paid")

    main.flow.new_sale()
    charge(main, "44")
    sim.respond(send_to_phone(main, "48123456"), "48123456", "approve")
    outcome(main, "REFUSED")
    shoot(main, "counter-refused")

    for amount, phone in (("89", "48123456"), ("249", "91234567"), ("35,50", "48123456")):
        main.flow.new_sale()
        charge(main, amount)
        sim.respond(send_to_phone(main, phone), phone, "approve")
        outcome(main, "PAID")
    main.flow.new_sale()
    main.manager_button.click()
    main.pin_screen.pin_input.setText("1234")
    shoot(main, "back-office-pin")
    main.pin_screen.unlock_button.click()
    wait_until(lambda: main.back_office.model.rowCount() >= 5)
    main.back_office.table.selectRow(0)
    shoot(main, "back-office")
    main.back_office.settings_button.click()
    wait_until(lambda: main.stack.currentWidget() is main.settings_screen)
    shoot(main, "settings")
    main.settings_screen.back_button.click()
    main.back_office.back_button.click()

    main.flow.new_sale()
    charge(main, "99")
    sim.fault(path="/details$", status=503)
    wait_until(lambda: main.status.text().startswith("No answer"))
    shoot(main, "counter-no-answer")
    sim.clear_faults()
    main.flow.cancel_open_sale()
    outcome(main, "CANCELLED")
    shoot(main, "counter-cancelled")
    main.close()

    short = window(landing_window_s=1, approval_window_s=2)
    charge(short, "250")
    outcome(short, "EXPIRED")
    shoot(short, "counter-expired")
    short.close()
    del app


def danish_counter(base_url: str) -> None:
    """A Danish shop's counter in Danish, at the simulator's Danish demo unit (ePayment): the customer screen in
    MobilePay's brand, the amount in kroner, +45 before the number."""
    app = QApplication.instance() or QApplication([])
    vipps = demo_vipps_settings(base_url, api="epayment", country="DK")
    ledger = Path(tempfile.mkdtemp()) / "ledger.sqlite3"
    use_language("da")
    shop = ShopSettings(name=DEMO_SALES_UNITS["DK"].name, country="DK", language="da", sounds=False)
    shown = MainWindow(KIOSK, ledger, demo=True, pin=ManagerPin.for_demo(ledger.with_name("pin.json")), shop=shop)
    shown.resize(1280, 800)
    shown.show()
    shown.connect_vipps(vipps)
    settle()
    shown.amount_screen.amount_input.setText("49,95")
    shown.amount_screen.charge_button.click()
    wait_until(lambda: bool(shown.customer_screen.qr.text))
    settle(0.4)
    shown.grab().save(str(OUT / "counter-customer-qr-danish.png"))
    shown.flow.cancel_open_sale()
    wait_until(lambda: shown.outcome_screen.outcome == "CANCELLED")
    shown.close()
    use_language("en")
    del app


def two_screens(sim: SimControl, vipps: VippsSettings) -> None:
    """The counter with a customer-facing screen: the staff's screen and the customer's side by side, as the
    two monitors stand (the customer's plugged into Qt's offscreen platform as a real one is, see
    tests/gui/offscreen_screens.py)."""
    ledger = Path(os.environ["KIOSK_DATA_DIR"]) / "ledger-two-screens.sqlite3"
    plug_in_customer_screen()
    try:
        pin = ManagerPin.for_demo(ledger.with_name("pin-two-screens.json"))
        shop = ShopSettings(name="Bakeriet på hjørnet", sounds=False)
        shown = MainWindow(KIOSK, ledger, demo=True, pin=pin, shop=shop)
        shown.resize(1280, 800)
        shown.show()
        shown.connect_vipps(vipps)
        settle()
        shown.amount_screen.amount_input.setText("149,50")
        shown.amount_screen.charge_button.click()
        wait_until(lambda: bool(shown.customer_screen.qr.text))
        wait_until(lambda: shown.staff_sale_screen.time_left.text() != "")
        settle(0.6)
        staff, customer = shown.grab().toImage(), shown.customer_display.grab().toImage()
        gap = 48
        canvas = QImage(staff.width() + gap + customer.width(), staff.height(), QImage.Format.Format_RGB32)
        canvas.fill(QColor("#2b2b2b"))
        painter = QPainter(canvas)
        painter.drawImage(0, 0, staff)
        painter.drawImage(staff.width() + gap, staff.height() - customer.height(), customer)  # a smaller monitor
        painter.end()
        canvas.save(str(OUT / "counter-two-screens.png"))
        shown.flow.cancel_open_sale()
        wait_until(lambda: shown.flow.active_runs == 0)
        shown.close()
    finally:
        pull_out_customer_screen()


def shop_view(vipps: VippsSettings) -> None:
    """Till kasse-1's back office showing the whole shop: two tills' day, one of them lagging."""
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    server = PgServer().init()
    try:
        dbname = server.database()
        opening = datetime.combine(date.today(), datetime.min.time()).astimezone() + timedelta(hours=8)
        for till, amounts in (("kasse-1", (4990, 14950, 8900, 3550)), ("kasse-2", (2500, 24900, 12000, 6500, 4200))):
            with Ledger.open(folder / f"{till}.sqlite3") as ledger:
                for n, amount in enumerate(amounts):
                    at = opening + timedelta(hours=n * 2, minutes=17 * n + (5 if till == "kasse-2" else 0))
                    ring_up(ledger, amount, refund_ore=1000 if (till, n) == ("kasse-2", 1) else 0, at=at)
            copier = ShopCopier(folder / f"{till}.sqlite3", target(server, dbname, till))
            copier.catch_up()
            copier.close()
        with server.admin(dbname) as db:  # kasse-2 went quiet a while ago
            db.execute("UPDATE tills SET last_copied_at = now() - interval '25 minutes' WHERE till_id = 'kasse-2'")
        pin = ManagerPin(folder / "pin.json")
        pin.set("1234")
        shop = ShopSettings(name="Kaffebaren", database=server.url(dbname), database_password=TILL_PASSWORD)
        shown = MainWindow(replace(KIOSK, till_id="kasse-1"), folder / "kasse-1.sqlite3", False, pin, shop=shop)
        shown.resize(1280, 800)
        shown.show()
        shown.connect_vipps(vipps)
        settle()
        shown.manager_button.click()
        shown.pin_screen.pin_input.setText("1234")
        shown.pin_screen.unlock_button.click()
        office = shown.back_office
        wait_until(lambda: office.model.rowCount() == 4)
        assert office.scope is not None
        office.scope.whole_shop.click()
        office.table.setFocus()
        wait_until(lambda: office.model.rowCount() == 9 and office.scope.freshness.isVisible())
        settle(0.4)
        shown.grab().save(str(OUT / "back-office-shop.png"))
        shown.close()
    finally:
        server.destroy()
    del app


def landing_pages(sim_url: str, vipps: VippsSettings) -> None:
    from playwright.sync_api import expect, sync_playwright

    from tests.browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 900, "height": 560})
        with VippsClient(vipps) as client:
            started = start_payment(client, vipps, amount=14950, payment_text="2 x coffee, 1 x cinnamon bun")
        page.goto(started.vipps_redirect_url)
        page.fill("#phone", "91234567")
        page.screenshot(path=OUT / "landing-phone-entry.png")
        page.click("#next")
        expect(page.locator("#waiting")).to_be_visible()
        page.screenshot(path=OUT / "landing-waiting.png")
        app = browser.new_page(viewport={"width": 420, "height": 560})
        app.goto(f"{sim_url}/_sim/app?phone=91234567")
        expect(app.locator(".request")).to_be_visible()
        app.screenshot(path=OUT / "app-request.png")
        app.get_by_role("button", name="Pay").click()
        expect(page.locator("#outcome")).to_have_text("Payment approved")
        page.screenshot(path=OUT / "landing-paid.png")
        browser.close()


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    only = sys.argv[1:2]
    with SimulatorServer() as server:
        sim = SimControl(server.base_url)
        vipps = demo_vipps_settings(server.base_url)
        if not only:
            counter_screens(sim, vipps)
            landing_pages(server.base_url, vipps)
            two_screens(sim, vipps)
        if only in ([], ["shop"]):
            shop_view(vipps)
        if only in ([], ["danish"]):
            danish_counter(server.base_url)  # last: it leaves the window's market Danish
        sim.close()
    for shot in sorted(OUT.glob("*.png")):
        print(shot.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
