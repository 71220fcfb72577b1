"""The QApplication, or one plain line when Qt cannot start on this PC's display; and Ctrl-C in the terminal
that started it ends the kiosk (as closing it does) instead of printing a KeyboardInterrupt traceback.

Without a platform plugin Qt calls qFatal inside QApplication's constructor, prints a paragraph that names no
package ("Could not load the Qt platform plugin xcb ... Reinstalling the application may fix this problem") and
aborts the process. qFatal goes through the message handler first, so one installed for the constructor's
length sees the failure coming: it says instead what to install (kiosk.host.qt_libraries asks ldd) or that there is
no display, and ends the process with status 2. Nothing is checked before the constructor: asking ldd took
19-22 ms here, which a start that works would pay every time; the handler costs ~0.1 ms.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Sequence

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

EXIT_CANNOT_START = 2


def start_application(argv: Sequence[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    held: list[str] = []  # Qt's words while it starts: shown as Qt would show them, unless it fails

    def on_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category if context.category and context.category != "default" else ""
        held.append(f"{category}: {message}" if category else message)
        if kind == QtMsgType.QtFatalMsg:
            _give_up(held)

    previous = qInstallMessageHandler(on_message)
    try:
        app = QApplication(list(argv))
    finally:
        qInstallMessageHandler(previous)
    for line in held:
        print(line, file=sys.stderr, flush=True)
    # Python runs this between two of its bytecodes, so within one tick of the GUI thread's garbage collection
    # timer (kiosk.ui.main_thread_gc); exit() and not quit(): a locked kiosk refuses to close without the PIN,
    # and the terminal's Ctrl-C is the operator's.
    signal.signal(signal.SIGINT, lambda _signal, _frame: app.exit(0))
    return app


def _give_up(qt_said: list[str]) -> None:
    """Called from inside Qt's qFatal: one line, then out before Qt aborts (nothing is open yet to close)."""
    print(f"kiosk: {_why(qt_said)}", file=sys.stderr, flush=True)
    sys.stdout.flush()
    os._exit(EXIT_CANNOT_START)


def _why(qt_said: list[str]) -> str:
    # Only when Qt cannot start: asking ldd (and importing subprocess for it, ~6 ms) is no good start's cost.
    from kiosk.host.qt_libraries import check_qt_display

    found = check_qt_display()
    if found is not None and not found.ok:
        return found.detail
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return (
            "no display found (DISPLAY and WAYLAND_DISPLAY are not set): start the kiosk on the PC's desktop, "
            "or set QT_QPA_PLATFORM=offscreen to run it unseen"
        )
    if any("could not connect to display" in line for line in qt_said):
        return (
            f"cannot open the display {os.environ.get('DISPLAY', '')}: is the desktop running, and may this "
            "user draw on it?"
        )
    return "Qt could not start: " + " ".join(" ".join(qt_said).split())  # Qt's own words, on one line
