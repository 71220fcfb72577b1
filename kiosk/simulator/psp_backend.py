"""The PSP backend Vipps calls with makePayment: it charges the network token and answers OK or FAIL.

A real PSP knows its own transactions, so this one looks the amount up by pspTransactionId and answers by the
test environment's magic amounts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.simulator.cards import refusal_for
from kiosk.simulator.engine import Answer, VippsSimulator


def _fail(tx_id: str, error_id: str, text: str) -> dict[str, Any]:
    return {
        "paymentInfo": {"pspTransactionId": tx_id, "status": "FAIL"},
        "errorMessage": {"errorId": error_id, "errorText": text},
    }


def make_payment(sim: VippsSimulator, headers: Mapping[str, str], body: Any) -> Answer:
    status, answer = _decide(sim, headers, body)
    if status == 200 and isinstance(body, dict) and isinstance(body.get("pspTransactionId"), str):
        # The PSP's own record of what it was asked and what it answered, for its merchant to read back.
        info, message = answer.get("paymentInfo", {}), answer.get("errorMessage") or {}
        sim.psp_answers[body["pspTransactionId"]] = {
            "pspTransactionId": body["pspTransactionId"],
            "paymentState": body.get("paymentState"),
            "status": info.get("status"),
            "errorId": message.get("errorId"),
            "errorText": message.get("errorText"),
        }
    return status, answer


def transaction(sim: VippsSimulator, tx_id: str) -> Answer:
    """What this PSP answered Vipps' makePayment for `tx_id`: how a merchant learns why a payment failed."""
    record = sim.psp_answers.get(tx_id)
    if record is None:
        return 404, {"message": "This PSP has had no makePayment for that transaction."}
    return 200, record


def _decide(sim: VippsSimulator, headers: Mapping[str, str], body: Any) -> Answer:
    if not isinstance(body, dict) or not isinstance(body.get("pspTransactionId"), str):
        return 400, _fail("", "71", "Invalid request")
    tx_id = body["pspTransactionId"]
    payment = sim.payments.get(tx_id)
    if payment is None:
        return 200, _fail(tx_id, "71", "Invalid request: unknown transaction")
    if headers.get("authorization", "") != payment.make_payment_token:
        return 401, {"message": "makePaymentToken does not match"}
    state = body.get("paymentState")
    if state != "ACCEPTED":
        return 200, _fail(tx_id, "93", f"Status from Vipps: {state}")
    if tx_id in sim.cancelled_at_psp:
        return 200, _fail(tx_id, "85", "Response received too late: the merchant cancelled this payment")
    refusal = refusal_for(payment.amount)
    if refusal is not None:
        return 200, _fail(tx_id, *refusal)
    return 200, {"paymentInfo": {"pspTransactionId": tx_id, "status": "OK"}}
