"""Start the GUI: the window first, then the services behind it (see kiosk.ui.services)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication

from kiosk.config import Settings, data_dir, ledger_path
from kiosk.ui.i18n import use_language
from kiosk.ui.main_window import MainWindow
from kiosk.ui.messages import translated

if TYPE_CHECKING:
    from kiosk.manager_pin import ManagerPin
    from kiosk.ui.services import Services


def run_gui(settings: Settings, demo: bool) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Vipps kiosk")
    use_language(settings.shop.language)  # before any widget is built: each is built speaking it
    ledger_file = ledger_path(data_dir(), demo)
    pin_file = data_dir() / ("manager-pin-demo.json" if demo else "manager-pin.json")

    def manager_pin() -> ManagerPin:
        from kiosk.manager_pin import DEMO_PIN, ManagerPin

        return ManagerPin(pin_file, default_pin=DEMO_PIN if demo else None)

    window = MainWindow(settings.kiosk, ledger_file, demo, manager_pin, defer_screens=True, shop=settings.shop)
    services: Services | None = None
    exit_code = 0

    def on_failed(message: str) -> None:
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
        window.close_sales()  # no sale thread may outlive the window (closing it did this already)
        QThreadPool.globalInstance().waitForDone(10_000)
        if services is not None:
            services.stop()
    return exit_code


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
    from kiosk.ui.shop_copy import start_shop_copy  # only a till with [shop] database runs it

    start_shop_copy(settings, ledger_file, demo, window)


def _return_freed_memory() -> None:
    from kiosk.heap import return_freed_memory_to_the_system  # a kiosk runs all day: see kiosk.heap

    return_freed_memory_to_the_system()


def _start_logging(settings: Settings) -> None:
    from kiosk.logs import setup_logging

    setup_logging(data_dir(), settings.secrets())  # the Vipps secrets and the shop database's password
