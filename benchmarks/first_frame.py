"""Launched by benchmarks/startup.py: start `kiosk --demo` (or a bare PySide6 window), print the wall-clock time
of the first painted frame of the main window, and leave at once.

    python -m benchmarks.first_frame kiosk|bare

The kiosk starts in the order `python -m kiosk --demo` has: the command line and the settings load before Qt
(kiosk.ui.app loads it), and the kiosk makes its QApplication itself (kiosk.ui.qt_start). So this module imports
Qt only after them: PySide's import hook reads the source of every module imported after Qt, a cost the real
start does not pay for the modules it loads before Qt.
"""

from __future__ import annotations

import os
import sys
import time


def main(which: str) -> None:
    if which == "kiosk":
        from kiosk.commands.cli import main as kiosk_main  # before Qt, as `python -m kiosk` imports it
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(f"{time.time():.6f}", flush=True)
                os._exit(0)
            return False

    # The filter watches the main window only. (An application-wide Python filter would have every event of
    # every object converted to Python, Qt's private objects included, and PySide then loads the Python types
    # of whole modules, ~175 enums and ~30 ms here: a cost of the measuring, paid by the window with more
    # widgets.)
    painted = FirstPaint()
    if which == "bare":
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1280, 800)
        window.installEventFilter(painted)
        window.show()
        app.exec()
        return
    from kiosk.ui.main_window import MainWindow

    show = MainWindow.show

    def show_watched(window: MainWindow) -> None:
        window.installEventFilter(painted)
        show(window)

    MainWindow.show = show_watched  # type: ignore[method-assign]
    kiosk_main(["--demo"])


if __name__ == "__main__":
    main(sys.argv[1])
