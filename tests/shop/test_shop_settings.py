"""The shop database's settings: [kiosk] till_id, [shop] database and shop_id. One clear line per mistake, a
password never in the file, TLS with verification for any host but this PC, and without them nothing changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.settings.loading import load_settings
from kiosk.settings.model import ConfigError
from kiosk.settings.secrets import SecretStore


def _load(tmp_path: Path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def _problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        _load(tmp_path, text)
    return str(caught.value).splitlines()  # the English, one line each


def test_without_a_shop_database_nothing_changes(tmp_path):
    settings = _load(tmp_path, '[shop]\nname = "Kaffebaren"\n')
    assert settings.shop.database == ""
    assert settings.shop_database is None  # one till, SQLite, nothing to set up
    assert not (tmp_path / "secrets.json").exists()


def test_a_shop_database_on_this_pc_loads_with_its_till_and_shop(tmp_path):
    settings = _load(
        tmp_path,
        '[kiosk]\ntill_id = "kasse-2"\n[shop]\ndatabase = "postgresql://kiosk@127.0.0.1:5432/shop"\n'
        'shop_id = "sentrum"\n',
    )
    target = settings.shop_database
    assert (target.url, target.till_id, target.shop_id) == (
        "postgresql://kiosk@127.0.0.1:5432/shop",
        "kasse-2",
        "sentrum",
    )
    assert target.password == ""  # none stored: libpq's ~/.pgpass or the server's own rules apply


def test_the_password_comes_from_the_secret_store_never_the_file(tmp_path):
    url = "postgresql://kiosk@127.0.0.1:5432/shop"
    SecretStore.beside(tmp_path / "config.toml").save_database_password(url, "pg-secret-value")
    settings = _load(tmp_path, f'[kiosk]\ntill_id = "kasse-1"\n[shop]\ndatabase = "{url}"\n')
    assert settings.shop_database.password == "pg-secret-value"
    assert "pg-secret-value" not in repr(settings)
    assert "pg-secret-value" in settings.secrets()  # so the log's redaction knows it


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://kiosk:hunter2secret@db.example.com/shop?sslmode=verify-full",
        "postgresql://kiosk@127.0.0.1/shop?password=hunter2secret",
    ],
)
def test_a_password_in_the_address_is_refused_with_the_fix_and_never_echoed(tmp_path, url):
    problems = _problems(tmp_path, f'[kiosk]\ntill_id = "kasse-1"\n[shop]\ndatabase = "{url}"\n')
    assert len(problems) == 1
    assert "[shop] database must not hold the password" in problems[0]
    assert "secret store" in problems[0]
    assert "hunter2secret" not in problems[0]


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://kiosk@db.example.com/shop",
        "postgresql://kiosk@192.168.1.20/shop?sslmode=require",  # encrypted, but the certificate is not checked
        "postgresql://kiosk@backoffice/shop?sslmode=verify-ca",  # checked, but not that it is this host's
    ],
)
def test_another_host_needs_tls_with_certificate_verification(tmp_path, url):
    problems = _problems(tmp_path, f'[kiosk]\ntill_id = "kasse-1"\n[shop]\ndatabase = "{url}"\n')
    assert problems == [
        "config.toml: [shop] database must use TLS with certificate verification for a server on another PC: "
        "add ?sslmode=verify-full to the address"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://kiosk@db.example.com/shop?sslmode=verify-full",
        "postgres://kiosk@db.example.com:6432/shop?sslmode=verify-full&sslrootcert=/etc/kiosk/ca.pem",
        "postgresql://kiosk@localhost/shop",
        "postgresql://kiosk@[::1]:5433/shop",
        "postgresql:///shop?host=/var/run/postgresql",  # the unix socket on this PC
    ],
)
def test_addresses_a_shop_may_use(tmp_path, url):
    settings = _load(tmp_path, f'[kiosk]\ntill_id = "kasse-1"\n[shop]\ndatabase = "{url}"\n')
    assert settings.shop_database.url == url


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            '[shop]\ndatabase = "mysql://kiosk@127.0.0.1/shop"\n[kiosk]\ntill_id = "k1"\n',
            'config.toml: [shop] database must be a PostgreSQL address like "postgresql://kiosk@backoffice/shop'
            '?sslmode=verify-full"',
        ),
        (
            '[shop]\ndatabase = "postgresql://kiosk@127.0.0.1/"\n[kiosk]\ntill_id = "k1"\n',
            "config.toml: [shop] database must name the database after the host, like "
            '"postgresql://kiosk@127.0.0.1/shop"',
        ),
        (
            '[shop]\ndatabase = "postgresql://kiosk@127.0.0.1/shop"\n',
            'config.toml: [kiosk] till_id is missing; a shop database needs each till named, like till_id = "kasse-1"',
        ),
        (
            '[shop]\ndatabase = "postgresql://kiosk@127.0.0.1/shop"\n[kiosk]\ntill_id = "Kasse 1"\n',
            "config.toml: [kiosk] till_id must be 1 to 16 lower-case letters, digits or '-', starting with a letter "
            "or digit, like \"kasse-1\" (got 'Kasse 1')",
        ),
        (
            '[shop]\ndatabase = "postgresql://kiosk@127.0.0.1/shop"\nshop_id = "-x"\n[kiosk]\ntill_id = "k1"\n',
            "config.toml: [shop] shop_id must be 1 to 32 lower-case letters, digits or '-', starting with a letter "
            "or digit, like \"sentrum\" (got '-x')",
        ),
        (
            "[kiosk]\ntill_id = 7\n",
            "config.toml: [kiosk] till_id must be 1 to 16 lower-case letters, digits or '-', starting with a letter "
            'or digit, like "kasse-1" (got 7)',
        ),
    ],
)
def test_each_mistake_is_one_line_with_the_fix(tmp_path, text, problem):
    assert _problems(tmp_path, text) == [problem]


def test_a_till_id_alone_is_fine_and_kept(tmp_path):
    settings = _load(tmp_path, '[kiosk]\ntill_id = "kasse-1"\n')
    assert settings.kiosk.till_id == "kasse-1"
    assert settings.shop_database is None
