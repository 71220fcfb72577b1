"""The counter's barcode scanner on the till's screens: a customer's personal QR, scanned wherever the focus is.

A scanner is a keyboard to the PC, so its keys reach the focus widget like a person's. This layer watches the
keys on their way to the till's controls (an event filter on each control of the till's screens that can take the
focus: never on the application, where a Python filter is handed every object of the program, widgets in the
middle of their destruction included, which crashed PySide, and costs start-up; see kiosk/ui/idle_watch.py) and
hands their timing to the plain-Python reader (kiosk.domain.scan). Keys are never held back: a person's typing
reaches the field as always. Only when Enter ends a scanner's burst that is no number is the Enter kept from the
field, the burst taken back out of it, and the code handled here:

- while a sale waits for the customer, pushed to that customer's app (the flow supersedes the QR payment);
- with no sale waiting, ignored, and the status line says so;
- not a customer's code (a control character, too long), ignored, and the status line says so.

An amount scanned on the amount screen or a number typed fast is left to its field, as before.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from kiosk.domain.message import Message
from kiosk.domain.scan import ScanKind, ScanReader, kind_of_scan
from kiosk.ui.language.i18n import shop_market

NO_SALE = Message("No sale is waiting for the customer. Charge the amount first, then scan the customer's code.")


def not_a_code() -> Message:
    """The customer's code is their app's: a MobilePay code in Denmark and Finland (the checkout says the same,
    kiosk.checkout.personal_qr)."""
    return Message("That is not a customer's {brand} code.", brand=shop_market().brand)


_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_EDITING = (
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Delete,
    Qt.Key.Key_Left,
    Qt.Key.Key_Right,
    Qt.Key.Key_Up,
    Qt.Key.Key_Down,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
)
_MODIFIERS = (
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock,
)


_COMMAND_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
)


class ScanInput(QObject):
    """`push(code)` is asked to push a scanned personal QR and answers whether a sale was waiting for it;
    `say(message)` puts a message (kiosk.domain.message) on the till's status line."""

    def __init__(
        self,
        screens: Iterable[QWidget],
        push: Callable[[str], bool],
        say: Callable[[Message], None],
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._push = push
        self._say = say
        self.clock = clock  # when a key came, for a key that carries no timestamp of its own
        self._reader = ScanReader()
        # Each field the burst reached: its text before the burst's first key reached it, and what of the burst
        # had gone elsewhere first (the key that ended an outcome screen is typed into the next amount field).
        self._before: dict[QLineEdit, tuple[str, str]] = {}
        for screen in screens:
            for control in [screen, *screen.findChildren(QWidget)]:
                if control.focusPolicy() != Qt.FocusPolicy.NoFocus:
                    control.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        # When the key was pressed: a real keyboard's event carries it (X, Wayland and Windows stamp it as it
        # happens), so a GUI thread that was busy for a moment does not spread a scanner's keys apart. A key made
        # inside the program (a test's, one handed on by kiosk.ui.screen_keys) has none: the time it arrives.
        stamp = event.timestamp()
        now = stamp / 1000 if stamp else self.clock()
        if key in _ENTER:
            return self._on_enter(now)
        if key in _MODIFIERS:
            return False  # Shift for a capital letter: part of the scanner's typing, not a key of its own
        text = event.text()
        if key in _EDITING or not text or event.modifiers() & _COMMAND_MODIFIERS:
            # Ctrl+A and the like are a person's commands (a scanner only ever holds Shift): they break a burst.
            self._reader.other(now)
            return False
        burst_so_far = self._reader.burst
        if self._reader.feed(text, now):
            self._before.clear()
            burst_so_far = ""
        if isinstance(watched, QLineEdit) and watched not in self._before:
            self._before[watched] = (watched.text(), burst_so_far)
        return False  # the key goes on to its field: a person's typing is never held up

    def _on_enter(self, now: float) -> bool:
        """Whether the Enter is taken here (a scan) or left to the focus widget (typing, a number)."""
        code = self._reader.enter(now)
        reached, self._before = self._before, {}
        if code is None:
            return False
        kind = kind_of_scan(code)
        if kind is ScanKind.NUMBER:
            return False  # an amount or a phone number: its field takes it, as it always has
        self._take_back(reached)
        if kind is ScanKind.NOT_A_CODE:
            self._say(not_a_code())
        elif not self._push(code):
            self._say(NO_SALE)
        return True

    @staticmethod
    def _take_back(reached: dict[QLineEdit, tuple[str, str]]) -> None:
        """The scan is not what staff or the customer typed: each field it reached gets its own text back."""
        for field, (text, typed_elsewhere) in reached.items():
            if not shiboken6.isValid(field):
                continue
            if typed_elsewhere and text.endswith(typed_elsewhere):
                text = text[: -len(typed_elsewhere)]
            field.setText(text)
