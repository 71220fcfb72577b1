"""Getting the kiosk's services ready after the first frame, off the GUI thread.

It checks the ledger, starts the embedded simulator in demo mode, and imports the network stack, so the
window is on screen before any of that work starts and the GUI thread never waits for it.
"""

from __future__ import annotations

import importlib
import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QThread, Signal, Slot

from kiosk.config import Settings, VippsSettings

log = logging.getLogger(__name__)
PRELOADED = ("kiosk.ui.sale_run", "kiosk.ui.qr_widget", "qrcode")


class ServiceStarter(QObject):
    """Signals: ready(object VippsSettings), recovered(str summary), failed(str message). Lives on its own thread.

    Order: the ledger is checked, the simulator started (demo), then every sale a crash left unsettled is
    settled against Vipps (`recovered`), and only then is the kiosk `ready` for a new sale.
    """

    ready = Signal(object)
    recovered = Signal(str)
    failed = Signal(str)

    def __init__(self, settings: Settings, demo: bool, ledger_file: Path) -> None:
        super().__init__()
        self._settings = settings
        self._demo = demo
        self._ledger_file = ledger_file
        self.simulator: object | None = None

    @Slot()
    def start(self) -> None:
        try:
            self._start()
        except Exception:  # a thread boundary: the kiosk must say it cannot start, not hang on "Starting…"
            log.exception("start-up failed")
            self.failed.emit(
                QT_TRANSLATE_NOOP("Messages", "The kiosk could not start. The reason is in the log in the data folder.")
            )

    def _start(self) -> None:
        from kiosk.ledger import Ledger, LedgerError

        try:
            Ledger.open(self._ledger_file, verify=True).close()
        except LedgerError as exc:
            self.failed.emit(str(exc))
            return
        for module in PRELOADED:
            importlib.import_module(module)
        if self._demo:
            from kiosk.simulator.server import SimulatorServer

            place = self._settings.simulator
            try:
                server = SimulatorServer(place.host, place.port).start()
            except (OSError, RuntimeError) as exc:
                self.failed.emit(f"The demo simulator could not start on {place.host}:{place.port}: {exc}")
                return
            self.simulator = server
            vipps = VippsSettings.for_simulator(server.base_url, api=self._settings.api)
        else:
            assert self._settings.vipps is not None
            vipps = self._settings.vipps
        self.recovered.emit(self._recover(vipps))
        self.ready.emit(vipps)

    def _recover(self, vipps: VippsSettings) -> str:
        from kiosk.checkout.providers_by_api import ProvidersByApi
        from kiosk.checkout.recovery import recover
        from kiosk.ledger import Ledger, LedgerError

        try:
            # Each sale is settled through the API it was made with, whichever the settings name now.
            with Ledger.open(self._ledger_file) as ledger, ProvidersByApi(vipps) as providers:
                return recover(providers, ledger, vipps, self._settings.kiosk).summary
        except LedgerError as exc:
            return f"Unfinished sales could not be settled: {exc}"

    def stop(self) -> None:
        if self.simulator is not None:
            self.simulator.stop()  # type: ignore[attr-defined]
            self.simulator = None


class Services(QObject):
    """Owns the starter and its thread for the kiosk's lifetime. Signals: ready(object), recovered(str),
    failed(str)."""

    ready = Signal(object)
    recovered = Signal(str)
    failed = Signal(str)

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
        self._starter.ready.connect(self._thread.quit)
        self._starter.failed.connect(self._thread.quit)

    @property
    def simulator_url(self) -> str | None:
        server = self._starter.simulator
        return getattr(server, "base_url", None)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._starter.stop()
