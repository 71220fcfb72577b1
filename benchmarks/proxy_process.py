"""The tests' stalling proxy (tests/shop/proxy.py) as a process of its own, so its thread never shares the
measured kiosk's GIL: the far end of a stuck link is another machine, not a thread of the till.

    python -m benchmarks.proxy_process PORT     prints the proxy's port, then obeys "hang", "resume", "close"
                                                on stdin, one a line, answering "ok" once each has taken effect.
"""

from __future__ import annotations

import subprocess
import sys

from tests.shop.proxy import StallingProxy


class ProxyProcess:
    """The parent's handle: a stalling proxy in front of `target_port` on loopback."""

    def __init__(self, target_port: int) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.proxy_process", str(target_port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.port = int(self._read())

    def hang(self) -> None:
        self._say("hang")

    def resume(self) -> None:
        self._say("resume")

    def close(self) -> None:
        if self._process.poll() is None:
            self._say("close")
            self._process.wait(timeout=10)

    def _say(self, word: str) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(word + "\n")
        self._process.stdin.flush()
        if self._read() != "ok":
            raise RuntimeError(f"the proxy did not take {word!r}")

    def _read(self) -> str:
        assert self._process.stdout is not None
        return self._process.stdout.readline().strip()


def main() -> None:
    proxy = StallingProxy(int(sys.argv[1]))
    print(proxy.port, flush=True)
    try:
        for line in sys.stdin:  # ends when the parent closes its end, or is gone
            word = line.strip()
            if word == "hang":
                proxy.hang()
            elif word == "resume":
                proxy.resume()
            elif word == "close":
                break
            print("ok", flush=True)
        print("ok", flush=True)
    except BrokenPipeError:  # the parent is gone: nobody to answer
        pass
    finally:
        proxy.close()


if __name__ == "__main__":
    main()
