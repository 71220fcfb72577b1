"""The web addresses of the [vipps] table: what one must look like, and the rule for where plain http may go.

Every address the kiosk's credentials, the make-payment token or a customer's payment travel to (base_url,
make_payment_url, psp_redirect_url) is https, or plain http to this PC only (a simulator). They never cross a
network unencrypted and unverified, and no setting turns TLS verification off. kiosk.vipps.http asks the same
question of the address it is given.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def web_address(value: object) -> str | None:
    """`value` as a web address (trimmed), or None when it is not one: http or https, a host, no query, no
    fragment."""
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    if parts.scheme in ("http", "https") and parts.hostname and not parts.query and not parts.fragment:
        return value.strip()
    return None


def is_plain_http(url: str) -> bool:
    return urlsplit(url).scheme == "http"


def https_or_this_pc(url: str) -> bool:
    """The rule of this module's docstring: https, or plain http to this PC."""
    parts = urlsplit(url)
    return parts.scheme == "https" or is_loopback_host(parts.hostname or "")
