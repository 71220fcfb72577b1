"""Screen readers told that a line changed: the payment's state is what customer and staff wait for.

Apart from kiosk.ui.screens.status_line because Qt's accessibility types cost ~1.4 ms to load, which the first
frame (where the line only says "Starting…") does without: the till's build hands this to the line.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget


def announce_change(widget: QWidget) -> None:
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.NameChanged))
    QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
