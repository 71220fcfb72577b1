"""A loopback TCP proxy that can stop forwarding while keeping every connection open: the far end of a stuck
link (a hung NAT, a frozen server host). The kernel still acknowledges what the client sends; nothing comes back."""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading


class StallingProxy:
    def __init__(self, target_port: int) -> None:
        self._target = ("127.0.0.1", target_port)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._forwarding = threading.Event()
        self._forwarding.set()
        self._stopped = threading.Event()
        self._sockets: list[socket.socket] = []
        self._thread = threading.Thread(target=self._serve, name="stalling-proxy", daemon=True)
        self._thread.start()

    def hang(self) -> None:
        """From now on nothing is forwarded either way; connections stay open."""
        self._forwarding.clear()

    def resume(self) -> None:
        """Forward again: the link is back (connections stalled meanwhile have been given up by then)."""
        self._forwarding.set()

    def close(self) -> None:
        self._stopped.set()
        self._listener.close()
        self._thread.join(5)
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.close()

    def _serve(self) -> None:
        selector = selectors.DefaultSelector()
        selector.register(self._listener, selectors.EVENT_READ)
        peers: dict[socket.socket, socket.socket] = {}
        while not self._stopped.is_set():
            if not self._forwarding.is_set():
                self._forwarding.wait(0.02)  # stalled: no busy loop over sockets left unread on purpose
            try:
                events = selector.select(timeout=0.02)
            except (OSError, ValueError):
                return
            for key, _ in events:
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                if sock is self._listener:
                    try:
                        client, _ = self._listener.accept()
                    except OSError:
                        return
                    try:
                        server = socket.create_connection(self._target, timeout=5)
                    except OSError:
                        client.close()
                        continue
                    self._sockets += [client, server]
                    peers[client], peers[server] = server, client
                    selector.register(client, selectors.EVENT_READ)
                    selector.register(server, selectors.EVENT_READ)
                    continue
                if not self._forwarding.is_set():
                    continue  # stalled: read nothing, send nothing
                try:
                    data = sock.recv(65536)
                    if data:
                        peers[sock].sendall(data)
                        continue
                except OSError:
                    pass
                for end in (sock, peers[sock]):  # one side closed: close both
                    with contextlib.suppress(KeyError, ValueError):
                        selector.unregister(end)
                    with contextlib.suppress(OSError):
                        end.close()
        selector.close()
