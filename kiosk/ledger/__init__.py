"""The local ledger: every sale, attempt and state change, in SQLite, written before the kiosk acts."""

from kiosk.ledger.records import AttemptRecord, SaleRecord, Transition
from kiosk.ledger.store import Ledger, LedgerConflict, LedgerError, ledger_path

__all__ = ["AttemptRecord", "Ledger", "LedgerConflict", "LedgerError", "SaleRecord", "Transition", "ledger_path"]
