"""The settings screen, behind the manager PIN: Vipps environment and credentials, timings, the shop's name,
language and look, and the shop database of several tills. "Test connection" asks Vipps (and the database)
before anything is saved; secrets go to the keyring (or a private file), never into the settings file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.message import Message
from kiosk.settings.model import (
    MAX_AMOUNT_KEY,
    SECRET_KEYS,
    ConfigError,
    Settings,
    data_dir,
    ledger_path,
    max_amount_kr,
    parse_settings,
)
from kiosk.ui.language.messages import translated
from kiosk.ui.screens.shop_database_box import ShopDatabaseBox
from kiosk.ui.workers.background import BackgroundJob

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
TIMINGS = ("poll_start_delay_s", "poll_interval_s", "landing_window_s", "approval_window_s", "idle_return_s")


class SettingsScreen(QWidget):
    back_requested = Signal()
    saved = Signal(object)  # the Settings just written
    restart_requested = Signal()

    def __init__(self, settings: Settings, config_file: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsScreen")
        self._settings = settings
        self._config_file = config_file
        self._job: BackgroundJob | None = None
        # Whether the address in the form is the one the stored secrets were stored for: only then may a secret
        # field left empty stand for the stored secret. Otherwise "Test connection" would send it to an address
        # just typed, and a stored secret would leave the PC.
        self._stored_secrets_apply = False
        self._showing = False
        self._build()
        self.show_settings(settings)

    # ---- building ---------------------------------------------------------------------------------------------

    def _line(self, name: str, label: str, secret: bool = False) -> QLineEdit:
        field = QLineEdit(self)
        field.setObjectName(name)
        field.setAccessibleName(label)
        if secret:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        return field

    def _build(self) -> None:
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
        vipps_box = QGroupBox(self.tr("Vipps"), self)
        vipps_form = QFormLayout(vipps_box)
        vipps_form.addRow(self.tr("Environment"), self.environment)
        vipps_form.addRow(self.tr("Address"), self.base_url)
        vipps_form.addRow(self.tr("Vipps API"), self.api)
        for name, field in self.fields.items():
            vipps_form.addRow(labels[name], field)
        vipps_form.addRow(self.skip_landing_page)

        timing_labels = {
            "poll_start_delay_s": self.tr("First check after (s)"),
            "poll_interval_s": self.tr("Check every (s)"),
            "landing_window_s": self.tr("Landing page window (s)"),
            "approval_window_s": self.tr("Whole approval window (s)"),
            "idle_return_s": self.tr("Back to a fresh sale when idle (s)"),
        }
        self.timings: dict[str, QDoubleSpinBox] = {}
        timing_box = QGroupBox(self.tr("Timings"), self)
        timing_form = QFormLayout(timing_box)
        for name in TIMINGS:
            spin = QDoubleSpinBox(self)
            spin.setObjectName(name)
            spin.setAccessibleName(timing_labels[name])
            spin.setRange(0.0, 3600.0)
            spin.setDecimals(1)
            self.timings[name] = spin
            timing_form.addRow(timing_labels[name], spin)

        self.shop_name = self._line("shopName", self.tr("Shop name"))
        self.shop_name.setMaxLength(60)
        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Follow the system"), "system")
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("English", "en")
        self.theme = QComboBox(self)
        self.theme.setObjectName("themeChoice")
        self.theme.setAccessibleName(self.tr("Look"))
        self.theme.addItem(self.tr("Standard"), "standard")
        self.theme.addItem(self.tr("High contrast"), "high-contrast")
        self.sounds = QCheckBox(self.tr("Sounds for approved and failed payments"), self)
        self.sounds.setObjectName("soundsOn")
        self.kiosk_mode = QCheckBox(self.tr("Start locked in kiosk mode (full screen; the PIN leaves it)"), self)
        self.kiosk_mode.setObjectName("kioskModeOn")
        shop_box = QGroupBox(self.tr("Shop"), self)
        shop_form = QFormLayout(shop_box)
        shop_form.addRow(self.tr("Shop name"), self.shop_name)
        shop_form.addRow(self.tr("Language"), self.language)
        shop_form.addRow(self.tr("Look"), self.theme)
        shop_form.addRow(self.sounds)
        shop_form.addRow(self.kiosk_mode)
        self._add_customer_display(shop_form)

        self.message = QLabel(self)
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setObjectName("testConnectionButton")
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("saveSettingsButton")
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.setObjectName("settingsBackButton")
        self.restart_button = QPushButton(self.tr("Restart the kiosk now"), self)
        self.restart_button.setObjectName("restartButton")
        self.restart_button.hide()  # until something is saved
        for button in (self.test_button, self.save_button, self.back_button, self.restart_button):
            button.setAccessibleName(button.text())

        self.shop_database = ShopDatabaseBox(self)
        self.shop_database.database.textChanged.connect(lambda _text: self._on_environment())
        content = QWidget(self)
        column = QVBoxLayout(content)
        for box in (vipps_box, timing_box, shop_box, self.shop_database):
            column.addWidget(box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.restart_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.environment.currentIndexChanged.connect(self._on_environment)
        self.base_url.textChanged.connect(self._on_address_changed)
        self.api.currentIndexChanged.connect(self._on_api)
        self.test_button.clicked.connect(self._on_test)
        self.save_button.clicked.connect(self._on_save)
        self.back_button.clicked.connect(self.back_requested)
        self.restart_button.clicked.connect(self.restart_requested)

    def _add_customer_display(self, form: QFormLayout) -> None:
        """The customer's screen: the screens Qt finds (kiosk.ui.display_choice)."""
        from kiosk.ui.display_choice import CustomerDisplayChoice

        self.customer_display = CustomerDisplayChoice(self)
        form.addRow(self.tr("The customer's screen"), self.customer_display)

    # ---- showing ----------------------------------------------------------------------------------------------

    def show_settings(self, settings: Settings) -> None:
        self._showing = True  # the form is filled from `settings`: no address is being changed
        self._settings = settings
        vipps = settings.vipps
        environment = "simulator"
        if vipps is not None:
            environment = next((k for k, url in ENVIRONMENTS.items() if url and url == vipps.base_url), "other")
        self.environment.setCurrentIndex(self.environment.findData(environment))
        self.base_url.setText(vipps.base_url if vipps is not None else "")
        self.api.setCurrentIndex(self.api.findData(settings.api))
        for name, field in self.fields.items():
            value = getattr(vipps, name, "") if vipps is not None else ""
            # A stored secret is never shown again; left empty, it stays as it is.
            field.setText("" if name in SECRET_KEYS else value)
            if name in SECRET_KEYS:
                field.setPlaceholderText(self.tr("stored; type to replace") if value else "")
        self.skip_landing_page.setChecked(bool(vipps and vipps.skip_landing_page))
        for name, spin in self.timings.items():
            spin.setValue(getattr(settings.kiosk, name))
        self.shop_name.setText(settings.shop.name)
        self.language.setCurrentIndex(self.language.findData(settings.shop.language))
        self.theme.setCurrentIndex(self.theme.findData(settings.shop.theme))
        self.sounds.setChecked(settings.shop.sounds)
        self.kiosk_mode.setChecked(settings.kiosk.kiosk_mode)
        self.shop_database.show_settings(settings)
        self.customer_display.show_setting(settings.kiosk.customer_display)
        self.message.clear()
        self._on_environment()
        self._stored_secrets_apply = self._form_is_at_the_stored_address()
        self._showing = False

    @Slot()
    def _on_environment(self) -> None:
        environment = self.environment.currentData()
        real = environment != "simulator"
        self.base_url.setEnabled(environment == "other")
        if environment not in ("simulator", "other"):
            self.base_url.setText(ENVIRONMENTS[environment] or "")
        psp = self.api.currentData() == "psp"
        for name, field in self.fields.items():
            field.setEnabled(real and (psp or name not in PSP_ONLY_FIELDS))
        self.skip_landing_page.setEnabled(real)
        self.test_button.setEnabled(real or bool(self.shop_database.url()))
        self._on_address_changed()

    def _form_base_url(self) -> str:
        environment = self.environment.currentData()
        if environment == "simulator":
            return ""
        return (ENVIRONMENTS[environment] or self.base_url.text().strip()).rstrip("/")

    def _form_is_at_the_stored_address(self) -> bool:
        stored = self._settings.vipps
        return stored is not None and self._form_base_url() == stored.base_url.rstrip("/")

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
        stored = self._settings.vipps
        for name in SECRET_KEYS:
            field = self.fields[name]
            field.clear()
            kept = applies and stored is not None and getattr(stored, name)
            field.setPlaceholderText(self.tr("stored; type to replace") if kept else "")
        if applies or stored is None or self.environment.currentData() == "simulator":
            self.message.clear()
        else:
            self.message.setText(
                self.tr("The stored secrets are for {address}; type the secrets for the new address.").format(
                    address=stored.base_url
                )
            )

    @Slot()
    def _on_api(self) -> None:
        self._on_environment()  # the PSP-only fields follow the API as well as the environment

    # ---- reading the form -------------------------------------------------------------------------------------

    def raw_settings(self) -> dict[str, Any]:
        """The form as the settings file's tables; secrets left empty keep their stored values."""
        raw: dict[str, Any] = {
            "kiosk": {
                **self._unchanged_kiosk(),
                **{name: spin.value() for name, spin in self.timings.items()},
                "kiosk_mode": self.kiosk_mode.isChecked(),
                **self.shop_database.raw_kiosk(),
                "customer_display": self.customer_display.setting(),
            },
            "shop": {
                "name": self.shop_name.text().strip(),
                "language": self.language.currentData(),
                "theme": self.theme.currentData(),
                "sounds": self.sounds.isChecked(),
                **self.shop_database.raw_shop(),
            },
        }
        environment = self.environment.currentData()
        api = self.api.currentData()
        if environment == "simulator" and api != "psp":
            raw["vipps"] = {"api": api}  # no credentials: the demo, on this API
        elif environment != "simulator":
            stored = self._settings.vipps
            vipps: dict[str, Any] = {"base_url": ENVIRONMENTS[environment] or self.base_url.text().strip()}
            for name, field in self.fields.items():
                value = field.text().strip()
                if not value and name in SECRET_KEYS and stored is not None and self._form_is_at_the_stored_address():
                    value = getattr(stored, name)
                if value:
                    vipps[name] = value
            vipps["skip_landing_page"] = self.skip_landing_page.isChecked()
            vipps["api"] = api
            raw["vipps"] = vipps
        return raw

    def _unchanged_kiosk(self) -> dict[str, float | str]:
        kiosk = self._settings.kiosk
        # The limit is written back as the file had it, to the øre (never øre / 100 as a float of arithmetic).
        return {"outcome_display_s": kiosk.outcome_display_s, MAX_AMOUNT_KEY: max_amount_kr(kiosk.max_amount_ore)}

    # ---- actions ----------------------------------------------------------------------------------------------

    @Slot()
    def _on_test(self) -> None:
        try:
            settings = parse_settings(self.raw_settings())
        except ConfigError as exc:
            self.message.setText(translated(exc.message))
            return
        if (settings.vipps is None and settings.shop_database is None) or self._job is not None:
            return
        from kiosk.diagnostics.connection_check import check_settings
        from kiosk.vipps.errors import VippsError

        password, ledger_file = self.shop_database.password_for_test(), ledger_path(data_dir())  # the till's own
        self.message.setText(self.tr("Asking Vipps…") if settings.vipps else self.tr("Asking the shop database…"))
        self.test_button.setEnabled(False)
        self._job = BackgroundJob(
            lambda _progress: check_settings(settings, password, ledger_file), expected=(VippsError,)
        )
        self._job.done.connect(self._on_tested)
        self._job.failed.connect(self._on_test_failed)
        self._job.start()

    @Slot(object)
    def _on_tested(self, results: list) -> None:
        self._job = None
        self.test_button.setEnabled(True)
        lines = [("✓ " if r.ok else "✗ ") + f"{translated(r.name)}: {translated(r.detail)}" for r in results]
        verdict = self.tr("The connection works.") if all(r.ok for r in results) else self.tr("Not working yet.")
        self.message.setText("\n".join([verdict, *lines]))

    @Slot(object)
    def _on_test_failed(self, message: Message | str) -> None:
        self._job = None
        self.test_button.setEnabled(True)
        self.message.setText(translated(message))

    @Slot()
    def _on_save(self) -> None:
        from kiosk.settings.file import save_settings
        from kiosk.settings.secrets import SecretStoreError

        raw = self.raw_settings()
        try:
            parse_settings(raw, source=self._config_file)  # checked before a password is stored for it
            self.shop_database.store_password(self._config_file)
            saved = save_settings(self._config_file, raw)
        except ConfigError as exc:
            self.message.setText(translated(exc.message))
            return
        except SecretStoreError as exc:
            self.message.setText(translated(exc.message))
            return
        self.shop_database.remember()
        self._settings = saved
        self.message.setText(self.tr("Saved. Restart the kiosk to use the new settings."))
        self.restart_button.show()
        self.saved.emit(saved)
