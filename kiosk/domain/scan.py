"""What a barcode scanner typed at the counter, told from a person's typing by its timing alone.

A counter's scanner is a keyboard to the PC: it types what it read, key after key, a few milliseconds apart, and
ends with Enter. A person types 100 ms or more apart, and a fast typist does not keep under 30 ms for five keys
running. So a burst of at least five keys, each no more than `SCAN_GAP_S` after the one before, with the Enter as
quick, is a scan; anything else is a person. The reader only watches the keys: they still reach the field they
were typed into, so a person's typing is never held up.

What a scan is, is decided without reading the code's format (Vipps says it can change at any time): digits and a
number's punctuation are an amount or a phone number, typed into their field as always; text with a control
character or longer than the API takes is not a customer's code; anything else is a personal QR, sent whole.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

SCAN_GAP_S = 0.030  # a scanner's keys come 1-10 ms apart; a person's 100 ms or more
SHORTEST_SCAN = 5  # the shortest personal QR ePayment takes; fewer fast keys are a person's
PERSONAL_QR_MAX = 255  # the longest it takes
NUMBER_CHARACTERS = frozenset("0123456789 ,.-+\u00a0")  # amounts (149,50; 1 249.50) and phone numbers (+47 ...)


class ScanKind(StrEnum):
    PERSONAL_QR = "PERSONAL_QR"  # a customer's own code: push the sale's payment to their app
    NUMBER = "NUMBER"  # an amount or a phone number: the field it was typed into takes it, as before
    NOT_A_CODE = "NOT_A_CODE"  # a scan, but not a customer's code: ignored with a message


def kind_of_scan(text: str) -> ScanKind:
    if all(char in NUMBER_CHARACTERS for char in text):
        return ScanKind.NUMBER
    if len(text) > PERSONAL_QR_MAX or any(unicodedata.category(char).startswith("C") for char in text):
        return ScanKind.NOT_A_CODE
    return ScanKind.PERSONAL_QR


class ScanReader:
    """Fed every key in the order it came, with its time in seconds: `feed` for a key that types a character,
    `other` for a key that edits (Backspace, an arrow: a person's hand), `enter` for Enter, which answers the
    burst just before it if a scanner typed it (else None). Modifier keys (Shift for a capital) are not keys here."""

    def __init__(self, max_gap_s: float = SCAN_GAP_S, shortest: int = SHORTEST_SCAN) -> None:
        self._max_gap_s = max_gap_s
        self._shortest = shortest
        self._burst: list[str] = []
        self._last_at: float | None = None

    @property
    def burst(self) -> str:
        """The fast run of characters typed so far (perhaps a scan under way)."""
        return "".join(self._burst)

    def feed(self, char: str, at: float) -> bool:
        """One typed character. Returns whether it begins a new burst (what was typed before it was a person's)."""
        fresh = not self._quick(at)
        if fresh:
            self._burst.clear()
        self._burst.append(char)
        self._last_at = at
        return fresh

    def other(self, at: float) -> None:
        self._burst.clear()
        self._last_at = at

    def enter(self, at: float) -> str | None:
        scanned = self.burst if self._quick(at) and len(self._burst) >= self._shortest else None
        self._burst.clear()
        self._last_at = at
        return scanned

    def _quick(self, at: float) -> bool:
        # (a nanosecond of slack: a gap of exactly max_gap_s must not fail on how floats add up)
        return self._last_at is not None and 0 <= at - self._last_at <= self._max_gap_s + 1e-9
