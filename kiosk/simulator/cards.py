"""The test environment's magic amounts: which network token Vipps hands the PSP for an amount.

Amounts are minor units (øre, cents) and mean the same in every currency: 3100 is DKK 31,00 or EUR 31,00 too.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class NetworkToken:
    number: str
    expiry_month: str
    expiry_year: str
    token_type: str  # VISA or MASTERCARD


_VISA_DEFAULT = NetworkToken("4895370013193500", "05", "2025", "VISA")
_BY_AMOUNT = {
    2200: NetworkToken("5226603115488031", "05", "2025", "MASTERCARD"),
    3200: NetworkToken("4111111111111111", "03", "2030", "VISA"),
    4200: NetworkToken("4895370013193500", "03", "2030", "VISA"),
    4300: NetworkToken("5226603115488031", "03", "2030", "MASTERCARD"),
    4400: NetworkToken("4895370012792682", "12", "2022", "VISA"),
    5100: NetworkToken("4268270087302871", "09", "2024", "VISA"),
    5200: NetworkToken("5413330089010442", "12", "2025", "MASTERCARD"),
}

CARD_NOT_ELIGIBLE_AMOUNT = 3100
# The test environment marks these cards as expired; the PSP refuses them with error 86. Every other card
# is treated as valid, whatever today's date, as the test environment does.
EXPIRED_CARD_AMOUNTS = frozenset({4400, 5100})


def network_token_for(amount: int) -> NetworkToken:
    return _BY_AMOUNT.get(amount, _VISA_DEFAULT)


def refusal_for(amount: int) -> tuple[str, str] | None:
    """The PSP error id and text the card for `amount` is refused with, or None when it pays."""
    if amount == CARD_NOT_ELIGIBLE_AMOUNT:
        return "72", "Card not eligible for this payment"
    if amount in EXPIRED_CARD_AMOUNTS:
        return "86", "Expired card"
    return None
