"""Request checks with the error codes Vipps answers. Each returns Vipps' error list, or None when all is well."""

from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import urlsplit

PSP_TRANSACTION_ID = re.compile(r"^[a-z0-9]{1,36}$")
MERCHANT_ORDER_ID = re.compile(r"^[a-zA-Z0-9-]{1,50}$")
PHONE = re.compile(r"^[0-9]{8}$")
STATUSES = ("RESERVED", "CAPTURED", "CANCELLED", "REFUNDED")


def error(code: str, message: str) -> dict[str, str]:
    return {"errorCode": code, "errorMessage": message, "contextId": str(uuid.uuid4())}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_web_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def check_initiate(body: Any, skip_landing_page_allowed: bool) -> list[dict[str, str]] | None:
    if not isinstance(body, dict):
        return [error("51", "Invalid request: the body must be a JSON object")]
    tx_id = body.get("pspTransactionId")
    if not isinstance(tx_id, str) or not PSP_TRANSACTION_ID.fullmatch(tx_id):
        return [error("51", "Invalid request: pspTransactionId must be 1-36 characters a-z and 0-9")]
    order_id = body.get("merchantOrderId")
    if not isinstance(order_id, str) or not MERCHANT_ORDER_ID.fullmatch(order_id):
        return [error("51", "Invalid request: merchantOrderId must match ^[a-zA-Z0-9-]{1,50}$")]
    amount = body.get("amount")
    if not _is_int(amount) or amount > 2**31 - 1:
        return [error("51", "Invalid request: amount must be an integer number of øre")]
    if amount < 100:
        return [error("amount", "amount.less.than.one")]
    if body.get("currency") != "NOK":
        return [error("currency", "transaction.currency.invalid")]
    if not _is_web_url(body.get("pspRedirectUrl")):
        return [error("51", "Invalid pspRedirectUrl")]
    if not _is_web_url(body.get("makePaymentUrl")):
        return [error("makePaymentUrl", "invalid makePaymentUrl")]
    token = body.get("makePaymentToken")
    if token is not None and (not isinstance(token, str) or len(token) > 255):
        return [error("51", "Invalid request: makePaymentToken must be text of at most 255 characters")]
    phone = body.get("customerMobileNumber")
    if phone is not None and (not isinstance(phone, str) or not PHONE.fullmatch(phone)):
        return [error("51", "Invalid request: customerMobileNumber must be 8 digits without +47")]
    text = body.get("paymentText")
    if text is not None and (not isinstance(text, str) or len(text) > 100):
        return [error("51", "Invalid request: paymentText must be text of at most 100 characters")]
    for flag in ("isApp", "skipLandingPage"):
        if flag in body and not isinstance(body[flag], bool):
            return [error("51", f"Invalid request: {flag} must be true or false")]
    if body.get("skipLandingPage"):
        if not skip_landing_page_allowed:
            return [error("42", "Invalid payment model: this sales unit may not skip the landing page")]
        if phone is None:
            return [error("51", "Invalid request: skipLandingPage needs customerMobileNumber")]
    return None


def check_status_update(body: Any) -> list[dict[str, str]] | None:
    if not isinstance(body, dict) or not isinstance(body.get("transactions"), list) or not body["transactions"]:
        return [error("51", "Invalid request: transactions must be a non-empty list")]
    for item in body["transactions"]:
        if not isinstance(item, dict):
            return [error("51", "Invalid request: each transaction must be an object")]
        if not isinstance(item.get("pspTransactionId"), str):
            return [error("51", "Invalid request: pspTransactionId is required")]
        if item.get("status") not in STATUSES:
            return [error("51", f"Invalid request: status must be one of {', '.join(STATUSES)}")]
        amount = item.get("amount")
        if not _is_int(amount) or amount < 0:
            return [error("51", "Invalid request: amount must be a non-negative integer number of øre")]
        if item.get("currency", "NOK") != "NOK":
            return [error("currency", "transaction.currency.invalid")]
    return None


def check_force_approve(body: Any) -> list[dict[str, str]] | None:
    if not isinstance(body, dict):
        return [error("51", "Invalid request: the body must be a JSON object")]
    phone = body.get("customerPhoneNumber")
    if not isinstance(phone, str) or not PHONE.fullmatch(phone):
        return [error("51", "Invalid request: customerPhoneNumber must be 8 digits")]
    if not isinstance(body.get("token"), str) or not body["token"]:
        return [error("51", "Invalid request: token is required")]
    return None
