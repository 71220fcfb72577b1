"""The settings screen's choice of the customer's display ([kiosk] customer_display): automatic, none, or one of
the screens Qt finds now, by the name Qt reports (the name the file keeps)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QWidget

from kiosk.ui.monitors import AUTO, NONE, describe


class CustomerDisplayChoice(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerDisplayChoice")
        self.setAccessibleName(self.tr("The customer's screen"))
        self.show_setting(AUTO)

    def show_setting(self, setting: str) -> None:
        """List the choices as they are now (a screen plugged in since shows up) with `setting` picked."""
        self.clear()
        self.addItem(self.tr("Automatic: a second screen if there is one"), AUTO)
        self.addItem(self.tr("None: one screen for staff and customer"), NONE)
        for screen in QGuiApplication.screens():
            if screen.name():  # a screen without a name cannot be named in the file
                self.addItem(describe(screen), screen.name())
        if self.findData(setting) < 0:
            self.addItem(self.tr("{name} (not connected now)").format(name=setting), setting)
        self.setCurrentIndex(self.findData(setting))

    def setting(self) -> str:
        return str(self.currentData())
