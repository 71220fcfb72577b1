"""Make the README's screenshots: the simulator's landing page and app, rendered by Debian's chromium.

.venv/bin/python scripts/screenshots.py        (after `python3 dev.py test` has set up .venv)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.config import VippsSettings  # noqa: E402
from kiosk.simulator.server import SimulatorServer  # noqa: E402
from kiosk.vipps import VippsClient  # noqa: E402
from tests.browser import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.helpers import start_payment  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    os.environ.setdefault("KIOSK_DATA_DIR", tempfile.mkdtemp())
    OUT.mkdir(parents=True, exist_ok=True)
    with SimulatorServer() as server, sync_playwright() as playwright:
        settings = VippsSettings.for_simulator(server.base_url)
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 900, "height": 560})
        with VippsClient(settings) as client:
            started = start_payment(client, settings, amount=14950, payment_text="2 x coffee, 1 x cinnamon bun")
        page.goto(started.vipps_redirect_url)
        page.fill("#phone", "91234567")
        page.screenshot(path=OUT / "landing-phone-entry.png")
        page.click("#next")
        expect(page.locator("#waiting")).to_be_visible()
        page.screenshot(path=OUT / "landing-waiting.png")
        app = browser.new_page(viewport={"width": 420, "height": 560})
        app.goto(f"{server.base_url}/_sim/app?phone=91234567")
        expect(app.locator(".request")).to_be_visible()
        app.screenshot(path=OUT / "app-request.png")
        app.get_by_role("button", name="Pay").click()
        expect(page.locator("#outcome")).to_have_text("Payment approved")
        page.screenshot(path=OUT / "landing-paid.png")
        browser.close()
    for shot in sorted(OUT.glob("*.png")):
        print(shot.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
