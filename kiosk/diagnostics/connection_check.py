"""Checking a set of Vipps settings against Vipps itself, step by step, saying exactly which setting is wrong, and
the shop database likewise. Used by the settings screen's "Test connection" button and by `kiosk doctor`; no Qt
here."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import psycopg

from kiosk.domain.message import Message, Verbatim
from kiosk.settings.model import Settings, VippsSettings
from kiosk.shop_ledger.address import ShopDatabase
from kiosk.shop_ledger.connection import ShopUnreachable, connect, deadline
from kiosk.shop_ledger.schema import migrations
from kiosk.vipps.client import VippsClient
from kiosk.vipps.epayment import EPaymentClient
from kiosk.vipps.errors import (
    MerchantNotAvailable,
    VippsAuthError,
    VippsConnectionError,
    VippsError,
    VippsRateLimited,
    VippsRejected,
    VippsServerError,
    VippsTimeout,
)
from kiosk.vipps.http import VippsHttp
from kiosk.vipps.retry import RetryPolicy

C = TypeVar("C", bound=VippsHttp)

# Asked about a payment that cannot exist: a "no such payment" answer proves that Vipps accepted every header.
PROBE_TRANSACTION_ID = "kioskconnectioncheck0000000000000000"
ONE_TRY = RetryPolicy(attempts=1)


@dataclass(frozen=True)
class CheckResult:
    """One step of a check: what was checked and what was found, as messages (kiosk.domain.message) the settings
    screen shows in its language; `kiosk doctor` prints their English."""

    name: Message | str
    ok: bool
    detail: Message | str


ACCESS_TOKEN = Message("Access token")
SALES_UNIT = Message("Sales unit")
PSP_ACCESS = Message("PSP access")
EPAYMENT_ACCESS = Message("ePayment access")
SHOP_DATABASE = Message("Shop database")
SHOP_SCHEMA = Message("Shop schema")
TILL_ID = Message("Till id")


def check_connection(vipps: VippsSettings) -> list[CheckResult]:
    """Fetch a token, then make one harmless call of the configured API. Stops at the first failure: later steps
    need it."""
    if vipps.api == "epayment":
        with EPaymentClient(vipps, retry=ONE_TRY) as epayment:
            return _check(epayment, vipps, _check_epayment_access)
    with VippsClient(vipps, retry=ONE_TRY) as psp:
        return _check(psp, vipps, _check_psp_access)


def _check(
    client: C, vipps: VippsSettings, check_access: Callable[[C, VippsSettings], CheckResult]
) -> list[CheckResult]:
    try:
        client.access_token()
    except VippsError as exc:
        return [CheckResult(ACCESS_TOKEN, False, _explain_token_failure(exc, vipps))]
    accepted = Message("{address} accepted the client id and secret", address=vipps.base_url)
    token = CheckResult(ACCESS_TOKEN, True, accepted)
    return [token, check_access(client, vipps)]


def _check_psp_access(client: VippsClient, vipps: VippsSettings) -> CheckResult:
    """One harmless PSP call: "no such payment" proves that Vipps accepted the sales unit and the PSP-Id."""
    try:
        client.details(PROBE_TRANSACTION_ID)
    except MerchantNotAvailable:
        unknown = Message(
            "Vipps does not know merchant serial number {msn} for these credentials, or it is not active: check the "
            "MSN in the Vipps portal",
            msn=vipps.merchant_serial_number,
        )
        return CheckResult(SALES_UNIT, False, unknown)
    except VippsRejected:
        pass  # refused for the payment, not for who asked: access works
    except VippsAuthError as exc:
        detail = (
            Message("Vipps refused the PSP-Id: check psp_id (Vipps gives it with the PSP credentials)")
            if exc.status == 403
            else _refused_the_call(exc)
        )
        return CheckResult(PSP_ACCESS, False, detail)
    except VippsError as exc:
        return CheckResult(PSP_ACCESS, False, _explain_unavailable(exc, vipps))
    accepted = Message("merchant serial number {msn} and the PSP-Id are accepted", msn=vipps.merchant_serial_number)
    return CheckResult(PSP_ACCESS, True, accepted)


def _check_epayment_access(client: EPaymentClient, vipps: VippsSettings) -> CheckResult:
    """One harmless ePayment call: asking for a payment that does not exist. "Not found" (404) proves that Vipps
    accepted the token, the subscription key and the merchant serial number."""
    try:
        client.get_payment(PROBE_TRANSACTION_ID)
    except VippsRejected:
        pass  # refused for the payment, not for who asked: access works
    except VippsAuthError as exc:
        if exc.status == 403:
            detail = Message(
                "Vipps does not let merchant serial number {msn} take ePayment payments with these credentials: "
                "check merchant_serial_number, and that the sales unit has the ePayment API in the Vipps portal",
                msn=vipps.merchant_serial_number,
            )
        else:
            detail = _refused_the_call(exc)
        return CheckResult(EPAYMENT_ACCESS, False, detail)
    except VippsError as exc:
        return CheckResult(EPAYMENT_ACCESS, False, _explain_unavailable(exc, vipps))
    accepted = Message("merchant serial number {msn} may use the ePayment API", msn=vipps.merchant_serial_number)
    return CheckResult(EPAYMENT_ACCESS, True, accepted)


def _refused_the_call(exc: VippsAuthError) -> Message:
    return Message("Vipps refused the call (HTTP {status}): check the subscription key", status=exc.status)


def _explain_token_failure(exc: VippsError, vipps: VippsSettings) -> Message:
    if isinstance(exc, VippsAuthError):
        return Message(
            "Vipps refused the credentials (HTTP {status}): check client_id, client_secret and the subscription key "
            "(Ocp-Apim-Subscription-Key) for this environment",
            status=exc.status,
        )
    return _explain_unavailable(exc, vipps)


def _explain_unavailable(exc: VippsError, vipps: VippsSettings) -> Message:
    address = vipps.base_url
    if isinstance(exc, VippsTimeout):
        seconds = f"{vipps.request_timeout_s:g}"
        return Message(
            "{address} did not answer within {seconds} s: check the network", address=address, seconds=seconds
        )
    if isinstance(exc, VippsConnectionError):
        if "certificate" in str(exc):
            return Message(
                "{address}'s certificate is not trusted: check base_url, or the PC's date and time", address=address
            )
        return Message("cannot reach {address}: check base_url and the shop's internet connection", address=address)
    if isinstance(exc, VippsRateLimited):
        return Message("Vipps asks to slow down (HTTP 429): try again in a minute")
    if isinstance(exc, VippsServerError):
        return Message("Vipps had a problem of its own (HTTP {status}): try again later", status=exc.status)
    return Message("Vipps gave an answer the kiosk does not understand: {error}", error=type(exc).__name__)


# ---- the shop database ([shop] database) ---------------------------------------------------------------------

DATABASE_BOUND_S = 5.0  # the longest a check waits on the shop database


def check_shop_database(
    target: ShopDatabase, ledger_file: Path, bound_s: float = DATABASE_BOUND_S
) -> list[CheckResult]:
    """Reachable within `bound_s`, the schema's version against this kiosk's, and the till id not taken by another
    PC's ledger. Reads only: nothing is migrated or claimed. Stops at the first failure: later steps need it."""
    where = _database_place(target.url)
    started = time.monotonic()
    try:
        db = connect(target, bound_s, purpose="check")
    except ShopUnreachable as exc:
        failed = Message(
            "{place}: {reason}: check [shop] database, the password and the network", place=where, reason=_reason(exc)
        )
        return [CheckResult(SHOP_DATABASE, False, failed)]
    try:
        with deadline(db, bound_s):
            db.read_only = True
            took = f"{time.monotonic() - started:.2f}"
            reached = CheckResult(
                SHOP_DATABASE, True, Message("{place} answered in {seconds} s", place=where, seconds=took)
            )
            schema = _schema(db)
            if not schema.ok:
                return [reached, schema]
            return [reached, schema, _till_id(db, target, ledger_file)]
    except ShopUnreachable as exc:
        return [CheckResult(SHOP_DATABASE, False, Message("{place}: {reason}", place=where, reason=_reason(exc)))]
    finally:
        db.close()


def _database_place(url: str) -> str:
    """Who and where, never a password (the address holds none: kiosk.shop_ledger.address refuses it)."""
    parts = urlsplit(url)
    return f"{parts.hostname or 'this PC'}{parts.path or ''}"


def _reason(exc: Exception) -> Verbatim:
    """The database's (or the network's) words, as they came: the end of a sentence."""
    text = str(exc)
    return Verbatim(text[0].lower() + text[1:].rstrip(".") if text else type(exc).__name__)


def _schema(db: psycopg.Connection) -> CheckResult:
    shipped = len(migrations())
    row = db.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()
    version = 0
    if row and row[0]:
        (version,) = db.execute("SELECT COALESCE(max(version), 0) FROM schema_version").fetchone() or (0,)
    if version == 0:
        empty = Message("empty: the first till to start sets it up (version {shipped})", shipped=shipped)
        return CheckResult(SHOP_SCHEMA, True, empty)
    if version > shipped:
        newer = Message(
            "version {version}, newer than this kiosk knows ({shipped}): update this till's kiosk",
            version=version,
            shipped=shipped,
        )
        return CheckResult(SHOP_SCHEMA, False, newer)
    if version < shipped:
        older = Message(
            "version {version}: this till brings it to {shipped} when it starts (its role needs CREATE for that once)",
            version=version,
            shipped=shipped,
        )
        return CheckResult(SHOP_SCHEMA, True, older)
    return CheckResult(SHOP_SCHEMA, True, Message("version {version}, as this kiosk's", version=version))


def _till_id(db: psycopg.Connection, target: ShopDatabase, ledger_file: Path) -> CheckResult:
    """Whether the till id is free, this PC's own (the ledger id the copy registered it with), or another's."""
    row = None
    if db.execute("SELECT to_regclass('tills') IS NOT NULL").fetchone() == (True,):
        row = db.execute(
            "SELECT ledger_id, role_name, last_copied_at FROM tills WHERE shop_id = %s AND till_id = %s",
            (target.shop_id, target.till_id),
        ).fetchone()
    till, shop = target.till_id, target.shop_id
    if row is None:
        free = Message(
            "till {till} of shop {shop} is free: this till takes it with its first copy", till=till, shop=shop
        )
        return CheckResult(TILL_ID, True, free)
    ledger_id, role, copied = row
    if ledger_id != _this_ledger_id(ledger_file):
        when = copied.astimezone().strftime("%Y-%m-%d %H:%M") if copied else Message("never")
        taken = Message(
            "till {till} of shop {shop} is already used by another PC's ledger (last copied {when}): give this till "
            "a [kiosk] till_id of its own",
            till=till,
            shop=shop,
            when=when,
        )
        return CheckResult(TILL_ID, False, taken)
    (user,) = db.execute("SELECT current_user").fetchone() or ("",)
    if role != user:
        other = Message(
            "till {till} of shop {shop} belongs to database role {role}, not {user}: log in as {role} in [shop] "
            "database",
            till=till,
            shop=shop,
            role=role,
            user=user,
        )
        return CheckResult(TILL_ID, False, other)
    return CheckResult(TILL_ID, True, Message("till {till} of shop {shop} is this PC's", till=till, shop=shop))


def _this_ledger_id(ledger_file: Path) -> str | None:
    """The id this PC's ledger is known by in the shop database (ledger schema 6); None before it has one."""
    if not ledger_file.exists():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"{ledger_file.resolve().as_uri()}?mode=ro", uri=True)) as ledger:
            row = ledger.execute("SELECT ledger_id FROM shop_copy").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def check_settings(settings: Settings, database_password: str, ledger_file: Path) -> list[CheckResult]:
    """The settings screen's "Test connection", of settings not saved yet: Vipps when they have credentials
    (someone waits, so at most 10 s a call), and the shop database when one is set, logging in with
    `database_password` (typed, or the stored one)."""
    results = []
    if (vipps := settings.vipps) is not None:
        results += check_connection(replace(vipps, request_timeout_s=min(vipps.request_timeout_s, 10.0)))
    if (database := settings.shop_database) is not None:
        results += check_shop_database(replace(database, password=database_password), ledger_file)
    return results
