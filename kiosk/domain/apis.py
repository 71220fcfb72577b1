"""The Vipps payment APIs by the names people read: the back office, the exports, the checkout's messages and
`kiosk doctor` all name an API the same way. The settings and the ledger store the short ids ("psp",
"epayment")."""

from __future__ import annotations

API_TITLES = {"psp": "PSP v3", "epayment": "ePayment"}


def api_title(api: str | None) -> str:
    """The API as a person reads it: an id this kiosk does not know is shown as it is, none as nothing."""
    return API_TITLES.get(api or "", api or "")
