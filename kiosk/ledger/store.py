"""The ledger in SQLite: WAL with synchronous=FULL, compare-and-set state changes, an append-only history.

`Ledger` is the one face of it, put together from its parts by job: a sale's writes (sale_writes), its
refunds (refund_book), the records read back (sale_reads) and the named queries of a day (day_queries). One
`Ledger` is one connection; each thread that writes opens its own (WAL lets them share the file).
"""

from __future__ import annotations

from pathlib import Path

from kiosk.ledger.day_queries import DayQueries
from kiosk.ledger.errors import LedgerError
from kiosk.ledger.opening import connect
from kiosk.ledger.refund_book import RefundBook
from kiosk.ledger.sale_writes import SaleWrites

__all__ = ["Ledger", "LedgerError"]  # LedgerError: kiosk.commands.doctor imports both from here


class Ledger(SaleWrites, RefundBook, DayQueries):
    @classmethod
    def open(cls, path: Path, *, verify: bool = False, read_only: bool = False) -> Ledger:
        """Open (or create) the ledger. Raises LedgerError, its message for staff.

        `verify` (once, at start-up) runs PRAGMA quick_check through a read-only connection first, so a corrupt
        file is reported and never written to. `read_only` is for readers beside a running kiosk (`kiosk
        export`): nothing is migrated or created.
        """
        return cls(connect(path, verify=verify, read_only=read_only), path)
