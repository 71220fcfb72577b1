"""The simulated Vipps: payments, their approval windows, and the makePayment call to the PSP.

It keeps the PSP API's payments and the ePayment API's (`kiosk.simulator.epayment`) side by side: both reach the
customer through the same landing page, app and windows; only how an approval is decided differs (makePayment
to the PSP for the one, the card itself for the other).

Everything here runs on the server's one event loop, so the state needs no locks.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Awaitable
from typing import Any

import httpx

from kiosk.simulator import markets, validation
from kiosk.simulator.cards import network_token_for, refusal_for
from kiosk.simulator.demo import SimulatorSettings
from kiosk.simulator.epayment_payments import ABORTED, EXPIRED, EPayment
from kiosk.simulator.payments import Failure, Operation, Payment, Stage
from kiosk.simulator.personal_qr import PersonalQrBook
from kiosk.simulator.validation import error

Answer = tuple[int, Any]
LANDING_PATH = "/_sim/landing"
OK_RESPONSE = {"responseInfo": {"responseCode": "9000", "responseMessage": "SUCCESS"}}
CustomerPayment = Payment | EPayment  # what the landing page and the app show, whichever API made it
_BAD_NUMBER = {
    "NO": "Enter the 8 digits of your Norwegian mobile number.",
    "DK": "Enter the 8 digits of your Danish mobile number.",
    "FI": "Enter your Finnish mobile number, like 040 1234567.",
}


class VippsSimulator:
    def __init__(self, settings: SimulatorSettings) -> None:
        self.settings = settings
        self.payments: dict[str, Payment] = {}
        self.epayments: dict[str, EPayment] = {}  # by reference
        self.personal_qrs = PersonalQrBook()  # the customers' own codes: kept across a reset, as apps keep theirs
        self._by_landing_token: dict[str, CustomerPayment] = {}
        self._order_ids: set[str] = set()
        self._replies_by_key: dict[tuple[str, str], Answer] = {}
        self._batched_updates: list[dict[str, Any]] = []
        # The PSP backend's own knowledge: transactions the merchant cancelled through it. It learns them from
        # the status updates it sends, so an approval arriving later is refused with error 85.
        self.cancelled_at_psp: set[str] = set()
        self.psp_answers: dict[str, dict[str, Any]] = {}
        self._tasks: set[asyncio.Task[None]] = set()
        self._http: httpx.AsyncClient | None = None

    # ---- life cycle -------------------------------------------------------------------------------------------

    async def aclose(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._http is not None:
            await self._http.aclose()

    def reset(self) -> None:
        for task in self._tasks:
            task.cancel()
        self.payments.clear()
        self.epayments.clear()
        self._by_landing_token.clear()
        self._order_ids.clear()
        self._replies_by_key.clear()
        self._batched_updates.clear()
        self.cancelled_at_psp.clear()
        self.psp_answers.clear()

    def _spawn(self, work: Awaitable[None]) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # ---- idempotency --------------------------------------------------------------------------------------------

    def replay(self, key: str | None, path: str) -> Answer | None:
        return self._replies_by_key.get((key, path)) if key else None

    def remember(self, key: str | None, path: str, answer: Answer) -> Answer:
        if key and answer[0] < 500:
            self._replies_by_key[(key, path)] = answer
        return answer

    # ---- the PSP API --------------------------------------------------------------------------------------------

    def initiate(self, body: Any, public_base_url: str) -> Answer:
        unit = self.settings.sales_unit
        problems = validation.check_initiate(body, unit.skip_landing_page_allowed)
        if problems:
            return 400, problems
        tx_id = body["pspTransactionId"]
        if tx_id in self.payments:
            return 400, [error("44", "PSP transaction id already exists")]
        if body["merchantOrderId"] in self._order_ids:
            return 400, [error("99", "orderId already exists")]
        landing_token = secrets.token_urlsafe(24)
        landing_url = f"{public_base_url.rstrip('/')}{LANDING_PATH}?token={landing_token}"
        payment = Payment(
            psp_transaction_id=tx_id,
            merchant_order_id=body["merchantOrderId"],
            merchant_serial_number=unit.merchant_serial_number,
            amount=body["amount"],
            currency=body["currency"],
            payment_text=body.get("paymentText") or "",
            psp_redirect_url=body["pspRedirectUrl"],
            make_payment_url=body["makePaymentUrl"],
            make_payment_token=body.get("makePaymentToken") or "",
            landing_token=landing_token,
            landing_url=landing_url,
            landing_deadline=time.monotonic() + self.settings.landing_window_s,
            phone=body.get("customerMobileNumber"),
        )
        self.payments[tx_id] = payment
        self._by_landing_token[landing_token] = payment
        self._order_ids.add(payment.merchant_order_id)
        if body.get("skipLandingPage"):
            self._send_to_app(payment, payment.phone or "")
        else:
            self._spawn(self._expire(payment, Stage.AWAITING_PHONE, self.settings.landing_window_s))
        return 200, {
            "pspTransactionId": tx_id,
            "merchantOrderId": payment.merchant_order_id,
            "vippsRedirectUrl": landing_url,
        }

    def details(self, tx_id: str) -> Answer:
        payment = self.payments.get(tx_id)
        if payment is None:
            # The PSP contract names no answer for an unknown id; the simulator's says which id it does not know.
            return 400, [error("51", f"Invalid request: no payment with pspTransactionId {tx_id}")]
        return 200, payment.details_json()

    def update_status(self, body: Any) -> Answer:
        problems = validation.check_status_update(body)
        if problems:
            return 400, problems
        for item in body["transactions"]:
            if item["pspTransactionId"] not in self.payments:
                return 400, [error("51", f"Invalid request: unknown pspTransactionId {item['pspTransactionId']}")]
        for item in body["transactions"]:
            if item["status"] == "CANCELLED":
                self.cancelled_at_psp.add(item["pspTransactionId"])
        if self.settings.batch_status_updates:
            self._batched_updates.extend(body["transactions"])
            return 200, OK_RESPONSE
        for item in body["transactions"]:
            problem = self._apply_status(item)
            if problem:
                return 400, [error("51", problem)]
        return 200, OK_RESPONSE

    def run_batch(self, refuse: frozenset[str] = frozenset()) -> Answer:
        """The nightly batch: apply every queued status update; refused ones leave a failed log entry. Updates
        of the pspTransactionIds in `refuse` are refused as a PSP's acquirer may refuse them overnight."""
        applied, refused = 0, 0
        for item in self._batched_updates:
            problem = "refused by the batch" if item["pspTransactionId"] in refuse else self._apply_status(item)
            if problem:
                refused += 1
                self.payments[item["pspTransactionId"]].log(Operation(item["status"]), item["amount"], False)
            else:
                applied += 1
        self._batched_updates.clear()
        return 200, {"applied": applied, "refused": refused}

    def _apply_status(self, item: dict[str, Any]) -> str | None:
        payment = self.payments[item["pspTransactionId"]]
        status, amount = Operation(item["status"]), item["amount"]
        if status is Operation.CAPTURED:
            if not payment.reserved or payment.cancelled:
                return "Cannot capture: the payment is not reserved"
            if not 0 < amount <= payment.remaining_to_capture:
                return f"Cannot capture {amount}: {payment.remaining_to_capture} remains to capture"
            payment.captured += amount
        elif status is Operation.CANCELLED:
            if payment.cancelled:
                return None  # cancelling twice changes nothing
            if payment.captured and payment.remaining_to_capture == 0:
                return "Cannot cancel: the payment is captured in full; refund it instead"
            remaining = payment.remaining_to_capture
            payment.cancelled = True
            amount = remaining or amount
        elif status is Operation.REFUNDED:
            if not 0 < amount <= payment.remaining_to_refund:
                return f"Cannot refund {amount}: {payment.remaining_to_refund} remains to refund"
            payment.refunded += amount
        elif not payment.reserved:
            return "Cannot report RESERVED: the payment is not reserved"
        else:
            return None  # a repeated RESERVED report
        payment.log(status, amount, True)
        return None

    async def force_approve(self, tx_id: str, body: Any) -> Answer:
        problems = validation.check_force_approve(body)
        if problems:
            return 400, problems
        payment = self.payments.get(tx_id)
        if payment is None:
            return 400, [error("51", "Invalid request: no payment with this pspTransactionId")]
        if body["token"] != payment.landing_token:
            return 400, [error("51", "Invalid request: token does not belong to this payment")]
        if not payment.pending_for_customer:
            return 400, [error("51", f"Invalid request: the payment is {payment.state}, not waiting for approval")]
        payment.phone = body["customerPhoneNumber"]
        await self._authorise(payment, "ACCEPTED")
        return 200, {}

    # ---- the customer's side: landing page and app ----------------------------------------------------------------

    def by_landing_token(self, token: str) -> CustomerPayment | None:
        return self._by_landing_token.get(token)

    def add_epayment(self, payment: EPayment) -> None:
        """Keep a payment the ePayment API created, and start its wait for the customer."""
        self.epayments[payment.reference] = payment
        self._by_landing_token[payment.landing_token] = payment
        if payment.phone is not None and payment.user_flow == "PUSH_MESSAGE":
            self._send_to_app(payment, payment.phone)
        else:
            self._spawn(self._expire(payment, Stage.AWAITING_PHONE, self.settings.landing_window_s))

    def approve_epayment(self, payment: EPayment, phone: str) -> None:
        """The customer with `phone` approves (force-approve): as if they had entered it and pressed Pay."""
        if payment.stage is Stage.AWAITING_PHONE:
            self._send_to_app(payment, phone)
        payment.authorise(refusal_for(payment.amount))

    def enter_phone(self, payment: CustomerPayment, typed: str) -> Answer:
        """A number typed on the landing page, in the national form of the payment's market. The answer's
        `code` lets the page say it in the customer's language; `appPhone` is the key to open the app with."""
        market = markets.MARKETS[payment.country]
        msisdn = market.msisdn_of_national(typed)
        if msisdn is None:
            return 400, {"message": _BAD_NUMBER[market.country], "code": "bad-phone"}
        if payment.stage is not Stage.AWAITING_PHONE or payment.cancelled:
            return 409, {"message": "This payment is no longer waiting for a phone number.", "code": "not-waiting"}
        phone = markets.app_key(msisdn)
        self._send_to_app(payment, phone)
        return 200, {"message": f"Check your {market.brand} app.", "appPhone": phone}

    def app_requests(self, phone: str) -> list[CustomerPayment]:
        every: list[CustomerPayment] = [*self.payments.values(), *self.epayments.values()]
        return [p for p in every if p.phone == phone and p.stage is Stage.AWAITING_APP and p.pending_for_customer]

    def _by_request_id(self, request_id: str) -> CustomerPayment | None:
        found = self.payments.get(request_id)
        if found is None:
            found = next((p for p in self.epayments.values() if p.psp_reference == request_id), None)
        return found

    async def respond_in_app(self, request_id: str, phone: str, approve: bool) -> Answer:
        payment = self._by_request_id(request_id)
        if payment is None or payment.phone != phone:
            return 404, {"message": "No such payment request for this number."}
        if payment.stage is not Stage.AWAITING_APP or not payment.pending_for_customer:
            return 409, {"message": "This payment request is no longer open.", "state": payment.state}
        if isinstance(payment, EPayment):
            if approve:
                payment.authorise(refusal_for(payment.amount))
            else:
                payment.end(ABORTED)
            failure = payment.card_refusal if payment.card_refusal and approve else None
        else:
            await self._authorise(payment, "ACCEPTED" if approve else "USER_CANCEL")
            failure = payment.failure.as_json() if payment.failure else None
        return 200, {"state": payment.state, "paid": payment.customer_outcome() == "paid", "failure": failure}

    def _send_to_app(self, payment: CustomerPayment, phone: str) -> None:
        payment.phone = phone
        payment.stage = Stage.AWAITING_APP
        payment.app_deadline = time.monotonic() + self.settings.app_window_s
        self._spawn(self._expire(payment, Stage.AWAITING_APP, self.settings.app_window_s))

    async def _expire(self, payment: CustomerPayment, stage: Stage, after_s: float) -> None:
        await asyncio.sleep(after_s)
        if payment.stage is not stage or not payment.pending_for_customer:
            return
        if isinstance(payment, EPayment):
            if self.epayments.get(payment.reference) is payment:
                payment.end(EXPIRED)
        elif self.payments.get(payment.psp_transaction_id) is payment:
            await self._authorise(payment, "TIMEOUT")

    # ---- makePayment ----------------------------------------------------------------------------------------------

    async def _authorise(self, payment: Payment, payment_state: str) -> None:
        """Send makePayment to the PSP and reserve or fail by its answer, as Vipps does, synchronously."""
        payment.stage = Stage.AUTHORISING
        if self._http is None:
            # No kept-alive connections: each makePayment is a call of its own, and a test that counts the
            # kiosk's sockets to the simulator sees only the kiosk's.
            self._http = httpx.AsyncClient(trust_env=False, limits=httpx.Limits(max_keepalive_connections=0))
        try:
            response = await self._http.post(
                payment.make_payment_url,
                json=self._make_payment_body(payment, payment_state),
                headers={"Authorization": payment.make_payment_token},
                timeout=self.settings.make_payment_timeout_s,
            )
            answer = response.json() if response.status_code == 200 else None
        except httpx.TimeoutException:
            payment.failure = Failure(payment_state, None, "No answer from the PSP in time")
            answer = None
        except (httpx.HTTPError, ValueError):
            answer = None
        info = answer.get("paymentInfo") if isinstance(answer, dict) else None
        status = info.get("status") if isinstance(info, dict) else None
        if payment_state == "ACCEPTED" and status == "OK":
            payment.stage = Stage.RESERVED
            payment.log(Operation.RESERVED, payment.amount, True)
            return
        if payment.failure is None:
            message = answer.get("errorMessage") if isinstance(answer, dict) else None
            message = message if isinstance(message, dict) else {}
            error_id = message.get("errorId")
            text = message.get("errorText") or ("The PSP did not answer makePayment" if answer is None else None)
            payment.failure = Failure(payment_state, error_id, text)
        payment.stage = Stage.FAILED
        payment.log(Operation.RESERVED, payment.amount, False)

    def _make_payment_body(self, payment: Payment, payment_state: str) -> dict[str, Any]:
        body: dict[str, Any] = {
            "pspTransactionId": payment.psp_transaction_id,
            "merchantSerialNumber": payment.merchant_serial_number,
            "paymentState": payment_state,
        }
        if payment_state != "ACCEPTED":
            return body  # no card was chosen, so there is no token to hand over
        token = network_token_for(payment.amount)
        body.update(
            {
                "binNumber": token.number[:6],
                "operations": [],
                "paymentInstrument": "TOKEN",
                "networkToken": {
                    "number": token.number,
                    "cryptogram": secrets.token_urlsafe(16),
                    "expiryMonth": token.expiry_month,
                    "expiryYear": token.expiry_year,
                    "tokenType": token.token_type,
                    "eci": "7",
                },
            }
        )
        return body
