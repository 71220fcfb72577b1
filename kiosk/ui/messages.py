"""Messages written below the screens, translated where they are shown.

The checkout, the ledger, the domain values and the Vipps clients stay free of Qt (DESIGN.md), so they write
their messages in English, and so do the screens' own background work (a sale's worker, a back-office job),
whose text is shown later, perhaps in another language. Every such message is marked here (or, in a UI module,
where it is written) in the context "Messages" for lupdate. `translated()` finds the template a finished
message was made from, translates the template and fills it in again, so a translator always sees the
template: money in the language's way, a nested message (a reason, a problem) translated in turn, anything
else (a count, a path, Vipps' own words) as it came.

A field named like the money fields holds an amount as `kiosk.domain.money.format_kroner` writes it.
"""

from __future__ import annotations

import functools
import logging
import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from kiosk.ui.i18n import money

log = logging.getLogger(__name__)
CONTEXT = "Messages"
MONEY_FIELDS = frozenset({"amount", "limit", "remaining", "thousands"})
_FIELD = re.compile(r"\{(\w+)\}")
_KRONER = r"-?\d{1,3}(?:\u00a0\d{3})*,\d{2}\u00a0kr"  # format_kroner's output

TEMPLATES = (
    # kiosk.checkout: a sale and why it ended
    QT_TRANSLATE_NOOP("Messages", "Waiting for the customer"),
    QT_TRANSLATE_NOOP("Messages", "Paid"),
    QT_TRANSLATE_NOOP("Messages", "This sale has already ended."),
    QT_TRANSLATE_NOOP("Messages", "Vipps refused that: {reason}"),
    QT_TRANSLATE_NOOP("Messages", "Vipps refused to start the payment: {reason}"),
    QT_TRANSLATE_NOOP("Messages", "No answer from Vipps yet. Still trying."),
    QT_TRANSLATE_NOOP("Messages", "Payment cancelled."),
    QT_TRANSLATE_NOOP("Messages", "The payment was cancelled."),
    QT_TRANSLATE_NOOP("Messages", "Nobody approved the payment in time."),
    QT_TRANSLATE_NOOP("Messages", "Vipps did not start the payment. Try again."),
    QT_TRANSLATE_NOOP("Messages", "Vipps answered too late. Start the payment again."),
    QT_TRANSLATE_NOOP("Messages", "The payment was not approved (rejected in Vipps or refused by the card)."),
    QT_TRANSLATE_NOOP("Messages", "The customer rejected the payment in Vipps."),
    QT_TRANSLATE_NOOP("Messages", "The card was refused."),
    QT_TRANSLATE_NOOP("Messages", "The card's bank is unknown."),
    QT_TRANSLATE_NOOP("Messages", "The card's bank refused the payment."),
    QT_TRANSLATE_NOOP("Messages", "The payment is over the card's limit."),
    QT_TRANSLATE_NOOP("Messages", "The card has expired."),
    QT_TRANSLATE_NOOP("Messages", "The card is not valid."),
    QT_TRANSLATE_NOOP("Messages", "Credit cards cannot be used here."),
    QT_TRANSLATE_NOOP("Messages", "There is not enough money on the card."),
    QT_TRANSLATE_NOOP("Messages", "The approval came after the payment was cancelled."),
    # kiosk.checkout.personal_qr: a customer's code scanned at the counter
    QT_TRANSLATE_NOOP("Messages", 'Scanning a customer\'s code needs the ePayment API ([vipps] api = "epayment").'),
    QT_TRANSLATE_NOOP("Messages", "That is not a customer's Vipps code."),
    # kiosk.checkout: start-up settling, re-checks and refunds
    QT_TRANSLATE_NOOP("Messages", "Settled {count} sale(s) left unfinished."),
    QT_TRANSLATE_NOOP(
        "Messages", "Settled {count} sale(s) left unfinished. {checks} need checking in the back office."
    ),
    QT_TRANSLATE_NOOP("Messages", "Needs checking: Vipps could not be asked after a restart."),
    QT_TRANSLATE_NOOP("Messages", "The kiosk restarted before the customer paid."),
    QT_TRANSLATE_NOOP("Messages", "Needs checking: {problem}."),
    QT_TRANSLATE_NOOP("Messages", "made through Vipps' {api} API, and {problem}"),
    QT_TRANSLATE_NOOP(
        "Messages", 'the settings have no psp_id, which the PSP API needs: add psp_id = "..." to [vipps]'
    ),
    QT_TRANSLATE_NOOP("Messages", 'this kiosk does not know Vipps\' "{api}" API; update the kiosk'),
    QT_TRANSLATE_NOOP("Messages", "Vipps could not be asked. Try again later."),
    QT_TRANSLATE_NOOP("Messages", "Vipps says the payment is pending: settle it with the customer."),
    QT_TRANSLATE_NOOP("Messages", "Vipps says the payment is failed: settle it with the customer."),
    QT_TRANSLATE_NOOP("Messages", "Vipps says the payment is cancelled: settle it with the customer."),
    QT_TRANSLATE_NOOP("Messages", "Vipps says the payment is {state}: settle it with the customer."),
    QT_TRANSLATE_NOOP("Messages", "This sale was paid through Vipps' {api} API, and {problem}."),
    QT_TRANSLATE_NOOP("Messages", "This sale was paid elsewhere: {problem}."),
    # kiosk.checkout: what Vipps said, and what it did not say
    QT_TRANSLATE_NOOP("Messages", "Vipps' answer does not prove that it never had the payment: {seen}"),
    QT_TRANSLATE_NOOP("Messages", "Vipps says it has no such payment, but it had answered for it before"),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Vipps says it has no such payment, but the attempt was made before the kiosk recorded its sales unit, so "
        "it may have been made with other settings: check it in Vipps' portal",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "made with merchant_serial_number {made} at {made_address}, not {now} at {address} as the settings now "
        "say: set them back to settle the sale",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "made with merchant_serial_number {made}, not {now} as the settings now say: set it back to settle the sale",
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "made at {made}, not {now} as the settings now say: set base_url back to settle the sale"
    ),
    QT_TRANSLATE_NOOP("Messages", "Vipps refused the capture: settle it with the customer."),
    QT_TRANSLATE_NOOP("Messages", "Paid; Vipps has not applied the capture yet."),
    # kiosk.ledger
    QT_TRANSLATE_NOOP("Messages", "Only a paid sale can be refunded."),
    QT_TRANSLATE_NOOP("Messages", "A refund must be more than 0 kr."),
    QT_TRANSLATE_NOOP("Messages", "Only {remaining} remains to refund."),
    # kiosk.checkout.shop_refunds: a refund of another till's sale
    QT_TRANSLATE_NOOP(
        "Messages",
        "The shop database cannot be reached, so this till can refund only its own sales until it is back; this "
        "sale was made at till {till}.",
    ),
    QT_TRANSLATE_NOOP("Messages", "The ledger cannot be written: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "database or disk is full"),  # SQLite's own words for a full disk
    QT_TRANSLATE_NOOP("Messages", "There is no ledger at {path}."),
    QT_TRANSLATE_NOOP("Messages", "The ledger at {path} cannot be opened: {problem}"),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The ledger at {path} is damaged or unreadable ({problem}). It was left untouched: move it aside and "
        "keep it for the manager, then start the kiosk again.",
    ),
    QT_TRANSLATE_NOOP(
        "Messages",
        "The ledger at {path} holds sales from before a crash that are not saved into it yet, and they cannot be "
        "read from here. Start the kiosk once (it saves them), then export again.",
    ),
    QT_TRANSLATE_NOOP("Messages", "it is from a newer kiosk (schema {version}); update the kiosk to open it"),
    QT_TRANSLATE_NOOP("Messages", "The export could not be written to {path}: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "The report could not be written to {path}: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "the file cannot be created there"),
    QT_TRANSLATE_NOOP("Messages", "nothing was written (is the disk full?)"),
    # kiosk.domain: what staff typed as an amount, what a customer typed as a number
    QT_TRANSLATE_NOOP("Messages", "Type the amount to charge."),
    QT_TRANSLATE_NOOP("Messages", "The amount cannot be negative."),
    QT_TRANSLATE_NOOP("Messages", "Use the digits 0-9 only."),
    QT_TRANSLATE_NOOP("Messages", "That is not an amount. Type it like 149,50."),
    QT_TRANSLATE_NOOP("Messages", "The amount must be more than 0 kr."),
    QT_TRANSLATE_NOOP("Messages", "Vipps takes payments of 1 kr or more."),
    QT_TRANSLATE_NOOP("Messages", "That is over this till's limit of {limit}."),
    QT_TRANSLATE_NOOP(
        "Messages",
        '"{typed}" is unclear: is it {thousands}? Type kroner and øre with two decimals (12.50), or thousands '
        "without the separator (12500).",
    ),
    QT_TRANSLATE_NOOP("Messages", "Type your mobile number."),
    QT_TRANSLATE_NOOP("Messages", "Only Norwegian numbers (+47) can pay with Vipps here."),
    QT_TRANSLATE_NOOP("Messages", "A Norwegian mobile number has 8 digits."),
    QT_TRANSLATE_NOOP("Messages", "Norwegian mobile numbers start with 4 or 9."),
    # kiosk.manager_pin
    QT_TRANSLATE_NOOP("Messages", "A PIN is 4 to 8 digits (0-9)."),
    QT_TRANSLATE_NOOP("Messages", "No manager PIN is set yet."),
    QT_TRANSLATE_NOOP("Messages", "Too many wrong tries. Try again in {seconds} s."),
    QT_TRANSLATE_NOOP("Messages", "The PIN file {path} cannot be read ({problem}); remove it to set a new PIN."),
    # kiosk.vipps: shown when a sale cannot start or a back-office job fails
    QT_TRANSLATE_NOOP("Messages", "Vipps refused the credentials: check client_id, client_secret and subscription_key"),
    QT_TRANSLATE_NOOP("Messages", "Vipps answered {status}: {hint}"),
    QT_TRANSLATE_NOOP("Messages", "check subscription_key and merchant_serial_number"),
    QT_TRANSLATE_NOOP("Messages", "check subscription_key, psp_id and merchant_serial_number"),
    QT_TRANSLATE_NOOP(
        "Messages", "check subscription_key and merchant_serial_number, and that the sales unit may use ePayment"
    ),
    QT_TRANSLATE_NOOP("Messages", "Vipps answered {status}"),
    QT_TRANSLATE_NOOP("Messages", "Vipps' certificate is not trusted: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "cannot reach Vipps: {error}"),
    QT_TRANSLATE_NOOP("Messages", "Vipps did not accept the connection in time"),
    QT_TRANSLATE_NOOP("Messages", "Vipps did not answer {method} in time"),
    QT_TRANSLATE_NOOP("Messages", "the connection to Vipps failed: {error}"),
    QT_TRANSLATE_NOOP("Messages", "Vipps asks us to slow down (429)"),
    QT_TRANSLATE_NOOP("Messages", "the call was cancelled"),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Vipps allows {count} {operation} calls a minute for one payment; the next is allowed in {seconds} s",
    ),
    QT_TRANSLATE_NOOP("Messages", "Vipps refused the request: {reason} (errorCode {code})"),
    QT_TRANSLATE_NOOP("Messages", "Vipps sent {what} that breaks the contract at {where}: {problem}"),
    QT_TRANSLATE_NOOP(
        "Messages",
        "Vipps answered updatestatus with HTTP {status} and no responseInfo, so the update is not known to be accepted",
    ),
    QT_TRANSLATE_NOOP(
        "Messages", "Vipps' address answered with a redirect (HTTP {status}), which the kiosk does not follow"
    ),
    # kiosk.ui: start-up, a sale's worker, the back office's jobs
    QT_TRANSLATE_NOOP("Messages", "Ready. Type the amount and press Enter. {notice}"),
    QT_TRANSLATE_NOOP("Messages", "The demo simulator could not start on {host}:{port}: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "Unfinished sales could not be settled: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "The sale could not be recorded: {problem}"),
    QT_TRANSLATE_NOOP("Messages", "The sale could not be recorded: {problem}. Still trying."),
    QT_TRANSLATE_NOOP("Messages", "Refunded {amount}."),
    QT_TRANSLATE_NOOP("Messages", "Vipps refused the refund: {reason}"),
    QT_TRANSLATE_NOOP("Messages", "No answer from Vipps yet. The refund is recorded and will be sent again."),
    QT_TRANSLATE_NOOP("Messages", "Checked with Vipps: {message}"),
    QT_TRANSLATE_NOOP("Messages", "Exported {count} sales to {path}"),
    QT_TRANSLATE_NOOP("Messages", "Wrote the end-of-day report to {path}"),
)

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


def translated(message: str) -> str:
    """`message` (English, as written below the screens) in the language on screen now. A message this catalogue
    does not know (Vipps' own words, say) is shown as it came."""
    text = QCoreApplication.translate(CONTEXT, message)
    if text != message:
        return text
    found = template_of(message)
    if found is None:
        return message
    template, fields = found
    values = {name: _value(name, value) for name, value in fields.items()}
    try:
        return QCoreApplication.translate(CONTEXT, template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation whose fields differ from its template's
        log.warning("the translation of %r does not fit its template", template)
        return template.format(**values)


def template_of(message: str) -> tuple[str, dict[str, str]] | None:
    """The template (with fields) `message` was made from, and the values it was filled with."""
    for pattern, template in _patterns():
        found = pattern.fullmatch(message)
        if found is not None:
            return template, found.groupdict()
    return None


def sale_status_text(status: str) -> str:
    return QCoreApplication.translate("SaleStatus", status)


def fields_of(template: str) -> set[str]:
    return set(_FIELD.findall(template))


@functools.cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    """Each template with fields as a pattern that reads a finished message back into its values; the most
    specific first, so "…: {problem}. Still trying." wins over "…: {problem}"."""
    patterns = []
    for template in TEMPLATES:
        if not _FIELD.search(template):
            continue
        parts, seen = [], set()
        last = 0
        for field in _FIELD.finditer(template):
            parts.append(re.escape(template[last : field.start()]))
            name = field[1]
            if name in seen:
                parts.append(f"(?P={name})")
            else:
                parts.append(f"(?P<{name}>{_KRONER if name in MONEY_FIELDS else '.+?'})")
                seen.add(name)
            last = field.end()
        parts.append(re.escape(template[last:]))
        literal = len(_FIELD.sub("", template))
        patterns.append((literal, re.compile("".join(parts), re.DOTALL), template))
    patterns.sort(key=lambda entry: -entry[0])
    return [(pattern, template) for _literal, pattern, template in patterns]


def _value(name: str, value: str) -> str:
    if name in MONEY_FIELDS:
        kroner, _, ore = value.removesuffix("\u00a0kr").replace("\u00a0", "").partition(",")
        sign = -1 if kroner.startswith("-") else 1
        return money(sign * (abs(int(kroner)) * 100 + int(ore)))
    return translated(value)
