"""The Vipps PSP API v3 client. Blocking by design: it lives in a worker thread, which owns it.

One `VippsClient` holds one httpx connection pool and one cached access token. `cancel()` (from any thread)
ends the current call and its waits at once, so a worker stops promptly when its sale ends.
"""

from __future__ import annotations

import hashlib
import logging
import ssl
import threading
import time
import uuid
from collections.abc import Callable
from enum import StrEnum
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit

import httpx
from pydantic import BaseModel

from kiosk import __version__
from kiosk.config import VippsSettings, is_loopback_host
from kiosk.vipps.errors import (
    ForceApproveNotAllowed,
    VippsAuthError,
    VippsCancelled,
    VippsConnectionError,
    VippsRateLimited,
    VippsServerError,
    VippsTimeout,
    VippsUnavailable,
    rejection_for,
)
from kiosk.vipps.models import (
    AccessToken,
    InitiateRequest,
    InitiateResponse,
    PaymentDetails,
    PspOutcome,
    StatusUpdate,
    StatusUpdateResponse,
    parse,
    parse_errors,
)
from kiosk.vipps.retry import RetryPolicy, retry_after_s

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)
PSP = "/psp/v3/psppayments"
PLUGIN_NAME = "vipps-counter-kiosk"


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


class _Token:
    """The cached access token and when to stop trusting it."""

    def __init__(self, value: str, lifetime_s: int) -> None:
        self.value = value
        # Renew ahead of expiry: a tenth of the lifetime, at most 5 minutes, so a call never carries a token
        # that runs out on the way.
        self.renew_at = time.monotonic() + lifetime_s - min(300.0, lifetime_s * 0.1)

    @property
    def fresh(self) -> bool:
        return time.monotonic() < self.renew_at


_SSL_CONTEXT: ssl.SSLContext | None = None
_SSL_LOCK = threading.Lock()


def _ssl_context() -> ssl.SSLContext:
    """One verifying TLS context for every client: building one loads the CA bundle (~40 ms and ~40 KB each),
    and each sale's two workers make a client of their own."""
    global _SSL_CONTEXT
    with _SSL_LOCK:
        if _SSL_CONTEXT is None:
            import certifi

            _SSL_CONTEXT = ssl.create_default_context(cafile=certifi.where())
        return _SSL_CONTEXT


class _TokenCache:
    """Access tokens shared by every client of one sales unit in this process: each sale's worker owns its own
    client, and none of them should pay a token round trip to Vipps before its first call."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokens: dict[tuple[str, str, str], _Token] = {}

    def get(self, key: tuple[str, str, str], fetch: Callable[[], _Token]) -> _Token:
        with self._lock:
            token = self._tokens.get(key)
        if token is not None and token.fresh:
            return token
        token = fetch()  # outside the lock: a slow token endpoint must not block the other threads' calls
        with self._lock:
            self._tokens[key] = token
        return token

    def forget(self, key: tuple[str, str, str], token: _Token | None) -> None:
        with self._lock:
            if token is None or self._tokens.get(key) is token:
                self._tokens.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._tokens.clear()


TOKENS = _TokenCache()


class VippsClient:
    def __init__(
        self,
        settings: VippsSettings,
        *,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._settings = settings
        self._retry = retry or RetryPolicy()
        self._cancelled = threading.Event()
        self._token: _Token | None = None
        # The credentials themselves are part of the key (hashed: the key must not hold a secret), so a client
        # with other (or wrong) credentials never borrows a token it could not get itself.
        secret = hashlib.sha256(f"{settings.client_secret}\0{settings.subscription_key}".encode()).hexdigest()
        self._token_key = (settings.base_url, settings.client_id, secret)
        self.environment = environment_of(settings.base_url)
        timeout = settings.request_timeout_s
        self._http = httpx.Client(
            base_url=settings.base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            transport=transport,
            verify=_ssl_context(),
            trust_env=False,  # a shop PC's stray proxy variables must not reroute payments
            headers={
                "Vipps-System-Name": settings.system_name[:30],
                "Vipps-System-Version": __version__[:30],
                "Vipps-System-Plugin-Name": PLUGIN_NAME,
                "Vipps-System-Plugin-Version": __version__[:30],
            },
        )

    # ---- life cycle ---------------------------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop the call under way and every later one. Safe to call from any thread."""
        self._cancelled.set()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> VippsClient:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ---- the API ------------------------------------------------------------------------------------------------

    def initiate(self, request: InitiateRequest, idempotency_key: str | None = None) -> InitiateResponse:
        """Create a payment. Pass a stored `idempotency_key` to make a retry after a crash find the same payment."""
        return self._psp_call(
            "POST", f"{PSP}/init", InitiateResponse, json=request.to_json(), idempotency_key=idempotency_key
        )

    def details(self, psp_transaction_id: str) -> PaymentDetails:
        return self._psp_call("GET", f"{PSP}/{quote(psp_transaction_id, safe='')}/details", PaymentDetails)

    def update_status(
        self, updates: list[StatusUpdate] | StatusUpdate, idempotency_key: str | None = None
    ) -> StatusUpdateResponse:
        updates = [updates] if isinstance(updates, StatusUpdate) else updates
        body = {"transactions": [u.to_json() for u in updates]}
        return self._psp_call(
            "POST", f"{PSP}/updatestatus", StatusUpdateResponse, json=body, idempotency_key=idempotency_key
        )

    def force_approve(self, psp_transaction_id: str, customer_phone_number: str, landing_token: str) -> None:
        """Approve as the customer would, without the app. Only the test environment and simulators offer it."""
        if self.environment not in (Environment.TEST, Environment.SIMULATOR):
            raise ForceApproveNotAllowed(
                f"force-approve exists only in Vipps' test environment and the simulator, not at {self.environment}"
            )
        path = f"/psp/v3/integration-test/psppayments/{quote(psp_transaction_id, safe='')}/approve"
        body = {"customerPhoneNumber": customer_phone_number, "token": landing_token}
        # Approving is not safe to repeat blindly, so it carries no idempotency key and is not retried on doubt.
        self._psp_call("POST", path, None, json=body, retry_on_doubt=False)

    def psp_outcome(self, psp_transaction_id: str) -> PspOutcome | None:
        """Why a payment failed, from the PSP backend's own record, or None where that cannot be asked.

        Vipps' details only say that a reservation failed. The PSP that answered makePayment knows why; the
        simulator's built-in PSP publishes that. A real PSP's API is its own, so elsewhere this answers None.
        """
        if self.environment is not Environment.SIMULATOR:
            return None
        path = f"/_sim/psp/transactions/{quote(psp_transaction_id, safe='')}"
        response = self._send("GET", path, headers={}, json=None, retry_on_doubt=True)
        if response.status_code == 404:
            return None
        self._raise_for_status(response)
        return parse(PspOutcome, response.content)

    def access_token(self) -> str:
        if self._token is None or not self._token.fresh:
            self._token = TOKENS.get(self._token_key, self._fetch_token)
        return self._token.value

    # ---- plumbing -----------------------------------------------------------------------------------------------

    def _fetch_token(self) -> _Token:
        s = self._settings
        headers = {
            "client_id": s.client_id,
            "client_secret": s.client_secret,
            "Ocp-Apim-Subscription-Key": s.subscription_key,
            "Merchant-Serial-Number": s.merchant_serial_number,
        }
        response = self._send("POST", "/accesstoken/get", headers=headers, json=None, retry_on_doubt=True)
        if response.status_code in (401, 403):
            raise VippsAuthError(
                "Vipps refused the credentials: check client_id, client_secret and subscription_key",
                response.status_code,
            )
        self._raise_for_status(response)
        token = parse(AccessToken, response.content)
        return _Token(token.access_token, token.expires_in)

    def _psp_call(
        self,
        method: str,
        path: str,
        model: type[M] | None,
        *,
        json: Any = None,
        idempotency_key: str | None = None,
        retry_on_doubt: bool = True,
    ) -> Any:
        headers = {
            "Ocp-Apim-Subscription-Key": self._settings.subscription_key,
            "Merchant-Serial-Number": self._settings.merchant_serial_number,
            "Psp-Id": self._settings.psp_id,
        }
        if method != "GET" and retry_on_doubt:
            # One key for every retry of this call: a write that did land is answered again, not done twice.
            headers["Idempotency-Key"] = idempotency_key or uuid.uuid4().hex
        renewed = False
        while True:
            headers["Authorization"] = f"Bearer {self.access_token()}"
            response = self._send(method, path, headers=headers, json=json, retry_on_doubt=retry_on_doubt)
            if response.status_code == 401 and not renewed:
                TOKENS.forget(self._token_key, self._token)  # expired or revoked early: fetch a new one, once
                self._token = None
                renewed = True
                continue
            break
        if response.status_code in (401, 403):
            raise VippsAuthError(
                f"Vipps answered {response.status_code}: check subscription_key, psp_id and merchant_serial_number",
                response.status_code,
            )
        self._raise_for_status(response)
        if model is None:
            return None
        return parse(model, response.content or b"{}")

    def _raise_for_status(self, response: httpx.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        if status == 429:
            raise VippsRateLimited(
                "Vipps asks us to slow down (429)", retry_after_s(response.headers.get("retry-after"))
            )
        errors = parse_errors(response.content)
        if 400 <= status < 500:
            raise rejection_for(status, errors)
        raise VippsServerError(f"Vipps answered {status}", status, errors)

    def _send(
        self, method: str, path: str, *, headers: dict[str, str], json: Any, retry_on_doubt: bool
    ) -> httpx.Response:
        """Send with retries. Returns the last response, or raises VippsUnavailable / VippsCancelled.

        A connection that never opened is always retried: nothing reached Vipps. A 429 is retried after its
        Retry-After. Timeouts, dropped connections and 5xx are retried only when `retry_on_doubt`, because then
        the request may have been carried out.
        """
        retry_number = 0
        while True:
            self._check_cancelled()
            started = time.monotonic()
            try:
                response = self._http.request(method, path, headers=headers, json=json)
            except httpx.ConnectError as exc:
                failure: VippsUnavailable = VippsConnectionError(f"cannot reach Vipps: {type(exc).__name__}")
                may_retry = True
            except httpx.ConnectTimeout:
                failure, may_retry = VippsTimeout("Vipps did not accept the connection in time"), True
            except httpx.TimeoutException:
                failure, may_retry = VippsTimeout(f"Vipps did not answer {method} in time"), retry_on_doubt
            except httpx.TransportError as exc:
                failure = VippsConnectionError(f"the connection to Vipps failed: {type(exc).__name__}")
                may_retry = retry_on_doubt
            else:
                log.info(
                    "%s %s -> %s in %.0f ms",
                    method,
                    path,
                    response.status_code,
                    1000 * (time.monotonic() - started),
                )
                wait = self._wait_before_retry(response, retry_number + 1, retry_on_doubt)
                if wait is None:
                    return response
                retry_number += 1
                self._sleep(wait)
                continue
            log.warning("%s %s failed: %s", method, path, failure)
            retry_number += 1
            if not may_retry or retry_number >= self._retry.attempts:
                raise failure
            self._sleep(self._retry.backoff_s(retry_number))

    def _wait_before_retry(self, response: httpx.Response, retry_number: int, retry_on_doubt: bool) -> float | None:
        """How long to wait before sending again, or None to hand this response back."""
        if retry_number >= self._retry.attempts:
            return None
        if response.status_code == 429:
            asked = retry_after_s(response.headers.get("retry-after"))
            if asked is None:
                return self._retry.backoff_s(retry_number)
            return asked if asked <= self._retry.longest_retry_after_s else None
        if response.status_code >= 500 and retry_on_doubt:
            return self._retry.backoff_s(retry_number)
        return None

    def _sleep(self, seconds: float) -> None:
        if self._cancelled.wait(seconds):
            raise VippsCancelled("the call was cancelled")

    def _check_cancelled(self) -> None:
        if self._cancelled.is_set():
            raise VippsCancelled("the call was cancelled")
