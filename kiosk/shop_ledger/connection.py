"""A connection to the shop database where every wait has a limit.

libpq's own limits cover a server that answers slowly or not at all (connect_timeout, statement_timeout, TCP
keepalives, tcp_user_timeout). They do not cover a connection whose far end still acknowledges packets but never
answers (a stuck proxy, a half-dead NAT): so each unit of work also runs under a deadline that shuts the socket
down, which ends any wait on it at once with an error.
"""

from __future__ import annotations

import contextlib
import math
import os
import socket
import threading
from collections.abc import Iterator

import psycopg

from kiosk.shop_ledger.address import ShopDatabase


class ShopUnreachable(Exception):
    """The shop database cannot be used now (down, slow, refusing): try again later. The message is for the log
    and the manager; it never holds the password."""


def connect(target: ShopDatabase, bound_s: float, *, purpose: str = "copy") -> psycopg.Connection:
    """A connection whose server-side waits end within `bound_s`; raises ShopUnreachable."""
    limit_ms = int(bound_s * 1000)
    extra = {"password": target.password} if target.password else {}
    try:
        return psycopg.connect(
            target.url,
            connect_timeout=max(2, math.ceil(bound_s)),  # libpq's least is 2 s
            application_name=f"kiosk {target.till_id} {purpose}",
            keepalives=1,
            keepalives_idle=max(1, int(bound_s / 2)),
            keepalives_interval=1,
            keepalives_count=2,
            tcp_user_timeout=limit_ms,
            options=f"-c statement_timeout={limit_ms} -c lock_timeout={limit_ms}"
            f" -c idle_in_transaction_session_timeout={limit_ms * 2}",
            **extra,
        )
    except psycopg.Error as exc:
        raise ShopUnreachable(f"The shop database cannot be reached: {_first_line(exc)}") from None


@contextlib.contextmanager
def deadline(db: psycopg.Connection, bound_s: float) -> Iterator[None]:
    """Run the block within `bound_s`: past it the socket is shut down, so the block's wait fails and the
    connection is broken (the caller reconnects next time)."""
    fired = threading.Event()

    def cut() -> None:
        fired.set()
        with contextlib.suppress(OSError, psycopg.Error):
            sock = socket.socket(fileno=os.dup(db.fileno()))  # a copy: psycopg still owns its own
            try:
                sock.shutdown(socket.SHUT_RDWR)
            finally:
                sock.close()

    timer = threading.Timer(bound_s, cut)
    timer.daemon = True
    timer.start()
    try:
        yield
    except psycopg.Error as exc:
        if fired.is_set():
            raise ShopUnreachable(f"The shop database did not answer within {bound_s:g} s.") from None
        raise shop_failed(exc) from None
    finally:
        timer.cancel()


def shop_failed(exc: psycopg.Error) -> ShopUnreachable:
    """The shop database's own words for what went wrong, their first line (the rest is libpq's detail)."""
    return ShopUnreachable(f"The shop database failed: {_first_line(exc)}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
