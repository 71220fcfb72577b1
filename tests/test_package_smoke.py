"""packaging/build.py's smoke test: the program sells once offscreen, and once more on a real X server (Xvfb)
that the build starts on a free display and stops afterwards."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.fresh_pc import ROOT, load_script, need_linux_tools, without_a_screen

pytestmark = pytest.mark.slow  # builds and starts the stand-alone package


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return load_script("packaging/build.py")


def test_the_build_starts_a_real_x_server_and_stops_it(build):
    need_linux_tools("Xvfb")
    with build.XServer() as server:
        shown = subprocess.run(
            [
                sys.executable,
                "-c",
                "from PySide6.QtWidgets import QApplication\n"
                "app = QApplication([])\n"
                "print(app.platformName(), app.primaryScreen().size().width())",
            ],
            env={**without_a_screen(os.environ), "DISPLAY": server.display, "QT_QPA_PLATFORM": "xcb"},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert shown.stdout.split() == ["xcb", "1280"], shown.stderr
    assert server.process.poll() is not None, "Xvfb is stopped afterwards"
    assert not Path(f"/tmp/.X11-unix/X{server.display[1:]}").exists()  # noqa: S108 - where X11 keeps its sockets


def test_the_smoke_test_sells_once_offscreen_and_once_on_a_real_x_server(build, tmp_path, capsys, monkeypatch):
    """build.py's smoke test, with the source tree's kiosk standing in for the built program (building one takes
    minutes): both runs sell, the second through Qt's xcb plugin on an X server of its own."""
    need_linux_tools("Xvfb")
    program = tmp_path / "kiosk"
    program.write_text(
        "#!/bin/sh\n"
        'echo "drawing through ${QT_QPA_PLATFORM} on ${DISPLAY:-no display}"\n'
        f'cd "{ROOT}" && exec "{sys.executable}" -m kiosk "$@"\n',
        encoding="utf-8",
    )
    program.chmod(0o755)
    (tmp_path / "_internal" / "kiosk" / "simulator" / "static").mkdir(parents=True)
    (tmp_path / "_internal" / "kiosk" / "simulator" / "static" / "landing.html").touch()
    (tmp_path / "_internal" / "kiosk" / "i18n").mkdir()
    for ts in (ROOT / "kiosk" / "i18n").glob("kiosk_*.ts"):
        (tmp_path / "_internal" / "kiosk" / "i18n" / ts.with_suffix(".qm").name).touch()
    monkeypatch.setattr(build, "FOLDER", tmp_path)
    assert build.smoke_test() == 0
    said = capsys.readouterr().out.splitlines()
    drawn = [line.strip() for line in said if line.strip().startswith("drawing through")]
    assert drawn[0] == "drawing through offscreen on no display"
    assert re.fullmatch(r"drawing through xcb on :\d+", drawn[1])
    assert said.count("  selftest: OK") == 2
    passed = r"build: smoke test on a real X server \(Xvfb :\d+\) passed in .* s"
    assert any(re.fullmatch(passed, line) for line in said)
