"""Closing the kiosk against one deadline shared by every step (the sale runs, the job pools, the services).

Each step first asks its work to stop (which never blocks), then waits with whatever time is left. Work still
running when the time is up is left to the operating system as the process exits: the ledger recorded every
write before it was sent, so the next start settles it (see README, "Crashes and power cuts").
"""

from __future__ import annotations

import time

# The whole of closing, window to exit: a person who closes the kiosk (or systemd stopping it) waits this long
# at most, even while every Vipps call hangs.
CLOSE_S = 1.0


class Deadline:
    """A point in time, and how much of the wait before it is left."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining_s(self) -> float:
        return max(0.0, self._end - time.monotonic())

    def remaining_ms(self) -> int:
        """For Qt's waits, which take whole milliseconds; never 0 unless the time is up (0 may mean "forever")."""
        left = self.remaining_s()
        return max(1, int(left * 1000)) if left > 0 else 0

    @property
    def passed(self) -> bool:
        return self.remaining_s() == 0.0
