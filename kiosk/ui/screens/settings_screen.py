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

from kiosk.diagnostics.connection_check import check_settings
from kiosk.domain.message import Message
from kiosk.settings.file import save_settings
from kiosk.settings.model import MAX_AMOUNT_KEY, ConfigError, Settings
from kiosk.settings.paths import data_dir, ledger_path
from kiosk.settings.reading import parse_settings
from kiosk.settings.secrets import SecretStoreError
from kiosk.settings.values import in_major_units
from kiosk.ui.display_choice import CustomerDisplayChoice
from kiosk.ui.language.messages import translated
from kiosk.ui.screens.shop_database_box import ShopDatabaseBox
from kiosk.ui.screens.vipps_box import VippsBox
from kiosk.ui.workers.background import BackgroundJob
from kiosk.vipps.errors import VippsError

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
        self._build()
        self.show_settings(settings)

    # ---- building ---------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.vipps = VippsBox(self)
        # The form's controls, as tests and the keys reach them.
        self.environment, self.base_url, self.api = self.vipps.environment, self.vipps.base_url, self.vipps.api
        self.fields, self.skip_landing_page = self.vipps.fields, self.vipps.skip_landing_page

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

        self.shop_name = QLineEdit(self)
        self.shop_name.setObjectName("shopName")
        self.shop_name.setAccessibleName(self.tr("Shop name"))
        self.shop_name.setMaxLength(60)
        self.language = QComboBox(self)
        self.language.setObjectName("languageChoice")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Follow the system"), "system")
        # Each language by its own name, for whoever reads it (kiosk.ui.language.i18n.LANGUAGE_NAMES).
        self.language.addItem("Norsk bokmål", "nb")
        self.language.addItem("Dansk", "da")
        self.language.addItem("Suomi", "fi")
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
        self.shop_database.database.textChanged.connect(self._update_test_button)
        content = QWidget(self)
        column = QVBoxLayout(content)
        for box in (self.vipps, timing_box, shop_box, self.shop_database):
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

        self.vipps.environment_changed.connect(self._update_test_button)
        self.vipps.note.connect(self.message.setText)
        self.test_button.clicked.connect(self._on_test)
        self.save_button.clicked.connect(self._on_save)
        self.back_button.clicked.connect(self.back_requested)
        self.restart_button.clicked.connect(self.restart_requested)

    def _add_customer_display(self, form: QFormLayout) -> None:
        """The customer's screen: the screens Qt finds (kiosk.ui.display_choice)."""
        self.customer_display = CustomerDisplayChoice(self)
        form.addRow(self.tr("The customer's screen"), self.customer_display)

    # ---- showing ----------------------------------------------------------------------------------------------

    def show_settings(self, settings: Settings) -> None:
        self._settings = settings
        self.vipps.show_settings(settings.vipps, settings.api)
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
        self._update_test_button()

    @Slot()
    def _update_test_button(self) -> None:
        """What "Test connection" asks is Vipps, the shop database or both: it needs one of them."""
        self.test_button.setEnabled(self.vipps.is_real() or bool(self.shop_database.url()))

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
                "country": self._settings.shop.country,  # not on this screen: kept as the file has it
                "name": self.shop_name.text().strip(),
                "language": self.language.currentData(),
                "theme": self.theme.currentData(),
                "sounds": self.sounds.isChecked(),
                **self.shop_database.raw_shop(),
            },
        }
        vipps = self.vipps.raw_vipps()
        if vipps is not None:
            raw["vipps"] = vipps
        return raw

    def _unchanged_kiosk(self) -> dict[str, float | str]:
        kiosk = self._settings.kiosk
        # The limit is written back as the file had it, to the øre (never øre / 100 as a float of arithmetic).
        return {"outcome_display_s": kiosk.outcome_display_s, MAX_AMOUNT_KEY: in_major_units(kiosk.max_amount_ore)}

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
        self.vipps.saved(saved.vipps)
        self.message.setText(self.tr("Saved. Restart the kiosk to use the new settings."))
        self.restart_button.show()
        self.saved.emit(saved)
