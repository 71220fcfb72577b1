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
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            print(f"{time.time():.6f}", flush=True)
            os._exit(0)
        return False


def main(which: str) -> None:
    app = QApplication(sys.argv[:1])
    painted = FirstPaint()
    app.installEventFilter(painted)
    if which == "bare":
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        app.exec()
        return
    from kiosk.cli import main as kiosk_main

    kiosk_main(["--demo"])


if __name__ == "__main__":
    main(sys.argv[1])
