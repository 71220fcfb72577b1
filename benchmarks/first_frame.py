"""Launched by benchmarks/startup.py: start `kiosk --demo` (or a bare PySide6 window), print the wall-clock time
of the first painted frame of the main window, and leave at once.

    python -m benchmarks.first_frame kiosk|bare
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print(f"{time.time():.6f}", flush=True)
            os._exit(0)
        return False


def main(which: str) -> None:
    # The filter watches the main window only. (An application-wide Python filter would have every event of
    # every object converted to Python, Qt's private objects included, and PySide then loads the Python types
    # of whole modules, ~175 enums and ~30 ms here: a cost of the measuring, paid by the window with more
    # widgets.)
    painted = FirstPaint()
    app = QApplication(sys.argv[:1])
    if which == "bare":
        window = QMainWindow()
        window.resize(1280, 800)
        window.installEventFilter(painted)
        window.show()
        app.exec()
        return
    from kiosk.commands.cli import main as kiosk_main
    from kiosk.ui.main_window import MainWindow

    show = MainWindow.show

    def show_watched(window: MainWindow) -> None:
        window.installEventFilter(painted)
        show(window)

    MainWindow.show = show_watched  # type: ignore[method-assign]
    kiosk_main(["--demo"])


if __name__ == "__main__":
    main(sys.argv[1])
