"""Start the GUI: the window first, then the services behind it (see kiosk.ui.services)."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kiosk.domain.message import Message
from kiosk.settings.model import Settings
from kiosk.settings.paths import data_dir, ledger_path
from kiosk.ui.language.i18n import use_language
from kiosk.ui.language.messages import translated
from kiosk.ui.main_thread_gc import collect_on_the_gui_thread
from kiosk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from kiosk.settings.manager_pin import ManagerPin
    from kiosk.ui.services import Services

log = logging.getLogger(__name__)


def run_gui(settings: Settings, demo: bool) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    collect_on_the_gui_thread(app)  # before any thread starts: see kiosk.ui.main_thread_gc
    app.setApplicationName("Vipps kiosk")
    use_language(settings.shop.language)  # before any widget is built: each is built speaking it
    ledger_file = ledger_path(data_dir(), demo)
    pin_file = data_dir() / ("manager-pin-demo.json" if demo else "manager-pin.json")

    def manager_pin() -> ManagerPin:
        from kiosk.settings.manager_pin import DEMO_PIN, ManagerPin

        return ManagerPin(pin_file, default_pin=DEMO_PIN if demo else None)

    window = MainWindow(settings.kiosk, ledger_file, demo, manager_pin, defer_screens=True, shop=settings.shop)
    services: Services | None = None
    exit_code = 0

    def on_failed(message: Message | str) -> None:
        nonlocal exit_code
        exit_code = 2
        window.show_fatal(message)
        from PySide6.QtWidgets import QMessageBox

        title = QCoreApplication.translate("Startup", "The kiosk cannot start")
        QMessageBox.critical(window, title, translated(message))
        app.quit()

    def start_services() -> None:
        nonlocal services
        from kiosk.ui.services import Services  # its module and its thread wait for the first frame too

        services = Services(settings, demo, ledger_file, window)
        services.recovered.connect(window.set_startup_notice)
        services.ready.connect(window.connect_vipps)
        services.ready.connect(lambda _vipps: _start_shop_copy(settings, ledger_file, demo, window))
        services.failed.connect(on_failed)
        services.start()

    def stop_on_signal() -> None:
        # As closing the window does, but a locked kiosk too: systemd's stop is the shop's own decision.
        if hasattr(window, "kiosk_lock"):
            window.kiosk_lock.allow_close()
        window.close()
        app.quit()

    from kiosk.ui.stop_signal import StopSignal

    stop_signal = StopSignal(stop_on_signal)
    window.restart_requested.connect(lambda: _restart(app))
    window.first_frame_shown.connect(lambda: _start_logging(settings))
    window.first_frame_shown.connect(_return_freed_memory)
    window.first_frame_shown.connect(window.build_screens)
    window.first_frame_shown.connect(start_services)
    window.show()
    if not demo and not pin_file.exists():
        window.first_frame_shown.connect(window.ask_for_first_pin)
    try:
        app.exec()
    finally:
        stop_signal.uninstall()
        # One deadline for all of closing, set when closing began (the window's close, or here after a quit):
        # every step below asks its work to stop, then waits only for what is left of it.
        deadline = window.close_sales()
        from kiosk.ui.workers.background import wait_for_jobs  # not before the first frame: it loads the ledger

        finished = window.flow.left_running == 0 if hasattr(window, "flow") else True
        finished = wait_for_jobs(deadline) and finished
        if services is not None:
            finished = services.stop(deadline) and finished
        if not finished:
            _leave_the_rest_to_the_os(exit_code)
    log.info("the kiosk closed")
    return exit_code


def _leave_the_rest_to_the_os(exit_code: int) -> None:
    """Closing time is up and a thread is still at work (a call to Vipps still connecting, say). Waiting for it
    would break the promise of a prompt close, and letting Python tear down a running QThread aborts the
    process. Its writes were recorded in the ledger before they were sent, so the next start settles them."""
    log.warning("closing time was up with work still running; it is left to the next start to settle")
    logging.shutdown()
    os._exit(exit_code)


def _restart(app: QApplication) -> None:
    """Quit, and start again with the settings just saved. Under systemd (the counter PC's unit restarts the kiosk
    whenever it ends) quitting is enough; a second copy started here would be stopped with the first."""
    if not os.environ.get("INVOCATION_ID"):
        from PySide6.QtCore import QProcess

        QProcess.startDetached(*relaunch_command())
    app.quit()


def relaunch_command() -> tuple[str, list[str]]:
    """This kiosk's own command line: the packaged program as it is, else this Python running the kiosk."""
    if getattr(sys, "frozen", False):
        return sys.executable, sys.argv[1:]
    return sys.executable, ["-m", "kiosk", *sys.argv[1:]]


def _start_shop_copy(settings: Settings, ledger_file: Path, demo: bool, window: MainWindow) -> None:
    from kiosk.ui.workers.shop_copy import start_shop_copy  # only a till with [shop] database runs it

    start_shop_copy(settings, ledger_file, demo, window)


def _return_freed_memory() -> None:
    from kiosk.host.heap import return_freed_memory_to_the_system  # a kiosk runs all day: see kiosk.host.heap

    return_freed_memory_to_the_system()


def _start_logging(settings: Settings) -> None:
    from kiosk.host.logs import setup_logging

    setup_logging(data_dir(), settings.secrets())  # the Vipps secrets and the shop database's password
