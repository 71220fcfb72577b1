"""Messages made below the screens, shown in the language on screen.

The checkout, the ledger, the domain values and the Vipps clients stay free of Qt (DESIGN.md): they make a
`kiosk.domain.message.Message` where the message arises (an English template and typed values), and so do the
screens' own background work (a sale's worker, a back-office job), whose message is shown later, perhaps in
another language. `render` looks the template up in Qt's translations (lupdate found it at its site: see
kiosk.ui.language.catalogue.MESSAGE_MARKERS), in the plural its count asks for, and fills in the values: money the
language's way, a nested message rendered in turn, anything else (Vipps' own words, a path, a number) as it came.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.domain.message import Message, Money, Value, Verbatim
from kiosk.ui.language.i18n import money

log = logging.getLogger(__name__)
# Where lupdate puts a Message's template: Message(...) is read as QT_TR_NOOP and Message.counted(...) as tr(),
# outside any class of the UI, so in the context without a name.
MESSAGE_CONTEXT = ""

# A sale's status as kiosk.ledger.report.status_of names it (the CSV export keeps these words as they are).
SALE_STATUSES = (
    QT_TRANSLATE_NOOP("SaleStatus", "REFUNDED"),
    QT_TRANSLATE_NOOP("SaleStatus", "PART REFUNDED"),
    QT_TRANSLATE_NOOP("SaleStatus", "CAPTURED"),
    QT_TRANSLATE_NOOP("SaleStatus", "PAID, CAPTURE PENDING"),
    QT_TRANSLATE_NOOP("SaleStatus", "NOT PAID"),
    QT_TRANSLATE_NOOP("SaleStatus", "NEEDS CHECK"),
    QT_TRANSLATE_NOOP("SaleStatus", "OPEN"),
    QT_TRANSLATE_NOOP("SaleStatus", "PAID"),
    QT_TRANSLATE_NOOP("SaleStatus", "REJECTED"),
    QT_TRANSLATE_NOOP("SaleStatus", "REFUSED"),
    QT_TRANSLATE_NOOP("SaleStatus", "EXPIRED"),
    QT_TRANSLATE_NOOP("SaleStatus", "CANCELLED"),
    QT_TRANSLATE_NOOP("SaleStatus", "NOT_STARTED"),
)


def translated(message: Message | Verbatim | str) -> str:
    """What the screen shows for `message`: a Message rendered in the language on screen; anything else (a
    text a screen translated itself, someone else's words) as it is."""
    return render(message) if isinstance(message, Message) else str(message)


def render(message: Message) -> str:
    """`message` in the language on screen now: its template translated (in the plural its count asks for),
    then filled with its values, each the language's way."""
    count = -1 if message.count is None else message.count  # -1: Qt's "no count"
    template = QCoreApplication.translate(MESSAGE_CONTEXT, message.template, None, count)
    if not message.args:
        return template
    values = {name: _shown(value) for name, value in message.args}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation whose fields differ from its template's
        log.warning("the translation of %r does not fit its template", message.template)
        english = message.template.replace("%n", str(message.count)) if message.count is not None else message.template
        return english.format(**values)


def _shown(value: Value) -> str:
    if isinstance(value, Message):
        return render(value)
    if isinstance(value, Money):
        return money(value.minor_units, currency=value.currency)
    return str(value)  # Vipps' own words, a path, a number: as they came


def sale_status_text(status: str) -> str:
    return QCoreApplication.translate("SaleStatus", status)
