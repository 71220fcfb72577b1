"""Test-side helpers: drive the simulator's /_sim/ controls and start payments with the real client."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from kiosk.checkout.provider import PaymentProvider
from kiosk.checkout.updates import AttemptView
from kiosk.domain.ids import new_merchant_order_id, new_psp_transaction_id
from kiosk.ledger import Ledger
from kiosk.settings.model import VippsSettings
from kiosk.vipps.client import VippsClient
from kiosk.vipps.models import InitiateRequest, InitiateResponse
from tests.vipps_apis import VippsRecord, vipps_record, vipps_records


class SimControl:
    """The simulator's own controls, as a test or a trainer uses them."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = httpx.Client(base_url=base_url, timeout=30, trust_env=False)

    def close(self) -> None:
        self.http.close()

    def reset(self) -> None:
        self.http.post("/_sim/reset").raise_for_status()

    def payments(self) -> list[dict[str, Any]]:
        return self.http.get("/_sim/payments").json()

    def payment(self, psp_transaction_id: str) -> dict[str, Any]:
        """A payment of either API by the kiosk's reference (the PSP API's pspTransactionId, ePayment's reference)
        or by the id the app knows it by (an ePayment payment's pspReference)."""
        ids = ("pspTransactionId", "reference", "pspReference")
        (found,) = [p for p in self.payments() if psp_transaction_id in (p.get(name) for name in ids)]
        return found

    def epayment(self, reference: str) -> dict[str, Any]:
        """An ePayment API payment as /_sim/payments shows it."""
        (found,) = [p for p in self.payments() if p["api"] == "epayment" and p["reference"] == reference]
        return found

    def records(self) -> dict[str, VippsRecord]:
        """Every payment of either API, read the same way, by the kiosk's reference."""
        return vipps_records(self.payments())

    def record(self, any_id: str) -> VippsRecord:
        """One payment of either API, by the kiosk's reference or the id the customer's app answered with."""
        return vipps_record(self.payments(), any_id)

    def app_requests(self, phone: str) -> list[dict[str, Any]]:
        return self.http.get("/_sim/app/requests", params={"phone": phone}).json()

    def fault(self, **rule: Any) -> None:
        self.http.post("/_sim/faults", json=rule).raise_for_status()

    def faults(self) -> list[dict[str, Any]]:
        return self.http.get("/_sim/faults").json()

    def clear_faults(self) -> None:
        self.http.delete("/_sim/faults").raise_for_status()

    def revoke_tokens(self) -> None:
        self.http.delete("/_sim/tokens").raise_for_status()

    def token_counts(self) -> dict[str, int]:
        """How many access tokens were asked for and issued since the last reset, and how many are valid."""
        return self.http.get("/_sim/tokens").json()

    def run_batch(self, refuse: list[str] | None = None) -> dict[str, Any]:
        """Vipps' nightly batch (a simulator started with batch_status_updates); `refuse` names payments whose
        updates it refuses."""
        return self.http.post("/_sim/batch/run", json={"refuse": refuse} if refuse else None).json()

    def enter_phone(self, landing_url: str, phone: str) -> httpx.Response:
        token = parse_qs(urlsplit(landing_url).query)["token"][0]
        return self.http.post("/_sim/landing/phone", params={"token": token}, json={"phone": phone})

    def respond(self, psp_transaction_id: str, phone: str, action: str) -> httpx.Response:
        """Approve or reject in the app. Takes the app's own request id, or the kiosk's reference of either API
        (the app knows an ePayment payment by its pspReference)."""
        known = [p for p in self.payments() if p.get("api") == "epayment" and p["reference"] == psp_transaction_id]
        request_id = known[0]["pspReference"] if known else psp_transaction_id
        return self.http.post(
            "/_sim/app/respond",
            json={"pspTransactionId": request_id, "phone": phone, "action": action},
        )


# Where each API's calls go, as a fault rule's `path` (a regular expression searched in the request path) names them.
FAULT_PATHS: dict[str, dict[str, str]] = {
    "psp": {
        "start": "/init$",
        "read": "/details$",
        "capture": "updatestatus",
        "cancel": "updatestatus",
        "refund": "updatestatus",
    },
    "epayment": {
        "start": "/epayment/v1/payments$",
        "read": "/epayment/v1/payments/[^/]+(/events)?$",
        "capture": "/capture$",
        "cancel": "/cancel$",
        "refund": "/refund$",
    },
}


def reference_of(payment: dict[str, Any]) -> str:
    """The kiosk's own reference of a payment as /_sim/payments lists it, whichever API it went through."""
    return payment.get("pspTransactionId") or payment["reference"]


def approve(provider: PaymentProvider, attempt: AttemptView, phone: str = "91234567") -> None:
    """The customer approves an attempt the kiosk started, through the API's force-approve."""
    landing_token = parse_qs(urlsplit(attempt.landing_url).query)["token"][0] if attempt.landing_url else None
    provider.force_approve(attempt.psp_transaction_id, phone, landing_token)


def psp_headers(settings: VippsSettings, access_token: str) -> dict[str, str]:
    """The headers of a PSP call, for a bare HTTP client that bypasses VippsClient on purpose."""
    return {
        "Authorization": f"Bearer {access_token}",
        "Ocp-Apim-Subscription-Key": settings.subscription_key,
        "Merchant-Serial-Number": settings.merchant_serial_number,
        "Psp-Id": settings.psp_id,
    }


def initiate_request(settings: VippsSettings, amount: int = 14950, **overrides: Any) -> InitiateRequest:
    fields: dict[str, Any] = {
        "psp_transaction_id": new_psp_transaction_id(),
        "merchant_order_id": new_merchant_order_id(datetime.now()),
        "amount": amount,
        "psp_redirect_url": "http://127.0.0.1/receipt",
        "make_payment_url": settings.make_payment_url,
        "make_payment_token": settings.make_payment_token,
        "payment_text": "Test purchase",
    }
    fields.update(overrides)
    return InitiateRequest(**fields)


def start_payment(
    client: VippsClient, settings: VippsSettings, amount: int = 14950, **overrides: Any
) -> InitiateResponse:
    return client.initiate(initiate_request(settings, amount, **overrides))


def sale_left_open_by_a_crash(ledger_file: Path) -> int:
    """A ledger as a crash leaves it: one sale whose QR attempt was recorded, its init never answered."""
    with Ledger.open(ledger_file) as ledger:
        sale = ledger.new_sale(14950)
        ledger.add_attempt(
            sale.id,
            psp_transaction_id="lostinthecrash",
            merchant_order_id="o-1",
            idempotency_key="k",
            channel="QR",
            phone_masked=None,
            state="CREATED",
        )
    return sale.id


def record_paid_sale(
    ledger,
    amount: int = 10000,
    at=None,
    tx: str = "tx1",
    phone_masked: str | None = None,
    provider: str = "psp",
    *,
    currency: str = "NOK",
    text: str = "",
) -> int:
    """A captured sale written straight into a ledger, as the checkout would have left it (in `currency`, as the
    checkout of a shop in that currency's market records it)."""
    sale = ledger.new_sale(amount, text, at=at, currency=currency)
    attempt = ledger.add_attempt(
        sale.id,
        psp_transaction_id=tx,
        merchant_order_id=f"order-{tx}",
        idempotency_key=f"key-{tx}",
        channel="PHONE" if phone_masked else "QR",
        phone_masked=phone_masked,
        state="PENDING",
        provider=provider,
    )
    ledger.move_attempt(attempt.id, ["PENDING"], "RESERVED")
    ledger.move_sale(sale.id, ["OPEN"], "PAID", outcome="PAID", paid_attempt_id=attempt.id)
    ledger.move_attempt(attempt.id, ["RESERVED"], "CAPTURED")
    return sale.id


class SmallDisk:
    """A real, tiny file system (tmpfs) that a test fills to the last byte and frees again."""

    def __init__(self, mount: Path) -> None:
        self.mount = mount
        self._filler = mount / "filler"

    def fill(self) -> None:
        """Write until the file system says no more (ENOSPC)."""
        with self._filler.open("ab", buffering=0) as filler, contextlib.suppress(OSError):
            while True:
                filler.write(b"\0" * 4096)

    def free(self) -> None:
        self._filler.unlink(missing_ok=True)


@contextlib.contextmanager
def mounted_small_disk(mount: Path, size: str) -> Iterator[SmallDisk]:
    """Mount a tmpfs of `size` (like "64k") at `mount`; skips the test where that needs root it does not have."""
    mount.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True, check=False
        ).returncode
    ):
        pytest.skip("mounting a small file system needs root")
    disk = SmallDisk(mount)
    try:
        yield disk
    finally:
        disk.free()  # before anything else tears down, so a writer still holding the disk can finish
        subprocess.run(["umount", "--lazy", str(mount)], check=False)
