"""The QR code: encoding one landing URL and painting it, against encoding alone."""

from __future__ import annotations

import os

from benchmarks.figures import Figure, median_ms

URL = "http://192.0.2.10:8765/_sim/landing?token=ZX-2gw4m8P8wKt6Ru47vVVgPnF6zmEHN"


def measure(rounds: int = 50) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from kiosk.ui.screens.qr_widget import QrCodeWidget, qr_matrix

    _app = QApplication.instance() or QApplication([])
    widget = QrCodeWidget()
    widget.resize(400, 400)
    widget.show()
    qr_matrix(URL)  # imports qrcode once, as the kiosk's start-up does
    counter = iter(range(10**9))

    def encode_and_paint() -> None:
        widget.set_text(f"{URL}{next(counter)}")  # a new URL each time: nothing cached
        widget.repaint()

    baseline = median_ms(lambda: qr_matrix(f"{URL}{next(counter)}"), rounds)
    value = median_ms(encode_and_paint, rounds)
    widget.close()
    return [Figure("QR: encode and paint one landing URL", value, baseline, "≤ 10 ms", value <= 10)]
