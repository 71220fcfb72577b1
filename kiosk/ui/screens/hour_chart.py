"""Sales per hour as 24 bars. Painted by hand: the Essentials wheel has no QtCharts, and 24 bars need none."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.domain.message import Money
from kiosk.ledger.report import HourFigures
from kiosk.ui.language.i18n import money
from kiosk.ui.look.theme import palette


class HourChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hourChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._hours: list[HourFigures] = []
        self._retranslate()

    def set_hours(self, hours: list[HourFigures]) -> None:
        self._hours = hours
        self._retranslate()
        self.update()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Sales per hour"))
        busy = [
            self.tr("{hour}: {count} ({amount})").format(hour=f"{hour:02d}", count=count, amount=_amounts(amounts))
            for hour, count, amounts in self._hours
            if count
        ]
        self.setAccessibleDescription("; ".join(busy) or self.tr("No sales this day"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(600, 140)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width(), self.height()
        label_h = 22
        bar_w = width / 24
        most = max((count for _, count, _ in self._hours), default=0) or 1
        painter.setPen(QColor(palette().ink))
        font = painter.font()
        font.setPointSize(9)
        painter.setFont(font)
        for hour, count, _amount in self._hours:
            x = hour * bar_w
            bar_h = (height - 2 * label_h) * count / most
            if count:
                painter.fillRect(QRectF(x + 2, height - label_h - bar_h, bar_w - 4, bar_h), QColor(palette().accent))
                painter.drawText(
                    QRectF(x, height - label_h - bar_h - label_h, bar_w, label_h),
                    Qt.AlignmentFlag.AlignCenter,
                    str(count),
                )
            if hour % 3 == 0:
                painter.drawText(
                    QRectF(x, height - label_h, bar_w * 2, label_h), Qt.AlignmentFlag.AlignLeft, f"{hour:02d}"
                )
        painter.end()


def _amounts(amounts: tuple[Money, ...]) -> str:
    """The hour's money, each currency apart (a shop never mixes: one)."""
    return ", ".join(money(amount.minor_units, currency=amount.currency) for amount in amounts)
