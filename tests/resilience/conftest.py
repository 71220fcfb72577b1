"""The counter offscreen as in tests/gui, with a ledger where a row wants it, a record of everything the screen
said, and the check every row ends with: the ledger, the simulator and the screen agree.

Every row runs once per Vipps API (`api`: the PSP API v3, then the ePayment API v1). A row names the call its
fault hits through `paths` ("init", "details", "capture", "cancel"), which knows where each API sends it. A row
about money Vipps writes runs in every market (`IN_EVERY_MARKET`: Denmark and Finland on ePayment only), its
kiosk a shop of that country at the simulator's sales unit there (`country`)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pytest

from kiosk.checkout.states import FINAL_ATTEMPT_STATES
from kiosk.checkout.waiting_words import no_answer_yet
from kiosk.domain.market import MARKETS
from kiosk.ledger.records import AttemptRecord, SaleRecord
from kiosk.ledger.store import Ledger
from kiosk.settings.manager_pin import ManagerPin
from kiosk.settings.model import ShopSettings, VippsSettings
from kiosk.ui.language.i18n import money
from kiosk.ui.main_window import MainWindow
from kiosk.vipps.epayment import RATE_LIMITS, RateLimit
from tests.gui.conftest import FAST_KIOSK
from tests.gui.steps import open_requests
from tests.helpers import SimControl
from tests.markets_under_test import CASES, unit_settings

# As the status line says it in English, in the brand of each market's shop.
NO_ANSWER_TEXTS = {str(no_answer_yet(market)) for market in MARKETS.values()}

# Every path the kiosk uses to ask Vipps (and the simulator's PSP record): "the network" in these rows. The
# customer's side (/_sim/landing, /_sim/app) and the simulator's own makePayment call stay reachable.
VIPPS_PATHS = r"^/(accesstoken|psp|epayment)/|^/_sim/psp/transactions/"


@dataclass
class ScreenLog:
    """Everything the screen said during a row, in order: each status line, and each outcome screen shown."""

    statuses: list[tuple[float, str]] = field(default_factory=list)
    outcomes: list[str] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [text for _at, text in self.statuses]

    def said_no_answer(self) -> bool:
        return any(text in self.texts for text in NO_ANSWER_TEXTS)

    def listen_to(self, window: MainWindow) -> None:
        def on_status(text: object) -> None:
            self.statuses.append((time.monotonic(), str(text)))  # the English, as a log would have it

        def on_screen(_index: int) -> None:
            if window.stack.currentWidget() is window.outcome_screen:
                self.outcomes.append(window.outcome_screen.outcome)

        window.flow.status_changed.connect(on_status)
        window.stack.currentChanged.connect(on_screen)


# FAST_KIOSK polls every 0.1 s instead of Vipps' 2 s: Vipps' ePayment rate limits (so many calls a minute for one
# payment, kept by the kiosk's client) are shrunk by the same factor, so they allow the kiosk what they allow it at
# full speed. At full length a write that met six 503s in a row would wait out the rest of the minute.
SCHEDULE_SHRUNK_BY = 20


@pytest.fixture(autouse=True)
def epayment_rate_limits_shrunk(monkeypatch: pytest.MonkeyPatch) -> None:
    for operation, limit in list(RATE_LIMITS.items()):
        monkeypatch.setitem(RATE_LIMITS, operation, RateLimit(limit.calls, limit.per_s / SCHEDULE_SHRUNK_BY))


@dataclass
class Kiosk:
    """One counter under test: its window, where its ledger lives, what its screen said, and its Vipps API."""

    window: MainWindow
    ledger_file: Path
    screen: ScreenLog
    api: str
    country: str = "NO"

    @property
    def status(self) -> str:
        return self.window.status.text()

    def on_customer_screen(self) -> bool:
        return self.window.stack.currentWidget() is self.window.customer_screen

    def ledger_sales(self) -> list[tuple[SaleRecord, list[AttemptRecord]]]:
        """Every sale with its attempts, read beside the running kiosk as `kiosk export` does (read-only)."""
        with Ledger.open(self.ledger_file, read_only=True) as ledger:
            return [(sale, ledger.attempts_of(sale.id)) for sale in ledger.sales()]


@pytest.fixture
def make_kiosk(qtbot, sim: SimControl, tmp_path: Path, api: str, country: str) -> Iterator[Callable[..., Kiosk]]:
    kiosks: list[Kiosk] = []

    def make(
        vipps: VippsSettings | None = None,
        *,
        ledger_file: Path | None = None,
        request_timeout_s: float | None = None,
        **kiosk_changes: Any,
    ) -> Kiosk:
        vipps = vipps or unit_settings(sim.base_url, api, country)
        if request_timeout_s is not None:
            vipps = replace(vipps, request_timeout_s=request_timeout_s)
        ledger_file = ledger_file or tmp_path / "ledger.sqlite3"
        pin = ManagerPin.for_demo(tmp_path / "pin.json")
        window = MainWindow(
            replace(FAST_KIOSK, **kiosk_changes),
            ledger_file,
            demo=True,
            pin=pin,
            shop=ShopSettings(sounds=False, country=country),
        )
        screen = ScreenLog()
        screen.listen_to(window)
        # Not handed to qtbot: its widgets are closed before fixtures end, and each sale's threads must first
        # finish by themselves (as in tests/gui/conftest.py).
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        window.connect_vipps(vipps)
        kiosk = Kiosk(window, ledger_file, screen, vipps.api, country)
        kiosks.append(kiosk)
        return kiosk

    yield make
    sim.clear_faults()  # a row that failed half-way must not leave its runs retrying against a fault
    for kiosk in kiosks:
        kiosk.window.flow.cancel_open_sale()
        try:
            qtbot.waitUntil(lambda w=kiosk.window: w.flow.active_runs == 0, timeout=20_000)
        finally:
            kiosk.window.close()
            kiosk.window.deleteLater()


@pytest.fixture
def kiosk(make_kiosk) -> Kiosk:
    return make_kiosk()


class CountedRule:
    """A fault rule whose count is too large ever to run out, so what is left of it tells how many requests it
    has matched. Without spoiling fields it only counts (the request goes through untouched); as the first
    match wins, a spoiling rule added before it on the same path sees its requests first."""

    BUDGET = 100_000

    def __init__(self, sim: SimControl, path: str, **spoil: Any) -> None:
        self._sim = sim
        self._fields = {"path": path, **spoil}
        sim.fault(**self._fields, count=self.BUDGET)

    @property
    def matched(self) -> int:
        for rule in self._sim.faults():
            if all(rule[k] == v for k, v in self._fields.items()) and rule["count"] > self.BUDGET // 2:
                return self.BUDGET - rule["count"]
        return self.BUDGET  # spent to the last one, or cleared


def customer_pays_by_qr(sim: SimControl, landing_url: str, phone: str = "91234567", country: str = "NO") -> str:
    """The customer scans the QR code, types their number on the landing page and approves in the app; returns
    the id the app answered with (`sim.record` finds the payment by it, for either API). `phone` as the
    customer types it in `country` (Norway's 91234567 unless given; elsewhere CASES' number of the market)."""
    if country != "NO":
        phone = CASES[country].typed_phone
    app_key = CASES[country].app_key if country != "NO" else phone  # how the simulated app knows them
    assert sim.enter_phone(landing_url, phone).status_code == 200
    (request,) = open_requests(sim, app_key)
    assert sim.respond(request["pspTransactionId"], app_key, "approve").status_code == 200
    return request["pspTransactionId"]


def assert_three_agree(
    qtbot, kiosk: Kiosk, sim: SimControl, *, outcome: str, amount_ore: int
) -> tuple[SaleRecord, list[AttemptRecord]]:
    """Once the last sale's run has ended, the screen, the ledger and the simulator tell the same story about
    it: the outcome, every attempt final, and exactly one charge of the amount (PAID) or none at all. The
    simulator's record is read through `VippsRecord`, the same for either API."""
    window = kiosk.window
    qtbot.waitUntil(lambda: window.flow.active_runs == 0, timeout=20_000)
    sale, attempts = kiosk.ledger_sales()[-1]
    records = sim.records()
    ours = [records[a.psp_transaction_id] for a in attempts if a.psp_transaction_id in records]

    # The screen.
    assert window.stack.currentWidget() is window.outcome_screen
    assert window.outcome_screen.outcome == outcome
    # The ledger.
    assert sale.amount_ore == amount_ore
    assert sale.outcome == outcome
    assert attempts, "the sale never recorded an attempt"
    assert all(a.state in FINAL_ATTEMPT_STATES for a in attempts), [a.state for a in attempts]
    assert {a.provider for a in attempts} == {kiosk.api}
    # The simulator: every payment of this sale went through the kiosk's API, and none is left able to take or
    # holding the customer's money.
    assert {r.api for r in ours} <= {kiosk.api}
    assert all(r.state in ("CAPTURED", "CANCELLED", "FAILED") for r in ours), [r.state for r in ours]
    assert {r.raw["currency"] for r in ours} <= {CASES[kiosk.country].market.currency}  # the shop's, at Vipps

    if outcome == "PAID":
        assert kiosk.status == "Paid"
        title = window.outcome_screen.title.text()
        if kiosk.country == "NO":
            assert title == f"Paid: {money(amount_ore)}"
        else:  # each market's own way of writing money is the screen's (tests/gui); here: the amount
            assert title.startswith("Paid: ")
            assert "".join(c for c in title if c.isdigit()) == str(amount_ore)
        assert sale.state == "PAID"
        assert sale.captured_ore == amount_ore
        (paid,) = [a for a in attempts if a.state == "CAPTURED"]
        assert sale.paid_attempt_id == paid.id
        charged = records[paid.psp_transaction_id]
        assert charged.state == "CAPTURED"
        assert charged.captured == amount_ore
        assert charged.captures == 1
        assert sum(r.captured for r in ours) == amount_ore  # no other attempt charged
    else:
        assert kiosk.status == sale_message(kiosk)
        assert sale.state == "NOT_PAID"
        assert sale.captured_ore == 0
        assert not [a for a in attempts if a.state == "CAPTURED"]
        assert all(r.captured == 0 for r in ours)
    return sale, attempts


def sale_message(kiosk: Kiosk) -> str:
    """The words the outcome screen shows under its title (its detail, or the title when there is none)."""
    screen = kiosk.window.outcome_screen
    return screen.detail.text() or screen.title.text()
