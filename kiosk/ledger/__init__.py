"""The local ledger: every sale, attempt, refund and state change of this till, in SQLite, written before the
kiosk acts on it, and read back as typed records and rows (the day's named queries) for the checkout, the back
office and the exports. Nothing outside it runs SQL on the ledger's tables, except kiosk.shop_ledger on the
tables of its own (the shop's outbox, refunds of other tills' sales).

It may import kiosk.domain, kiosk.settings (for where the ledger lives) and the standard library's sqlite3;
never Qt, never kiosk.checkout or kiosk.ui, never the Vipps clients (kiosk.vipps) or the shop's PostgreSQL
(kiosk.shop_ledger): they import it.

Its parts: store.py (Ledger, put together from sale_writes.py, refund_book.py, sale_reads.py and
day_queries.py over connection.py), opening.py (the file opened, checked and migrated; schema.py), records.py
(the tables' records), report.py (the day's values: totals, rows, status words), export_csv.py, errors.py and
problems.py (what it raises, and says), stamps.py (its UTC time stamps).
"""

from kiosk.ledger.errors import LedgerConflict, LedgerError, RefundRefused
from kiosk.ledger.records import AttemptRecord, RefundRecord, SaleRecord, Transition
from kiosk.ledger.store import Ledger
from kiosk.settings.paths import ledger_path

__all__ = [
    "AttemptRecord",
    "Ledger",
    "LedgerConflict",
    "LedgerError",
    "RefundRecord",
    "RefundRefused",
    "SaleRecord",
    "Transition",
    "ledger_path",
]
