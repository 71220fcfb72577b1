"""Refund claims across tills in the shop database: two tills refunding one sale at the same moment can never
take more than remains, because the claim locks the sale's row before Vipps is ever called."""

from __future__ import annotations

import threading

import psycopg
import pytest

from kiosk.ledger import Ledger, RefundRefused
from kiosk.shop_ledger.copier import ShopCopier
from kiosk.shop_ledger.refund_claims import claim_refund, settle_claim
from tests.shop.pg_server import TILL_PASSWORD, TILL_ROLE
from tests.shop.tills import ring_up, target, wait_until


@pytest.fixture
def sale(pg, shop_db, tmp_path) -> int:
    """A 100 kr sale captured at kasse-1 and copied to the shop database."""
    path = tmp_path / "kasse-1.sqlite3"
    with Ledger.open(path) as ledger:
        sale_id = ring_up(ledger, 10_000)
    copier = ShopCopier(path, target(pg, shop_db, "kasse-1"))
    try:
        copier.catch_up()
    finally:
        copier.close()
    _join(pg, shop_db, *(f"kasse-{n}" for n in range(2, 7)))
    return sale_id


def _join(pg, shop_db, *tills: str) -> None:
    """Tills of the shop as their first copy registers them: a till claims only in the name of a till its
    database role has (sql/005)."""
    with pg.admin(shop_db) as db:
        for till in tills:
            db.execute(
                "INSERT INTO tills (shop_id, till_id, ledger_id, role_name) VALUES ('shop', %s, %s, %s)",
                (till, f"ledger-of-{till}", TILL_ROLE),
            )


def _till(pg, shop_db) -> psycopg.Connection:
    return psycopg.connect(pg.url(shop_db), password=TILL_PASSWORD, options="-c lock_timeout=10000")


def _claim(db, sale_id, amount, by, key) -> int:
    return claim_refund(
        db, shop_id="shop", sale_till_id="kasse-1", sale_id=sale_id, amount_ore=amount, by_till=by, idempotency_key=key
    )


def test_many_tills_claiming_at_the_same_moment_never_take_more_than_remains(pg, shop_db, sale):
    tills = [_till(pg, shop_db) for _ in range(5)]
    go = threading.Barrier(len(tills))
    won: list[int] = []
    refused: list[str] = []

    def refund(n: int) -> None:
        go.wait(10)
        try:
            won.append(_claim(tills[n], sale, 3_000, f"kasse-{n + 2}", f"refund-{n}"))
        except RefundRefused as exc:
            refused.append(str(exc))

    threads = [threading.Thread(target=refund, args=(n,)) for n in range(len(tills))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    for db in tills:
        db.close()
    assert len(won) == 3  # 3 × 30 kr of 100 kr
    assert sorted(refused) == ["Only 10,00\u00a0kr remains to refund."] * 2
    with pg.admin(shop_db) as db:
        assert db.execute("SELECT sum(amount_ore) FROM refund_claims").fetchone() == (9_000,)


def test_the_second_claim_waits_for_the_first_and_then_sees_it(pg, shop_db, sale):
    first, second = _till(pg, shop_db), _till(pg, shop_db)
    try:
        first.execute("BEGIN")
        first.execute("SELECT kiosk_claim_refund('shop', 'kasse-1', %s, 6000, 'kasse-2', 'a')", (sale,))
        result: list[object] = []
        waiting = threading.Thread(target=lambda: result.append(_attempt(second, sale)))
        waiting.start()
        with pg.admin(shop_db) as admin:
            wait_until(lambda: _waits_on_a_lock(admin, second), 10)  # held at the sale's row, not refused yet
        assert result == []
        first.execute("COMMIT")
        waiting.join(10)
        assert result == ["Only 40,00\u00a0kr remains to refund."]
    finally:
        first.close()
        second.close()


def _waits_on_a_lock(admin, db) -> bool:
    row = admin.execute(
        "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (db.info.backend_pid,)
    ).fetchone()
    return bool(row) and row[0] == "Lock"


def _attempt(db, sale) -> object:
    try:
        return _claim(db, sale, 6_000, "kasse-3", "b")
    except RefundRefused as exc:
        return str(exc)


def test_a_retried_claim_is_the_same_claim_and_a_released_one_frees_its_amount(pg, shop_db, sale):
    with _till(pg, shop_db) as db:
        claim = _claim(db, sale, 10_000, "kasse-2", "whole")
        assert _claim(db, sale, 10_000, "kasse-2", "whole") == claim  # the answer was lost: asked again
        with pytest.raises(RefundRefused, match="Only 0,00"):
            _claim(db, sale, 100, "kasse-3", "more")
        settle_claim(db, claim, refunded=False)  # Vipps refused the refund
        assert _claim(db, sale, 10_000, "kasse-3", "again") != claim


def test_refunds_made_at_the_sales_own_till_count_too(pg, shop_db, tmp_path):
    path = tmp_path / "kasse-1.sqlite3"
    with Ledger.open(path) as ledger:
        sale_id = ring_up(ledger, 10_000, refund_ore=7_500)  # refunded at its own till, offline or not
    copier = ShopCopier(path, target(pg, shop_db, "kasse-1"))
    try:
        copier.catch_up()
    finally:
        copier.close()
    _join(pg, shop_db, "kasse-2")
    with _till(pg, shop_db) as db:
        with pytest.raises(RefundRefused, match="Only 25,00"):
            _claim(db, sale_id, 3_000, "kasse-2", "too-much")
        with pytest.raises(RefundRefused, match="Only a paid sale"):
            _claim(db, sale_id + 1000, 100, "kasse-2", "no-such-sale")
