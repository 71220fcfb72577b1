"""Every test runs against real parts on loopback, with the user's real files out of reach."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.checkout.provider import PaymentProvider
from kiosk.checkout.providers_by_api import ProvidersByApi, make_provider
from kiosk.ledger import Ledger
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import PAYMENT_APIS, VippsSettings
from kiosk.simulator.demo import SimulatorSettings
from kiosk.simulator.server import SimulatorServer
from kiosk.vipps import RetryPolicy
from kiosk.vipps.client import VippsClient
from tests.helpers import SimControl
from tests.memory_vipps import MemoryProvider, MemoryVipps
from tests.vipps_apis import API_NAMES, PATHS, ApiPaths

pytest_plugins = ["tests.browser"]

# Retries as in production, but with pauses short enough for a test run.
FAST_RETRY = RetryPolicy(attempts=4, base_s=0.01, cap_s=0.05, longest_retry_after_s=2.0)

# The Vipps API the tests' kiosk takes payments through, as [vipps] api picks it for a shop:
# `KIOSK_TEST_API=epayment pytest` runs the suite on the ePayment API. Tests of one API's own wire format (its
# client, its simulator side) use that API whatever this says.
TEST_API = os.environ.get("KIOSK_TEST_API", "psp")
if TEST_API not in PAYMENT_APIS:
    raise pytest.UsageError(f"KIOSK_TEST_API must be one of {', '.join(PAYMENT_APIS)} (got {TEST_API!r})")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that drives a browser or a real X server is slow by what it is (see pyproject.toml's markers)."""
    for item in items:
        if item.get_closest_marker("browser") or item.get_closest_marker("xserver"):
            item.add_marker(pytest.mark.slow)


def pytest_report_header() -> str:
    return f"kiosk payment API: {TEST_API} (KIOSK_TEST_API)"


@pytest.fixture(scope="session")
def qapp(qapp, compiled_translations):
    """pytest-qt's application, with what the kiosk's own start gives it: garbage collection on the GUI thread
    only (kiosk.ui.main_thread_gc), and a language installed (English, whose catalogue holds the plural forms:
    "1 sale", "4 sales"), so the GUI tests run as the kiosk does whichever test comes first."""
    from kiosk.ui.language.i18n import use_language
    from kiosk.ui.main_thread_gc import collect_on_the_gui_thread

    collect_on_the_gui_thread(qapp)
    use_language("en")
    return qapp


@pytest.fixture(autouse=True)
def collection_as_its_program_has_it(request: pytest.FixtureRequest) -> None:
    """A test with Qt runs under the kiosk's collector (automatic collection off, the GUI thread's timer on); a
    test without Qt gets Python's automatic collection back, as `kiosk export` and the simulator have it, not
    none at all because a GUI test ran before it. Switched only where the kind of test changes: the full
    collection that hands over (on the main thread, which is the GUI thread) costs milliseconds."""
    with_qt = "qapp" in request.fixturenames
    if with_qt and gc.isenabled():
        gc.disable()
    elif not with_qt and not gc.isenabled():
        gc.collect()  # what the GUI tests left, freed here and not on some thread that allocates later
        gc.enable()


@pytest.fixture(autouse=True)
def fresh_access_tokens() -> None:
    """Each test starts without the process-wide token cache, as a freshly started kiosk does."""
    from kiosk.vipps.client import TOKENS

    TOKENS.clear()


@pytest.fixture(autouse=True)
def isolated_user_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIOSK_NO_KEYRING", "1")  # a developer's real keyring is theirs, not the tests'
    return tmp_path


@pytest.fixture(scope="session")
def compiled_translations() -> list[Path]:
    """The .qm files built from the committed .ts sources, as dev.py builds them before every run (a test run
    started with plain pytest has not been through dev.py)."""
    from kiosk.ui.language.catalogue import compile_translations, ts_files

    stale = [
        ts
        for ts in ts_files()
        if not ts.with_suffix(".qm").exists() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if stale:
        compile_translations()
    return [ts.with_suffix(".qm") for ts in ts_files()]


@pytest.fixture
def language(compiled_translations, qapp) -> Iterator[Callable[[str], str]]:
    """Set the shop's language as start-up does (`use_language`); English and Qt's own default locale again
    afterwards, so no other test meets a translated kiosk."""
    from PySide6.QtCore import QLocale

    from kiosk.ui.language.i18n import use_language

    default = QLocale()
    yield use_language
    use_language("en")
    QLocale.setDefault(default)


@pytest.fixture(params=API_NAMES)
def api(request: pytest.FixtureRequest) -> str:
    """For a test that runs on each Vipps API whatever KIOSK_TEST_API says (the fault matrix, the kills, ...)."""
    return request.param


@pytest.fixture
def paths(api: str) -> ApiPaths:
    """Where this API's init, details, capture and cancel go: the targets of fault rules."""
    return PATHS[api]


@pytest.fixture
def country() -> str:
    """The shop's country: Norway, unless a test runs in every market (tests.markets_under_test.IN_EVERY_MARKET)."""
    return "NO"


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    """A fresh ledger in the test's own folder (real SQLite)."""
    with Ledger.open(tmp_path / "ledger.sqlite3") as opened:
        yield opened


@pytest.fixture
def memory_vipps() -> MemoryVipps:
    """Vipps in memory (tests/memory_vipps.py): for tests of the checkout's rules, not of an API's wire."""
    return MemoryVipps()


@pytest.fixture(params=PAYMENT_APIS)
def memory_provider(request: pytest.FixtureRequest, memory_vipps: MemoryVipps) -> Iterator[MemoryProvider]:
    """A provider on it with each API's flags (a capture applied at once or only accepted, a push that skips
    the landing page or not): the rules must hold for both."""
    with MemoryProvider(memory_vipps, api=request.param) as made:
        yield made


@pytest.fixture
def memory_settings(memory_provider: MemoryProvider) -> VippsSettings:
    """Settings as for the simulator's demo sales unit, on the in-memory provider's API (no server behind)."""
    return demo_vipps_settings("http://in-memory.vipps.invalid", api=memory_provider.name)


@pytest.fixture(scope="session")
def sim_server() -> Iterator[SimulatorServer]:
    with SimulatorServer(settings=SimulatorSettings(make_payment_timeout_s=1.0)) as server:
        yield server


@pytest.fixture
def sim(sim_server: SimulatorServer) -> Iterator[SimControl]:
    control = SimControl(sim_server.base_url)
    control.reset()
    yield control
    control.close()


@pytest.fixture
def vipps_settings(sim: SimControl) -> VippsSettings:
    """The simulator's demo sales unit, taking payments through TEST_API."""
    return demo_vipps_settings(sim.base_url, api=TEST_API)


@pytest.fixture
def provider(vipps_settings: VippsSettings) -> Iterator[PaymentProvider]:
    """The checkout's provider of TEST_API."""
    with make_provider(vipps_settings, retry=FAST_RETRY) as made:
        yield made


@pytest.fixture
def providers(vipps_settings: VippsSettings, provider: PaymentProvider) -> Iterator[ProvidersByApi]:
    with ProvidersByApi(vipps_settings, FAST_RETRY, given=[provider]) as every:
        yield every


@pytest.fixture
def client(vipps_settings: VippsSettings) -> Iterator[VippsClient]:
    with VippsClient(vipps_settings, retry=FAST_RETRY) as vipps:
        yield vipps


@pytest.fixture
def short_windows() -> Iterator[SimControl]:
    """A simulator of its own whose approval windows last a fraction of a second."""
    settings = SimulatorSettings(landing_window_s=0.4, app_window_s=0.4, make_payment_timeout_s=0.5)
    with SimulatorServer(settings=settings) as server:
        control = SimControl(server.base_url)
        yield control
        control.close()
