"""A customer's personal QR scanned at a real kiosk process on a real X server: the code typed by xdotool through
the X server's keyboard (XTEST) a few milliseconds a key, as a barcode scanner types, and Enter. Through X and the
xcb plugin the keys carry the X server's own timestamps, which the scan reader times them by."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.gui import test_on_a_real_x_server as real_x
from tests.gui.test_on_a_real_x_server import RunningKiosk, _charge, x_display  # noqa: F401 - x_display: a fixture

pytestmark = pytest.mark.xserver
PHONE = "41234567"


@pytest.fixture
def epayment_kiosk(x_display, tmp_path, monkeypatch) -> Iterator[RunningKiosk]:  # noqa: F811 - the fixture above
    # The demo on the simulator's ePayment side: a [vipps] table with only the API in it.
    monkeypatch.setattr(real_x, "CONFIG", real_x.CONFIG + '\n[vipps]\napi = "epayment"\n')
    running = RunningKiosk(x_display, tmp_path)
    try:
        yield running
    finally:
        running.stop()


def test_a_scanner_typing_a_customers_code_at_a_real_kiosk_pushes_the_payment_to_their_app(epayment_kiosk):
    kiosk_ = epayment_kiosk
    kiosk_.find_window()
    sim = kiosk_.wait("the embedded simulator", kiosk_.simulator, timeout_s=15)
    kiosk_.focus()
    _charge(kiosk_, "250", sales_before=0)
    kiosk_.wait("the QR payment waiting", lambda: [a.state for a in kiosk_.sales()[0][1]] == ["PENDING"])
    code = sim.get("/_sim/personal-qr", params={"phone": PHONE}).json()["personalQr"]

    kiosk_.xdotool("type", "--delay", "3", code)  # a scanner: a key every few milliseconds
    kiosk_.key("Return")
    requests = kiosk_.wait(
        "the payment in the customer's app",
        lambda: sim.get("/_sim/app/requests", params={"phone": PHONE}).json(),
    )
    kiosk_.wait(
        "the QR payment superseded", lambda: [a.state for a in kiosk_.sales()[0][1]] == ["CANCELLED", "PENDING"]
    )
    sim.post(
        "/_sim/app/respond",
        json={"pspTransactionId": requests[0]["pspTransactionId"], "phone": PHONE, "action": "approve"},
    ).raise_for_status()
    kiosk_.wait("the sale paid", lambda: kiosk_.sales()[0][0].outcome == "PAID")
    kiosk_.wait("captured once", lambda: sum(p["capturedAmount"] for p in kiosk_.payments()) == 25000)
