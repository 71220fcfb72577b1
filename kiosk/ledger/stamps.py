"""The ledger's time stamps: UTC, ISO 8601, to the millisecond. Written as text, they sort as the moments do,
so a range of them is a range of the time index."""

from __future__ import annotations

from datetime import UTC, datetime


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def utc_now() -> str:
    return stamp(datetime.now(UTC))
