"""The throwaway server itself: it runs, it is quick, each test's database is its own."""

from __future__ import annotations

import psycopg
import pytest

from tests.shop.pg_server import TILL_PASSWORD, TILL_ROLE


def test_a_till_logs_in_over_loopback_with_its_password(pg, shop_db):
    with psycopg.connect(pg.url(shop_db), password=TILL_PASSWORD, connect_timeout=5) as db:
        assert db.execute("SELECT current_user, current_database()").fetchone() == (TILL_ROLE, shop_db)
        assert db.execute("SHOW fsync").fetchone() == ("off",)


def test_a_wrong_password_is_refused(pg, shop_db):
    try:
        psycopg.connect(pg.url(shop_db), password="wrong", connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        assert "password authentication failed" in str(exc)
    else:
        raise AssertionError("the server let a wrong password in")


@pytest.mark.slow  # stops and kills PostgreSQL
def test_stop_kill_and_start_again(pg, shop_db):
    pg.stop()
    assert pg.postmaster_pid() is None
    pg.start()
    pg.kill()
    pg.start()
    with pg.admin(shop_db) as db:
        assert db.execute("SELECT 1").fetchone() == (1,)


def test_the_server_starts_quickly(pg_server):
    print(f"initdb + start: {pg_server.start_s:.2f} s")
    assert pg_server.start_s < 15
