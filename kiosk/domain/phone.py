"""Norwegian mobile numbers: 8 ASCII digits starting with 4 or 9, with +47 or 0047 allowed in front."""

from __future__ import annotations

from kiosk.domain.message import Message, MessageError


class PhoneError(MessageError, ValueError):
    """Text that is not a Norwegian mobile number. The message is meant for the customer."""


def normalise_phone(text: str) -> str:
    """`+47 912 34 567` -> `91234567`. Raises PhoneError with a plain reason."""
    compact = "".join(text.split())
    if not compact:
        raise PhoneError(Message("Type your mobile number."))
    if not all(c.isascii() and (c.isdigit() or c == "+") for c in compact):
        raise PhoneError(Message("Use the digits 0-9 only."))
    for prefix in ("+47", "0047"):
        if compact.startswith(prefix) and len(compact) == len(prefix) + 8:
            compact = compact[len(prefix) :]
            break
    if "+" in compact:
        raise PhoneError(Message("Only Norwegian numbers (+47) can pay with Vipps here."))
    if len(compact) != 8:
        raise PhoneError(Message("A Norwegian mobile number has 8 digits."))
    if compact[0] not in "49":
        raise PhoneError(Message("Norwegian mobile numbers start with 4 or 9."))
    return compact


def mask_phone(number: str) -> str:
    """`91234567` -> `******67`: enough for staff to tell two customers apart, no more."""
    digits = "".join(c for c in number if c.isascii() and c.isdigit())
    return "******" + digits[-2:] if len(digits) >= 2 else "******"
