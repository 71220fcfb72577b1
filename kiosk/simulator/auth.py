"""The access-token endpoint and the checks every PSP and ePayment call passes through.

One simulator serves every demo sales unit at once: a token belongs to the client id that asked for it, and a
call's Merchant-Serial-Number header must name that client's unit.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping
from typing import Any

from kiosk.simulator.demo import SalesUnit
from kiosk.simulator.validation import error

Answer = tuple[int, Any]


class TokenIssuer:
    def __init__(self, units: tuple[SalesUnit, ...], ttl_s: float) -> None:
        self._units = units
        self._ttl_s = ttl_s
        self._issued: dict[str, tuple[float, SalesUnit]] = {}  # a token: its monotonic expiry, and whose it is
        # How many times a token was asked for, and given: every ask carried a client secret, so a test can see
        # that none was sent to a place it should not go.
        self.asked = 0
        self.issued = 0

    def _unit_of_key(self, headers: Mapping[str, str]) -> SalesUnit | None:
        key = headers.get("ocp-apim-subscription-key")
        return next((u for u in self._units if u.subscription_key == key), None)

    def issue(self, headers: Mapping[str, str]) -> Answer:
        unit = self._unit_of_key(headers)
        self.asked += 1
        if unit is None:
            return 401, {
                "error": "invalid_subscription_key",
                "error_description": "Access denied: invalid key",
            }
        if headers.get("client_id") != unit.client_id or headers.get("client_secret") != unit.client_secret:
            return 401, {
                "error": "unauthorized_client",
                "error_description": "Invalid client_id or client_secret",
            }
        token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + secrets.token_urlsafe(48)
        self.issued += 1
        now = time.time()
        self._issued[token] = (time.monotonic() + self._ttl_s, unit)
        ttl = str(int(self._ttl_s))
        return 200, {
            "token_type": "Bearer",
            "expires_in": ttl,
            "ext_expires_in": ttl,
            "expires_on": str(int(now + self._ttl_s)),
            "not_before": str(int(now)),
            "resource": "00000002-0000-0000-c000-000000000000",
            "access_token": token,
        }

    def revoke_all(self) -> None:
        self._issued.clear()

    def forget(self) -> None:
        """Everything, counts included (the simulator's reset)."""
        self.revoke_all()
        self.asked = self.issued = 0

    def counts(self) -> dict[str, int]:
        return {"asked": self.asked, "issued": self.issued, "valid": len(self._issued)}

    def check(self, headers: Mapping[str, str], *, psp: bool = True) -> Answer | None:
        """None when the caller may go on; otherwise the answer Vipps would give. `psp=False` for the ePayment
        API, a merchant's API that takes no Psp-Id."""
        if self._unit_of_key(headers) is None:
            return 401, {"statusCode": 401, "message": "Access denied due to invalid subscription key."}
        scheme, _, token = headers.get("authorization", "").partition(" ")
        expiry, unit = self._issued.get(token, (0.0, None)) if scheme.lower() == "bearer" else (0.0, None)
        if unit is None or expiry <= time.monotonic():
            self._issued.pop(token, None)
            return 401, {
                "statusCode": 401,
                "message": "Unauthorized. Access token is missing, invalid or expired.",
            }
        if headers.get("ocp-apim-subscription-key") != unit.subscription_key:
            return 401, {"statusCode": 401, "message": "Access denied due to invalid subscription key."}
        if psp and unit.country != "NO":
            return 400, [error("21", "Merchant not available or active: the PSP API is for Norway (Vipps) only")]
        if psp and headers.get("psp-id") != unit.psp_id:
            return 403, [error("403", "Not authorised: unknown Psp-Id for this token")]
        if headers.get("merchant-serial-number") != unit.merchant_serial_number:
            return 400, [error("21", "Merchant not available or active")]
        return None

    def unit_of(self, headers: Mapping[str, str]) -> SalesUnit:
        """The sales unit of a call that `check` let through."""
        _scheme, _, token = headers.get("authorization", "").partition(" ")
        return self._issued[token][1]
