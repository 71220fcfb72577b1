"""The shop's PostgreSQL for the tests: one throwaway server per session, one fresh database per test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.shop.pg_server import PgServer, PgUnavailable


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        server = PgServer().init()
    except PgUnavailable as exc:
        pytest.fail(str(exc))  # never skipped: dev.py installs postgresql, and a missing server is a broken setup
    try:
        yield server
    finally:
        server.destroy()


@pytest.fixture
def pg(pg_server: PgServer) -> Iterator[PgServer]:
    """The server, running: a test that stopped or killed it leaves it started again for the next."""
    yield pg_server
    if pg_server.postmaster_pid() is None or not _answers(pg_server):
        pg_server.kill()
        pg_server.start()


def _answers(server: PgServer) -> bool:
    try:
        with server.admin() as db:
            db.execute("SELECT 1")
    except Exception:
        return False
    return True


@pytest.fixture
def shop_db(pg: PgServer) -> str:
    """A new empty database for this test; its name."""
    return pg.database()
