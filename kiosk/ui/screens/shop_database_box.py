"""The settings screen's part for a shop with several tills: [kiosk] till_id, [shop] database and shop_id, and the
database's password, which goes to the secret store (as the Vipps secrets do), never into the settings file.

Like a Vipps secret, a stored password belongs to the address it was stored for: it is never shown again, a field
left empty keeps it, and it counts only while the address in the form is that one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QWidget

from kiosk.settings.model import Settings
from kiosk.settings.secrets import SecretStore


class ShopDatabaseBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shopDatabaseBox")
        self.setTitle(self.tr("Several tills: the shop database"))
        self._stored_url = ""  # the address the stored password is for ("" without one)
        self._stored_password = ""
        self.till_id = self._line("tillIdInput", self.tr("This till's id in the shop, like kasse-1"))
        self.till_id.setMaxLength(16)
        self.database = self._line(
            "shopDatabaseInput", self.tr("Shop database address, like postgresql://kiosk@backoffice/shop")
        )
        self.database.setPlaceholderText(self.tr("empty: this till on its own"))
        self.shop_id = self._line("shopIdInput", self.tr("Shop id in a chain's shared database"))
        self.shop_id.setMaxLength(32)
        self.password = self._line("shopDatabasePasswordInput", self.tr("Shop database password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(self.tr("Till id"), self.till_id)
        form.addRow(self.tr("Database address"), self.database)
        form.addRow(self.tr("Shop id"), self.shop_id)
        form.addRow(self.tr("Database password"), self.password)
        self.database.textChanged.connect(self._on_address)

    def _line(self, name: str, label: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setAccessibleName(label)
        return field

    def show_settings(self, settings: Settings) -> None:
        self._stored_password = settings.shop.database_password
        self._stored_url = settings.shop.database if self._stored_password else ""
        self.till_id.setText(settings.kiosk.till_id)
        self.database.setText(settings.shop.database)
        self.shop_id.setText(settings.shop.shop_id)
        self.password.clear()
        self._on_address()

    def _on_address(self) -> None:
        self.password.setPlaceholderText(self.tr("stored; type to replace") if self._stored_applies() else "")

    def _stored_applies(self) -> bool:
        return bool(self._stored_url) and self.url() == self._stored_url

    def url(self) -> str:
        return self.database.text().strip()

    def raw_kiosk(self) -> dict[str, Any]:
        till_id = self.till_id.text().strip()
        return {"till_id": till_id} if till_id else {}

    def raw_shop(self) -> dict[str, Any]:
        """The [shop] database and shop_id as typed; without an address only a shop id of its own is kept."""
        raw: dict[str, Any] = {}
        shop_id = self.shop_id.text().strip()
        if self.url():
            raw["database"] = self.url()
        if shop_id and (self.url() or shop_id != Settings().shop.shop_id):
            raw["shop_id"] = shop_id
        return raw

    def store_password(self, config_file: Path) -> None:
        """Once the settings are checked, before they are written: a password typed now goes to the secret store,
        for the address in the form (left empty, the stored one stays as it is). Raises SecretStoreError."""
        if self.password.text() and self.url():
            SecretStore.beside(config_file).save_database_password(self.url(), self.password.text())

    def password_for_test(self) -> str:
        """What "Test connection" logs in with: the typed password, else the stored one if it is this address's."""
        return self.password.text() or (self._stored_password if self._stored_applies() else "")

    def remember(self) -> None:
        """After saving: a password typed is now the stored one, for the address saved."""
        if self.password.text():
            self._stored_password, self._stored_url = self.password.text(), self.url()
        self.password.clear()
        self._on_address()
