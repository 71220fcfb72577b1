"""The ids the kiosk sends to Vipps, made to fit the PSP API's patterns."""

import re
import secrets
import uuid
from datetime import datetime

PSP_TRANSACTION_ID = re.compile(r"^[a-z0-9]{1,36}$")
MERCHANT_ORDER_ID = re.compile(r"^[a-zA-Z0-9-]{1,50}$")


def new_psp_transaction_id() -> str:
    """A globally unique id: 32 lowercase hex characters (the API allows a-z0-9, at most 36)."""
    return uuid.uuid4().hex


def new_merchant_order_id(now: datetime, prefix: str = "kiosk") -> str:
    """An order id staff can read aloud and sort by time, unique per sales unit.

    The random tail keeps two kiosks of one shop (same MSN) from colliding in the same second.
    """
    order_id = f"{prefix}-{now:%Y%m%d-%H%M%S}-{secrets.token_hex(3)}"
    if not MERCHANT_ORDER_ID.fullmatch(order_id):
        raise ValueError("the order-id prefix may hold only letters, digits and '-'")
    return order_id
