"""Each simulated customer's personal QR code, as the Vipps and MobilePay apps show one for "merchant scan".

The content is opaque, in the shape of Vipps' tokenized codes (`https://qr.vipps.no/p/<random token>`): nothing
of the phone number is in it, so a kiosk that tried to read the number out of it would find nothing, as it
should (Vipps says the format can change at any time; the kiosk sends it whole). A customer keeps their code for
as long as the simulator runs: a reset forgets payments, not the customers' apps.
"""

from __future__ import annotations

import io
import secrets

import qrcode
import qrcode.image.svg

TOKENIZED_PREFIX = "https://qr.vipps.no/p/"


class PersonalQrBook:
    """Phone number (8 digits) <-> the content of that customer's personal QR code."""

    def __init__(self) -> None:
        self._code_by_phone: dict[str, str] = {}
        self._phone_by_code: dict[str, str] = {}

    def code_for(self, phone: str) -> str:
        code = self._code_by_phone.get(phone)
        if code is None:
            code = TOKENIZED_PREFIX + secrets.token_urlsafe(24)
            self._code_by_phone[phone] = code
            self._phone_by_code[code] = phone
        return code

    def phone_for(self, code: str) -> str | None:
        """Whose code this is; None for a code no customer has (compared whole, never parsed)."""
        return self._phone_by_code.get(code)


def svg_of(content: str) -> bytes:
    """The code as an SVG image (paths only, with a white background and the quiet zone a scanner needs)."""
    image = qrcode.make(content, image_factory=qrcode.image.svg.SvgPathFillImage, border=4, box_size=10)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue()
