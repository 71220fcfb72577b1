"""The ledger itself: durable, versioned, compare-and-set, append-only, and honest about damage and full disks."""

from __future__ import annotations

import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.domain.apis import api_title
from kiosk.domain.message import Message, Money
from kiosk.ledger import Ledger, LedgerConflict, LedgerError, RefundRefused
from kiosk.ledger.opening import connect
from kiosk.ledger.report import DayRow, DayTotals, hour_bounds
from kiosk.ledger.schema import MIGRATIONS
from tests.helpers import record_paid_sale


def _paid_sale(ledger: Ledger, amount: int = 10000, at: datetime | None = None, tx: str = "tx1") -> int:
    return record_paid_sale(ledger, amount, at, tx, phone_masked="******67")


def _sql(path: Path, query: str) -> list[tuple]:
    """`query` on a connection of the test's own: what the file holds, whatever the ledger's code says."""
    db = sqlite3.connect(path)
    try:
        return db.execute(query).fetchall()
    finally:
        db.close()


def _whole_day(ledger: Ledger, day: date) -> list[DayRow]:
    return ledger.day_rows_page(day, limit=1_000_000)


def test_it_is_wal_with_full_sync_and_the_newest_schema(tmp_path):
    db = connect(tmp_path / "ledger.sqlite3", verify=True, read_only=False)  # the ledger's own connection
    try:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("PRAGMA synchronous").fetchone() == (2,)  # FULL: set, as SQLite's default in WAL is not
        assert db.execute("PRAGMA user_version").fetchone() == (len(MIGRATIONS),)
    finally:
        db.close()


def test_an_old_ledger_is_migrated_with_its_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
        old.execute(
            "INSERT INTO sales (created_at, amount_ore, state) VALUES ('2026-01-01T10:00:00.000+00:00', 500, 'PAID')"
        )
        old.execute(
            "INSERT INTO attempts (sale_id, psp_transaction_id, merchant_order_id, idempotency_key, channel,"
            " state, created_at, updated_at) VALUES (1, 'abc', 'o-1', 'k', 'QR', 'CAPTURED', 'x', 'x')"
        )
    old.close()
    with Ledger.open(path) as ledger:
        (sale,) = ledger.sales()
        assert (sale.order_id, sale.attempt_count, sale.captured_ore) == ("o-1", 1, 500)


def _attempt(ledger: Ledger, sale_id: int, tx: str, provider: str, state: str = "PENDING"):
    return ledger.add_attempt(
        sale_id,
        psp_transaction_id=tx,
        merchant_order_id=f"order-{tx}",
        idempotency_key=f"key-{tx}",
        channel="QR",
        phone_masked=None,
        state=state,
        provider=provider,
    )


def test_each_sale_shows_the_api_it_was_paid_through_else_the_one_last_tried(ledger):
    switched = ledger.new_sale(500)  # tried through PSP, then paid through ePayment after the switch
    first = _attempt(ledger, switched.id, "a1", "psp")
    ledger.move_attempt(first.id, ["PENDING"], "CANCELLED")
    paid = _attempt(ledger, switched.id, "a2", "epayment")
    ledger.reserve_and_mark_paid(paid.id, ["PENDING"], note="approved")
    refused = ledger.new_sale(600)
    _attempt(ledger, refused.id, "b1", "psp", state="REFUSED")
    ledger.move_sale(refused.id, ["OPEN"], "NOT_PAID", outcome="REFUSED")
    untried = ledger.new_sale(700)
    assert [ledger.sale(s.id).provider for s in (switched, refused, untried)] == ["epayment", "psp", None]
    rows = _whole_day(ledger, date.today())
    assert [api_title(row.provider) for row in rows] == ["ePayment", "PSP v3", ""]


def test_a_ledger_from_before_the_sales_api_column_learns_it_from_the_attempts(tmp_path):
    path = tmp_path / "v3.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(";".join(MIGRATIONS[:3]) + "; PRAGMA user_version = 3;")
        for sale_id, state, paid in ((1, "PAID", 2), (2, "NOT_PAID", None), (3, "OPEN", None)):
            old.execute(
                "INSERT INTO sales (id, created_at, amount_ore, state, paid_attempt_id)"
                " VALUES (?, '2026-01-01T10:00:00.000+00:00', 500, ?, ?)",
                (sale_id, state, paid),
            )
        for attempt_id, sale_id, provider in ((1, 1, "epayment"), (2, 1, "psp"), (3, 2, "psp"), (4, 2, "epayment")):
            old.execute(
                "INSERT INTO attempts (id, sale_id, psp_transaction_id, merchant_order_id, idempotency_key, channel,"
                " state, created_at, updated_at, provider) VALUES (?, ?, ?, ?, 'k', 'QR', 'X', 'x', 'x', ?)",
                (attempt_id, sale_id, f"tx{attempt_id}", f"o-{attempt_id}", provider),
            )
    old.close()
    with Ledger.open(path) as ledger:
        # The paid attempt's API, else the latest attempt's; a sale never tried has none.
        assert [sale.provider for sale in ledger.sales()] == ["psp", "epayment", None]


def test_a_ledger_from_before_the_sales_unit_columns_keeps_its_attempts_without_them(tmp_path):
    """Schema 5 records the sales unit (MSN) and Vipps address of each attempt; older attempts keep NULL (the
    checkout reads them with the current settings, and never closes one as never created at a real Vipps)."""
    path = tmp_path / "v4.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(";".join(MIGRATIONS[:4]) + "; PRAGMA user_version = 4;")
        old.execute("INSERT INTO sales (id, created_at, amount_ore, state) VALUES (1, 'x', 500, 'OPEN')")
        old.execute(
            "INSERT INTO attempts (id, sale_id, psp_transaction_id, merchant_order_id, idempotency_key, channel,"
            " state, created_at, updated_at, provider)"
            " VALUES (1, 1, 'tx1', 'o-1', 'k', 'QR', 'UNKNOWN', 'x', 'x', 'psp')"
        )
    old.close()
    with Ledger.open(path) as ledger:
        (attempt,) = ledger.attempts_of(1)
        assert (attempt.psp_transaction_id, attempt.state) == ("tx1", "UNKNOWN")
        assert (attempt.merchant_serial_number, attempt.base_url) == (None, None)
    assert _sql(path, "PRAGMA user_version") == [(len(MIGRATIONS),)]


def test_a_ledger_from_a_newer_kiosk_is_refused_untouched(tmp_path):
    path = tmp_path / "new.sqlite3"
    with sqlite3.connect(path) as newer:
        newer.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    newer.close()
    before = path.read_bytes()
    with pytest.raises(LedgerError, match="newer kiosk"):
        Ledger.open(path, verify=True)
    assert path.read_bytes() == before


def test_state_changes_are_compare_and_set(ledger):
    sale = ledger.new_sale(100)
    attempt = ledger.add_attempt(
        sale.id,
        psp_transaction_id="a",
        merchant_order_id="o",
        idempotency_key="k",
        channel="QR",
        phone_masked=None,
        state="CREATED",
    )
    ledger.move_attempt(attempt.id, ["CREATED"], "PENDING")
    with pytest.raises(LedgerConflict, match="is PENDING, not CREATED"):
        ledger.move_attempt(attempt.id, ["CREATED"], "UNKNOWN")
    assert ledger.attempt(attempt.id).state == "PENDING"


def test_ids_are_unique(ledger):
    sale = ledger.new_sale(100)
    ledger.add_attempt(
        sale.id,
        psp_transaction_id="same",
        merchant_order_id="o1",
        idempotency_key="k1",
        channel="QR",
        phone_masked=None,
        state="CREATED",
    )
    with pytest.raises(LedgerError, match="UNIQUE"):
        ledger.add_attempt(
            sale.id,
            psp_transaction_id="same",
            merchant_order_id="o2",
            idempotency_key="k2",
            channel="QR",
            phone_masked=None,
            state="CREATED",
        )


def test_the_history_is_append_only(ledger):
    ledger.new_sale(100)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        _sql(ledger.path, "UPDATE transitions SET note = 'rewritten'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        _sql(ledger.path, "DELETE FROM transitions")


def test_a_full_disk_gives_a_clear_message_and_changes_nothing(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    db = connect(path, verify=False, read_only=False)
    with Ledger(db, path) as ledger:
        ledger.new_sale(100)
        (pages,) = db.execute("PRAGMA page_count").fetchone()
        db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own "database or disk is full", this connection's
        with pytest.raises(LedgerError, match="cannot be written: database or disk is full"):
            ledger.new_sale(100, "x" * 100_000)
        db.execute("PRAGMA max_page_count = 1073741823")
        assert len(ledger.sales()) == 1
        assert len(ledger.history(1)) == 1


def test_a_damaged_file_is_reported_and_never_overwritten(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    with Ledger.open(path) as ledger:
        ledger.new_sale(100)
    data = bytearray(path.read_bytes())
    data[100:4000] = b"\xff" * 3900
    path.write_bytes(bytes(data))
    with pytest.raises(LedgerError, match="damaged or unreadable"):
        Ledger.open(path, verify=True)
    assert path.read_bytes() == bytes(data)


def test_refunds_never_exceed_what_was_captured_even_when_two_race(ledger, tmp_path):
    sale_id = _paid_sale(ledger, 10000)
    first = ledger.begin_refund(sale_id, 6000, "r1")
    with Ledger.open(tmp_path / "ledger.sqlite3") as second_till:  # another connection, as another thread
        with pytest.raises(RefundRefused, match="Only 40,00\u00a0kr remains to refund"):
            second_till.begin_refund(sale_id, 6000, "r2")
    ledger.finish_refund(first.id, done=True)
    assert ledger.sale(sale_id).refunded_ore == 6000
    with pytest.raises(RefundRefused):
        ledger.begin_refund(sale_id, 4001, "r3")
    with pytest.raises(RefundRefused, match="more than 0"):
        ledger.begin_refund(sale_id, 0, "r4")


def test_only_a_paid_sale_can_be_refunded(ledger):
    sale = ledger.new_sale(100)
    with pytest.raises(RefundRefused, match="Only a paid sale"):
        ledger.begin_refund(sale.id, 100, "r")


def test_day_totals_and_hours_in_local_time(ledger):
    day = date.today()
    noon = datetime.combine(day, datetime.min.time()).astimezone() + timedelta(hours=12)
    _paid_sale(ledger, 10000, at=noon, tx="a")
    refunded = _paid_sale(ledger, 5000, at=noon + timedelta(minutes=5), tx="b")
    ledger.finish_refund(ledger.begin_refund(refunded, 2000, "r").id, done=True)
    _paid_sale(ledger, 7000, at=noon - timedelta(days=1), tx="c")  # yesterday: not counted
    refused = ledger.new_sale(300, at=noon + timedelta(hours=2))
    ledger.move_sale(refused.id, ["OPEN"], "NOT_PAID", outcome="REFUSED")
    summary = ledger.day_summary(day)
    (totals,) = summary.totals()
    assert totals.currency == "NOK"
    assert (totals.captured_count, totals.captured_ore, totals.refunded_ore, totals.net_ore) == (2, 15000, 2000, 13000)
    assert (totals.refused, totals.expired, totals.cancelled) == (1, 0, 0)
    assert summary.hours[12] == (12, 2, (Money(15000, "NOK"),))
    assert sum(count for _, count, _ in summary.hours) == 2
    rows = _whole_day(ledger, day)
    assert [(row.amount_ore, row.captured_ore, row.refunded_ore, row.status) for row in rows] == [
        (10000, 10000, 0, "CAPTURED"),
        (5000, 5000, 2000, "PART REFUNDED"),
        (300, 0, 0, "REFUSED"),
    ]
    assert [row.phone_masked for row in rows] == ["******67", "******67", None]
    assert [row.refundable for row in rows] == [True, True, False]


def test_an_empty_day_has_zero_totals_in_the_shops_currency(ledger):
    summary = ledger.day_summary(date(2001, 1, 1))
    assert summary.by_currency == ()  # no sale, so no currency of its own
    (totals,) = summary.totals("DKK")
    assert (totals.currency, totals.captured_count, totals.captured_ore, totals.net_ore) == ("DKK", 0, 0, 0)
    assert _whole_day(ledger, date(2001, 1, 1)) == []


def test_the_day_is_read_a_page_at_a_time_in_order(ledger):
    day = date.today()
    midnight = datetime.combine(day, datetime.min.time()).astimezone()
    ledger.new_sale(100, at=midnight - timedelta(seconds=1))  # yesterday: on no page
    same_moment = midnight + timedelta(hours=9)
    for number in range(7):  # three sales share a time stamp: the id orders them
        ledger.new_sale(100 + number, at=same_moment if number < 3 else same_moment + timedelta(minutes=number))
    ledger.new_sale(200, at=midnight + timedelta(days=1))  # tomorrow: on no page
    pages, after = [], None
    while page := ledger.day_rows_page(day, after, limit=3):
        pages.append(page)
        after = page[-1].key
    assert [len(page) for page in pages] == [3, 3, 1]
    assert [row.amount_ore for page in pages for row in page] == list(range(100, 107))
    assert [row for page in pages for row in page] == _whole_day(ledger, day)
    summary = ledger.day_summary(day)
    assert summary.sales == 7  # every sale of the day, paid or not
    assert summary.outcomes["open"] == 7


@pytest.mark.parametrize(
    ("day", "hours", "utc_start"),
    [
        (date(2024, 3, 31), 23, "2024-03-30T23:00:00.000+00:00"),  # winter time at midnight, an hour lost at 02
        (date(2024, 10, 27), 25, "2024-10-26T22:00:00.000+00:00"),  # summer time at midnight, 02 comes twice
        (date(2024, 6, 1), 24, "2024-05-31T22:00:00.000+00:00"),
    ],
)
def test_a_day_has_the_hours_of_its_clock_on_dst_days_too(monkeypatch, day, hours, utc_start):
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    try:
        bounds = hour_bounds(day)
        assert len(bounds) == hours
        assert bounds[0][1] == utc_start
        assert all(bounds[i][2] == bounds[i + 1][1] for i in range(hours - 1))  # no gap, no overlap
        assert [hour for hour, _, _ in bounds] == sorted(hour for hour, _, _ in bounds)
        assert {hour for hour, _, _ in bounds} == set(range(24)) - ({2} if hours == 23 else set())
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_demo_ledger_is_a_file_of_its_own(tmp_path: Path):
    from kiosk.ledger import ledger_path

    assert ledger_path(tmp_path, demo=True) != ledger_path(tmp_path)


def test_a_read_only_reader_beside_a_writer_changes_nothing(tmp_path):
    path = tmp_path / "ledger.sqlite3"
    with Ledger.open(path) as writer:
        record_paid_sale(writer, 100)
        with Ledger.open(path, read_only=True) as reader:
            assert len(reader.sales()) == 1
            with pytest.raises(LedgerError):
                reader.new_sale(100)
        record_paid_sale(writer, 200, tx="tx2")
    assert len(Ledger.open(path).sales()) == 2


def test_verified_opens_beside_a_busy_writer_never_cry_damage(tmp_path):
    """The start-up check reads through a normal read-only connection, so a live writer is no "damage"."""
    path = tmp_path / "ledger.sqlite3"
    with Ledger.open(path) as writer:
        for number in range(200):
            writer.new_sale(100 + number)
            Ledger.open(path, verify=True).close()


def test_a_refund_without_an_answer_is_pending_and_found_by_its_key_until_it_is_finished(ledger):
    sale_id = _paid_sale(ledger)
    assert (ledger.pending_refunds(), ledger.has_pending_refunds(), ledger.refund_with_key("claim-1")) == (
        [],
        False,
        None,
    )
    refund = ledger.begin_refund(sale_id, 2500, "claim-1")
    assert [(r.id, r.amount_ore, r.state) for r in ledger.pending_refunds()] == [(refund.id, 2500, "PENDING")]
    assert ledger.has_pending_refunds()
    assert ledger.refund_with_key("claim-1") == refund
    ledger.finish_refund(refund.id, done=True)
    assert (ledger.pending_refunds(), ledger.has_pending_refunds()) == ([], False)
    assert ledger.refund_with_key("claim-1").state == "DONE"


def _paid_in(ledger: Ledger, currency: str, amount: int, at: datetime, tx: str) -> int:
    """A captured sale in `currency`, as the checkout of a shop in that currency's market records it."""
    sale = ledger.new_sale(amount, at=at, currency=currency)
    attempt = _attempt(ledger, sale.id, tx, "epayment")
    ledger.reserve_and_mark_paid(attempt.id, ["PENDING"], note="approved")
    ledger.move_attempt(attempt.id, ["RESERVED"], "CAPTURED")
    return sale.id


def test_a_ledger_from_before_the_currency_has_every_old_sale_in_nok_and_takes_danish_ones(tmp_path):
    path = tmp_path / "v7.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(";".join(MIGRATIONS[:7]) + "; PRAGMA user_version = 7;")
        old.execute("UPDATE shop_copy SET enabled = 1")  # a till of a shop: every change of a sale is queued
        for sale_id in (1, 2):
            old.execute(
                "INSERT INTO sales (id, created_at, amount_ore, state) VALUES (?, '2026-01-01T10:00:00.000+00:00',"
                " 14950, 'OPEN')",
                (sale_id,),
            )
        old.execute("DELETE FROM shop_outbox")  # copied already
    old.close()
    with Ledger.open(path) as ledger:
        assert [(sale.id, sale.currency) for sale in ledger.sales()] == [(1, "NOK"), (2, "NOK")]
        danish = ledger.new_sale(4995, currency="DKK")
        assert ledger.sale(danish.id).currency == "DKK"
        with pytest.raises(LedgerError, match="NOK, DKK or EUR"):
            ledger.new_sale(100, currency="SEK")  # type: ignore[arg-type]
        assert len(ledger.sales()) == 3
    assert _sql(path, "PRAGMA user_version") == [(len(MIGRATIONS),)]
    # The old sales were not rewritten to say so, so the shop's copy is not sent them all again (sql/006 gives
    # the copies there the same NOK): only the new sale is queued.
    assert _sql(path, "SELECT row_table, row_id FROM shop_outbox WHERE row_table = 'sales'") == [("sales", 3)]
    with pytest.raises(sqlite3.IntegrityError):  # the file holds the rule, whatever writes to it
        _sql(path, "UPDATE sales SET currency = 'SEK' WHERE id = 1")


def test_a_refund_is_in_its_sales_currency(ledger):
    sale_id = _paid_in(ledger, "DKK", 4995, datetime.now().astimezone(), "dk1")
    ledger.finish_refund(ledger.begin_refund(sale_id, 995, "r1").id, done=True)
    with pytest.raises(RefundRefused) as refused:
        ledger.begin_refund(sale_id, 4001, "r2")
    assert refused.value.message == Message("Only {remaining} remains to refund.", remaining=Money(4000, "DKK"))
    with pytest.raises(RefundRefused) as nothing:
        ledger.begin_refund(sale_id, 0, "r3")
    # No krone named, and the words a Norwegian sale and another till's claim (kiosk.shop_ledger) give too.
    assert nothing.value.message == Message("A refund must be more than 0.")
    (row,) = _whole_day(ledger, date.today())
    assert (row.currency, row.refunded_ore, row.status) == ("DKK", 995, "PART REFUNDED")


def test_a_day_in_two_currencies_has_totals_for_each_and_never_a_sum_of_them(ledger):
    day = date.today()
    midnight = datetime.combine(day, datetime.min.time()).astimezone()
    _paid_in(ledger, "NOK", 10000, midnight + timedelta(hours=9), "no1")
    _paid_in(ledger, "DKK", 4995, midnight + timedelta(hours=9, minutes=5), "dk1")  # an hour of both
    refunded = _paid_in(ledger, "DKK", 2000, midnight + timedelta(hours=11), "dk2")  # an hour of one
    ledger.finish_refund(ledger.begin_refund(refunded, 500, "r").id, done=True)
    refused = ledger.new_sale(300, at=midnight + timedelta(hours=11), currency="EUR")
    ledger.move_sale(refused.id, ["OPEN"], "NOT_PAID", outcome="REFUSED")
    summary = ledger.day_summary(day)
    assert (
        summary.totals("NOK")
        == summary.by_currency
        == (
            DayTotals("DKK", captured_count=2, captured_ore=6995, refunded_count=1, refunded_ore=500),
            DayTotals("EUR", refused=1),
            DayTotals("NOK", captured_count=1, captured_ore=10000),
        )
    )
    assert summary.hours[9] == (9, 2, (Money(4995, "DKK"), Money(10000, "NOK")))  # two sales, money apart
    assert summary.hours[11] == (11, 1, (Money(2000, "DKK"),))
    assert summary.outcomes["refused"] == 1  # counts of sales add up across currencies; money never does
    assert summary.sales == 4
    assert [row.currency for row in _whole_day(ledger, day)] == ["NOK", "DKK", "DKK", "EUR"]


def test_a_reader_of_an_older_ledger_is_told_to_start_the_kiosk_and_changes_nothing(tmp_path):
    """A read-only reader (`kiosk export`, `kiosk doctor`) cannot migrate, and its reads name the newest columns."""
    path = tmp_path / "v7.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(";".join(MIGRATIONS[:7]) + "; PRAGMA user_version = 7;")
    old.close()
    before = path.read_bytes()
    with pytest.raises(LedgerError, match="older version of the kiosk") as refused:
        Ledger.open(path, read_only=True)
    assert "Start the kiosk once" in str(refused.value)
    assert path.read_bytes() == before
    with Ledger.open(path) as ledger:  # the kiosk's own start migrates it
        assert ledger.sales() == []
    with Ledger.open(path, read_only=True) as reader:
        assert reader.sales() == []
