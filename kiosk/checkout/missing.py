"""When an answer proves that Vipps never had a payment, and when it only looks like it.

"Never had it" closes an attempt for good, so it is concluded only from the one answer each API gives for a
payment it does not know, from Vipps itself, about this reference. Anything else that looks like it (a gateway's
HTML 404, an errorCode 51 about something else, a message about another payment) is an answer that proves
nothing: the attempt needs checking, and the message says what was seen.

The contracts and Vipps' guides are silent on the exact answers, so the narrowest reading is taken:

- PSP API v3 (`details`, `updatestatus`): HTTP 400 with the API's own error list (JSON), exactly one error,
  errorCode 51, whose message names this pspTransactionId and no other id. errorCode 51 alone is Vipps' generic
  "Invalid request" (a bad field, a bad pspRedirectUrl too), so it must say which payment it means.
- ePayment API v1 (GET the payment, cancel): HTTP 404 with an application/problem+json body carrying every field
  the contract's Problem requires (type, title, status 404, traceId), naming no other reference. The path was
  this reference's, so a 404 of the API's own shape is about it.
"""

from __future__ import annotations

import re

from kiosk.checkout.provider import DoubtfulAnswer, NoSuchPayment
from kiosk.domain.message import Message, Verbatim
from kiosk.vipps import PaymentNotFound, VippsRejected

# Anything a message could name a payment by: a run of letters and digits with a digit in it, 16 or more long
# (the kiosk's references are 32 hex characters; Vipps' pspReference a UUID). Words never match.
_ID_LIKE = re.compile(r"[A-Za-z0-9-]*[0-9][A-Za-z0-9-]*")
_SHORTEST_ID = 16


def _names_only(text: str, reference: str) -> bool:
    """Whether `text` names no payment other than `reference`."""
    for token in _ID_LIKE.findall(text):
        if len(token) >= _SHORTEST_ID and reference.lower() not in token.lower():
            return False
    return True


def _json(content_type: str, media: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() == media


def psp_missing(exc: VippsRejected, reference: str) -> bool:
    """PSP: Vipps' own error list says it has no payment `reference` (see the module's reading)."""
    if exc.status != 400 or not _json(exc.content_type, "application/json") or len(exc.errors) != 1:
        return False
    message = exc.error_message
    return exc.error_code == "51" and reference in message and _names_only(message, reference)


def epayment_missing(exc: PaymentNotFound, reference: str) -> bool:
    """ePayment: the API's own problem body says it has no payment under `reference`."""
    problem = exc.problem
    if exc.status != 404 or not _json(exc.content_type, "application/problem+json") or not problem.whole:
        return False
    said = " ".join(part for part in (problem.instance, problem.detail, problem.title) if part)
    return problem.status == 404 and _names_only(said, reference)


def judged(exc: VippsRejected, reference: str, missing: bool) -> NoSuchPayment | DoubtfulAnswer:
    """The error to raise instead of `exc`: NoSuchPayment when the answer proves it, else one that says what
    was seen."""
    if missing:
        return NoSuchPayment(Verbatim(exc.error_message))
    media = exc.content_type.split(";", 1)[0].strip() or "no media type"
    seen = Verbatim(f"HTTP {exc.status} ({media}): {exc.error_message}")  # what Vipps answered, as it came
    return DoubtfulAnswer(Message("Vipps' answer does not prove that it never had the payment: {seen}", seen=seen))
