"""The manager's PIN, asked before the back office or leaving full screen. Checked off the GUI thread (scrypt
takes tens of milliseconds on purpose)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.manager_pin import ManagerPin, PinError, check_new_pin
from kiosk.ui.background import BackgroundJob


class PinScreen(QWidget):
    """Signals: unlocked(), cancelled()."""

    unlocked = Signal()
    cancelled = Signal()

    def __init__(self, pin: ManagerPin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinScreen")
        self._pin = pin
        self.title = QLabel("Manager PIN", self)
        self.title.setObjectName("pinTitle")
        self.pin_input = QLineEdit(self)
        self.pin_input.setObjectName("pinInput")
        self.pin_input.setAccessibleName("Manager PIN")
        self.pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_input.setMaxLength(8)
        self.repeat_input = QLineEdit(self)
        self.repeat_input.setObjectName("pinRepeatInput")
        self.repeat_input.setAccessibleName("The new PIN once more")
        self.repeat_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_input.setMaxLength(8)
        self.message = QLabel("", self)
        self.message.setObjectName("pinMessage")
        self.message.setWordWrap(True)
        self.unlock_button = QPushButton("Unlock", self)
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setAccessibleName("Unlock with the manager PIN")
        self.cancel_button = QPushButton("Back to the till", self)
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

    def ask(self, why: str) -> None:
        """Ask for the PIN; the first time (no PIN yet) ask for a new one, twice. Choosing the first PIN cannot
        be skipped: whoever skipped it would hand the choice to the next person at the till."""
        setting = not self._pin.is_set()
        self.cancel_button.setVisible(not setting)
        self.title.setText("Choose a manager PIN (4 to 8 digits)" if setting else f"Manager PIN: {why}")
        self.repeat_input.setVisible(setting)
        self.unlock_button.setText("Save the PIN" if setting else "Unlock")
        self.pin_input.clear()
        self.repeat_input.clear()
        self.message.clear()
        self.pin_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_unlock(self) -> None:
        if self._job is not None:
            return
        typed = self.pin_input.text()
        if not self._pin.is_set():
            self._set_new(typed, self.repeat_input.text())
            return
        pin = self._pin
        self._job = BackgroundJob(lambda _progress: pin.verify(typed), expected=(PinError,))
        self._job.done.connect(self._on_checked)
        self._job.failed.connect(self._on_check_failed)
        self.unlock_button.setEnabled(False)
        self._job.start()

    def _set_new(self, typed: str, repeated: str) -> None:
        try:
            check_new_pin(typed)
        except PinError as exc:
            self.message.setText(str(exc))
            return
        if typed != repeated:
            self.message.setText("The two PINs differ. Type the same PIN twice.")
            return
        try:
            self._pin.set(typed)
        except (PinError, OSError) as exc:
            self.message.setText(f"The PIN could not be saved: {exc}")
            return
        self.unlocked.emit()

    @Slot(object)
    def _on_checked(self, right: bool) -> None:
        self._job = None
        self.unlock_button.setEnabled(True)
        self.pin_input.clear()
        if right:
            self.message.clear()
            self.unlocked.emit()
            return
        wait = self._pin.wait_s()
        self.message.setText(f"Wrong PIN. Try again in {int(wait + 0.999)} s." if wait else "Wrong PIN.")

    @Slot(str)
    def _on_check_failed(self, message: str) -> None:
        self._job = None
        self.unlock_button.setEnabled(True)
        self.message.setText(message)
