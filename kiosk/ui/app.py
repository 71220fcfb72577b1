"""Start the GUI: the window first, then the services behind it (see kiosk.ui.services)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from kiosk.config import Settings, data_dir
from kiosk.ledger.store import ledger_path
from kiosk.manager_pin import ManagerPin
from kiosk.ui.main_window import MainWindow
from kiosk.ui.services import Services


def run_gui(settings: Settings, demo: bool) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Vipps kiosk")
    ledger_file = ledger_path(data_dir(), demo)
    pin_file = data_dir() / ("manager-pin-demo.json" if demo else "manager-pin.json")
    pin = ManagerPin.for_demo(pin_file) if demo else ManagerPin(pin_file)
    window = MainWindow(settings.kiosk, ledger_file, demo, pin)
    services = Services(settings, demo, ledger_file, window)
    exit_code = 0

    def on_failed(message: str) -> None:
        nonlocal exit_code
        exit_code = 2
        window.show_fatal(message)
        QMessageBox.critical(window, "The kiosk cannot start", message)
        app.quit()

    services.recovered.connect(window.flow.set_startup_notice)
    services.ready.connect(window.connect_vipps)
    services.failed.connect(on_failed)
    window.show()
    QTimer.singleShot(0, services.start)  # after the first frame
    if not demo and not pin.is_set():
        QTimer.singleShot(0, lambda: window.ask_for_first_pin())
    try:
        app.exec()
    finally:
        window.flow.close()  # no sale thread may outlive the window (closing it did this already)
        QThreadPool.globalInstance().waitForDone(10_000)
        services.stop()
    return exit_code
