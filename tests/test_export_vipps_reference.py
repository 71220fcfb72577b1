"""A manager finds every sale of the CSV in Vipps' own records: its last column is the reference Vipps knows the
paid attempt by (PSP `pspTransactionId`, ePayment `reference`), or the last attempt's when none was paid."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from kiosk.checkout.providers_by_api import make_provider
from kiosk.checkout.session import SaleSession
from kiosk.ledger import Ledger
from kiosk.ledger.export_csv import write_day_csv
from kiosk.settings.demo import demo_vipps_settings
from kiosk.settings.model import KioskSettings
from tests.conftest import FAST_RETRY
from tests.helpers import approve, record_paid_sale
from tests.vipps_apis import API_NAMES, VippsRecord


def _csv_rows(ledger: Ledger, tmp_path) -> list[dict[str, str]]:
    output = tmp_path / "day.csv"
    write_day_csv(ledger, date.today(), output)
    return list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("api", API_NAMES)
def test_each_row_names_the_payment_as_vipps_knows_it(sim, ledger, tmp_path, api):
    vipps = demo_vipps_settings(sim.base_url, api=api)
    with make_provider(vipps, retry=FAST_RETRY) as provider:
        # Paid on the second attempt: the QR code first, then pushed to the customer's phone.
        paid = SaleSession.begin(provider, ledger, vipps, KioskSettings(), 14950, "Kaffe")
        paid.start_attempt()
        pushed = paid.start_attempt("91234567").attempt
        approve(provider, pushed, "91234567")
        paid.observe(pushed.psp_transaction_id, provider.read(pushed.psp_transaction_id))
        # Never paid: the customer walked away and staff cancelled.
        walked_away = SaleSession.begin(provider, ledger, vipps, KioskSettings(), 5000)
        walked_away.start_attempt()
        walked_away.cancel()
    at_vipps = {payment["amount"]: [] for payment in sim.payments()}
    for payment in sim.payments():
        at_vipps[payment["amount"]].append(VippsRecord.from_json(payment))
    paid_row, unpaid_row = _csv_rows(ledger, tmp_path)
    (captured,) = [record for record in at_vipps[14950] if record.state == "CAPTURED"]
    assert paid_row["vipps reference"] == captured.reference
    assert paid_row["attempts"] == "2"
    (cancelled,) = at_vipps[5000]
    assert unpaid_row["vipps reference"] == cancelled.reference
    # Each column added last, the currency after the reference: older readers of the file keep working.
    assert list(paid_row)[-2:] == ["vipps reference", "currency"]


def test_the_paid_attempt_is_named_even_when_a_later_one_exists(ledger, tmp_path):
    # A sale paid by its first attempt while a second was being started (the kiosk gives the newer one up).
    sale_id = record_paid_sale(ledger, amount=2500, tx="paidattempt01")
    ledger.add_attempt(
        sale_id,
        psp_transaction_id="lateattempt02",
        merchant_order_id="order-late",
        idempotency_key="key-late",
        channel="QR",
        phone_masked=None,
        state="CANCELLED",
    )
    ledger.new_sale(3000)  # never tried: Vipps has nothing to name
    assert [row["vipps reference"] for row in _csv_rows(ledger, tmp_path)] == ["paidattempt01", ""]
