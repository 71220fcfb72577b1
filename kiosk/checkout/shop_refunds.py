"""Refunds in a shop with several tills: any till refunds any till's sale, through that sale's own Vipps API, and
no two tills together ever refund more than remains.

The amount is claimed in the shop database first (kiosk.shop_ledger.refund_claims: one transaction, the sale
locked), and only then is Vipps called. The claim is released when Vipps refuses, kept when Vipps refunded, and
left standing while the answer is unknown: the refund is sent again with the same key, and the amount stays
taken meanwhile. The refunding till records the refund in its own ledger first (its own sale's refunds table, or
cross_till_refunds for another till's sale), so a crash loses nothing and the copy carries it to the shop.

While the shop database cannot be reached, a till refunds only its own sales, checked against its own ledger as
a till on its own does; another till's sale is refused with one line saying why.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kiosk.checkout.cross_till_resend import send
from kiosk.checkout.providers_by_api import ProvidersByApi
from kiosk.checkout.refunds import check_reachable, refund
from kiosk.domain.message import Message
from kiosk.ledger import Ledger, RefundRefused
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.connection import ShopUnreachable, connect, deadline
from kiosk.shop_ledger.cross_till import CrossTillRefunds, paid_attempt_in_shop
from kiosk.shop_ledger.refund_claims import NotPaidInShop, claim_refund, open_claims_older_than, settle_claim

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)
BOUND_S = 5.0  # the longest a refund waits on the shop database, each time it asks (Vipps' calls have their own)
# A claim this old whose key is in neither of the till's refund tables was never sent (the till records a refund
# before it calls Vipps, within seconds of the claim): it is released. Far longer than any claim-to-record step.
UNRECORDED_CLAIM_S = 600.0


def only_own_sales(till: str) -> Message:
    return Message(
        "The shop database cannot be reached, so this till can refund only its own sales until it is back; this "
        "sale was made at till {till}.",
        till=till,
    )


@dataclass(frozen=True)
class ShopRefund:
    """What became of a refund: DONE, FAILED (Vipps refused; `reason` is Vipps' words) or PENDING (no answer
    yet: recorded, and sent again with the same key)."""

    state: str
    amount_ore: int
    reason: str | None = None


def refund_shop_sale(
    providers: ProvidersByApi,
    ledger: Ledger,
    target: ShopDatabase | None,
    sale_till_id: str,
    sale_id: int,
    amount_ore: int,
    *,
    bound_s: float = BOUND_S,
) -> ShopRefund:
    """Refund `amount_ore` of the sale `sale_id` made at till `sale_till_id` (this till's own when it is this
    till's id, or "", or there is no shop database). Raises RefundRefused, with the reason for staff, when
    nothing was sent: more than remains (counting every till's refunds), a sale the settings cannot reach, or
    another till's sale while the shop database cannot be reached."""
    own = target is None or sale_till_id in ("", target.till_id)
    if target is None:
        return _own(providers, ledger, None, sale_id, amount_ore, bound_s)
    try:
        db = connect(target, bound_s, purpose="refund")
    except ShopUnreachable as exc:
        if not own:
            log.warning("refund of till %s's sale %s refused: %s", sale_till_id, sale_id, exc)
            raise RefundRefused(only_own_sales(sale_till_id)) from None
        log.info("refund of sale %s from this till's own ledger only: %s", sale_id, exc)
        return _own(providers, ledger, None, sale_id, amount_ore, bound_s)
    try:
        _release_unrecorded_claims(ledger, target, db, bound_s)
        if own:
            return _own(providers, ledger, (target, db), sale_id, amount_ore, bound_s)
        return _other_tills(providers, ledger, target, db, sale_till_id, sale_id, amount_ore, bound_s)
    finally:
        db.close()


def _own(
    providers: ProvidersByApi,
    ledger: Ledger,
    shop: tuple[ShopDatabase, psycopg.Connection] | None,
    sale_id: int,
    amount_ore: int,
    bound_s: float,
) -> ShopRefund:
    """This till's own sale: claimed in the shop database when it can be asked and knows the sale as paid (when
    it does not, no other till can claim it either), and always checked against this till's own ledger."""
    key = uuid.uuid4().hex
    claim: int | None = None
    db: psycopg.Connection | None = None
    if shop is not None:
        target, db = shop
        try:
            with deadline(db, bound_s):
                claim = claim_refund(
                    db,
                    shop_id=target.shop_id,
                    sale_till_id=target.till_id,
                    sale_id=sale_id,
                    amount_ore=amount_ore,
                    by_till=target.till_id,
                    idempotency_key=key,
                )
        except NotPaidInShop:
            claim = None  # not copied as paid yet: the till's own ledger decides, as on its own
        except ShopUnreachable as exc:
            log.info("refund of sale %s from this till's own ledger only: %s", sale_id, exc)
            claim = None
    try:
        record = refund(providers, ledger, sale_id, amount_ore, idempotency_key=key)
    except RefundRefused:
        if claim is not None:
            _settle(db, claim, refunded=False, bound_s=bound_s)  # nothing was sent: the amount is free again
        raise
    if claim is not None and record.state != "PENDING":
        _settle(db, claim, refunded=record.state == "DONE", bound_s=bound_s)
    return ShopRefund(record.state, record.amount_ore, record.reason)


def _other_tills(
    providers: ProvidersByApi,
    ledger: Ledger,
    target: ShopDatabase,
    db: psycopg.Connection,
    sale_till_id: str,
    sale_id: int,
    amount_ore: int,
    bound_s: float,
) -> ShopRefund:
    try:
        with deadline(db, bound_s):
            attempt = paid_attempt_in_shop(db, target.shop_id, sale_till_id, sale_id)
            if attempt is None:
                raise RefundRefused(Message("Only a paid sale can be refunded."))
            check_reachable(providers, attempt)
            key = uuid.uuid4().hex
            claim = claim_refund(
                db,
                shop_id=target.shop_id,
                sale_till_id=sale_till_id,
                sale_id=sale_id,
                amount_ore=amount_ore,
                by_till=target.till_id,
                idempotency_key=key,
            )
    except ShopUnreachable as exc:
        log.warning("refund of till %s's sale %s refused: %s", sale_till_id, sale_id, exc)
        raise RefundRefused(only_own_sales(sale_till_id)) from None
    with CrossTillRefunds(ledger.path) as records:
        record = send(providers, records, records.begin(sale_till_id, attempt, amount_ore, key))
    if record.state != "PENDING":
        _settle(db, claim, refunded=record.state == "DONE", bound_s=bound_s)
    return ShopRefund(record.state, record.amount_ore, record.reason)


def _release_unrecorded_claims(ledger: Ledger, target: ShopDatabase, db: psycopg.Connection, bound_s: float) -> None:
    """Claims this till took but never recorded a refund for (it stopped between the two): the amount is freed.
    Best effort, like settling: a claim left standing only holds its amount back, it never refunds twice."""
    with contextlib.suppress(ShopUnreachable), deadline(db, bound_s):
        stale = open_claims_older_than(db, target.shop_id, target.till_id, UNRECORDED_CLAIM_S)
        if not stale:
            return
        with CrossTillRefunds(ledger.path) as records:
            for claim, key in stale:
                if ledger.refund_with_key(key) is None and not records.knows(key):
                    log.warning("claim %s was never recorded as a refund at this till: released", claim)
                    settle_claim(db, claim, refunded=False)


def _settle(db: psycopg.Connection | None, claim: int, *, refunded: bool, bound_s: float) -> None:
    """Best effort: when the shop database is away now, the copy of the refund's record settles the claim when
    it arrives (sql/004's trigger), so nothing waits for this."""
    if db is None:
        return
    with contextlib.suppress(ShopUnreachable), deadline(db, bound_s):
        settle_claim(db, claim, refunded=refunded)
