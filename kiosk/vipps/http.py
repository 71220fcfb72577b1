"""What every Vipps API client shares: one connection pool, the access token, retries, typed errors.

`VippsHttp` is the transport under `VippsClient` (PSP API v3) and `EPaymentClient` (ePayment API v1). Both APIs
sit behind the same access-token endpoint and the same gateway, so the token cache, the TLS context, the system
headers, the retry rules (backoff, Retry-After, one Idempotency-Key for every retry of a call) and `cancel()`
live here once. A subclass names its API's own headers and says how its error bodies are read.

Blocking by design: a client lives in a worker thread, which owns it. `cancel()` (from any thread) ends the
current call and its waits at once, so a worker stops promptly when its sale ends: it shuts the call's
connection down (see kiosk.vipps.hang_up), so even a request that Vipps sits on returns now, as VippsCancelled.
"""

from __future__ import annotations

import hashlib
import logging
import ssl
import threading
import time
import uuid
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self, TypeVar

import certifi
import httpx
from pydantic import BaseModel

from kiosk import __version__
from kiosk.domain.message import Message, Verbatim
from kiosk.settings.model import VippsSettings
from kiosk.vipps.environment import environment_of
from kiosk.vipps.errors import (
    ErrorDetail,
    VippsAuthError,
    VippsCancelled,
    VippsConnectionError,
    VippsError,
    VippsRateLimited,
    VippsRejected,
    VippsServerError,
    VippsTimeout,
    VippsUnavailable,
    refuse_redirect,
)
from kiosk.vipps.hang_up import HangUpTransport
from kiosk.vipps.models import AccessToken, parse
from kiosk.vipps.retry import RetryPolicy, retry_after_s

log = logging.getLogger(__name__)
M = TypeVar("M", bound=BaseModel)
PLUGIN_NAME = "vipps-counter-kiosk"


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
            _SSL_CONTEXT = ssl.create_default_context(cafile=certifi.where())
        return _SSL_CONTEXT


class _TokenCache:
    """Access tokens shared by every client of one sales unit in this process: each sale's worker owns its own
    client, and none of them should pay a token round trip to Vipps before its first call. The PSP API and the
    ePayment API take the same token, so their clients share it too."""

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


class VippsHttp:
    """The transport every Vipps API client is built on. Subclasses add the calls of one API."""

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
        # A transport handed in (a test's) is used as it is; ours can be hung up from another thread.
        self._hang_up = HangUpTransport(_ssl_context()) if transport is None else None
        self._http = httpx.Client(
            base_url=settings.base_url,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            transport=transport or self._hang_up,
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
        if self._hang_up is not None:
            self._hang_up.hang_up()  # after the flag: the woken call must see that it was cancelled

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # ---- the access token ---------------------------------------------------------------------------------------

    def access_token(self) -> str:
        if self._token is None or not self._token.fresh:
            self._token = TOKENS.get(self._token_key, self._fetch_token)
        return self._token.value

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
                Message("Vipps refused the credentials: check client_id, client_secret and subscription_key"),
                response.status_code,
            )
        self._raise_for_status(response)
        token = parse(AccessToken, response.content)
        return _Token(token.access_token, token.expires_in)

    # ---- what a subclass says about its API ---------------------------------------------------------------------

    def _api_headers(self) -> dict[str, str]:
        """The headers every call of this API carries besides the token (and the system headers)."""
        return {
            "Ocp-Apim-Subscription-Key": self._settings.subscription_key,
            "Merchant-Serial-Number": self._settings.merchant_serial_number,
        }

    def _auth_error_hint(self) -> Message:
        return Message("check subscription_key and merchant_serial_number")

    def _error_details(self, content: bytes) -> tuple[ErrorDetail, ...]:
        """The error body read as error details (for 5xx); never raises."""
        return ()

    def _rejection(self, status: int, content: bytes) -> VippsError:
        """The typed error for a 4xx other than 401, 403 and 429."""
        raise NotImplementedError

    def _before_send(self, method: str, path: str) -> None:
        """Called before every try of a call (retries included): a place to keep to documented rate limits."""

    # ---- plumbing -----------------------------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        model: type[M] | None,
        *,
        json: Any = None,
        idempotency_key: str | None = None,
        retry_on_doubt: bool = True,
        parse_body: Callable[[bytes], Any] | None = None,
    ) -> Any:
        """One API call: token (renewed once on a 401), retries, typed errors, the answer parsed into `model`."""
        headers = self._api_headers()
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
            said = Message("Vipps answered {status}: {hint}", status=response.status_code, hint=self._auth_error_hint())
            raise VippsAuthError(said, response.status_code)
        self._raise_for_status(response)
        if parse_body is not None:
            return parse_body(response.content)
        if model is None:
            return None
        return parse(model, response.content or b"{}")

    def _raise_for_status(self, response: httpx.Response) -> None:
        """A redirect is an error (never followed, never a success). A refusal keeps the answer's media type,
        which tells the API's own error body from a gateway's page."""
        status = response.status_code
        refuse_redirect(status)
        if status < 400:
            return
        if status == 429:
            raise VippsRateLimited(
                Message("Vipps asks us to slow down (429)"), retry_after_s(response.headers.get("retry-after"))
            )
        if 400 <= status < 500:
            rejection = self._rejection(status, response.content)
            if isinstance(rejection, VippsRejected):
                rejection.content_type = response.headers.get("content-type", "")
            raise rejection
        raise VippsServerError(
            Message("Vipps answered {status}", status=status), status, self._error_details(response.content)
        )

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
            self._before_send(method, path)
            started = time.monotonic()
            try:
                response = self._request(method, path, headers, json)
            except httpx.ConnectError as exc:
                untrusted = _certificate_failure(exc)
                if untrusted is not None:
                    # Not a hiccup: the server is not who it claims to be (or the PC's clock is wrong).
                    raise VippsConnectionError(
                        Message("Vipps' certificate is not trusted: {problem}", problem=Verbatim(str(untrusted)))
                    ) from None
                failure: VippsUnavailable = VippsConnectionError(
                    Message("cannot reach Vipps: {error}", error=type(exc).__name__)
                )
                may_retry = True
            except httpx.ConnectTimeout:
                failure, may_retry = VippsTimeout(Message("Vipps did not accept the connection in time")), True
            except httpx.TimeoutException:
                failure, may_retry = (
                    VippsTimeout(Message("Vipps did not answer {method} in time", method=method)),
                    retry_on_doubt,
                )
            except httpx.TransportError as exc:
                failure = VippsConnectionError(
                    Message("the connection to Vipps failed: {error}", error=type(exc).__name__)
                )
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

    def _request(self, method: str, path: str, headers: dict[str, str], json: Any) -> httpx.Response:
        try:
            return self._http.request(method, path, headers=headers, json=json)
        except httpx.TransportError:
            if self._cancelled.is_set():  # the connection was cut by cancel(), not by Vipps or the network
                raise VippsCancelled(Message("the call was cancelled")) from None
            raise

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
            raise VippsCancelled(Message("the call was cancelled"))

    def _check_cancelled(self) -> None:
        if self._cancelled.is_set():
            raise VippsCancelled(Message("the call was cancelled"))


def _certificate_failure(exc: BaseException) -> str | None:
    """Why the server's certificate was refused, if that is what ended the connection."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen.verify_message or "verification failed"
        seen = seen.__cause__ or seen.__context__
    return None
