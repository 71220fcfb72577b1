"""What the ledger raises. Each error carries a message for staff or the manager (kiosk.domain.message)."""

from __future__ import annotations

from kiosk.domain.message import MessageError


class LedgerError(MessageError):
    """The ledger cannot be used or written. The message is meant for staff or the manager."""


class LedgerConflict(LedgerError):
    """A compare-and-set found another state than expected: someone else moved this record first."""


class RefundRefused(LedgerError):
    """A refund that cannot be: more than remains, or nothing captured. The message says why, for staff."""
