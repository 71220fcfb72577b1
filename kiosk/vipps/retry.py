"""When and how long to wait before trying a Vipps call again."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


@dataclass(frozen=True)
class RetryPolicy:
    """Capped exponential backoff with full jitter (AWS' "Exponential Backoff And Jitter").

    Full jitter spreads a shop full of kiosks that lost the network at the same moment, so they do not all come
    back at the same instant.
    """

    attempts: int = 4  # tries in all, the first included
    base_s: float = 0.25
    cap_s: float = 8.0
    longest_retry_after_s: float = 30.0  # a 429 asking for longer than this is reported, not waited out
    # Vipps' published rate limits that a client keeps on its own side (ePayment): a wait for room longer than
    # this is reported as VippsRateLimited without sending. None: as long as a 429 would be waited out.
    longest_own_limit_wait_s: float | None = None

    def backoff_s(self, retry_number: int) -> float:
        """The pause before retry number `retry_number` (1 for the first retry)."""
        return random.uniform(0, min(self.cap_s, self.base_s * 2 ** (retry_number - 1)))


def retry_after_s(header: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date), or None when absent or unreadable."""
    if not header:
        return None
    header = header.strip()
    if header.isascii() and header.isdigit():
        return float(header)
    try:
        when = parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
