"""The settings screen's part for Vipps: which Vipps (the simulator, test, production or an address typed in),
which API, the credentials, and whether a typed number skips the landing page.

A stored secret belongs to the address it was stored for: it is never shown again, a field left empty keeps it,
and it counts only while the address in the form is that one. Otherwise "Test connection" would send it to an
address just typed, and a stored secret would leave the PC.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from kiosk.settings.model import SECRET_KEYS, VippsSettings

ENVIRONMENTS = {
    "simulator": "",  # demo: the embedded simulator, no credentials
    "test": "https://apitest.vipps.no",
    "production": "https://api.vipps.no",
    "other": None,  # a base URL typed in: a simulator run with `kiosk simulator` on this PC, say
}
TEXT_FIELDS = (
    "client_id",
    "client_secret",
    "subscription_key",
    "merchant_serial_number",
    "psp_id",
    "make_payment_url",
    "make_payment_token",
)
# Used only to start payments through the PSP API. psp_id also settles and refunds sales the PSP API took, so
# under ePayment these are kept as they are (disabled), not dropped.
PSP_ONLY_FIELDS = ("psp_id", "make_payment_url", "make_payment_token")


class VippsBox(QGroupBox):
    """Signals:
    environment_changed: the environment or API picked changed (what "Test connection" can ask follows it).
    note(str): a line for the screen's message ("" clears it): the stored secrets stopped or started to count.
    """

    environment_changed = Signal()
    note = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Vipps"))
        self._stored: VippsSettings | None = None
        # Whether the address in the form is the one the stored secrets were stored for: only then may a secret
        # field left empty stand for the stored secret.
        self._stored_secrets_apply = False
        self._showing = False
        labels = {
            "client_id": self.tr("Client id"),
            "client_secret": self.tr("Client secret"),
            "subscription_key": self.tr("Subscription key"),
            "merchant_serial_number": self.tr("Merchant serial number (MSN)"),
            "psp_id": self.tr("PSP-Id"),
            "make_payment_url": self.tr("makePayment URL"),
            "make_payment_token": self.tr("makePayment token"),
        }
        self.environment = QComboBox(self)
        self.environment.setObjectName("environmentChoice")
        self.environment.setAccessibleName(self.tr("Vipps environment"))
        self.environment.addItem(self.tr("Simulator (demo, no real money)"), "simulator")
        self.environment.addItem(self.tr("Vipps test (apitest.vipps.no)"), "test")
        self.environment.addItem(self.tr("Vipps production (api.vipps.no)"), "production")
        self.environment.addItem(self.tr("Other address"), "other")
        self.base_url = self._line("baseUrl", self.tr("Address of the Vipps API"))
        self.api = QComboBox(self)
        self.api.setObjectName("apiChoice")
        self.api.setAccessibleName(self.tr("Vipps API for payments"))
        self.api.addItem(self.tr("ePayment v1 (for new shops)"), "epayment")
        self.api.addItem(self.tr("PSP v3 (existing PSP integrations)"), "psp")
        self.fields = {name: self._line(name, labels[name], secret=name in SECRET_KEYS) for name in TEXT_FIELDS}
        self.skip_landing_page = QCheckBox(self.tr("Skip the landing page when a number is typed"), self)
        self.skip_landing_page.setObjectName("skipLandingPage")
        form = QFormLayout(self)
        form.addRow(self.tr("Environment"), self.environment)
        form.addRow(self.tr("Address"), self.base_url)
        form.addRow(self.tr("Vipps API"), self.api)
        for name, field in self.fields.items():
            form.addRow(labels[name], field)
        form.addRow(self.skip_landing_page)
        self.environment.currentIndexChanged.connect(self._on_environment)
        self.base_url.textChanged.connect(self._on_address_changed)
        self.api.currentIndexChanged.connect(self._on_environment)  # the PSP-only fields follow the API too

    def _line(self, name: str, label: str, secret: bool = False) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setAccessibleName(label)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def show_settings(self, vipps: VippsSettings | None, api: str) -> None:
        self._showing = True  # the form is filled from the settings: no address is being changed
        self._stored = vipps
        environment = "simulator"
        if vipps is not None:
            environment = next((k for k, url in ENVIRONMENTS.items() if url and url == vipps.base_url), "other")
        self.environment.setCurrentIndex(self.environment.findData(environment))
        self.base_url.setText(vipps.base_url if vipps is not None else "")
        self.api.setCurrentIndex(self.api.findData(api))
        for name, field in self.fields.items():
            value = getattr(vipps, name, "") if vipps is not None else ""
            # A stored secret is never shown again; left empty, it stays as it is.
            field.setText("" if name in SECRET_KEYS else value)
            if name in SECRET_KEYS:
                field.setPlaceholderText(self.tr("stored; type to replace") if value else "")
        self.skip_landing_page.setChecked(bool(vipps and vipps.skip_landing_page))
        self._on_environment()
        self._stored_secrets_apply = self._form_is_at_the_stored_address()
        self._showing = False

    def saved(self, vipps: VippsSettings | None) -> None:
        """The settings just saved: their secrets are the stored ones now."""
        self._stored = vipps

    def is_real(self) -> bool:
        """A Vipps to ask (not the embedded simulator)."""
        return self.environment.currentData() != "simulator"

    @Slot()
    def _on_environment(self) -> None:
        environment = self.environment.currentData()
        real = self.is_real()
        self.base_url.setEnabled(environment == "other")
        if environment not in ("simulator", "other"):
            self.base_url.setText(ENVIRONMENTS[environment] or "")
        psp = self.api.currentData() == "psp"
        for name, field in self.fields.items():
            field.setEnabled(real and (psp or name not in PSP_ONLY_FIELDS))
        self.skip_landing_page.setEnabled(real)
        self.environment_changed.emit()
        self._on_address_changed()

    def _form_base_url(self) -> str:
        environment = self.environment.currentData()
        if environment == "simulator":
            return ""
        return (ENVIRONMENTS[environment] or self.base_url.text().strip()).rstrip("/")

    def _form_is_at_the_stored_address(self) -> bool:
        return self._stored is not None and self._form_base_url() == self._stored.base_url.rstrip("/")

    @Slot()
    def _on_address_changed(self) -> None:
        """The stored secrets belong to the address they were stored for. Moving away from it empties the
        secret fields and asks for the new address's secrets; coming back makes the stored ones count again."""
        if self._showing:
            return
        applies = self._form_is_at_the_stored_address()
        if applies == self._stored_secrets_apply:
            return
        self._stored_secrets_apply = applies
        stored = self._stored
        for name in SECRET_KEYS:
            field = self.fields[name]
            field.clear()
            kept = applies and stored is not None and getattr(stored, name)
            field.setPlaceholderText(self.tr("stored; type to replace") if kept else "")
        if applies or stored is None or not self.is_real():
            self.note.emit("")
        else:
            self.note.emit(
                self.tr("The stored secrets are for {address}; type the secrets for the new address.").format(
                    address=stored.base_url
                )
            )

    def raw_vipps(self) -> dict[str, Any] | None:
        """The form's [vipps] table (None: the demo on the PSP API, which needs none); secrets left empty keep
        their stored values while the address is theirs."""
        environment = self.environment.currentData()
        api = self.api.currentData()
        if environment == "simulator":
            return None if api == "psp" else {"api": api}  # no credentials: the demo, on this API
        vipps: dict[str, Any] = {"base_url": ENVIRONMENTS[environment] or self.base_url.text().strip()}
        stored = self._stored
        for name, field in self.fields.items():
            value = field.text().strip()
            if not value and name in SECRET_KEYS and stored is not None and self._form_is_at_the_stored_address():
                value = getattr(stored, name)
            if value:
                vipps[name] = value
        vipps["skip_landing_page"] = self.skip_landing_page.isChecked()
        vipps["api"] = api
        return vipps
