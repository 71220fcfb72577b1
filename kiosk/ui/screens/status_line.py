"""The window's one status line: what is happening now, on the screen it sits on. Screen readers hear each change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from kiosk.domain.message import Message
from kiosk.ui.language.messages import translated


def _unheard(_line: QWidget) -> None:
    """Until the till is built: before it the line says only "Starting…", shown with the first frame."""


class StatusLine(QLabel):
    """It speaks for the screen on show. The till's screens (amount, customer, outcome) share what the flow said
    last; each of the manager's screens (PIN, back office, settings) has its own line. So news from the flow
    ("Ready", a background run) is kept for the till, never shown under the PIN being chosen. Every text is kept
    as it was said (a Message) and shown in the language on screen."""

    def __init__(self, stack: QStackedWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentStatus")
        self.setWordWrap(True)
        self._stack = stack
        self._till: Message | str = Message("Starting…")
        self._screens: dict[QWidget, Message | str] = {}
        self._source: Message | str = self._till  # what the line says now
        # How screen readers hear a change: kiosk.ui.screens.announce, handed over with the till.
        self.announce: Callable[[QWidget], None] = _unheard
        stack.currentChanged.connect(self._on_screen_changed)

    def say_for_till(self, text: Message | str) -> None:
        self._till = text
        if self._stack.currentWidget() not in self._screens:
            self._show(text)

    def say_on(self, screen: QWidget, text: Message | str) -> None:
        """What the line says while `screen`, one of the manager's, is on show."""
        self._screens[screen] = text
        if self._stack.currentWidget() is screen:
            self._show(text)

    def say_now(self, text: Message | str) -> None:
        """On whatever screen is showing (the kiosk cannot go on), and kept for the till."""
        self._till = text
        self._show(text)

    def retranslate(self) -> None:
        self.setText(translated(self._source))
        self.setAccessibleDescription(self.text())

    @Slot()
    def _on_screen_changed(self) -> None:
        self._show(self._screens.get(self._stack.currentWidget(), self._till))

    def _show(self, text: Message | str) -> None:
        self._source = text
        self.retranslate()
        self.announce(self)
