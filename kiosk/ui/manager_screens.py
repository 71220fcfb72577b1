"""The manager's screens on the window's stack: the back office (built on first use, behind the PIN) and the
settings (read from the file off the GUI thread, since a keyring can take a moment)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from kiosk.domain.message import Message
from kiosk.settings.loading import load_settings
from kiosk.settings.model import ConfigError, Settings, VippsSettings
from kiosk.settings.paths import config_path
from kiosk.ui.screens.back_office import BackOffice
from kiosk.ui.screens.settings_screen import SettingsScreen
from kiosk.ui.workers.background import BackgroundJob, JobKind

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow


class ManagerScreens(QObject):
    """What the window shows once the manager's PIN opened it. The start shows the till: nothing here is built
    until the manager asks for it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._back_office: BackOffice | None = None
        self.settings_screen: SettingsScreen | None = None
        self._vipps: VippsSettings | None = None

    @property
    def back_office(self) -> BackOffice:
        if self._back_office is None:
            window = self._window
            # A demo shows its own ledger only: it never copies to the shop's database (README); but it has a
            # market, whose currency a day without sales is shown in.
            shop = None if window.demo else window.shop
            back_office = BackOffice(
                window.ledger_file, window.kiosk, window.stack, shop=shop, market=window.shop.market
            )
            self._back_office = back_office
            window.stack.addWidget(back_office)
            back_office.back_requested.connect(window.back_to_till)
            back_office.settings_requested.connect(self._open_settings)
            back_office.kiosk_mode_requested.connect(window.on_kiosk_mode_button)
            window.keys.add(back_office, back_office.table, back_office.back_requested.emit)
            back_office.show_kiosk_mode(window.kiosk_lock.locked)
            window.kiosk_lock.changed.connect(back_office.show_kiosk_mode)
            window.idle_watch.watch(back_office)
            if self._vipps is not None:
                back_office.set_vipps(self._vipps)
        return self._back_office

    def set_vipps(self, vipps: VippsSettings) -> None:
        self._vipps = vipps
        if self._back_office is not None:
            self._back_office.set_vipps(vipps)

    def on_screen(self) -> bool:
        """Whether one of the manager's screens is the one on show (idle time then counts)."""
        current = self._window.stack.currentWidget()
        return current is not None and current in (self._back_office, self.settings_screen)

    @property
    def busy(self) -> bool:
        """A refund or an export under way, which must finish where the manager can see it."""
        return self._back_office is not None and self._back_office.busy

    def open_today(self) -> None:
        self.back_office.open_day(date.today())
        self.back_to_back_office()

    @Slot()
    def _open_settings(self) -> None:
        """The settings as the file has them now (read off the GUI thread: a keyring can take a moment)."""
        self._window.status.say_on(self.back_office, Message("Reading the settings…"))
        job = BackgroundJob(lambda _progress: load_settings(), expected=(ConfigError,), kind=JobKind.PERSON)
        job.done.connect(lambda settings: self._show_settings(settings, config_path()))
        job.failed.connect(self._on_settings_unread)
        job.start()

    @Slot(object)
    def _on_settings_unread(self, message: Message | str) -> None:
        self._window.status.say_on(self.back_office, message)

    def _show_settings(self, settings: Settings, config_file: Path) -> None:
        window = self._window
        if self.settings_screen is None:
            screen = SettingsScreen(settings, config_file, window.stack)
            self.settings_screen = screen
            window.stack.addWidget(screen)
            screen.back_requested.connect(self.back_to_back_office)
            screen.restart_requested.connect(window.on_restart)
            window.idle_watch.watch(screen)
            window.keys.add(screen, screen.environment, screen.back_requested.emit)
        else:
            self.settings_screen.show_settings(settings)
        window.status.say_on(self.settings_screen, Message("Settings"))
        window.stack.setCurrentWidget(self.settings_screen)

    @Slot()
    def back_to_back_office(self) -> None:
        self._window.status.say_on(self.back_office, Message("Back office"))
        self._window.stack.setCurrentWidget(self.back_office)
