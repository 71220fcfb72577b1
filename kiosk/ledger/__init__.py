"""The local ledger: every sale, attempt and state change, in SQLite, written before the kiosk acts."""

from kiosk.config import ledger_path
from kiosk.ledger.records import AttemptRecord, RefundRecord, SaleRecord, Transition
from kiosk.ledger.store import Ledger, LedgerConflict, LedgerError, RefundRefused

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
