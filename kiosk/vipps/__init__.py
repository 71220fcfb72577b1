"""The Vipps clients: the PSP API v3 client here, typed requests and answers, typed errors, retries done right.

The ePayment API v1 client is `kiosk.vipps.epayment.EPaymentClient` (imported from there, so the PSP kiosk's
start-up does not pay for it); both share the transport in `kiosk.vipps.http` and the errors here. It may import
kiosk.domain and kiosk.settings (the Vipps settings), httpx and pydantic; never the ledger, the checkout or Qt.
"""

from kiosk.vipps.environment import Environment, environment_of
from kiosk.vipps.errors import (
    AmountTooSmall,
    CurrencyInvalid,
    ErrorDetail,
    ForceApproveNotAllowed,
    InvalidMakePaymentUrl,
    InvalidPaymentModel,
    InvalidRequest,
    MalformedResponse,
    MerchantNotAvailable,
    OrderIdExists,
    PaymentConflict,
    PaymentNotFound,
    Problem,
    ProblemRejected,
    StatusUpdateRefused,
    TransactionIdExists,
    UnexpectedRedirect,
    VippsAuthError,
    VippsCancelled,
    VippsConnectionError,
    VippsError,
    VippsRateLimited,
    VippsRejected,
    VippsServerError,
    VippsTimeout,
    VippsUnavailable,
)
from kiosk.vipps.retry import RetryPolicy

__all__ = [
    "AmountTooSmall",
    "CurrencyInvalid",
    "Environment",
    "ErrorDetail",
    "ForceApproveNotAllowed",
    "InvalidMakePaymentUrl",
    "InvalidPaymentModel",
    "InvalidRequest",
    "MalformedResponse",
    "MerchantNotAvailable",
    "OrderIdExists",
    "PaymentConflict",
    "PaymentNotFound",
    "Problem",
    "ProblemRejected",
    "RetryPolicy",
    "StatusUpdateRefused",
    "TransactionIdExists",
    "UnexpectedRedirect",
    "VippsAuthError",
    "VippsCancelled",
    "VippsConnectionError",
    "VippsError",
    "VippsRateLimited",
    "VippsRejected",
    "VippsServerError",
    "VippsTimeout",
    "VippsUnavailable",
    "environment_of",
]
