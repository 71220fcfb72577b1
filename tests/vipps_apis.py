"""The two Vipps APIs as the fault tests see them: where each one's calls go (so a fault rule can target "the
init" or "the capture" whichever API runs), and the simulator's record of a payment read the same way for both.

| call      | PSP API v3                              | ePayment API v1                              |
|-----------|-----------------------------------------|----------------------------------------------|
| init      | POST /psp/v3/psppayments/init           | POST /epayment/v1/payments                   |
| details   | GET  /psp/v3/psppayments/{id}/details   | GET  /epayment/v1/payments/{reference}       |
| capture   | POST /psp/v3/psppayments/updatestatus   | POST /epayment/v1/payments/{reference}/capture |
| cancel    | POST /psp/v3/psppayments/updatestatus   | POST /epayment/v1/payments/{reference}/cancel  |

ePayment's read of a payment still waiting (CREATED) also fetches its event log (`.../events`), to see a refused
card; `details` targets the payment itself, the read every poll makes first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

API_NAMES = ("psp", "epayment")


@dataclass(frozen=True)
class ApiPaths:
    """Regular expressions (for a fault rule's `path`) matching exactly one kind of the kiosk's calls."""

    name: str
    init: str
    details: str
    capture: str
    cancel: str


PSP_PATHS = ApiPaths("psp", init="/init$", details="/details$", capture="/updatestatus$", cancel="/updatestatus$")
EPAYMENT_PATHS = ApiPaths(
    "epayment",
    init="^/epayment/v1/payments$",
    details="^/epayment/v1/payments/[^/]+$",
    capture="^/epayment/v1/payments/[^/]+/capture$",
    cancel="^/epayment/v1/payments/[^/]+/cancel$",
)
PATHS = {paths.name: paths for paths in (PSP_PATHS, EPAYMENT_PATHS)}


# ePayment's states in the PSP simulator's words, so one assertion reads both records. AUTHORIZED is refined by
# its aggregate in `VippsRecord.state`.
_EPAYMENT_STATES = {"CREATED": "WAITING", "ABORTED": "FAILED", "EXPIRED": "FAILED", "TERMINATED": "CANCELLED"}
# Where the customer is, in both APIs (the simulator's shared `Stage`): still able to approve.
_WAITING_STAGES = ("AWAITING_PHONE", "AWAITING_APP", "AUTHORISING")


@dataclass(frozen=True)
class VippsRecord:
    """One payment as the simulator recorded it (`/_sim/payments`), for either API.

    `state` is one word in the PSP simulator's vocabulary: WAITING (the customer may still approve), RESERVED
    (money held, neither captured nor released), CAPTURED, REFUNDED, CANCELLED (cancelled before approval, or
    the reservation released) or FAILED (rejected, refused or expired: never reserved).
    """

    api: str
    reference: str  # the kiosk's id for it: the ledger's psp_transaction_id
    request_id: str  # the id the customer's app answers with (`pspTransactionId` in /_sim/app/requests)
    amount: int
    captured: int
    refunded: int
    cancelled: bool  # a cancel reached Vipps (before approval, or releasing the reservation)
    state: str
    captures: int  # successful captures in its log
    reservations: int  # successful approvals (PSP RESERVED, ePayment AUTHORIZED) in its log
    refusal_id: str | None  # why a card was refused, or an approval came too late (PSP 85), if it was
    raw: dict[str, Any]

    @property
    def holds_money(self) -> bool:
        return self.state == "RESERVED"

    @property
    def settled(self) -> bool:
        """Nothing left to happen: nobody can approve it any more, and no money is held by it."""
        return self.state in ("CAPTURED", "REFUNDED", "CANCELLED", "FAILED")

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> VippsRecord:
        return cls._from_epayment(raw) if raw["api"] == "epayment" else cls._from_psp(raw)

    @classmethod
    def _from_psp(cls, raw: dict[str, Any]) -> VippsRecord:
        def succeeded(operation: str) -> int:
            return sum(1 for e in raw["history"] if e["operation"] == operation and e["operationSuccess"])

        state = raw["state"]
        if state in _WAITING_STAGES:
            state = "WAITING"
        return cls(
            api="psp",
            reference=raw["pspTransactionId"],
            request_id=raw["pspTransactionId"],
            amount=raw["amount"],
            captured=raw["capturedAmount"],
            refunded=raw["refundedAmount"],
            cancelled=raw["cancelled"],
            state=state,
            captures=succeeded("CAPTURED"),
            reservations=succeeded("RESERVED"),
            refusal_id=(raw["failure"] or {}).get("errorId"),
            raw=raw,
        )

    @classmethod
    def _from_epayment(cls, raw: dict[str, Any]) -> VippsRecord:
        def succeeded(name: str) -> int:
            return sum(1 for e in raw["events"] if e["name"] == name and e["success"])

        state = _EPAYMENT_STATES.get(raw["state"], raw["state"])
        if raw["state"] == "AUTHORIZED":
            if raw["capturedAmount"] == 0 and raw["cancelledAmount"] > 0:
                state = "CANCELLED"
            elif raw["refundedAmount"] > 0:
                state = "REFUNDED"
            elif raw["capturedAmount"] > 0:
                state = "CAPTURED"
            else:
                state = "RESERVED"
        return cls(
            api="epayment",
            reference=raw["reference"],
            request_id=raw["pspReference"],
            amount=raw["amount"],
            captured=raw["capturedAmount"],
            refunded=raw["refundedAmount"],
            cancelled=raw["cancelled"],
            state=state,
            captures=succeeded("CAPTURED"),
            reservations=succeeded("AUTHORIZED"),
            refusal_id=(raw["failure"] or {}).get("errorId"),
            raw=raw,
        )


def vipps_records(payments: list[dict[str, Any]]) -> dict[str, VippsRecord]:
    """`/_sim/payments` read for either API, by the kiosk's reference."""
    records = (VippsRecord.from_json(raw) for raw in payments)
    return {record.reference: record for record in records}


def vipps_record(payments: list[dict[str, Any]], any_id: str) -> VippsRecord:
    """The one payment `any_id` names: the kiosk's reference, or the id the customer's app answered with."""
    (found,) = [r for r in vipps_records(payments).values() if any_id in (r.reference, r.request_id)]
    return found
