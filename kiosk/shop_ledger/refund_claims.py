"""Refund claims across tills, taken in the shop database before Vipps is called (sql/003_refund_claims.sql).

A claim locks the sale for its transaction (a row lock in sql/003, an advisory lock on the sale's key since
sql/005's row-level security), so two tills refunding one sale at the same moment take turns and can never claim
more than remains. A claim is kept (DONE) when Vipps refunded, released when Vipps refused, and claimed again
under the same idempotency key after a lost answer without taking more.
"""

from __future__ import annotations

import psycopg

from kiosk.domain.message import Message, Money
from kiosk.ledger import RefundRefused
from kiosk.shop_ledger.connection import shop_failed


class NotPaidInShop(RefundRefused):
    """The shop database has no paid, captured copy of the sale (yet: the sale's till may not have copied it)."""


def claim_refund(
    db: psycopg.Connection,
    *,
    shop_id: str,
    sale_till_id: str,
    sale_id: int,
    amount_ore: int,
    by_till: str,
    idempotency_key: str,
) -> int:
    """Claim `amount_ore` of a sale; returns the claim's id. Raises RefundRefused (the message for staff, the
    ledger's own words) or ShopUnreachable. Commits before it returns: Vipps is called only after."""
    if amount_ore <= 0:
        raise RefundRefused(Message("A refund must be more than 0."))
    try:
        with db.transaction():
            row = db.execute(
                "SELECT kiosk_claim_refund(%s, %s, %s, %s, %s, %s)",
                (shop_id, sale_till_id, sale_id, amount_ore, by_till, idempotency_key),
            ).fetchone()
    except psycopg.errors.RaiseException as exc:
        text = exc.diag.message_primary or ""
        if text == "KIOSK_NOT_PAID":
            raise NotPaidInShop(Message("Only a paid sale can be refunded.")) from None
        if not text.startswith("KIOSK_TOO_MUCH:"):
            raise
        remaining = int(text.split(":", 1)[1])
    except psycopg.Error as exc:
        raise shop_failed(exc) from None
    else:
        assert row is not None
        return int(row[0])
    # What remains is in the sale's currency, as its refunds are (sql/006).
    try:
        with db.transaction():
            found = db.execute(
                "SELECT currency FROM sales WHERE shop_id = %s AND till_id = %s AND id = %s",
                (shop_id, sale_till_id, sale_id),
            ).fetchone()
    except psycopg.Error as exc:
        raise shop_failed(exc) from None
    currency = found[0] if found else "NOK"
    raise RefundRefused(Message("Only {remaining} remains to refund.", remaining=Money(remaining, currency)))


def settle_claim(db: psycopg.Connection, claim_id: int, *, refunded: bool) -> None:
    """Vipps refunded (the claim stays, DONE) or refused it (RELEASED: the amount may be claimed again)."""
    with db.transaction():
        db.execute(
            "UPDATE refund_claims SET state = %s, updated_at = now() WHERE id = %s AND state = 'CLAIMED'",
            ("DONE" if refunded else "RELEASED", claim_id),
        )


def refunds_made_elsewhere(db: psycopg.Connection, shop_id: str, till_id: str) -> list[tuple[int, int, str, str]]:
    """Refunds other tills made of this till's sales, which Vipps did, that this till has not recorded yet:
    (sale id, øre, idempotency key, the till that refunded)."""
    with db.transaction():
        rows = db.execute(
            "SELECT c.sale_id, c.amount_ore, c.idempotency_key, c.claimed_by FROM refund_claims AS c"
            " WHERE c.shop_id = %s AND c.sale_till_id = %s AND c.claimed_by <> %s AND c.state = 'DONE'"
            " AND NOT EXISTS (SELECT 1 FROM refunds AS r WHERE r.shop_id = c.shop_id AND r.till_id = c.sale_till_id"
            " AND r.idempotency_key = c.idempotency_key) ORDER BY c.id",
            (shop_id, till_id, till_id),
        ).fetchall()
    return [(int(sale), int(amount), str(key), str(by)) for sale, amount, key, by in rows]


def open_claims_older_than(db: psycopg.Connection, shop_id: str, till_id: str, age_s: float) -> list[tuple[int, str]]:
    """This till's claims still CLAIMED after `age_s`: (claim id, idempotency key). A refund that got no answer
    is one; a claim whose till crashed before it recorded the refund is the other (its key is in no ledger)."""
    with db.transaction():
        rows = db.execute(
            "SELECT id, idempotency_key FROM refund_claims WHERE shop_id = %s AND claimed_by = %s"
            " AND state = 'CLAIMED' AND created_at < now() - make_interval(secs => %s) ORDER BY id",
            (shop_id, till_id, age_s),
        ).fetchall()
    return [(int(claim), str(key)) for claim, key in rows]
