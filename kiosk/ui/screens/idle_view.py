"""What the customer's own screen shows between sales: the shop's name and "Pay with Vipps" (or MobilePay, the
shop's market's brand), calmly."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.ui.language.i18n import brand_is_vipps
from kiosk.ui.look.text_size import larger


class IdleView(QWidget):
    def __init__(self, shop_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("customerIdleView")
        self._shop_name = shop_name
        self.shop = QLabel(self)
        self.shop.setObjectName("idleShopName")
        self.invitation = QLabel(self)
        self.invitation.setObjectName("idleInvitation")
        self.setStyleSheet(larger({"idleShopName": 40, "idleInvitation": 30}))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for label in (self.shop, self.invitation):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)
        self._retranslate()

    def _retranslate(self) -> None:
        self.shop.setText(self._shop_name or self.tr("Welcome"))
        self.invitation.setText(self.tr("Pay with Vipps") if brand_is_vipps() else self.tr("Pay with MobilePay"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
