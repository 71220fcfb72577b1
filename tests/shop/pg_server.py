"""A throwaway PostgreSQL server for the tests: Debian's own `initdb` and `pg_ctl` in a temporary folder, on a free
loopback port, with its unix socket in that folder. Never mocked.

initdb refuses to run as root (CI runs as root), so as root the server's files belong to, and its processes run
as, an unprivileged user (`postgres` where Debian's package made one, else `nobody`); as anyone else it runs as
that user. fsync is off: a test server's data may be lost in a power cut (never in a kill: the tests kill it), and a
test run is much faster for it. Commits stay synchronous, as on a shop's server, so a SIGKILL loses none.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import psutil
import psycopg

ADMIN = "kiosk_admin"  # the superuser of the throwaway cluster
TILL_ROLE = "kiosk_till"  # what a till logs in as: no superuser, owns the test databases
TILL_PASSWORD = "till-password-for-tests"
STOP_LIMIT_S = 10


class PgUnavailable(Exception):
    """No PostgreSQL server binaries here; the message says what to install."""


def server_binaries() -> Path:
    """The newest Debian PostgreSQL's bin folder (where initdb and pg_ctl live), else the PATH's."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parts[-3]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("pg_ctl")
    if on_path:
        return Path(on_path).resolve().parent
    raise PgUnavailable("PostgreSQL's server is not installed: apt-get install postgresql")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PgServer:
    """One cluster: `start()`, `stop()`, `kill()` (SIGKILL, as a power cut does to the server), `database()`."""

    def __init__(self) -> None:
        self.bin = server_binaries()
        self._runs_as = "postgres" if _user_exists("postgres") else "nobody"
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))  # not under pytest's 0700 tmp: the user must reach it
        self.data = self.root / "data"
        self.port = _free_port()
        self.start_s = 0.0  # how long initdb + start took, for the record
        self._databases = 0
        if os.geteuid() == 0:
            account = pwd.getpwnam(self._runs_as)
            os.chown(self.root, account.pw_uid, account.pw_gid)
        self.root.chmod(0o700)

    # ---- life ---------------------------------------------------------------------------------------------------

    def _run(self, *command: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        as_user: dict[str, object] = {}
        if os.geteuid() == 0:
            account = pwd.getpwnam(self._runs_as)
            as_user = {"user": account.pw_uid, "group": account.pw_gid, "extra_groups": []}
        return subprocess.run(
            command,
            check=True,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.root,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"},
            **as_user,  # type: ignore[arg-type]
        )

    def init(self) -> PgServer:
        started = time.perf_counter()
        password_file = self.root / "admin-password"
        password_file.write_text("admin-password-for-tests\n")
        if os.geteuid() == 0:
            account = pwd.getpwnam(self._runs_as)
            os.chown(password_file, account.pw_uid, account.pw_gid)
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            ADMIN,
            "--pwfile",
            str(password_file),
            "--auth-local=trust",  # the unix socket is in a 0700 folder: only this user (and root) reach it
            "--auth-host=scram-sha-256",  # over TCP, as a till connects, the password is asked for
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        password_file.unlink()
        self.start()
        with self.admin() as db:
            db.execute(f"CREATE ROLE {TILL_ROLE} LOGIN PASSWORD '{TILL_PASSWORD}'")
        self.start_s = time.perf_counter() - started
        return self

    def start(self) -> None:
        options = " ".join(
            [
                f"-c port={self.port}",
                "-c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories={self.root}",
                "-c fsync=off",
                "-c full_page_writes=off",
                "-c max_connections=60",
                "-c shared_buffers=32MB",
            ]
        )
        log = self.root / "server.log"
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(log),
            "-o",
            options,
            "-w",
            "-t",
            "30",
            "start",
            timeout=40,
        )

    def stop(self) -> None:
        """A clean, fast shutdown, within STOP_LIMIT_S; past that, SIGKILL."""
        try:
            self._run(
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "fast",
                "-w",
                "-t",
                str(STOP_LIMIT_S),
                "stop",
                timeout=STOP_LIMIT_S + 5,
            )
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self.kill()

    def kill(self) -> None:
        """SIGKILL the postmaster, as a crash or the OOM killer would, and wait for its children to notice."""
        pid = self.postmaster_pid()
        if pid is None:
            return
        try:
            postmaster = psutil.Process(pid)
            processes = [postmaster, *postmaster.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        for process in processes:  # the children hold its shared memory: a restart waits for them to be gone
            with contextlib.suppress(psutil.NoSuchProcess):
                process.send_signal(signal.SIGKILL)
        psutil.wait_procs(processes, timeout=10)

    def postmaster_pid(self) -> int | None:
        try:
            return int((self.data / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    # ---- use ----------------------------------------------------------------------------------------------------

    def admin(self, dbname: str = "postgres") -> psycopg.Connection:
        """The superuser over the unix socket (trusted): for setting up and for checking what the tills wrote."""
        return psycopg.connect(
            host=str(self.root), port=self.port, user=ADMIN, dbname=dbname, autocommit=True, connect_timeout=5
        )

    def database(self) -> str:
        """A new, empty database owned by the tills' role; its name. Each test gets its own."""
        self._databases += 1
        name = f"shop_{os.getpid()}_{self._databases}"
        with self.admin() as db:
            db.execute(f"CREATE DATABASE {name} OWNER {TILL_ROLE} STRATEGY FILE_COPY")
        return name

    def url(self, dbname: str, *, port: int | None = None) -> str:
        """How a till names it in [shop] database: loopback, so no TLS; the password is not in it."""
        return f"postgresql://{TILL_ROLE}@127.0.0.1:{port or self.port}/{dbname}"


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
