"""Getting the kiosk's services ready after the first frame, off the GUI thread.

It checks the ledger, starts the embedded simulator in demo mode and settles what a crash left unsettled, so
the window is on screen before any of that work starts and the GUI thread never waits for it. (This module
loads after the first frame: see kiosk.ui.after_first_frame.)
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from kiosk.checkout.providers_by_api import ProvidersByApi
from kiosk.checkout.recovery import recover
from kiosk.domain.message import Message, Verbatim
from kiosk.ledger import Ledger, LedgerError
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import Settings, VippsSettings
from kiosk.ui.closing import CLOSE_S, Deadline

if TYPE_CHECKING:
    from kiosk.simulator.server import SimulatorServer

log = logging.getLogger(__name__)


class ServiceStarter(QObject):
    """Signals: ready(object VippsSettings), recovered(object Message or None), failed(object Message). Lives
    on its own thread.

    Order: the ledger is checked, the simulator started (demo), then every sale a crash left unsettled is
    settled against Vipps (`recovered`), and only then is the kiosk `ready` for a new sale. `stop_recovery()`
    (from the GUI thread, at closing) cuts the settling short: what it did not settle, the next start does.
    """

    ready = Signal(object)
    recovered = Signal(object)
    failed = Signal(object)

    def __init__(self, settings: Settings, demo: bool, ledger_file: Path) -> None:
        super().__init__()
        self._settings = settings
        self._demo = demo
        self._ledger_file = ledger_file
        self.simulator: SimulatorServer | None = None
        self._stopping = threading.Event()
        self._providers: ProvidersByApi | None = None

    @Slot()
    def start(self) -> None:
        try:
            self._start()
        except Exception:  # a thread boundary: the kiosk must say it cannot start, not hang on "Starting…"
            log.exception("start-up failed")
            self.failed.emit(Message("The kiosk could not start. The reason is in the log in the data folder."))

    def _start(self) -> None:
        try:
            Ledger.open(self._ledger_file, verify=True).close()
        except LedgerError as exc:
            self.failed.emit(exc.message)
            return
        if self._demo:
            # The demo's seam (see kiosk.ui.app): the simulator (an ASGI server, ~170 ms to import) loads only
            # in demo mode, on this thread; a shop's kiosk never loads it.
            from kiosk.simulator.server import SimulatorServer

            place = self._settings.simulator
            try:
                server = SimulatorServer(place.host, place.port).start()
            except (OSError, RuntimeError) as exc:
                said = Message(
                    "The demo simulator could not start on {host}:{port}: {problem}",
                    host=place.host,
                    port=place.port,
                    problem=Verbatim(str(exc)),
                )
                self.failed.emit(said)
                return
            self.simulator = server
            vipps = demo_vipps_settings(server.base_url, api=self._settings.api, country=self._settings.shop.country)
        else:
            assert self._settings.vipps is not None
            vipps = self._settings.vipps
        summary = self._recover(vipps)
        if self._stopping.is_set():
            return  # closing: the window no longer waits for a ready kiosk
        self.recovered.emit(summary)
        log.info("the kiosk is ready")
        self.ready.emit(vipps)

    def _recover(self, vipps: VippsSettings) -> Message | None:
        try:
            # Each sale is settled through the API it was made with, whichever the settings name now.
            with Ledger.open(self._ledger_file) as ledger, ProvidersByApi(vipps) as providers:
                self._providers = providers
                if self._stopping.is_set():  # stopped before this line: stop_recovery() saw no providers
                    providers.cancel_calls()
                summary = recover(providers, ledger, vipps, self._settings.kiosk, stop=self._stopping.is_set).summary
                if not self._stopping.is_set() and providers.missing_for(vipps.api) is None:
                    # The new sales' provider made once, here: its client, httpx, pydantic and the TLS context
                    # load on this thread at start-up, not on the first customer's sale (no call is made).
                    providers.current()
                return summary
        except LedgerError as exc:
            return Message("Unfinished sales could not be settled: {problem}", problem=exc.message)

    def stop_recovery(self) -> None:
        """From any thread: settle no further sale, and cut off the call under way."""
        self._stopping.set()  # before reading the providers: _recover checks it after setting them
        providers = self._providers
        if providers is not None:
            providers.cancel_calls()

    def stop(self, deadline: Deadline) -> bool:
        """Stop the embedded simulator within `deadline`; False if its thread was still running then."""
        server, self.simulator = self.simulator, None
        if server is None:
            return True
        return server.stop(timeout_s=deadline.remaining_s())


class Services(QObject):
    """Owns the starter and its thread for the kiosk's lifetime. Signals: ready(object), recovered(object),
    failed(object)."""

    ready = Signal(object)
    recovered = Signal(object)
    failed = Signal(object)

    def __init__(self, settings: Settings, demo: bool, ledger_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("service-start")
        self._starter = ServiceStarter(settings, demo, ledger_file)
        self._starter.moveToThread(self._thread)
        self._thread.started.connect(self._starter.start)
        self._starter.ready.connect(self.ready)
        self._starter.recovered.connect(self.recovered)
        self._starter.failed.connect(self.failed)
        # Direct: quit() is thread-safe, and at closing the GUI thread may be waiting for this thread.
        self._starter.ready.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._starter.failed.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)

    @property
    def simulator_url(self) -> str | None:
        server = self._starter.simulator
        return server.base_url if server is not None else None

    def start(self) -> None:
        self._thread.start()

    def stop(self, deadline: Deadline | None = None) -> bool:
        """Stop start-up's work (recovery included) and the embedded simulator, all within `deadline`. False
        if something was still running when the time was up: it is left to the process's exit."""
        deadline = deadline or Deadline(CLOSE_S)
        self._starter.stop_recovery()
        self._thread.quit()
        if not self._thread.wait(deadline.remaining_ms()):
            log.warning("start-up was still at work when closing time was up")
            return False
        return self._starter.stop(deadline)
