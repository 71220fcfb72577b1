"""Rows of the ledger as values."""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.domain.message import Currency


@dataclass(frozen=True)
class SaleRecord:
    id: int
    created_at: str
    amount_ore: int
    payment_text: str
    state: str
    outcome: str | None
    paid_attempt_id: int | None
    order_id: str | None = None
    phone_masked: str | None = None
    attempt_count: int = 0
    captured_ore: int = 0
    refunded_ore: int = 0
    provider: str | None = None  # the API it went through: the paid attempt's, else the latest attempt's
    currency: Currency = "NOK"  # what its amounts are hundredths of (NOK, DKK, EUR); its refunds are in it too


@dataclass(frozen=True)
class AttemptRecord:
    id: int
    sale_id: int
    psp_transaction_id: str
    merchant_order_id: str
    idempotency_key: str
    channel: str
    phone_masked: str | None
    state: str
    redirect_url: str | None
    reason: str | None
    created_at: str
    updated_at: str
    provider: str = "psp"  # the payment API it was made with: "psp" or "epayment"
    # The sales unit and the Vipps address it was made at (None: recorded before schema 5). No secrets.
    merchant_serial_number: str | None = None
    base_url: str | None = None


@dataclass(frozen=True)
class Transition:
    id: int
    sale_id: int
    attempt_id: int | None
    at: str
    from_state: str | None
    to_state: str
    note: str


@dataclass(frozen=True)
class RefundRecord:
    id: int
    sale_id: int
    attempt_id: int
    amount_ore: int
    state: str  # PENDING (recorded, maybe sent), DONE, FAILED
    idempotency_key: str
    reason: str | None
    created_at: str
    updated_at: str
