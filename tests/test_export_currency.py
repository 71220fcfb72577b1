"""The day's exports carry the currency (issue 16): the CSV's last column names each sale's, and the end-of-day
PDF totals each currency on lines of its own, never one sum across currencies."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

from pypdf import PdfReader

from kiosk.ledger import Ledger
from kiosk.ledger.export_csv import write_day_csv
from kiosk.ui.day_report_pdf import write_day_pdf
from tests.helpers import record_paid_sale

DAY = date.today()
NINE = datetime.combine(DAY, datetime.min.time()).astimezone() + timedelta(hours=9)


def _paid(ledger: Ledger, amount: int, currency: str, tx: str, minutes: int = 0) -> int:
    at = NINE + timedelta(minutes=minutes)
    return record_paid_sale(ledger, amount, at=at, tx=tx, provider="epayment", currency=currency, text="kaffe")


def _pdf_text(ledger: Ledger, tmp_path, **options) -> str:
    output = tmp_path / "report.pdf"
    write_day_pdf(ledger, DAY, output, **options)
    reader = PdfReader(output)
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_a_danish_sale_is_exported_with_dkk_in_the_last_column(ledger, tmp_path):
    sale_id = _paid(ledger, 4995, "DKK", "dk1")
    ledger.finish_refund(ledger.begin_refund(sale_id, 995, "r1").id, done=True)  # a refund is in its sale's DKK
    output = tmp_path / "day.csv"
    assert write_day_csv(ledger, DAY, output) == 1
    (header, row) = list(csv.reader(io.StringIO(output.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert header[-1] == "currency"
    assert row[2:5] == ["49,95", "49,95", "9,95"]
    assert row[-1] == "DKK"


def test_the_pdf_of_a_danish_day_totals_it_in_dkk(qapp, ledger, tmp_path):
    _paid(ledger, 4995, "DKK", "dk1")
    _paid(ledger, 2000, "DKK", "dk2", minutes=10)
    text = _pdf_text(ledger, tmp_path, currency="DKK").replace("\u00a0", " ")
    assert "Captured 2 sales DKK 69.95" in text
    assert "09:00–09:59 2 DKK 69.95" in text
    assert "NOK" not in text


def test_the_pdf_of_a_day_in_two_currencies_totals_each_on_lines_of_its_own(qapp, ledger, tmp_path):
    _paid(ledger, 4995, "DKK", "dk1")
    _paid(ledger, 10000, "NOK", "no1", minutes=10)
    text = _pdf_text(ledger, tmp_path).replace("\u00a0", " ")
    assert "Captured 1 sale DKK 49.95 Refunded 0 sales DKK 0.00 Net DKK 49.95" in text  # a count in its plural
    assert "Captured 1 sale NOK 100.00 Refunded 0 sales NOK 0.00 Net NOK 100.00" in text
    assert "09:00–09:59 2 DKK 49.95, NOK 100.00" in text  # the hour's money, each currency apart
    assert "149.95" not in text  # never a sum across currencies


def test_the_pdf_of_a_day_without_sales_shows_zero_in_the_shops_currency(qapp, ledger, tmp_path):
    text = _pdf_text(ledger, tmp_path, currency="EUR").replace("\u00a0", " ")
    assert "Captured 0 sales €0.00" in text
    assert "NOK" not in text


def test_the_pdf_of_a_danish_day_names_the_app_its_customers_use(qapp, ledger, tmp_path):
    """The manager's report of a shop whose customers pay with MobilePay says MobilePay, as the counter's
    outcome titles do: the rejections' line and, for a shop without a name, its title."""
    _paid(ledger, 4995, "DKK", "dk1")
    text = _pdf_text(ledger, tmp_path, currency="DKK")
    assert "MobilePay kiosk: end of day" in text
    assert "Rejected in MobilePay" in text
    assert "Vipps" not in text


def test_the_pdf_of_a_norwegian_day_still_says_vipps(qapp, ledger, tmp_path):
    _paid(ledger, 4995, "NOK", "no1")
    text = _pdf_text(ledger, tmp_path, currency="NOK")
    assert "Vipps kiosk: end of day" in text
    assert "Rejected in Vipps" in text
