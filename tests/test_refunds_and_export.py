"""Refunds through Vipps, and the day's CSV as Excel with Norwegian settings reads it."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from kiosk.checkout.refunds import refund, resend_pending_refunds
from kiosk.checkout.session import SaleSession
from kiosk.ledger import RefundRefused
from kiosk.ledger.export_csv import ExportError, write_day_csv
from kiosk.settings.model import KioskSettings
from tests.helpers import FAULT_PATHS, approve, mounted_small_disk, reference_of


def _paid_sale(provider, ledger, settings, amount=14950, phone="91234567") -> int:
    session = SaleSession.begin(provider, ledger, settings, KioskSettings(), amount, "Kaffe og bolle, æøå")
    started = session.start_attempt(phone)
    approve(provider, started.attempt, phone)
    tx = started.attempt.psp_transaction_id
    session.observe(tx, provider.read(tx))
    return session.sale_id


def test_a_partial_then_the_rest_refunded_through_vipps(provider, providers, vipps_settings, ledger, sim):
    sale_id = _paid_sale(provider, ledger, vipps_settings)
    assert refund(providers, ledger, sale_id, 4950).state == "DONE"
    assert refund(providers, ledger, sale_id, 10000).state == "DONE"
    assert ledger.sale(sale_id).refunded_ore == 14950
    (payment,) = sim.payments()
    assert payment["refundedAmount"] == 14950
    with pytest.raises(RefundRefused, match="Only 0,00"):
        refund(providers, ledger, sale_id, 1)
    assert sim.payments()[0]["refundedAmount"] == 14950


def test_a_refund_without_an_answer_stays_pending_and_is_sent_again_once(
    provider, providers, vipps_settings, ledger, sim
):
    sale_id = _paid_sale(provider, ledger, vipps_settings)
    # Applied at Vipps, every answer lost.
    sim.fault(path=FAULT_PATHS[vipps_settings.api]["refund"], drop=True, count=4)
    assert refund(providers, ledger, sale_id, 5000).state == "PENDING"
    assert ledger.sale(sale_id).refunded_ore == 0
    (sent_again,) = resend_pending_refunds(providers, ledger)
    assert sent_again.state == "DONE"
    assert ledger.sale(sale_id).refunded_ore == 5000
    assert sim.payments()[0]["refundedAmount"] == 5000  # the same key: refunded once, not twice


def test_a_refund_vipps_refuses_is_recorded_as_failed_and_changes_nothing(
    provider, providers, vipps_settings, ledger, sim
):
    sale_id = _paid_sale(provider, ledger, vipps_settings)
    sim.fault(path=FAULT_PATHS[vipps_settings.api]["refund"], status=400, count=1)
    record = refund(providers, ledger, sale_id, 5000)
    assert (record.state, ledger.sale(sale_id).refunded_ore) == ("FAILED", 0)
    assert sim.payments()[0]["refundedAmount"] == 0


def test_the_csv_opens_in_norwegian_excel(provider, providers, vipps_settings, ledger, sim, tmp_path):
    sale_id = _paid_sale(provider, ledger, vipps_settings, amount=124950)
    refund(providers, ledger, sale_id, 950)
    output = tmp_path / "day.csv"
    assert write_day_csv(ledger, date.today(), output) == 1
    raw = output.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    assert b"91234567" not in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == [
        "time",
        "order id",
        "amount (kr)",
        "captured (kr)",
        "refunded (kr)",
        "status",
        "phone",
        "attempts",
        "vipps api",
        "vipps reference",
        "currency",
    ]
    (row,) = rows[1:]
    api = {"psp": "PSP v3", "epayment": "ePayment"}[vipps_settings.api]
    (payment,) = sim.payments()
    assert row[2:] == [
        "1249,50",
        "1249,50",
        "9,50",
        "PART REFUNDED",
        "******67",
        "1",
        api,
        reference_of(payment),
        "NOK",
    ]


def test_an_empty_day_exports_a_header_and_nothing_else(ledger, tmp_path):
    output = tmp_path / "empty.csv"
    assert write_day_csv(ledger, date(2001, 1, 1), output) == 0
    assert output.read_text(encoding="utf-8-sig").splitlines() == [
        "time;order id;amount (kr);captured (kr);refunded (kr);status;phone;attempts;vipps api;vipps reference;currency"
    ]


def test_an_unwritable_path_is_a_clear_message_and_leaves_nothing(ledger, tmp_path):
    output = tmp_path / "no" / "such" / "folder" / "day.csv"
    with pytest.raises(ExportError, match=r"could not be written to .*No such file or directory"):
        write_day_csv(ledger, date.today(), output)
    assert not output.parent.exists()


@pytest.fixture
def full_disk(tmp_path):
    """A real, tiny file system, filled to the brim (needs root to mount; a user's machine skips this)."""
    with mounted_small_disk(tmp_path / "full", "64k") as disk:
        disk.fill()
        yield disk.mount


def test_a_full_disk_is_a_clear_message_and_leaves_no_half_export(provider, vipps_settings, ledger, sim, full_disk):
    _paid_sale(provider, ledger, vipps_settings)
    output = full_disk / "day.csv"
    with pytest.raises(ExportError, match="No space left on device"):
        write_day_csv(ledger, date.today(), output)
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]
