"""Start-up: process launch to the first painted frame, `kiosk --demo` against a bare PySide6 window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.figures import Figure

ROOT = Path(__file__).resolve().parents[1]


def _first_frame_ms(which: str) -> float:
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "KIOSK_CONFIG": str(Path(folder) / "config.toml"),
            "KIOSK_DATA_DIR": str(Path(folder) / "data"),
            "PYTHONPATH": str(ROOT),
        }
        # As installed: the kiosk's modules start from their cached bytecode (pip compiles it at install; the
        # warm-up rounds write it here). With PYTHONDONTWRITEBYTECODE set, as in some shells, every start would
        # compile them from source again, which no shop's kiosk does.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        started = time.time()
        result = subprocess.run(
            [sys.executable, "-m", "benchmarks.first_frame", which],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return (float(result.stdout.strip().splitlines()[-1]) - started) * 1000


def measure(rounds: int = 11) -> list[Figure]:
    _first_frame_ms("bare"), _first_frame_ms("kiosk")  # warm the file cache for both
    bares, kiosks = [], []
    for _ in range(rounds):  # interleaved, so a busy moment of the machine hits both alike
        bares.append(_first_frame_ms("bare"))
        kiosks.append(_first_frame_ms("kiosk"))
    bare, kiosk = statistics.median(bares), statistics.median(kiosks)
    return [Figure("start-up to first frame (kiosk --demo)", kiosk, bare, "≤ 1.3× bare window", kiosk <= 1.3 * bare)]
