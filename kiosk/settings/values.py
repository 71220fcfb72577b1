"""The kinds of value a setting holds (a text, a web address, seconds, a flag, one of a few words, ...): each
checks the type and the bounds its key is given in kiosk.settings.reading's table, and says what is wrong in the
one line that names the key and the fix.

A line is a `Message` whose template is written out where it is declared (here, or in the table), so lupdate
finds it there; `filled` gives it the values its template names, of those a kind knows: `where` (the file's
name), `table`, `key`, `got` (the value as quoted back, never a secret's) and what the kind adds (`max_len`,
`allowed`, `lowest`).
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Final, Protocol

from kiosk.domain.message import Message, Value
from kiosk.settings.addresses import https_or_this_pc, web_address
from kiosk.settings.model import SECRET_KEYS
from kiosk.shop_ledger.address import till_id_of

DEFAULT: Final = object()  # what a kind reads when the key keeps its default, with no line of its own


@dataclass(frozen=True)
class Spot:
    """Where a value stands: the file (its name, as every line starts), the table and the key."""

    where: str
    table: str
    key: str


class Wrong(Exception):
    """A value that does not fit its kind; `problem` is the line to show."""

    def __init__(self, problem: Message) -> None:
        super().__init__(str(problem))
        self.problem = problem


def quoted(key: str, value: object) -> Message | str:
    """How a wrong value is quoted back: never the value itself for a secret."""
    if key in SECRET_KEYS:
        return Message("the value given")
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def filled(line: Message, spot: Spot, value: object = None, **more: Value) -> Message:
    """`line`, a template without values, with the values its template names."""
    named = {name for _, name, _, _ in string.Formatter().parse(line.template) if name}
    known: dict[str, Value] = {"where": spot.where, "table": spot.table, "key": spot.key, **more}
    if "got" in named:
        known["got"] = quoted(spot.key, value)
    return Message(line.template, **{name: known[name] for name in named})


class Kind(Protocol):
    def read(self, spot: Spot, value: Any) -> object:
        """The value as the settings hold it, or DEFAULT; raises Wrong."""
        ...

    def missing(self, spot: Spot) -> Message:
        """The line for a required key that is not there."""
        ...


class _NeverRequired:
    def missing(self, spot: Spot) -> Message:
        raise TypeError(f"[{spot.table}] {spot.key} has a default: its kind has no line for it missing")


@dataclass(frozen=True)
class VippsText:
    """A text of the [vipps] table: not blank, at most `longest` characters; kept trimmed."""

    longest: int | None = None

    def read(self, spot: Spot, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            line = Message("{where}: [vipps] {key} must be a non-empty text in quotes (got {got})")
            raise Wrong(filled(line, spot, value))
        if self.longest is not None and len(value) > self.longest:
            line = Message("{where}: [vipps] {key} must be at most {max_len} characters")
            raise Wrong(filled(line, spot, max_len=self.longest))
        return value.strip()

    def missing(self, spot: Spot) -> Message:
        return filled(Message('{where}: [vipps] {key} is missing; add {key} = "..." to the [vipps] section'), spot)


@dataclass(frozen=True)
class WebAddress:
    """An address of the [vipps] table: a web address, and https unless it is this PC (kiosk.settings.addresses);
    kept trimmed."""

    without_trailing_slash: bool = False

    def read(self, spot: Spot, value: Any) -> str:
        url = web_address(value)
        if url is None:
            line = Message('{where}: [vipps] {key} must be a web address like "https://apitest.vipps.no" (got {got})')
            raise Wrong(filled(line, spot, value))
        if not https_or_this_pc(url):
            line = Message(
                '{where}: [vipps] {key} must start with https:// (plain http is only for a simulator on this PC, like "http://127.0.0.1:8765")'
            )
            raise Wrong(filled(line, spot))
        return url.rstrip("/") if self.without_trailing_slash else url

    def missing(self, spot: Spot) -> Message:
        return filled(
            Message('{where}: [vipps] {key} is missing; add {key} = "https://..." to the [vipps] section'), spot
        )


class SalesUnitNumber:
    """[vipps] merchant_serial_number: six digits, in quotes or not (TOML reads 123456 as a number)."""

    def read(self, spot: Spot, value: Any) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not (isinstance(value, str) and len(value) == 6 and value.isascii() and value.isdigit()):
            line = Message(
                '{where}: [vipps] merchant_serial_number must be exactly 6 digits, like "123456" (got {got})'
            )
            raise Wrong(filled(line, spot, value))
        return value

    def missing(self, spot: Spot) -> Message:
        line = Message('{where}: [vipps] merchant_serial_number is missing; add your 6-digit MSN, like "123456"')
        return filled(line, spot)


@dataclass(frozen=True)
class OneLine(_NeverRequired):
    """A line of text that `fix` describes: not blank unless `may_be_blank`, at most `longest` characters,
    printable if asked. Kept trimmed unless `trimmed` is False (a screen's name is matched with what Qt reports)."""

    fix: Message
    longest: int | None = None
    may_be_blank: bool = False
    printable: bool = False
    trimmed: bool = True

    def read(self, spot: Spot, value: Any) -> str:
        if not (
            isinstance(value, str)
            and (self.may_be_blank or value.strip())
            and (self.longest is None or len(value) <= self.longest)
            and (value.isprintable() or not self.printable)
        ):
            raise Wrong(filled(self.fix, spot, value))
        return value.strip() if self.trimmed else value


@dataclass(frozen=True)
class OneOf(_NeverRequired):
    """One of a few words (`allowed`)."""

    allowed: tuple[str, ...]
    fix: Message

    def read(self, spot: Spot, value: Any) -> str:
        if value not in self.allowed:
            raise Wrong(filled(self.fix, spot, value, allowed=", ".join(self.allowed)))
        return value


@dataclass(frozen=True)
class Flag(_NeverRequired):
    """true or false."""

    fix: Message

    def read(self, spot: Spot, value: Any) -> bool:
        if not isinstance(value, bool):
            raise Wrong(filled(self.fix, spot, value))
        return value


@dataclass(frozen=True)
class WholeNumber(_NeverRequired):
    """A whole number from `lowest` to `highest`."""

    lowest: int
    highest: int
    fix: Message

    def read(self, spot: Spot, value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not self.lowest <= value <= self.highest:
            raise Wrong(filled(self.fix, spot, value))
        return value


@dataclass(frozen=True)
class Seconds(_NeverRequired):
    """A number of seconds, more than 0 (or 0 too, with `allow_zero`), finite."""

    allow_zero: bool = False

    def read(self, spot: Spot, value: Any) -> float:
        lowest = Message("0 or more") if self.allow_zero else Message("more than 0")
        if isinstance(value, bool) or not isinstance(value, int | float):
            line = Message("{where}: [{table}] {key} must be a number of seconds, {lowest} (got {got})")
            raise Wrong(filled(line, spot, value, lowest=lowest))
        if value < 0 or (value == 0 and not self.allow_zero) or value != value or value == float("inf"):
            line = Message("{where}: [{table}] {key} must be {lowest} seconds (got {got})")
            raise Wrong(filled(line, spot, value, lowest=lowest))
        return float(value)


@dataclass(frozen=True)
class MajorUnits(_NeverRequired):
    """An amount from 1 in major units (kroner or euros), with at most two decimals, read as minor units
    (hundredths, kiosk.domain.market) exactly. A TOML float is binary (4.35 is 4.3499999...), so it is read by the
    shortest text that gives it back (`repr`, which is what was written), never by arithmetic on the float."""

    fix: Message

    def read(self, spot: Spot, value: Any) -> int:
        major: Decimal | None = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            try:
                major = Decimal(repr(value))
            except InvalidOperation:
                major = None
        # The decimals are read off the exponent: `major * 100 % 1` needed more digits than Decimal's 28 for
        # 1e30, and raised.
        if major is None or not major.is_finite() or major < 1 or -major.as_tuple().exponent > 2:
            raise Wrong(filled(self.fix, spot, value))
        return int(major * 100)


def in_major_units(minor: int) -> int | float:
    """The limit as `max_amount` is written, for MajorUnits to read back: whole kroner (or euros) as an integer,
    else the float whose shortest text is those units and hundredths (4.35), so that reading it back gives the
    same minor units."""
    major, rest = divmod(minor, 100)
    return major if rest == 0 else float(f"{major}.{rest:02d}")


class TillId(_NeverRequired):
    """[kiosk] till_id, by kiosk.shop_ledger.address's rule for it ("" when none is set)."""

    def read(self, spot: Spot, value: Any) -> str:
        problems: list[Message] = []
        till_id = till_id_of({spot.key: value}, spot.where, problems)
        if problems:
            raise Wrong(problems[0])
        return till_id


@dataclass(frozen=True)
class Kept(_NeverRequired):
    """A value kept as it is when it is a `type`, else the default: another rule checks it, with a line of its
    own ([shop] database and shop_id: kiosk.shop_ledger.address.check_shop_database)."""

    type: type

    def read(self, spot: Spot, value: Any) -> object:
        return value if isinstance(value, self.type) else DEFAULT
