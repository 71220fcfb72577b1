"""The simulated ePayment API v1, mounted beside the PSP API on the same server, at Vipps' real paths.

Payments live in the simulator's engine with the PSP API's, so the landing page, the customer's app, the windows,
`/_sim/payments` (each entry says `"api": "epayment"`), `/_sim/faults` and `/_sim/reset` cover them too.

What it does, by the contract (and where the contract is silent, by Vipps' API guide):

- `userFlow` QR (with `qrFormat` TEXT/TARGETURL: the simulator draws no images), WEB_REDIRECT and NATIVE_REDIRECT
  answer a `redirectUrl` that is the simulator's landing page; the customer enters a number there and approves
  in the app. PUSH_MESSAGE (needs `customer.phoneNumber`, a mobile MSISDN of the sales unit's market, or
  `customer.personalQr`, the content of a customer's own code, kiosk/simulator/personal_qr.py) answers no URL and
  puts the request in the app of that customer at once (`/_sim/app?phone=XXXXXXXX`, markets.py says which key).
  A code no customer has, or a customer of another market's, is a 400 problem.
- Markets (kiosk/simulator/markets.py): the Merchant-Serial-Number's sales unit is in Norway (NOK), Denmark (DKK)
  or Finland (EUR). Another currency than its country's is a 400 `invalid-currency` problem ("Invalid currency
  for this sales unit"; beside other breaks, one of the `validation-error`'s extraDetails, `amount.currency`); an
  amount below the market's minimum (NOK 100 øre, DKK 1 øre, EUR 1 cent) a 400 `amount-below-minimum`; a phone
  number of another market a 400 `validation-error` naming `customer.phoneNumber`.
- Windows: the landing page's, then the app's (`SimulatorSettings`); a payment nobody acts on becomes EXPIRED.
  A rejection in the app makes it ABORTED; a merchant's cancel before approval makes it TERMINATED and takes the
  request out of the app, so a later approval is refused (409).
- The magic amounts (minor units, the same in every currency) refuse the card: 3100 (not eligible, PSP error
  72), 4400 and 5100 (expired, 86). As in Vipps, where the customer may then pick another card, the payment
  stays CREATED with a failed AUTHORIZED event (`success: false`), and becomes EXPIRED when its window ends
  unless the merchant cancels it first.
- Capture at most what is authorised and not cancelled; refund at most what is captured; cancel releases what is
  not captured (the state stays AUTHORIZED) and is refused once everything is captured.
- Writes need an `Idempotency-Key` (at most 50 characters); the same key on the same path gets the first answer
  again and changes nothing. Another key for a reference already used is a 409.
- Refusals are RFC 7807 problem bodies (`application/problem+json`) with `type`, `title`, `detail`, `status`,
  `traceId`, `instance` and, for invalid requests, `extraDetails` [{name, reason}].
- No rate limits are enforced; `/_sim/faults` makes 429s when a test wants them.
"""

from __future__ import annotations

import json
import re
import secrets
import time
import uuid
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.simulator import markets
from kiosk.simulator.auth import TokenIssuer
from kiosk.simulator.demo import SalesUnit
from kiosk.simulator.engine import LANDING_PATH, Answer, VippsSimulator
from kiosk.simulator.epayment_payments import EPayment, Refusal

PAYMENTS = "/epayment/v1/payments"
PROBLEM_TYPES = "https://vipps-simulator.invalid/problems/"  # .invalid: a name of the simulator's own
PROBLEM_JSON = "application/problem+json"
MAX_AMOUNT = 65_000_000
MAX_IDEMPOTENCY_KEY_LENGTH = 50
REFERENCE = re.compile(r"^[a-zA-Z0-9-]{8,50}$")
MSISDN = re.compile(r"^[0-9]{10,15}$")
USER_FLOWS = ("PUSH_MESSAGE", "NATIVE_REDIRECT", "WEB_REDIRECT", "QR")
INTERACTIONS = ("CUSTOMER_PRESENT", "CUSTOMER_NOT_PRESENT")
PERSONAL_QR_MIN, PERSONAL_QR_MAX = 5, 255


def problem(
    status: int,
    slug: str,
    detail: str,
    instance: str = "",
    extra: list[tuple[str, str]] | None = None,
    title: str | None = None,
) -> Answer:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPES + slug,
        "title": title or HTTPStatus(status).phrase,
        "detail": detail,
        "status": status,
        "traceId": str(uuid.uuid4()),
        "instance": instance,
    }
    if extra:
        body["extraDetails"] = [{"name": name, "reason": reason} for name, reason in extra]
    return status, body


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _amount_problem(raw: Any, field: str, currency: str) -> tuple[str, str] | None:
    if not isinstance(raw, dict) or not _is_int(raw.get("value")) or not 0 <= raw["value"] <= MAX_AMOUNT:
        return f"{field}.value", f"an integer number of minor units from 0 to {MAX_AMOUNT}"
    if raw.get("currency") != currency:
        return f"{field}.currency", f"must be {currency}"
    return None


_MOBILE_NUMBERS = {
    "NO": "a Norwegian mobile number: 47 and 8 digits, like 4791234567",
    "DK": "a Danish mobile number: 45 and 8 digits, the first 2 to 9, like 4521234567",
    "FI": "a Finnish mobile number: 358, then 4x or 50 and 5 to 8 digits, like 358401234567",
}


def _phone_problem(customer: Any, market: markets.Market) -> tuple[str, str] | None:
    if not isinstance(customer, dict) or set(customer) != {"phoneNumber"}:
        return "customer", "exactly one of customer.phoneNumber and customer.personalQr (no customerToken)"
    phone = customer["phoneNumber"]
    if not isinstance(phone, str) or not MSISDN.fullmatch(phone):
        return "customer.phoneNumber", "an MSISDN: country code and number, 10 to 15 digits, like 4791234567"
    if not market.mobile.fullmatch(phone):
        return "customer.phoneNumber", f"must be {_MOBILE_NUMBERS[market.country]} (the sales unit's market)"
    return None


def _customer_problem(customer: Any, market: markets.Market) -> tuple[str, str] | None:
    """The contract's Customer: exactly one of phoneNumber, personalQr (5 to 255 characters) or customerToken."""
    if isinstance(customer, dict) and set(customer) == {"personalQr"}:
        code = customer["personalQr"]
        if not isinstance(code, str) or not PERSONAL_QR_MIN <= len(code) <= PERSONAL_QR_MAX:
            return "customer.personalQr", f"text of {PERSONAL_QR_MIN} to {PERSONAL_QR_MAX} characters"
        return None
    return _phone_problem(customer, market)


def check_create(body: Any, market: markets.Market = markets.NORWAY) -> list[tuple[str, str]]:
    """Every way `body` breaks the contract's CreatePaymentRequest (or what the simulator supports)."""
    if not isinstance(body, dict):
        return [("body", "must be a JSON object")]
    found: list[tuple[str, str] | None] = [_amount_problem(body.get("amount"), "amount", market.currency)]
    reference = body.get("reference")
    if not isinstance(reference, str) or not REFERENCE.fullmatch(reference):
        found.append(("reference", "must match ^[a-zA-Z0-9-]{8,50}$"))
    method = body.get("paymentMethod")
    if not isinstance(method, dict) or method.get("type") not in ("WALLET", "CARD"):
        found.append(("paymentMethod.type", "must be WALLET or CARD"))
    elif method["type"] == "CARD":
        found.append(("paymentMethod.type", "CARD payments are not simulated; use WALLET"))
    flow = body.get("userFlow")
    if flow not in USER_FLOWS:
        found.append(("userFlow", f"must be one of {', '.join(USER_FLOWS)}"))
    if body.get("customerInteraction", "CUSTOMER_NOT_PRESENT") not in INTERACTIONS:
        found.append(("customerInteraction", f"must be one of {', '.join(INTERACTIONS)}"))
    if body.get("customer") is not None:
        found.append(_customer_problem(body["customer"], market))
    elif flow == "PUSH_MESSAGE":
        found.append(("customer", "userFlow PUSH_MESSAGE needs customer.phoneNumber or customer.personalQr"))
    if flow in ("WEB_REDIRECT", "NATIVE_REDIRECT") and not isinstance(body.get("returnUrl"), str):
        found.append(("returnUrl", f"userFlow {flow} needs returnUrl"))
    qr_format = body.get("qrFormat")
    if qr_format is not None and flow != "QR":
        found.append(("qrFormat", "only for userFlow QR"))
    elif flow == "QR" and (not isinstance(qr_format, dict) or qr_format.get("format") != "TEXT/TARGETURL"):
        found.append(("qrFormat.format", "the simulator makes no QR images: ask for TEXT/TARGETURL"))
    text = body.get("paymentDescription")
    if text is not None and (not isinstance(text, str) or not 3 <= len(text) <= 100):
        found.append(("paymentDescription", "text of 3 to 100 characters"))
    return [item for item in found if item is not None]


def invalid_problem(body: Any, broken: list[tuple[str, str]], unit: SalesUnit, market: markets.Market) -> Answer:
    """A wrong currency alone is Vipps' own refusal, with a title that says so; with other breaks it is one of
    the validation problem's extraDetails, all reported at once."""
    if [name for name, _ in broken] == ["amount.currency"]:
        detail = (
            f"Sales unit {unit.merchant_serial_number} is in {market.country} and takes {market.currency}, "
            f"not {body['amount'].get('currency')}"
        )
        return problem(400, "invalid-currency", detail, PAYMENTS, broken, "Invalid currency for this sales unit")
    return problem(400, "validation-error", "The request breaks the contract", PAYMENTS, broken)


def minimum_problem(amount: dict[str, Any], market: markets.Market) -> Answer | None:
    if amount["value"] < market.minimum_amount:
        detail = f"The smallest payment in {market.currency} is {market.minimum_amount} (minor units)"
        extra = [("amount.value", f"at least {market.minimum_amount}")]
        return problem(400, "amount-below-minimum", detail, PAYMENTS, extra, "Amount below the minimum")
    return None


class EPaymentApi:
    """The ePayment API's operations on the simulator's engine. Answers are (status, body) pairs."""

    def __init__(self, sim: VippsSimulator) -> None:
        self.sim = sim

    def create(self, body: Any, key: str, unit: SalesUnit, public_base_url: str) -> Answer:
        market = markets.MARKETS[unit.country]
        broken = check_create(body, market)
        if broken:
            return invalid_problem(body, broken, unit, market)
        too_low = minimum_problem(body["amount"], market)
        if too_low:
            return too_low
        if body["reference"] in self.sim.epayments:
            return problem(409, "reference-already-used", "A payment with this reference exists", PAYMENTS)
        landing_token = secrets.token_urlsafe(24)
        landing_url = f"{public_base_url.rstrip('/')}{LANDING_PATH}?token={landing_token}"
        flow = body["userFlow"]
        customer = body.get("customer") or {}
        phone = customer.get("phoneNumber")
        phone = markets.app_key(phone) if phone else None
        if "personalQr" in customer:
            # Looked up whole, never parsed: the code is the customer's, its format Vipps' to change.
            owner = self.sim.personal_qrs.phone_for(customer["personalQr"])
            if owner is not None and markets.market_of_key(owner) is not market:
                reason = f"the code of a customer of another market than {market.country}"
                return problem(
                    400,
                    "unknown-personal-qr",
                    "The personal QR code is not known in this market",
                    PAYMENTS,
                    [("customer.personalQr", reason)],
                )
            if owner is None:
                reason = "not the personal QR code of any customer"
                return problem(
                    400,
                    "unknown-personal-qr",
                    "The personal QR code is not known",
                    PAYMENTS,
                    [("customer.personalQr", reason)],
                )
            phone = owner
        payment = EPayment(
            reference=body["reference"],
            psp_reference=str(uuid.uuid4()),
            merchant_serial_number=unit.merchant_serial_number,
            country=unit.country,
            amount=body["amount"]["value"],
            currency=body["amount"]["currency"],
            user_flow=flow,
            payment_text=body.get("paymentDescription") or "",
            landing_token=landing_token,
            landing_url=landing_url,
            landing_deadline=time.monotonic() + self.sim.settings.landing_window_s,
            redirect_url=None if flow == "PUSH_MESSAGE" else landing_url,
            phone=phone,
        )
        payment.log("CREATED", payment.amount, idempotency_key=key)
        self.sim.add_epayment(payment)
        answer: dict[str, Any] = {"reference": payment.reference}
        if payment.redirect_url:
            answer["redirectUrl"] = payment.redirect_url
        return 201, answer

    def _payment(self, reference: str, instance: str) -> EPayment | Answer:
        payment = self.sim.epayments.get(reference)
        if payment is None:
            return problem(404, "payment-not-found", f"No payment with reference {reference!r}", instance)
        return payment

    def get(self, reference: str, instance: str) -> Answer:
        found = self._payment(reference, instance)
        return (200, found.payment_json()) if isinstance(found, EPayment) else found

    def events(self, reference: str, instance: str) -> Answer:
        found = self._payment(reference, instance)
        return (200, list(found.events)) if isinstance(found, EPayment) else found

    def adjust(self, action: str, reference: str, body: Any, key: str, instance: str) -> Answer:
        found = self._payment(reference, instance)
        if not isinstance(found, EPayment):
            return found
        refusal: Refusal | None
        if action == "cancel":
            refusal = found.cancel(key)
        else:
            raw = body.get("modificationAmount") if isinstance(body, dict) else None
            broken = _amount_problem(raw, "modificationAmount", found.currency)
            if broken:
                return problem(400, "validation-error", "The request breaks the contract", instance, [broken])
            amount = raw["value"]
            refusal = found.capture(amount, key) if action == "capture" else found.refund(amount, key)
        if refusal is not None:
            return problem(refusal.status, refusal.slug, refusal.detail, instance)
        return 200, found.modification_json()

    def force_approve(self, reference: str, body: Any, instance: str) -> Answer:
        found = self._payment(reference, instance)
        if not isinstance(found, EPayment):
            return found
        body = body if isinstance(body, dict) else {}
        customer, token = body.get("customer"), body.get("token")
        if customer is not None and (broken := _phone_problem(customer, markets.MARKETS[found.country])):
            return problem(400, "validation-error", "The request breaks the contract", instance, [broken])
        if token is not None and token != found.landing_token:
            return problem(400, "invalid-token", "The token does not belong to this payment", instance)
        if not found.pending_for_customer:
            detail = f"The payment is {found.state}, not waiting for approval"
            return problem(409, "payment-not-pending", detail, instance)
        phone = markets.app_key(customer["phoneNumber"]) if customer else found.phone
        if phone is None:
            return problem(400, "customer-needed", "Nobody has this payment yet: give customer.phoneNumber", instance)
        if found.phone is not None and phone != found.phone:
            return problem(409, "other-customer", "The payment was sent to another phone number", instance)
        self.sim.approve_epayment(found, phone)
        return 200, {}


def _reply(answer: Answer) -> Response:
    status, body = answer
    media = PROBLEM_JSON if status >= 400 and isinstance(body, dict) and "traceId" in body else "application/json"
    return JSONResponse(body, status_code=status, media_type=media)


def routes(sim: VippsSimulator, tokens: TokenIssuer, public_base: Callable[[Request], str]) -> list[Route]:
    api = EPaymentApi(sim)

    def endpoint(
        handler: Callable[[Request, Any, str], Answer], *, write: bool
    ) -> Callable[[Request], Awaitable[Response]]:
        """Access checks, JSON parsing, the Idempotency-Key and its replay, shared by every ePayment call."""

        async def run(request: Request) -> Response:
            path = request.url.path
            denied = tokens.check(request.headers, psp=False)
            if denied is not None:
                status, body = denied
                if status == 401:
                    return _reply(denied)  # the gateway's answer, the same for every API
                return _reply(problem(403, "merchant-not-available", "This sales unit may not use ePayment", path))
            raw = await request.body()
            try:
                body = json.loads(raw) if raw else None
            except (ValueError, UnicodeDecodeError):
                return _reply(problem(400, "invalid-json", "The body is not valid JSON", path))
            key = request.headers.get("idempotency-key") or ""
            if write:
                if not 1 <= len(key) <= MAX_IDEMPOTENCY_KEY_LENGTH:
                    detail = f"Idempotency-Key is required, at most {MAX_IDEMPOTENCY_KEY_LENGTH} characters"
                    return _reply(problem(400, "idempotency-key", detail, path))
                earlier = sim.replay(key, path)
                if earlier:
                    return _reply(earlier)
            answer = handler(request, body, key)
            return _reply(sim.remember(key, path, answer) if write else answer)

        return run

    def reference(request: Request) -> str:
        return request.path_params["reference"]

    def create(request: Request, body: Any, key: str) -> Answer:
        return api.create(body, key, tokens.unit_of(request.headers), public_base(request))

    def get(request: Request, body: Any, key: str) -> Answer:
        return api.get(reference(request), request.url.path)

    def events(request: Request, body: Any, key: str) -> Answer:
        return api.events(reference(request), request.url.path)

    def adjust(action: str) -> Callable[[Request, Any, str], Answer]:
        def run(request: Request, body: Any, key: str) -> Answer:
            return api.adjust(action, reference(request), body, key, request.url.path)

        return run

    def force_approve(request: Request, body: Any, key: str) -> Answer:
        return api.force_approve(reference(request), body, request.url.path)

    one = f"{PAYMENTS}/{{reference}}"
    return [
        Route(PAYMENTS, endpoint(create, write=True), methods=["POST"]),
        Route(one, endpoint(get, write=False), methods=["GET"]),
        Route(f"{one}/events", endpoint(events, write=False), methods=["GET"]),
        *(
            Route(f"{one}/{action}", endpoint(adjust(action), write=True), methods=["POST"])
            for action in ("capture", "cancel", "refund")
        ),
        Route("/epayment/v1/test/payments/{reference}/approve", endpoint(force_approve, write=False), methods=["POST"]),
    ]
