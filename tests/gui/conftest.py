"""The counter screen, offscreen: real widgets, real worker threads, the real client and simulator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest

from kiosk.domain.market import NORWAY
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.manager_pin import ManagerPin
from kiosk.settings.model import KioskSettings, ShopSettings, VippsSettings
from kiosk.ui.language.i18n import use_market
from kiosk.ui.main_window import MainWindow
from tests.conftest import TEST_API
from tests.gui.offscreen_screens import plug_in_customer_screen, pull_out_customer_screen


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "xserver: runs the kiosk as a real process on Xvfb and types at it with xdotool (test_on_a_real_x_server)",
    )


# Vipps' schedule, shrunk: a poll every 0.1 s instead of 2 s, windows of a minute instead of ten.
FAST_KIOSK = KioskSettings(
    poll_start_delay_s=0.05,
    poll_interval_s=0.1,
    landing_window_s=30,
    approval_window_s=60,
    outcome_display_s=60,
    max_amount_ore=1_000_000,
)


@pytest.fixture
def two_screens(qapp) -> Iterator[None]:
    """A customer-facing screen beside the staff's, for the whole test (asked for before the window, so it is
    pulled out only after the window is gone)."""
    plug_in_customer_screen()
    try:
        yield
    finally:
        pull_out_customer_screen()


def market_vipps_settings(base_url: str, country: str) -> VippsSettings:
    """The simulator's demo sales unit of `country`'s market: Norway's on TEST_API, Denmark's and Finland's on
    the ePayment API (the PSP API v3 takes Norwegian payments only)."""
    return demo_vipps_settings(base_url, api=TEST_API if country == NORWAY.country else "epayment", country=country)


@pytest.fixture
def make_window(qtbot, sim, tmp_path) -> Iterator[Callable[..., MainWindow]]:
    """`make_window(country="DK")`: a Danish shop's window, selling at the simulator's Danish demo unit."""
    windows: list[MainWindow] = []

    def make(
        vipps: VippsSettings | None = None, shop: ShopSettings | None = None, country: str = "NO", **kiosk_changes
    ) -> MainWindow:
        pin = ManagerPin.for_demo(tmp_path / "pin.json")
        window = MainWindow(
            replace(FAST_KIOSK, **kiosk_changes),
            tmp_path / "ledger.sqlite3",
            demo=True,
            pin=pin,
            # a test run is silent unless a test listens
            shop=shop or ShopSettings(sounds=False, country=country),
        )
        # Not handed to qtbot: pytest-qt closes its widgets before fixtures end, and this fixture must first
        # see every sale's threads finish by themselves.
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        window.connect_vipps(vipps or market_vipps_settings(sim.base_url, window.shop.country))
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.flow.cancel_open_sale()
        try:
            qtbot.waitUntil(lambda w=window: w.flow.active_runs == 0, timeout=15_000)
        finally:
            window.close()
            window.deleteLater()
    use_market(NORWAY)  # a window sets its shop's market for the whole program: no other test meets it


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()
