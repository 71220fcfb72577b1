"""The rules for the shop database's settings: [shop] database (a postgresql:// address without the password,
TLS with certificate verification unless the server is this PC), [shop] shop_id and [kiosk] till_id.

Plain functions on values, no psycopg: kiosk.settings.reading calls them while it reads the file.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from kiosk.domain.message import Message

TILL_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,15}")  # short: it is in the header, the back office and every key
SHOP_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,31}")
DEFAULT_SHOP_ID = "shop"
EXAMPLE = "postgresql://kiosk@backoffice/shop?sslmode=verify-full"


@dataclass(frozen=True)
class ShopDatabase:
    """Where this till copies its ledger to, and as whom. The password is the secret store's, never the file's."""

    url: str
    till_id: str
    shop_id: str = DEFAULT_SHOP_ID
    password: str = field(default="", repr=False)


def _is_this_pc(host: str) -> bool:
    if host in ("", "localhost") or host.startswith("/"):  # no host or a folder: the unix socket
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def database_problem(url: object) -> Message | None:
    """What is wrong with a [shop] database value, as the end of a sentence that starts "[shop] database", or
    None. The value itself is never quoted back: it may hold a password."""
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("postgresql", "postgres") or parts.fragment:
        return Message('must be a PostgreSQL address like "{example}"', example=EXAMPLE)
    query = parse_qs(parts.query)
    if parts.password is not None or "password" in query:
        return Message(
            "must not hold the password; remove it from the address: the kiosk takes it from the secret store "
            "(where it keeps the Vipps secrets) or from PostgreSQL's own ~/.pgpass"
        )
    if not parts.path.strip("/") and "dbname" not in query:
        return Message('must name the database after the host, like "postgresql://kiosk@127.0.0.1/shop"')
    hosts = [parts.hostname or ""] + [
        h for value in query.get("host", []) + query.get("hostaddr", []) for h in value.split(",")
    ]
    if all(_is_this_pc(h) for h in hosts if h):  # no host named at all is the local socket too
        return None
    if query.get("sslmode", [""])[-1] != "verify-full":
        return Message(
            "must use TLS with certificate verification for a server on another PC: add ?sslmode=verify-full to "
            "the address"
        )
    return None


def id_problem(value: object, pattern: re.Pattern[str], longest: int, example: str) -> Message | None:
    if isinstance(value, str) and pattern.fullmatch(value):
        return None
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    return Message(
        "must be 1 to {longest} lower-case letters, digits or '-', starting with a letter or digit, like "
        '"{example}" (got {got})',
        longest=longest,
        example=example,
        got=shown,
    )


def till_id_of(raw: dict[str, object], where: str, problems: list[Message]) -> str:
    """[kiosk] till_id, or "" when none is set (one till on its own needs no name)."""
    if "till_id" not in raw:
        return ""
    problem = id_problem(raw["till_id"], TILL_ID, 16, "kasse-1")
    if problem:
        problems.append(Message("{where}: [kiosk] till_id {problem}", where=where, problem=problem))
        return ""
    return str(raw["till_id"])


def check_shop_database(
    shop_raw: dict[str, object], kiosk_raw: dict[str, object], where: str, problems: list[Message]
) -> None:
    """[shop] database and shop_id, and the till_id a shop database needs. Only read when a database is set."""
    if "shop_id" in shop_raw and (problem := id_problem(shop_raw["shop_id"], SHOP_ID, 32, "sentrum")):
        problems.append(Message("{where}: [shop] shop_id {problem}", where=where, problem=problem))
    if "database" not in shop_raw:
        return
    if problem := database_problem(shop_raw["database"]):
        problems.append(Message("{where}: [shop] database {problem}", where=where, problem=problem))
    if "till_id" not in kiosk_raw:
        problems.append(
            Message(
                '{where}: [kiosk] till_id is missing; a shop database needs each till named, like till_id = "kasse-1"',
                where=where,
            )
        )
