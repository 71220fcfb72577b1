"""A QR code drawn crisp: whole pixels per module, no smoothing, a quiet zone of 4 modules, at least 5 cm wide."""

from __future__ import annotations

import math

import qrcode
from PySide6.QtCore import QEvent, QRect, QSize
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget
from qrcode.constants import ERROR_CORRECT_M

QUIET_ZONE_MODULES = 4
MIN_WIDTH_CM = 5.0
PREFERRED_WIDTH_CM = 8.0  # easier to scan from across a counter


def qr_matrix(text: str) -> list[list[bool]]:
    """The code's modules, quiet zone included (True is dark)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=QUIET_ZONE_MODULES)
    code.add_data(text)
    code.make(fit=True)
    return code.get_matrix()


def _one_pixel_per_module(matrix: list[list[bool]]) -> QImage:
    size = len(matrix)
    image = QImage(size, size, QImage.Format.Format_Grayscale8)
    image.fill(255)
    for row, cells in enumerate(matrix):
        line = bytes(0 if dark else 255 for dark in cells)
        image.scanLine(row)[:size] = line  # type: ignore[index]
    return image


class QrCodeWidget(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qrCode")
        self._retranslate()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._matrix: list[list[bool]] = []
        self._image = QImage()
        self.text = ""

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("QR code to pay with Vipps"))
        self.setAccessibleDescription(self.tr("Scan it with your phone's camera to open Vipps"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_text(self, text: str, matrix: list[list[bool]] | None = None) -> None:
        """Show `text` as a QR code. `matrix` is its code when already made (off the GUI thread)."""
        self.text = text
        self._matrix = (matrix if matrix is not None else qr_matrix(text)) if text else []
        self._image = _one_pixel_per_module(self._matrix)
        self.setMinimumSize(self._minimum_side())
        self.updateGeometry()
        self.update()

    def clear(self) -> None:
        self.set_text("")

    @property
    def modules(self) -> int:
        return len(self._matrix)

    def module_pixels(self) -> int:
        """Whole device pixels per module at the current size."""
        side = min(self.width(), self.height())
        return max(1, side // self.modules) if self.modules else 0

    def _minimum_side(self) -> QSize:
        if not self._matrix:
            return QSize(0, 0)
        min_px = MIN_WIDTH_CM / 2.54 * self.logicalDpiX()
        side = math.ceil(min_px / self.modules) * self.modules
        return QSize(side, side)

    def sizeHint(self) -> QSize:
        return self._minimum_side() if self._matrix else QSize(200, 200)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._matrix:
            return
        module = self.module_pixels()
        side = module * self.modules
        left = (self.width() - side) // 2
        top = (self.height() - side) // 2
        painter = QPainter(self)
        # One module is one pixel of the image, scaled by a whole number without smoothing: crisp edges,
        # and one draw call instead of a thousand rectangles.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.drawImage(QRect(left, top, side, side), self._image)
        painter.end()
