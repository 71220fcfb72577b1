"""A kiosk runs all day. PySide6 6.12.0 on Python 3.11 aborts after ~5,000 void Qt calls (a leaked reference
to None), so the installed Qt must survive far more than that. In a subprocess, because the failure is an abort."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label, timer = QLabel(), QTimer()
for i in range(20_000):
    label.setText(str(i))
    timer.setInterval(i % 1000 + 1)
print(label.text())
"""


def test_twenty_thousand_void_qt_calls_do_not_kill_the_interpreter():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "19999"
