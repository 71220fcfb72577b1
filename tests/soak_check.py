"""The soak's verdict: every sale it drove, checked against the ledger and against what Vipps (the simulator)
recorded. Plain data in, counts out, so a test can feed it a broken day and see it count the breakage."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.ledger.store import Ledger
from tests.vipps_apis import vipps_records


@dataclass(frozen=True)
class DrivenSale:
    """One sale as the soak drove it: what the customer did, what the screen said at the end."""

    amount_ore: int
    behaviour: str
    expected: str  # the outcome the customer's action should lead to
    shown: str  # the outcome screen's verdict
    fault: str | None = None  # the fault the sale met, in a few words, if any


@dataclass
class SoakVerdict:
    lost: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    mismatched: list[str] = field(default_factory=list)
    unlike_customer: list[str] = field(default_factory=list)  # true and agreed, but not what the customer did

    def counts(self) -> dict[str, int]:
        return {
            "lost": len(self.lost),
            "duplicated": len(self.duplicated),
            "mismatched": len(self.mismatched),
            "unlike the customer's action": len(self.unlike_customer),
        }


def check_day(ledger_file: Path, driven: list[DrivenSale], vipps_payments: list[dict[str, Any]]) -> SoakVerdict:
    """Lost: a sale the ledger lacks, or money Vipps took or holds for a sale the ledger calls unpaid.
    Duplicated: a sale charged more than once or more than its amount, or recorded twice.
    Mismatched: the ledger and Vipps disagree, a sale left unsettled, or the screen said otherwise than the ledger.

    `vipps_payments` is the simulator's `/_sim/payments`, of either API (PSP v3 or ePayment v1).
    """
    verdict = SoakVerdict()
    with Ledger.open(ledger_file, read_only=True) as ledger:
        sales = ledger.sales()
        attempts = {sale.id: ledger.attempts_of(sale.id) for sale in sales}
    by_tx = vipps_records(vipps_payments)
    known_tx = {a.psp_transaction_id for found in attempts.values() for a in found}
    for tx, payment in by_tx.items():
        if tx not in known_tx:
            verdict.lost.append(f"Vipps has payment {tx} ({payment.state}) that no sale in the ledger knows")

    if len(sales) > len(driven):
        verdict.duplicated.append(f"{len(sales) - len(driven)} more sales in the ledger than were rung up")
    if len(sales) < len(driven):
        verdict.lost.append(f"{len(driven) - len(sales)} sales rung up are missing from the ledger")

    for number, (sale, drove) in enumerate(zip(sales, driven, strict=False), start=1):
        label = f"sale {number} ({drove.behaviour}, {drove.amount_ore} øre)"
        payments = [by_tx[a.psp_transaction_id] for a in attempts[sale.id] if a.psp_transaction_id in by_tx]
        captured = [p for p in payments if p.captured > 0]
        held = [p for p in payments if p.holds_money]
        captured_ore = sum(p.captured for p in captured)
        if sale.amount_ore != drove.amount_ore:
            verdict.mismatched.append(f"{label}: the ledger has {sale.amount_ore} øre")
        if len(captured) > 1 or captured_ore > sale.amount_ore:
            verdict.duplicated.append(f"{label}: charged {len(captured)} times, {captured_ore} øre in all")
        if sale.state == "PAID":
            paid_tx = next((a.psp_transaction_id for a in attempts[sale.id] if a.id == sale.paid_attempt_id), None)
            if captured_ore != sale.amount_ore or [p.reference for p in captured] != [paid_tx]:
                verdict.mismatched.append(f"{label}: paid in the ledger, Vipps captured {captured_ore} øre")
        elif sale.state == "NOT_PAID":
            if captured or held:
                verdict.lost.append(f"{label}: not paid in the ledger, yet Vipps took or holds the money")
        else:
            verdict.mismatched.append(f"{label}: left {sale.state} in the ledger")
        if (drove.shown == "PAID") != (sale.state == "PAID"):
            verdict.mismatched.append(f"{label}: the screen said {drove.shown}, the ledger says {sale.state}")
        if drove.shown != drove.expected:
            verdict.unlike_customer.append(f"{label}: expected {drove.expected}, shown {drove.shown}")
    return verdict


def tally(driven: list[DrivenSale]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for sale in driven:
        counts[sale.behaviour] += 1
    return dict(sorted(counts.items()))


def tally_faults(driven: list[DrivenSale]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for sale in driven:
        if sale.fault is not None:
            counts[sale.fault] += 1
    return dict(sorted(counts.items()))
