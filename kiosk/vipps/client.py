"""The Vipps PSP API v3 client. Blocking by design: it lives in a worker thread, which owns it.

One `VippsClient` holds one httpx connection pool and the access token shared by every client of its sales unit
(see `kiosk.vipps.http`, the transport it shares with the ePayment client). `cancel()` (from any thread) ends the
current call and its waits at once, so a worker stops promptly when its sale ends.
"""

from __future__ import annotations

from urllib.parse import quote

import httpx

from kiosk.domain.message import Message
from kiosk.vipps.environment import Environment, environment_of
from kiosk.vipps.errors import (
    ErrorDetail,
    ForceApproveNotAllowed,
    MalformedResponse,
    StatusUpdateRefused,
    VippsError,
    rejection_for,
)
from kiosk.vipps.http import PLUGIN_NAME, TOKENS, VippsHttp
from kiosk.vipps.models import (
    InitiateRequest,
    InitiateResponse,
    PaymentDetails,
    PspOutcome,
    StatusUpdate,
    StatusUpdateResponse,
    parse,
    parse_errors,
)

__all__ = ["PLUGIN_NAME", "PSP", "TOKENS", "Environment", "VippsClient", "environment_of"]

PSP = "/psp/v3/psppayments"


class VippsClient(VippsHttp):
    _last_status = 0  # the HTTP status of the last answer read (updatestatus tells a 204 from a 200 by it)

    # ---- the API ------------------------------------------------------------------------------------------------

    def initiate(self, request: InitiateRequest, idempotency_key: str | None = None) -> InitiateResponse:
        """Create a payment. Pass a stored `idempotency_key` to make a retry after a crash find the same payment."""
        return self._call(
            "POST", f"{PSP}/init", InitiateResponse, json=request.to_json(), idempotency_key=idempotency_key
        )

    def details(self, psp_transaction_id: str) -> PaymentDetails:
        return self._call("GET", f"{PSP}/{quote(psp_transaction_id, safe='')}/details", PaymentDetails)

    def update_status(
        self, updates: list[StatusUpdate] | StatusUpdate, idempotency_key: str | None = None
    ) -> StatusUpdateResponse:
        """Send status updates. Returns only on Vipps' own success (responseInfo 9000 / SUCCESS), which says the
        update was accepted (the real Vipps applies it in a nightly batch: the payment's details show when).
        A 200 with another responseInfo raises StatusUpdateRefused; an answer without one (a 204, an empty
        body) MalformedResponse: neither is Vipps saying yes."""
        updates = [updates] if isinstance(updates, StatusUpdate) else updates
        body = {"transactions": [u.to_json() for u in updates]}
        answer: StatusUpdateResponse = self._call(
            "POST", f"{PSP}/updatestatus", StatusUpdateResponse, json=body, idempotency_key=idempotency_key
        )
        if answer.succeeded:
            return answer
        info = answer.response_info
        if info is None or self._last_status != 200:
            raise MalformedResponse(
                Message(
                    "Vipps answered updatestatus with HTTP {status} and no responseInfo, so the update is not known "
                    "to be accepted",
                    status=self._last_status,
                )
            )
        code, message = info.response_code or "", info.response_message or "no responseMessage"
        raise StatusUpdateRefused(200, (ErrorDetail(code, message, None),))

    def force_approve(self, psp_transaction_id: str, customer_phone_number: str, landing_token: str) -> None:
        """Approve as the customer would, without the app. Only the test environment and simulators offer it."""
        if self.environment not in (Environment.TEST, Environment.SIMULATOR):
            raise ForceApproveNotAllowed(
                f"force-approve exists only in Vipps' test environment and the simulator, not at {self.environment}"
            )
        path = f"/psp/v3/integration-test/psppayments/{quote(psp_transaction_id, safe='')}/approve"
        body = {"customerPhoneNumber": customer_phone_number, "token": landing_token}
        # Approving is not safe to repeat blindly, so it carries no idempotency key and is not retried on doubt.
        self._call("POST", path, None, json=body, retry_on_doubt=False)

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

    # ---- what the PSP API says differently ----------------------------------------------------------------------

    def _api_headers(self) -> dict[str, str]:
        return {**super()._api_headers(), "Psp-Id": self._settings.psp_id}

    def _auth_error_hint(self) -> Message:
        return Message("check subscription_key, psp_id and merchant_serial_number")

    def _error_details(self, content: bytes) -> tuple[ErrorDetail, ...]:
        return parse_errors(content)

    def _rejection(self, status: int, content: bytes) -> VippsError:
        return rejection_for(status, parse_errors(content))

    def _raise_for_status(self, response: httpx.Response) -> None:
        self._last_status = response.status_code
        super()._raise_for_status(response)
