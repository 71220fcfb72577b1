"""An httpx transport whose calls another thread can cut off at once.

httpx's sync client has no cross-thread abort: a request blocked in `recv` waits for its read timeout, and
closing the client from another thread does not wake it (closing a socket never interrupts a blocked read).
Shutting the socket down does, on Linux and on Windows: the read returns at once with end-of-file. So the pool
under this transport opens its connections through a network backend that remembers every open stream, and
`hang_up()` shuts them all down. httpcore then reports a dropped connection, which VippsHttp, seeing its cancel
flag, turns into VippsCancelled.

Bounded, not total: a connect or a TLS handshake under way is not cut (its socket is not ours to reach until it
returns), but both are bounded by the connect timeout, and a stream that opens after `hang_up()` is shut at once.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx

# httpx's own defaults (httpx.Client's pool), named here because httpx keeps its constant private.
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0)


class _OpenStreams:
    """The streams of one transport that are open now; once hung up, every later one is shut as it opens."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._streams: set[_Stream] = set()
        self._hung_up = False

    def add(self, stream: _Stream) -> None:
        with self._lock:
            self._streams.add(stream)
            hung_up = self._hung_up
        if hung_up:
            stream.shut_down()

    def discard(self, stream: _Stream) -> None:
        with self._lock:
            self._streams.discard(stream)

    def hang_up(self) -> None:
        with self._lock:
            self._hung_up = True
            streams = list(self._streams)
        for stream in streams:
            stream.shut_down()


class _Stream(httpcore.NetworkStream):
    """A pool connection's stream, known to its transport until it closes."""

    def __init__(self, inner: httpcore.NetworkStream, streams: _OpenStreams) -> None:
        self._inner = inner
        self._streams = streams
        streams.add(self)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, timeout)

    def close(self) -> None:
        self._streams.discard(self)
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        # The TLS stream takes over the socket; this object stays the one the transport knows.
        self._inner = self._inner.start_tls(ssl_context, server_hostname, timeout)
        return self

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)

    def shut_down(self) -> None:
        """From any thread: wake whatever waits on this stream. The socket stays open for its owner to close."""
        sock = self._inner.get_extra_info("socket")
        if sock is None:
            return
        # socket.socket's own shutdown, also for a TLS socket: SSLSocket.shutdown would drop its SSL object under
        # the reading thread's feet. A socket already closed (or handed to TLS) raises: nothing left to wake.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _Backend(httpcore.NetworkBackend):
    def __init__(self, streams: _OpenStreams) -> None:
        self._inner = httpcore.SyncBackend()
        self._streams = streams

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        return _Stream(stream, self._streams)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, timeout, socket_options), self._streams)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class HangUpTransport(httpx.HTTPTransport):
    """httpx's own transport (its error mapping, its pool), over a pool whose connections `hang_up()` can cut."""

    def __init__(self, ssl_context: ssl.SSLContext, limits: httpx.Limits = DEFAULT_LIMITS) -> None:
        super().__init__(verify=ssl_context, limits=limits, trust_env=False)
        self._streams = _OpenStreams()
        # HTTPTransport takes no network backend, so its pool is made again with the same settings and ours.
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_Backend(self._streams),
        )

    def hang_up(self) -> None:
        """From any thread: end every call under way now, and every connection opened later."""
        self._streams.hang_up()
