"""The text Vipps shows for a payment: to the customer in their app, to the merchant in the portal and in the
settlement reports. It always carries the shop's order id, so that a customer's receipt, the kiosk's CSV and
Vipps' records can be matched; the staff's own text (what was bought) follows when there is one.

Written without words of any language ("#<order id>: <staff text>"): the shop's language is not known below the
screens, and the customer's app is in the customer's own.
"""

from __future__ import annotations

# ePayment's paymentDescription is 3 to 100 characters. The PSP API's contract gives paymentText no limit, but
# Vipps documents 100 for its transaction texts (and the simulator holds it to that): one limit for both.
PAYMENT_TEXT_MAX = 100
_ELLIPSIS = "…"


def payment_text(order_id: str, staff_text: str | None = None) -> str:
    """`#kiosk-20261201-154200-a1b2c3: Kaffe og bolle`. The order id is never cut; a staff text too long for
    what is left is shortened, ending in an ellipsis, so nobody reads a cut text as the whole of it."""
    head = f"#{order_id}"
    text = " ".join((staff_text or "").split())  # one line: tabs, newlines and runs of spaces become one space
    if not text:
        return head
    room = PAYMENT_TEXT_MAX - len(head) - len(": ")
    if room < len(_ELLIPSIS) + 1:
        return head  # an order id this long leaves no room for words worth showing
    if len(text) > room:
        text = text[: room - len(_ELLIPSIS)].rstrip() + _ELLIPSIS
    return f"{head}: {text}"
