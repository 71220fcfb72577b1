"""The PySide canary: a kiosk runs all day, and PySide6 6.12.0 on Python 3.11 aborts after ~5,000 void Qt calls
(each leaks a reference to None: "Fatal Python error: none_dealloc"). The installed Qt must survive far more.

    python .ci/qt_void_calls.py      exit 0 and one line if it survives; an abort (a non-zero exit) if not

A step of .ci/run of its own, run with the environment's Python: it checks the installed wheel, not the kiosk's
behaviour, so it is not part of the pytest suite.
"""

from __future__ import annotations

import os
import sys

CALLS = 20_000


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label, timer = QLabel(), QTimer()
    for i in range(CALLS):
        label.setText(str(i))  # both return nothing: each call is one more reference to None, or should be
        timer.setInterval(i % 1000 + 1)
    if label.text() != str(CALLS - 1):
        print(f"qt canary: the label says {label.text()!r}, not {CALLS - 1}", file=sys.stderr)
        return 1
    print(f"qt canary: PySide6 {pyside_version} on Python {sys.version.split()[0]} survived {CALLS:,} void calls")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
