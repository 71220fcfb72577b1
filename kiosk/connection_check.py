"""Checking a set of Vipps settings against Vipps itself, step by step, saying exactly which setting is wrong.
Used by the settings screen's "Test connection" button and by `kiosk doctor`; no Qt here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from kiosk.config import VippsSettings
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
from kiosk.vipps.retry import RetryPolicy

if TYPE_CHECKING:  # the network stack loads only when a check runs
    from kiosk.vipps import VippsClient
    from kiosk.vipps.epayment import EPaymentClient
    from kiosk.vipps.http import VippsHttp

C = TypeVar("C", bound="VippsHttp")

# Asked about a payment that cannot exist: a "no such payment" answer proves that Vipps accepted every header.
PROBE_TRANSACTION_ID = "kioskconnectioncheck0000000000000000"
ONE_TRY = RetryPolicy(attempts=1)


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


def check_connection(vipps: VippsSettings) -> list[CheckResult]:
    """Fetch a token, then make one harmless call of the configured API. Stops at the first failure: later steps
    need it."""
    if vipps.api == "epayment":
        from kiosk.vipps.epayment import EPaymentClient

        with EPaymentClient(vipps, retry=ONE_TRY) as epayment:
            return _check(epayment, vipps, _check_epayment_access)
    from kiosk.vipps import VippsClient

    with VippsClient(vipps, retry=ONE_TRY) as psp:
        return _check(psp, vipps, _check_psp_access)


def _check(
    client: C, vipps: VippsSettings, check_access: Callable[[C, VippsSettings], CheckResult]
) -> list[CheckResult]:
    try:
        client.access_token()
    except VippsError as exc:
        return [CheckResult("Access token", False, _explain_token_failure(exc, vipps))]
    token = CheckResult("Access token", True, f"{vipps.base_url} accepted the client id and secret")
    return [token, check_access(client, vipps)]


def _check_psp_access(client: VippsClient, vipps: VippsSettings) -> CheckResult:
    """One harmless PSP call: "no such payment" proves that Vipps accepted the sales unit and the PSP-Id."""
    try:
        client.details(PROBE_TRANSACTION_ID)
    except MerchantNotAvailable:
        return CheckResult(
            "Sales unit",
            False,
            f"Vipps does not know merchant serial number {vipps.merchant_serial_number} for these "
            "credentials, or it is not active: check the MSN in the Vipps portal",
        )
    except VippsRejected:
        pass  # refused for the payment, not for who asked: access works
    except VippsAuthError as exc:
        detail = (
            "Vipps refused the PSP-Id: check psp_id (Vipps gives it with the PSP credentials)"
            if exc.status == 403
            else f"Vipps refused the call (HTTP {exc.status}): check the subscription key"
        )
        return CheckResult("PSP access", False, detail)
    except VippsError as exc:
        return CheckResult("PSP access", False, _explain_unavailable(exc, vipps))
    return CheckResult(
        "PSP access", True, f"merchant serial number {vipps.merchant_serial_number} and the PSP-Id are accepted"
    )


def _check_epayment_access(client: EPaymentClient, vipps: VippsSettings) -> CheckResult:
    """One harmless ePayment call: asking for a payment that does not exist. "Not found" (404) proves that Vipps
    accepted the token, the subscription key and the merchant serial number."""
    try:
        client.get_payment(PROBE_TRANSACTION_ID)
    except VippsRejected:
        pass  # refused for the payment, not for who asked: access works
    except VippsAuthError as exc:
        if exc.status == 403:
            detail = (
                f"Vipps does not let merchant serial number {vipps.merchant_serial_number} take ePayment payments "
                "with these credentials: check merchant_serial_number, and that the sales unit has the ePayment "
                "API in the Vipps portal"
            )
        else:
            detail = f"Vipps refused the call (HTTP {exc.status}): check the subscription key"
        return CheckResult("ePayment access", False, detail)
    except VippsError as exc:
        return CheckResult("ePayment access", False, _explain_unavailable(exc, vipps))
    return CheckResult(
        "ePayment access", True, f"merchant serial number {vipps.merchant_serial_number} may use the ePayment API"
    )


def _explain_token_failure(exc: VippsError, vipps: VippsSettings) -> str:
    if isinstance(exc, VippsAuthError):
        return (
            f"Vipps refused the credentials (HTTP {exc.status}): check client_id, client_secret and the "
            "subscription key (Ocp-Apim-Subscription-Key) for this environment"
        )
    return _explain_unavailable(exc, vipps)


def _explain_unavailable(exc: VippsError, vipps: VippsSettings) -> str:
    if isinstance(exc, VippsTimeout):
        return f"{vipps.base_url} did not answer within {vipps.request_timeout_s:g} s: check the network"
    if isinstance(exc, VippsConnectionError):
        if "certificate" in str(exc):
            return f"{vipps.base_url}'s certificate is not trusted: check base_url, or the PC's date and time"
        return f"cannot reach {vipps.base_url}: check base_url and the shop's internet connection"
    if isinstance(exc, VippsRateLimited):
        return "Vipps asks to slow down (HTTP 429): try again in a minute"
    if isinstance(exc, VippsServerError):
        return f"Vipps had a problem of its own (HTTP {exc.status}): try again later"
    return f"Vipps gave an answer the kiosk does not understand: {type(exc).__name__}"
