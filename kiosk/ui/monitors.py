"""Which screen the customer's side of a sale goes to ([kiosk] customer_display), and the screens Qt finds.

A screen is known by its name as Qt reports it (the platform's output name: "HDMI-1", "DP-2", ...): the same
name the settings screen lists and the settings file keeps. The staff's screen is the one their window is on;
it is never the customer's too.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QScreen

AUTO = "auto"  # a second screen if there is one
NONE = "none"  # always the staff's screen alone


def describe(screen: QScreen) -> str:
    """How a screen is named to a person: its name and its size in pixels."""
    size = screen.geometry()
    return f"{screen.name() or '?'} ({size.width()}×{size.height()})"


def customer_screen(setting: str, staff: QScreen | None) -> QScreen | None:
    """The customer's screen for `setting`, or None for the one-screen layout: "none"; "auto" with no screen but
    the staff's; a name that is not plugged in (or is the staff's own screen). A screen that overlaps the
    staff's is never the customer's: it mirrors the staff's picture (a cloned output), or spans it (a virtual
    screen around several monitors), so a customer window there would cover the staff's."""
    if setting == NONE:
        return None
    taken = staff.geometry() if staff is not None else None
    others = [
        screen
        for screen in QGuiApplication.screens()
        if screen is not staff and (taken is None or not screen.geometry().intersects(taken))
    ]
    if setting == AUTO:
        return others[0] if others else None
    return next((screen for screen in others if screen.name() == setting), None)
