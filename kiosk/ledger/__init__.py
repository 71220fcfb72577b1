"""The local ledger: every sale, attempt and state change, in SQLite, written before the kiosk acts."""

from kiosk.ledger.records import AttemptRecord, RefundRecord, SaleRecord, Transition
from kiosk.ledger.store import Ledger, LedgerConflict, LedgerError, RefundRefused
from kiosk.settings.model import ledger_path

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
