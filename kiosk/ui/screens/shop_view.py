"""The back office's choice of "This till" or "The whole shop", and the line under it that says how fresh the
shop's figures are (or that the shop database is away). Shown only when a shop database is set.

What it shows comes from kiosk.shop_ledger.shop_day, read by the back office off the GUI thread; this widget
only holds the choice and writes the line, in the language on screen.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QSizePolicy, QWidget

if TYPE_CHECKING:
    from kiosk.shop_ledger.shop_day import TillFreshness  # its module loads psycopg: in the jobs' threads only


class ShopScope(QWidget):
    """Signals: changed() (the other choice was picked)."""

    changed = Signal()

    def __init__(self, till_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shopScope")
        self._till_id = till_id
        self._lagging: list[TillFreshness] = []
        self._away = False
        # Radio buttons: which of the two is shown is seen at a glance, in either look, and read out as chosen.
        self.this_till = QRadioButton(self)
        self.this_till.setObjectName("thisTillButton")
        self.whole_shop = QRadioButton(self)
        self.whole_shop.setObjectName("wholeShopButton")
        self._group = QButtonGroup(self)
        for button in (self.this_till, self.whole_shop):
            self._group.addButton(button)
            # As wide as its words: a wider one would not take a click beside them.
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.this_till.setChecked(True)
        self.freshness = QLabel("", self)
        self.freshness.setObjectName("shopFreshness")
        self.freshness.setWordWrap(True)
        self.freshness.hide()
        layout = QHBoxLayout(self)  # one row under the back office's title: the choice, then how fresh
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.this_till)
        layout.addWidget(self.whole_shop)
        layout.addSpacing(24)
        layout.addWidget(self.freshness, 100)
        layout.addStretch(1)  # the choice stays at the left while the line is hidden
        self._group.buttonToggled.connect(self._on_toggled)
        self._retranslate()

    @property
    def shows_shop(self) -> bool:
        return self.whole_shop.isChecked()

    def _on_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:  # once per pick: the other button's unchecking is not a second change
            self.show_fresh([])
            self.changed.emit()

    def show_fresh(self, lagging: list[TillFreshness]) -> None:
        """The shop's figures were read: name each till that has not copied lately, and when it last did."""
        self._lagging, self._away = list(lagging), False
        self._show_line()

    def show_away(self) -> None:
        """The shop database could not be read: one line, and "This till" is still there."""
        self._lagging, self._away = [], True
        self._show_line()

    def _show_line(self) -> None:
        if self._away:
            text = self.tr(
                "The shop database cannot be reached, so the whole shop cannot be shown now. "
                "“This till” shows this till's own sales."
            )
        else:
            text = "   ".join(self._lag_text(till) for till in self._lagging)
        self.freshness.setText(text)
        self.freshness.setVisible(bool(text))

    def _lag_text(self, till: TillFreshness) -> str:
        if till.last_copied_at is None:
            return self.tr("Till {till}: not copied yet").format(till=till.till_id)
        local = till.last_copied_at.astimezone()
        when = local.strftime("%H:%M") if local.date() == date.today() else local.strftime("%Y-%m-%d %H:%M")
        return self.tr("Till {till}: last copied {time}").format(till=till.till_id, time=when)

    def _retranslate(self) -> None:
        self.this_till.setText(self.tr("This till"))
        self.this_till.setAccessibleName(self.tr("Show this till's own day ({till})").format(till=self._till_id))
        self.whole_shop.setText(self.tr("The whole shop"))
        self.whole_shop.setAccessibleName(self.tr("Show the whole shop's day, every till"))
        self.freshness.setAccessibleName(self.tr("How fresh the whole shop's figures are"))
        self._show_line()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
