"""A message for a person, as data: the English template it was made from and its typed values.

The checkout, the ledger, the domain values and the Vipps clients stay free of Qt (DESIGN.md), so they cannot
translate; they make a `Message` where the message arises and the screen that shows it translates it
(kiosk.ui.language.messages.render). The template is the message's id in the translations, so it is written out as a
literal at the site: `Message("Only {remaining} remains to refund.", remaining=Money(ore))`, or for a count
`Message.counted("Settled %n sale(s) left unfinished.", None, n)` (Qt's `%n`, read in the language's plural).
lupdate finds both spellings (kiosk.ui.language.i18n tells it they are Qt's QT_TR_NOOP and tr).

The values are typed, so the screen knows what each one is without reading it back out of English:
- `Money(øre)`, or `Money(cents, "EUR")` in another market: written the language's way where it is shown;
- a nested `Message`: translated in turn;
- `Verbatim(text)`: someone else's words (Vipps' own, SQLite's), shown as they came, never translated;
- a plain `str` or `int` (a path, a status code, an API's name, seconds): shown as it is.

`str(message)` is the English text, for logs, the terminal and exceptions' `str()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# The currencies of Vipps MobilePay's three markets (kiosk.domain.market), each in hundredths inside the kiosk.
Currency = Literal["NOK", "DKK", "EUR"]


@dataclass(frozen=True)
class Money:
    """An amount in minor units (hundredths) of `currency`, written in the language of the screen that shows it.
    The currency is Norway's unless said: a Norwegian kiosk's callers never name it."""

    minor_units: int
    currency: Currency = "NOK"

    def __str__(self) -> str:
        """The English text, as logs and exports write money: `1 249,50 kr` (Norwegian style, no-break spaces),
        and in the other markets with the currency's code, `49,95 DKK` and `4,95 EUR`: a log line then never
        leaves a reader guessing which "kr" it meant."""
        sign = "-" if self.minor_units < 0 else ""
        whole, rest = divmod(abs(self.minor_units), 100)
        grouped = f"{whole:,}".replace(",", "\u00a0")
        unit = "kr" if self.currency == "NOK" else self.currency
        return f"{sign}{grouped},{rest:02d}\u00a0{unit}"


@dataclass(frozen=True)
class Verbatim:
    """Words that are not ours to translate (Vipps' reason for a refusal, a library's error)."""

    text: str

    def __str__(self) -> str:
        return self.text


class Message:
    """An English template (with `{name}` fields, and `%n` for a count) and the values to fill it with."""

    __slots__ = ("args", "count", "template")

    def __init__(self, template: str, /, **args: Value) -> None:
        self.template = template
        self.args: tuple[tuple[str, Value], ...] = tuple(sorted(args.items()))
        self.count: int | None = None

    @classmethod
    def counted(cls, template: str, disambiguation: None, n: int, /, **args: Value) -> Message:
        """A message with a count (`%n`), so the language's plural forms apply. The unused second argument is
        the place Qt's tr() has for a disambiguation: lupdate reads a plural only in tr()'s own shape."""
        del disambiguation
        message = cls(template, **args)
        message.count = n
        return message

    @classmethod
    def lines(cls, lines: list[Message]) -> Message:
        """Several messages, one a line (a settings file's problems). Its template is fields alone, which no
        language changes: it needs no translation, so it is not written out for lupdate."""
        template = "\n".join(f"{{line{number}}}" for number in range(len(lines)))
        return cls(template, **{f"line{number}": line for number, line in enumerate(lines)})

    def __str__(self) -> str:
        text = self.template.replace("%n", str(self.count)) if self.count is not None else self.template
        return text.format(**{name: str(value) for name, value in self.args}) if self.args else text

    def __repr__(self) -> str:
        return f"Message({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return (self.template, self.args, self.count) == (other.template, other.args, other.count)

    def __hash__(self) -> int:
        return hash((self.template, self.args, self.count))


class MessageError(Exception):
    """An error a person is shown: `message` for the screen (translated there), `str()` the English for logs.
    A plain `str` is for an error no person is meant to meet (a programming error): it is shown as it is."""

    def __init__(self, message: Message | str) -> None:
        super().__init__(str(message))
        self.message = message


def message_of(exc: BaseException) -> Message | str:
    """What to show for `exc`: the message it carries, or (for an error made without one) its English text."""
    carried = getattr(exc, "message", None)
    return carried if isinstance(carried, Message) else str(exc)


# What a person may be shown as a message: ours (translated where it is shown) or someone else's words (as is).
Shown = Message | Verbatim
# What fills a message's field.
Value = Message | Money | Verbatim | str | int
