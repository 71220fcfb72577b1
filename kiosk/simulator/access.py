"""Who may use which of the simulator's paths, once it listens on the shop's network (0.0.0.0, for a LAN demo).

- The customer's pages (the landing page and the simulated Vipps app, with their scripts) answer anyone: a phone
  on the Wi-Fi opens them. They show only what a customer needs: the payment behind a landing token (the QR
  code), and the open requests of the phone number the app was opened for.
- Vipps' own paths answer anyone, as Vipps does, and check credentials as Vipps does.
- Every other path under /_sim/ is a control: the list of every payment with its phone number, fault rules,
  reset, tokens, the batch, and the PSP backend's records and makePayment (which only the simulator itself
  calls). They answer only requests from this PC. The kiosk in demo mode, the tests, the benchmarks and the
  scripts all run here, so none of them needs a token for it.

"From this PC" is read off the connection: a loopback address, or the PC's own address at both ends (a PC
talking to itself at the address phones reach it by, as the demo kiosk does on 0.0.0.0). TCP's handshake
means a device elsewhere cannot pose as either.
"""

from __future__ import annotations

import ipaddress
import json

from starlette.types import ASGIApp, Receive, Scope, Send

CUSTOMER_PATHS = frozenset(
    {
        "/_sim/landing",
        "/_sim/landing/state",
        "/_sim/landing/phone",
        "/_sim/app",
        "/_sim/app/requests",
        "/_sim/app/respond",
        "/_sim/app/personal-qr.svg",  # the customer's own code, shown in their app
    }
)
CUSTOMER_PREFIXES = ("/_sim/static/",)
REFUSAL = {"message": "Simulator controls answer only on the PC the simulator runs on."}


def is_control(path: str) -> bool:
    if not (path == "/_sim" or path.startswith("/_sim/")):
        return False  # Vipps' own paths
    return path not in CUSTOMER_PATHS and not path.startswith(CUSTOMER_PREFIXES)


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped  # an IPv4 client of a dual-stack (::) socket
    return address


def from_this_pc(scope: Scope) -> bool:
    client, server = scope.get("client"), scope.get("server")
    if client is None:
        return True  # no network peer at all: a Unix socket, which only this PC can open
    peer = _address(client[0])
    if peer is None:
        return False
    if peer.is_loopback:
        return True
    local = _address(server[0]) if server else None
    return local is not None and peer == local


class ControlsOnThisPc:
    """ASGI middleware: a control asked for from elsewhere is answered 403 and never reaches the simulator."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_control(scope["path"]) or from_this_pc(scope):
            await self.app(scope, receive, send)
            return
        body = json.dumps(REFUSAL).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        await send({"type": "http.response.start", "status": 403, "headers": headers})
        await send({"type": "http.response.body", "body": body})
