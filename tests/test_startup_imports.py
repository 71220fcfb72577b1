"""Where start-up's imports go (kiosk.ui.app, "Where imports go"): what the first frame loads, and the network
stack behind the provider. Each probe is a fresh Python, since a module once imported stays imported."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow  # a Python process of its own per probe

NETWORK_STACK = ("httpx", "pydantic", "kiosk.vipps.client", "kiosk.vipps.epayment")


def _loaded_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nimport json; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_the_first_frame_loads_neither_the_screens_behind_it_nor_the_ledger_nor_the_network():
    loaded = _loaded_after("import kiosk.commands.cli, kiosk.ui.app, kiosk.ui.qt_start")
    assert "kiosk.ui.main_window" in loaded
    behind = {"kiosk.ui.after_first_frame", "kiosk.ui.checkout_flow", "kiosk.ledger", "kiosk.simulator", "qrcode"}
    assert loaded.isdisjoint({*behind, *NETWORK_STACK}), sorted(loaded & {*behind, *NETWORK_STACK})


def test_the_checkout_and_the_sale_runs_load_without_the_network_stack():
    loaded = _loaded_after("import kiosk.ui.checkout_flow, kiosk.ui.services, kiosk.checkout.recovery")
    assert "kiosk.checkout.providers_by_api" in loaded
    assert loaded.isdisjoint(NETWORK_STACK), sorted(loaded & set(NETWORK_STACK))
    assert "kiosk.simulator.server" not in loaded  # a demo's service thread loads it, a shop's kiosk never


def test_making_a_provider_loads_its_own_api_only():
    psp = _loaded_after(
        "from kiosk.checkout.providers_by_api import make_provider\n"
        "from kiosk.settings.demo import demo_vipps_settings\n"
        "make_provider(demo_vipps_settings('http://127.0.0.1:9', api='psp')).close()"
    )
    assert {"httpx", "kiosk.vipps.client", "kiosk.checkout.psp_provider"} <= psp
    assert "kiosk.checkout.epayment_provider" not in psp


def test_a_ready_kiosk_has_made_its_provider_so_the_first_sale_does_not_load_the_network_stack(tmp_path):
    ledger_file = tmp_path / "ledger.sqlite3"
    loaded = _loaded_after(
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication, QTimer\n"
        "from kiosk.settings.model import Settings\n"
        "from kiosk.ui.services import Services\n"
        "app = QCoreApplication([])\n"
        f"services = Services(Settings(demo_api='epayment'), True, Path({str(ledger_file)!r}))\n"
        "services.ready.connect(lambda _vipps: app.exit(0))\n"
        "services.failed.connect(lambda _message: app.exit(1))\n"
        "QTimer.singleShot(30_000, lambda: app.exit(2))\n"
        "services.start()\n"
        "code = app.exec()\n"
        "services.stop()\n"
        "assert code == 0, code\n"
    )
    assert {"httpx", "kiosk.vipps.epayment", "kiosk.checkout.epayment_provider"} <= loaded
