"""Closing the kiosk while Vipps hangs: the window goes at once, and the next start settles what was under way."""

from __future__ import annotations

import os
import time
from dataclasses import replace

from kiosk.checkout.recovery import recover
from kiosk.ledger import Ledger
from kiosk.settings.demo import demo_vipps_settings
from tests.conftest import FAST_RETRY, TEST_API
from tests.gui.conftest import FAST_KIOSK
from tests.gui.keyboard import press, type_text
from tests.gui.steps import charge
from tests.helpers import sale_left_open_by_a_crash

HANG_S = 30.0
EVERY_VIPPS_PATH = r"^/(accesstoken|psp|epayment)/"
MANY = 1_000_000  # a count the test can watch go down: the simulator took a request and sits on it


def _thread_names() -> list[str]:
    """The OS threads of this process by name (a QThread is named after its objectName)."""
    return [open(f"/proc/self/task/{t}/comm").read().strip() for t in os.listdir("/proc/self/task")]


def hang_every_vipps_call(qtbot, sim) -> None:
    """Every Vipps path answers only after 30 s, from now on; returns once a kiosk call is held."""
    sim.fault(path=EVERY_VIPPS_PATH, delay_s=HANG_S, count=MANY)
    qtbot.waitUntil(lambda: sim.faults()[0]["count"] < MANY, timeout=5_000)


def test_closing_while_vipps_hangs_is_prompt_and_the_next_start_settles_the_sale(qtbot, make_window, sim, tmp_path):
    # A request timeout of 20 s: before, closing waited for it (and 5 s of grace) once per thread.
    vipps = replace(demo_vipps_settings(sim.base_url, api=TEST_API), request_timeout_s=20.0)
    window = make_window(vipps=vipps)
    charge(qtbot, window, "149,50")
    assert {"sale-worker", "details-poller"} <= set(_thread_names())
    hang_every_vipps_call(qtbot, sim)  # the poller's next read is held
    started = time.monotonic()
    window.close()
    took_s = time.monotonic() - started
    assert not window.isVisible()
    assert took_s < 3.0, f"closing took {took_s:.1f} s while Vipps hung"  # measured: see benchmarks/closing.py
    assert window.flow.left_running == 0
    # Each ended (the OS thread itself goes a moment after Qt's wait returns): none is left to the OS.
    qtbot.waitUntil(lambda: not {"sale-worker", "details-poller"} & set(_thread_names()), timeout=1_000)

    sim.clear_faults()
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
        (sale,) = ledger.unsettled_sales()  # recorded before each call, so nothing was lost on the way
        from kiosk.checkout.providers_by_api import make_provider

        with make_provider(vipps, retry=FAST_RETRY) as provider:
            report = recover(provider, ledger, vipps, FAST_KIOSK)
        assert report.settled == [sale.id]
        assert (ledger.sale(sale.id).state, ledger.sale(sale.id).outcome) == ("NOT_PAID", "CANCELLED")
        (attempt,) = ledger.attempts_of(sale.id)
    assert sim.record(attempt.psp_transaction_id).state in ("CANCELLED", "FAILED", "EXPIRED")


def test_closing_during_start_up_recovery_is_prompt_and_the_next_start_resumes(qtbot, sim, tmp_path):
    from kiosk.settings.model import Settings
    from kiosk.ui.closing import Deadline
    from kiosk.ui.services import Services

    ledger_file = tmp_path / "ledger.sqlite3"
    sale_id = sale_left_open_by_a_crash(ledger_file)
    vipps = replace(demo_vipps_settings(sim.base_url, api=TEST_API), request_timeout_s=20.0)
    settings = Settings(vipps=vipps, kiosk=FAST_KIOSK)
    services = Services(settings, demo=False, ledger_file=ledger_file)
    readied: list[object] = []
    services.ready.connect(readied.append)
    sim.fault(path=EVERY_VIPPS_PATH, delay_s=HANG_S, count=MANY)
    services.start()
    qtbot.waitUntil(lambda: sim.faults()[0]["count"] < MANY, timeout=10_000)  # recovery's first call is held
    started = time.monotonic()
    stopped = services.stop(Deadline(1.0))
    took_s = time.monotonic() - started
    assert stopped
    assert took_s < 3.0, f"stopping start-up took {took_s:.1f} s while Vipps hung"
    assert readied == []  # a kiosk that is closing never says it is ready
    with Ledger.open(ledger_file) as ledger:
        assert [s.id for s in ledger.unsettled_sales()] == [sale_id]  # left for the next start

    sim.clear_faults()
    again = Services(settings, demo=False, ledger_file=ledger_file)
    with qtbot.waitSignal(again.ready, timeout=20_000):
        again.start()
    again.stop()
    with Ledger.open(ledger_file) as ledger:
        assert ledger.unsettled_sales() == []
        assert ledger.sale(sale_id).state == "NOT_PAID"


def test_two_refunds_that_vipps_sits_on_do_not_hold_up_the_pin(qtbot, window, sim):
    """The counter PC has two cores, so Qt's global pool two threads: two slow refunds used to fill it, and the
    manager's PIN waited behind them for the request timeout."""
    from PySide6.QtCore import Qt, QThreadPool
    from PySide6.QtWidgets import QApplication

    from kiosk.checkout.providers_by_api import make_provider
    from kiosk.ui.workers.background import BackgroundJob
    from kiosk.vipps import VippsError

    global_pool = QThreadPool.globalInstance()
    cores = global_pool.maxThreadCount()
    global_pool.setMaxThreadCount(2)  # the counter PC's, whatever this machine has
    vipps = replace(demo_vipps_settings(sim.base_url, api=TEST_API), request_timeout_s=20.0)
    providers = [make_provider(vipps, retry=FAST_RETRY) for _ in range(2)]
    finished: list[object] = []
    try:
        sim.fault(path=EVERY_VIPPS_PATH, delay_s=HANG_S, count=MANY)
        for n, provider in enumerate(providers):
            job = BackgroundJob(
                lambda _progress, p=provider, n=n: p.refund(f"sold-{n}", 100, f"refund-key-{n}"), expected=(VippsError,)
            )
            job.done.connect(finished.append)
            job.failed.connect(finished.append)
            job.start()
        qtbot.waitUntil(lambda: sim.faults()[0]["count"] <= MANY - 2, timeout=5_000)  # both are held at Vipps

        qtbot.mouseClick(window.manager_button, Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is window.pin_screen
        focused = QApplication.focusWidget()
        assert focused is window.pin_screen.pin_input
        type_text(qtbot, "1234")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.back_office, timeout=5_000)
        assert finished == []  # the refunds are still waiting for Vipps: the PIN did not wait for them
    finally:
        sim.clear_faults()
        for provider in providers:
            provider.cancel_calls()  # ends both at once (see tests/test_cancellation.py)
        qtbot.waitUntil(lambda: len(finished) == 2, timeout=5_000)
        for provider in providers:
            provider.close()
        global_pool.setMaxThreadCount(cores)
