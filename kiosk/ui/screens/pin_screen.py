"""The manager's PIN, asked before the back office or leaving full screen. Checked off the GUI thread (scrypt
takes tens of milliseconds on purpose)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.message import Message, message_of
from kiosk.settings.manager_pin import ManagerPin, PinError, check_new_pin
from kiosk.ui.language.messages import translated
from kiosk.ui.workers.background import BackgroundJob, JobKind


class PinScreen(QWidget):
    """Signals: unlocked(), cancelled()."""

    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, pin: ManagerPin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinScreen")
        self._pin = pin
        self.title = QLabel(self)
        self.title.setObjectName("pinTitle")
        self.pin_input = QLineEdit(self)
        self.pin_input.setObjectName("pinInput")
        self.pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_input.setMaxLength(8)
        self.repeat_input = QLineEdit(self)
        self.repeat_input.setObjectName("pinRepeatInput")
        self.repeat_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_input.setMaxLength(8)
        self.message = QLabel("", self)
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        self.unlock_button = QPushButton(self)
        self.unlock_button.setObjectName("unlockButton")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("pinCancelButton")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (
            self.title,
            self.pin_input,
            self.repeat_input,
            self.message,
            self.unlock_button,
            self.cancel_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(2)
        layout.setContentsMargins(240, 24, 240, 24)
        self.pin_input.returnPressed.connect(self._on_unlock)
        self.repeat_input.returnPressed.connect(self._on_unlock)
        self.unlock_button.clicked.connect(self._on_unlock)
        self.cancel_button.clicked.connect(self.cancelled)
        self._job: BackgroundJob | None = None
        self._why = ""
        self._setting = False  # asking for a new PIN (none is set yet), not for the PIN
        self._message: Callable[[], str] = lambda: ""  # what the message line says, said again in a new language
        self._retranslate()

    def _retranslate(self) -> None:
        self.pin_input.setAccessibleName(self.tr("Manager PIN"))
        self.repeat_input.setAccessibleName(self.tr("The new PIN once more"))
        self.unlock_button.setAccessibleName(self.tr("Unlock with the manager PIN"))
        self.cancel_button.setText(self.tr("Back to the till"))
        if self._setting:
            self.title.setText(self.tr("Choose a manager PIN (4 to 8 digits)"))
            self.unlock_button.setText(self.tr("Save the PIN"))
        else:
            # `why` is marked for translation where it is asked (the main window), in this context.
            why = self.tr(self._why) if self._why else ""
            self.title.setText(self.tr("Manager PIN: {why}").format(why=why) if why else self.tr("Manager PIN"))
            self.unlock_button.setText(self.tr("Unlock"))
        self.message.setText(self._message())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def ask(self, why: str) -> None:
        """Ask for the PIN; the first time (no PIN yet) ask for a new one, twice. Choosing the first PIN cannot
        be skipped: whoever skipped it would hand the choice to the next person at the till."""
        self._setting = not self._pin.is_set()
        self._why = why
        self.cancel_button.setVisible(not self._setting)
        self.repeat_input.setVisible(self._setting)
        self.pin_input.clear()
        self.repeat_input.clear()
        self._message = lambda: ""
        self._retranslate()

    def leave(self) -> None:
        """Esc: back to the till, as the button does; never while the first PIN is being chosen."""
        if not self._setting:
            self.cancelled.emit()

    def _say(self, message: Callable[[], str]) -> None:
        self._message = message
        self.message.setText(message())

    def _on_unlock(self) -> None:
        if self._job is not None:
            return
        typed = self.pin_input.text()
        if not self._pin.is_set():
            self._set_new(typed, self.repeat_input.text())
            return
        pin = self._pin
        self._job = BackgroundJob(lambda _progress: pin.verify(typed), expected=(PinError,), kind=JobKind.PERSON)
        self._job.done.connect(self._on_checked)
        self._job.failed.connect(self._on_check_failed)
        self.unlock_button.setEnabled(False)
        self._job.start()

    def _set_new(self, typed: str, repeated: str) -> None:
        try:
            check_new_pin(typed)
        except PinError as exc:
            self._say(lambda problem=exc.message: translated(problem))
            return
        if typed != repeated:
            self._say(lambda: self.tr("The two PINs differ. Type the same PIN twice."))
            return
        try:
            self._pin.set(typed)
        except (PinError, OSError) as exc:
            problem = message_of(exc)
            self._say(lambda: self.tr("The PIN could not be saved: {problem}").format(problem=translated(problem)))
            return
        self.unlocked.emit()

    @Slot(object)
    def _on_checked(self, right: bool) -> None:
        self._job = None
        self.unlock_button.setEnabled(True)
        self.pin_input.clear()
        if right:
            self._say(lambda: "")
            self.unlocked.emit()
            return
        wait = int(self._pin.wait_s() + 0.999)
        if wait:
            self._say(lambda: self.tr("Wrong PIN. Try again in {seconds} s.").format(seconds=wait))
        else:
            self._say(lambda: self.tr("Wrong PIN."))

    @Slot(object)
    def _on_check_failed(self, message: Message | str) -> None:
        self._job = None
        self.unlock_button.setEnabled(True)
        self._say(lambda: translated(message))
