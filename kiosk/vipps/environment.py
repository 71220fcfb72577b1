"""Which Vipps a base URL is: production, the test environment, a simulator, or something else. Plain Python, so
the checkout can tell without loading the HTTP client."""

from __future__ import annotations

from enum import StrEnum
from urllib.parse import urlsplit

from kiosk.settings.addresses import is_loopback_host


class Environment(StrEnum):
    PRODUCTION = "production"
    TEST = "test"
    SIMULATOR = "simulator"
    OTHER = "other"


def environment_of(base_url: str) -> Environment:
    """Vipps only speaks HTTPS; a plain-HTTP base URL is a simulator (embedded, or on the shop's network)."""
    parts = urlsplit(base_url)
    host = (parts.hostname or "").lower()
    if parts.scheme == "http":
        return Environment.SIMULATOR
    if host == "api.vipps.no":
        return Environment.PRODUCTION
    if host == "apitest.vipps.no":
        return Environment.TEST
    return Environment.SIMULATOR if is_loopback_host(host) else Environment.OTHER
