"""What loads after the first frame: the till's screens and flow, and the services behind them.

The start-up seam (see kiosk.ui.app): this module is imported only through `kiosk.ui.main_window.the_rest()`,
once the window's first frame is on screen, and imports at its top all that the first frame does not show, so
that nothing else has to defer an import for start-up. Through the services, the sale runs and the back office
it loads the ledger, and the network stack as far as `kiosk.checkout.providers_by_api` lets it (see there).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox

from kiosk.domain.message import Message
from kiosk.host.heap import return_freed_memory_to_the_system
from kiosk.host.logs import setup_logging
from kiosk.settings.manager_pin import DEMO_PIN, ManagerPin
from kiosk.settings.model import Settings
from kiosk.settings.paths import data_dir
from kiosk.ui.app import relaunch_command
from kiosk.ui.checkout_flow import CheckoutFlow
from kiosk.ui.idle_watch import IdleWatch
from kiosk.ui.kiosk_lock import KioskLock
from kiosk.ui.language.messages import translated
from kiosk.ui.look.sounds import SoundCues
from kiosk.ui.manager_screens import ManagerScreens
from kiosk.ui.scan_input import ScanInput
from kiosk.ui.screen_keys import ScreenKeys
from kiosk.ui.screens.amount_screen import AmountScreen
from kiosk.ui.screens.announce import announce_change
from kiosk.ui.screens.customer_display import attach_customer_display
from kiosk.ui.screens.customer_screen import CustomerScreen
from kiosk.ui.screens.outcome_screen import OutcomeScreen
from kiosk.ui.screens.pin_screen import PinScreen
from kiosk.ui.services import Services
from kiosk.ui.stop_signal import StopSignal
from kiosk.ui.workers.background import wait_for_jobs

if TYPE_CHECKING:
    from kiosk.ui.closing import Deadline
    from kiosk.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def build_till(window: MainWindow) -> None:
    """The till's screens on the window's stack, its flow, its keys and its guards. The window connects its own
    slots to them (MainWindow.build_screens)."""
    kiosk, stack = window.kiosk, window.stack
    window.status.announce = announce_change
    window.amount_screen = AmountScreen(kiosk.max_amount_ore, stack)
    window.customer_screen = CustomerScreen(stack)
    window.outcome_screen = OutcomeScreen(stack)
    pin = window.pin if hasattr(window.pin, "verify") else window.pin()  # type: ignore[operator]
    window.pin_screen = PinScreen(pin, stack)
    for screen in (window.amount_screen, window.customer_screen, window.outcome_screen, window.pin_screen):
        stack.addWidget(screen)
        screen.ensurePolished()  # styles resolved now, not on the first customer's first frame
    window.flow = CheckoutFlow(
        stack, window.amount_screen, window.customer_screen, window.outcome_screen, kiosk, window.ledger_file
    )
    # Where the focus goes on each screen, and what Esc means there (README, "Keys").
    keys = window.keys = ScreenKeys(window, stack)
    customer, outcome = window.customer_screen, window.outcome_screen
    keys.add(window.amount_screen, window.amount_screen.amount_input)
    keys.add(customer, customer.phone_input, customer.cancel_requested.emit)
    keys.add(outcome, outcome.new_sale_button, outcome.end)
    keys.add(window.pin_screen, window.pin_screen.pin_input, window.pin_screen.leave)
    # The customer's own window for a second screen ([kiosk] customer_display), unless it says "none".
    window.customer_display = attach_customer_display(window, kiosk.customer_display, window.shop.name)
    window.flow.shop_name = window.shop.name
    window.flow.market = window.shop.market
    # The counter's scanner: a customer's personal QR, wherever the focus is on the till (README). With a
    # customer display, the staff's view of the sale is where the focus is while the customer pays.
    till = [window.amount_screen, customer, outcome]
    if window.customer_display is not None:
        till.append(window.staff_sale_screen)
    window.scan_input = ScanInput(till, window.flow.scan_personal_qr, window.status.say_for_till, window)
    window.manager_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    window.fullscreen_key = QShortcut(QKeySequence(Qt.Key.Key_F11), window)
    window.sounds = SoundCues(data_dir() / "sounds", enabled=window.shop.sounds)
    window.kiosk_lock = KioskLock(window)
    window.idle_watch = IdleWatch(kiosk.idle_return_s, window)
    window.idle_watch.watch(window.pin_screen)
    window.manager = ManagerScreens(window)


def manager_pin(pin_file: Path, demo: bool) -> ManagerPin:
    """The manager's PIN (its hashing and its file load here, with the screens); a demo's is DEMO_PIN."""
    return ManagerPin(pin_file, default_pin=DEMO_PIN if demo else None)


def _start_shop_copy(settings: Settings, ledger_file: Path, window: MainWindow) -> None:
    # The shop's seam (see kiosk.ui.app): the copy's modules load psycopg (~110 ms), so only a till with a shop
    # database imports them, once it is ready to sell.
    from kiosk.ui.workers.shop_copy import start_shop_copy

    start_shop_copy(settings, ledger_file, False, window)


class RunningKiosk(QObject):
    """The kiosk's start once its first frame is on screen (logging, the till, SIGTERM, the services, the shop
    copy, the first PIN), and its stop at closing. Made by kiosk.ui.app.run_gui."""

    def __init__(
        self, app: QApplication, window: MainWindow, settings: Settings, demo: bool, ledger_file: Path, pin_file: Path
    ) -> None:
        super().__init__(window)
        self.exit_code = 0
        self._app = app
        self._window = window
        setup_logging(data_dir(), settings.secrets())  # the Vipps secrets and the shop database's password
        return_freed_memory_to_the_system()  # a kiosk runs all day: see kiosk.host.heap
        window.build_screens()
        self._stop_signal = StopSignal(self._stop_on_signal)
        window.restart_requested.connect(self._restart)
        self.services = Services(settings, demo, ledger_file, window)
        self.services.recovered.connect(window.set_startup_notice)
        self.services.ready.connect(window.connect_vipps)
        if settings.shop_database is not None and not demo:  # a demo's ledger never joins a shop
            self.services.ready.connect(lambda _vipps: _start_shop_copy(settings, ledger_file, window))
        self.services.failed.connect(self._on_failed)
        self.services.start()
        if not demo and not pin_file.exists():
            window.ask_for_first_pin()

    def _on_failed(self, message: Message | str) -> None:
        self.exit_code = 2
        self._window.show_fatal(message)
        title = QCoreApplication.translate("Startup", "The kiosk cannot start")
        QMessageBox.critical(self._window, title, translated(message))
        self._app.quit()

    def _stop_on_signal(self) -> None:
        # As closing the window does, but a locked kiosk too: systemd's stop is the shop's own decision.
        self._window.kiosk_lock.allow_close()
        self._window.close()
        self._app.quit()

    def _restart(self) -> None:
        """Quit, and start again with the settings just saved. Under systemd (the counter PC's unit restarts the
        kiosk whenever it ends) quitting is enough; a second copy started here would be stopped with the first."""
        if not os.environ.get("INVOCATION_ID"):
            QProcess.startDetached(*relaunch_command())
        self._app.quit()

    def stop(self, deadline: Deadline) -> bool:
        """Within `deadline`, which closing set: the background jobs, then start-up's own work and the embedded
        simulator. False if something was still running when the time was up."""
        finished = self._window.flow.left_running == 0
        finished = wait_for_jobs(deadline) and finished
        return self.services.stop(deadline) and finished

    def uninstall_stop_signal(self) -> None:
        self._stop_signal.uninstall()
