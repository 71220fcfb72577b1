"""The QR codes a person sees on each monitor of an X server, read off the X server's own pixels.

Run as its own process on the display (`python tests/gui/x_screen_codes.py`, DISPLAY set): it connects as any X
client does, grabs each monitor Qt finds (QScreen.grabWindow(0): the root window's pixels there, whatever window
drew them) and prints one JSON object, {monitor name: [decoded texts]}. Nothing of the kiosk is asked.
"""

from __future__ import annotations

import json
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "xcb"

import zxingcpp
from PySide6.QtGui import QGuiApplication, QImage


def grey_pixels(image: QImage) -> memoryview:
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    bits = bytes(image.constBits())
    rows = b"".join(bits[y * stride : y * stride + width] for y in range(height))
    return memoryview(rows).cast("B", (height, width))


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    seen = {
        screen.name(): [code.text for code in zxingcpp.read_barcodes(grey_pixels(screen.grabWindow(0).toImage()))]
        for screen in app.screens()
    }
    print(json.dumps(seen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
