"""Run the simulator under uvicorn: in a background thread (embedded, tests) or in the foreground (CLI)."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from dataclasses import replace
from types import TracebackType

import uvicorn

from kiosk.simulator.app import build_app
from kiosk.simulator.demo import SimulatorSettings

_WILDCARD_HOSTS = ("0.0.0.0", "::", "")  # noqa: S104 - naming them is how we recognise them


BACKLOG = 2048  # uvicorn's own default


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP, and without it every
    # answer waits ~40 ms for a delayed ACK between its header and body writes.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    # Listening now, not when uvicorn's loop gets to it: `kiosk simulator` prints its address as soon as it is
    # bound, and a client that connects at once is queued instead of refused.
    sock.listen(BACKLOG)
    sock.set_inheritable(True)
    return sock


def _reachable_host(host: str) -> str:
    """The address to print and to put in landing URLs, which phones on the shop's network must reach."""
    if host not in _WILDCARD_HOSTS:
        return f"[{host}]" if ":" in host else host
    try:
        named = socket.gethostbyname(socket.gethostname())
    except OSError:
        named = "127.0.0.1"
    if not named.startswith("127."):
        return named
    # Debian maps the host name to 127.0.1.1. Ask the routing table which address would carry traffic out:
    # connecting a UDP socket sends nothing; 192.0.2.1 is a documentation address that is never reached.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
            return probe.getsockname()[0]
        except OSError:
            return named


class SimulatorServer:
    """The simulator on its own thread and event loop. Use as a context manager, or call start() and stop().

    `base_url` is known once start() returns: binding happens before the thread starts, so port 0 works.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0, settings: SimulatorSettings | None = None) -> None:
        self._sock = _bind(host, port)
        bound_port = self._sock.getsockname()[1]
        self.base_url = f"http://{_reachable_host(host)}:{bound_port}"
        settings = settings or SimulatorSettings()
        if settings.public_url is None and host in _WILDCARD_HOSTS:
            settings = replace(settings, public_url=self.base_url)
        self.settings = settings
        config = uvicorn.Config(
            build_app(settings),
            log_level="warning",
            access_log=False,
            lifespan="on",
            timeout_graceful_shutdown=2,
            # The client's address is the connection's, which the controls' rule reads (access.py): no proxy
            # stands in front of a simulator, so no X-Forwarded-For header may rewrite it.
            proxy_headers=False,
        )
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None

    def start(self, timeout_s: float = 10.0) -> SimulatorServer:
        self._thread = threading.Thread(target=self._run, name="vipps-simulator", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout_s
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the simulator did not start: {self._failure or 'timed out'}")
            time.sleep(0.002)
        return self

    def _run(self) -> None:
        try:
            asyncio.run(self._server.serve(sockets=[self._sock]))
        except BaseException as exc:  # reported by start(); a thread has nowhere else to say it
            self._failure = exc

    def stop(self, timeout_s: float = 10.0) -> bool:
        """Stop serving within about `timeout_s`; False if the server's thread was still running then. Answers
        still being made (a delay fault's, say) get what is left of it, not uvicorn's full graceful shutdown."""
        # Read by uvicorn when its shutdown begins; its main loop and shutdown take ~0.2 s of their own.
        config = self._server.config
        config.timeout_graceful_shutdown = max(0.0, min(config.timeout_graceful_shutdown or 0.0, timeout_s - 0.3))
        self._server.should_exit = True
        stopped = True
        if self._thread is not None:
            self._thread.join(timeout=timeout_s)
            stopped = not self._thread.is_alive()
            self._thread = None
        self._sock.close()
        return stopped

    def serve_forever(self) -> None:
        """Serve in this thread until Ctrl-C."""
        try:
            self._server.run(sockets=[self._sock])
        finally:
            self._sock.close()

    def __enter__(self) -> SimulatorServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
