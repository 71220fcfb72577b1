"""Start the GUI: the window first, then, once its first frame is on screen, the rest behind it.

Where imports go. At the top of each module: a module's imports are its dependency graph, and an import that
fails fails at once, on every path, not later on one. (A `TYPE_CHECKING` block is for annotations only.) Imports
are deferred only at these named seams, each for a cost a shop would feel, each marked with its comment:

1. The first frame's seam: `kiosk.ui.main_window.the_rest()` imports kiosk.ui.after_first_frame once the window
   has painted. The first frame is the window's shell (header, status line, an empty stack), built from the
   settings, the palette and the status line; after_first_frame imports at its top everything else of the GUI:
   the screens, the checkout flow, the manager's screens, the services, logging, SIGTERM. A module that costs
   first-frame time when imported at the top of a first-frame module belongs behind this seam (the start-up
   benchmark, benchmarks/startup.py, holds the first frame to 1.3x a bare PySide6 window).
2. The network seam: kiosk.checkout.provider is the interface only; `kiosk.checkout.providers_by_api.
   make_provider` imports the API's implementation, and with it the Vipps client, httpx and pydantic, when the
   first provider is made, on a worker thread: the services make the new sales' provider once at start-up,
   so the first sale waits for none of it. (kiosk.vipps re-exports only its errors, RetryPolicy and the
   environments, so naming an error loads no client.)
3. The command seam: kiosk.commands.cli imports a command's modules when that command runs (`kiosk export`
   loads no Qt; the window waits for no exporter, doctor or simulator), as does `python -m
   kiosk.ui.language.i18n` its build tools.
4. What only some kiosks need: the demo's embedded simulator (an ASGI server, ~170 ms) on the service thread in
   demo mode only (kiosk.ui.services); the shop copy with psycopg (~110 ms) only for a till with a shop
   database (kiosk.ui.after_first_frame); the settings file's reader and secret store only when there is a
   file (kiosk.settings.loading), keyring only when a secret is kept there (kiosk.settings.secrets), and Qt
   only for a PDF export (kiosk.commands.export).

Beside the seams, an import sits in a function only for a module that exists on one platform (winsound), and
for the diagnosis that runs only when Qt cannot start at all (kiosk.ui.qt_start: ~6 ms no good start pays).
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from kiosk.settings.model import Settings
from kiosk.settings.paths import data_dir, ledger_path
from kiosk.ui.language.i18n import use_language
from kiosk.ui.main_thread_gc import collect_on_the_gui_thread
from kiosk.ui.main_window import MainWindow, the_rest

if TYPE_CHECKING:
    from kiosk.settings.manager_pin import ManagerPin
    from kiosk.ui.after_first_frame import RunningKiosk

log = logging.getLogger(__name__)


def run_gui(settings: Settings, demo: bool) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    collect_on_the_gui_thread(app)  # before any thread starts: see kiosk.ui.main_thread_gc
    app.setApplicationName("Vipps kiosk")
    use_language(settings.shop.language)  # before any widget is built: each is built speaking it
    ledger_file = ledger_path(data_dir(), demo)
    pin_file = data_dir() / ("manager-pin-demo.json" if demo else "manager-pin.json")

    def manager_pin() -> ManagerPin:
        return the_rest().manager_pin(pin_file, demo)

    window = MainWindow(settings.kiosk, ledger_file, demo, manager_pin, defer_screens=True, shop=settings.shop)
    running: RunningKiosk | None = None

    def start_the_rest() -> None:
        nonlocal running
        running = the_rest().RunningKiosk(app, window, settings, demo, ledger_file, pin_file)

    window.first_frame_shown.connect(start_the_rest)
    window.show()
    try:
        app.exec()
    finally:
        if running is not None:
            running.uninstall_stop_signal()
        # One deadline for all of closing, set when closing began (the window's close, or here after a quit):
        # every step below asks its work to stop, then waits only for what is left of it.
        deadline = window.close_sales()
        if running is not None and not running.stop(deadline):
            _leave_the_rest_to_the_os(running.exit_code)
    log.info("the kiosk closed")
    return running.exit_code if running is not None else 0


def _leave_the_rest_to_the_os(exit_code: int) -> None:
    """Closing time is up and a thread is still at work (a call to Vipps still connecting, say). Waiting for it
    would break the promise of a prompt close, and letting Python tear down a running QThread aborts the
    process. Its writes were recorded in the ledger before they were sent, so the next start settles them."""
    log.warning("closing time was up with work still running; it is left to the next start to settle")
    logging.shutdown()
    os._exit(exit_code)


def relaunch_command() -> tuple[str, list[str]]:
    """This kiosk's own command line: the packaged program as it is, else this Python running the kiosk."""
    if getattr(sys, "frozen", False):
        return sys.executable, sys.argv[1:]
    return sys.executable, ["-m", "kiosk", *sys.argv[1:]]
