"""systemd stops the kiosk with SIGTERM: it ends as cleanly as closing the window does, kiosk mode or not."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="Windows has no SIGTERM to send"),
]  # a kiosk process of its own, stopped with SIGTERM


def _log(data: Path) -> str:
    path = data / "logs" / "kiosk.log"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _wait_for(condition, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)  # polling a condition with a limit, not a fixed pause
    return condition()


def test_sigterm_ends_a_locked_kiosk_cleanly_and_promptly(tmp_path):
    config, data = tmp_path / "config.toml", tmp_path / "data"
    config.write_text("[kiosk]\nkiosk_mode = true\n", encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "KIOSK_CONFIG": str(config),
        "KIOSK_DATA_DIR": str(data),
        "KIOSK_NO_KEYRING": "1",
    }
    env.pop("INVOCATION_ID", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--demo"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        ready = _wait_for(lambda: "the kiosk is ready" in _log(data) or process.poll() is not None, 60)
        assert ready, "the kiosk did not get ready"
        assert process.poll() is None, process.stderr.read().decode()
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=15)
        took_s = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    stderr = process.stderr.read().decode()
    assert code == 0, stderr
    assert took_s < 5.0, f"SIGTERM took {took_s:.1f} s to end the kiosk"
    assert "QThread: Destroyed" not in stderr
    assert "Traceback" not in stderr
    log = _log(data)
    assert "the kiosk closed" in log
    assert "left to the next start" not in log  # every thread and the simulator stopped in time
