"""The text Vipps shows for a payment: to the customer in their app, to the merchant in the portal and in the
settlement reports. It always says which shop and which order: the shop's name (the settings' [shop] name), then
its order id, so that a customer's app, a receipt, the kiosk's CSV and Vipps' records can be matched; the staff's
own text (what was bought) follows when there is one.

Written without words of any language ("<shop> #<order id>: <staff text>"): the shop's language is not known below
the screens, and the customer's app is in the customer's own.
"""

from __future__ import annotations

# ePayment's paymentDescription is 3 to 100 characters. The PSP API's contract gives paymentText no limit, but
# Vipps documents 100 for its transaction texts (and the simulator holds it to that): one limit for both.
PAYMENT_TEXT_MAX = 100
_ELLIPSIS = "…"


def _one_line(text: str | None) -> str:
    """Tabs, newlines and runs of spaces become one space: the app shows one line."""
    return " ".join((text or "").split())


def _fit(text: str, room: int) -> str:
    """`text` in at most `room` characters; a shortened one ends in an ellipsis, so nobody reads a cut text as
    the whole of it. Empty when there is no room for a word worth showing."""
    if len(text) <= room:
        return text
    if room < len(_ELLIPSIS) + 1:
        return ""
    return text[: room - len(_ELLIPSIS)].rstrip() + _ELLIPSIS


def payment_text(order_id: str, staff_text: str | None = None, shop_name: str = "") -> str:
    """`Kaffebaren #kiosk-20261201-154200-a1b2c3: Kaffe og bolle`. The order id is never cut; the shop's name
    comes whole unless it would not fit beside it (the settings hold it to 60 characters, which always fits); the
    staff's text gets what room is left."""
    head = f"#{order_id}"
    name = _fit(_one_line(shop_name), PAYMENT_TEXT_MAX - len(head) - 1)
    if name:
        head = f"{name} {head}"
    text = _fit(_one_line(staff_text), PAYMENT_TEXT_MAX - len(head) - len(": "))
    return f"{head}: {text}" if text else head
