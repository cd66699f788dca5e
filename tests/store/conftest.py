"""Fixtures for the store tests: every database test runs on SQLite and, when available, PostgreSQL.

PostgreSQL comes from $BOT_TEST_PG_URL (see scripts/start-postgres.sh). Each PostgreSQL test gets a fresh
schema of its own (selected with the search_path connection option) that is dropped afterwards. On CI
(CI=true) a missing $BOT_TEST_PG_URL fails the PostgreSQL tests instead of skipping them.
"""

from __future__ import annotations

import os
import uuid
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.admin.database import import_catalogue_file
from bot.files.demo_learners import load_demo_learners
from bot.store import Store, dispose_engines, migrate
from bot.store.seed import seed_demo
from tests.ci_mode import missing

PG_ENV_VAR = "BOT_TEST_PG_URL"

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def postgres_base_url() -> str:
    """The PostgreSQL URL from the environment; fail on CI, skip elsewhere, when it is missing."""
    url = os.environ.get(PG_ENV_VAR)
    if url:
        return url
    missing(f'{PG_ENV_VAR} is not set: run `eval "$(scripts/start-postgres.sh)"` to test on PostgreSQL')


def with_search_path(url: str, schema: str) -> str:
    """The URL with every connection's search_path set to one schema."""
    return make_url(url).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


@pytest.fixture(autouse=True)
def _close_engines() -> Iterator[None]:
    """Close every cached engine after each test so no pool outlives its database."""
    yield
    dispose_engines()


@pytest.fixture
def fresh_postgres_url() -> Iterator[str]:
    """A URL whose connections use a brand-new, empty schema, dropped after the test."""
    base = postgres_base_url()
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, future=True)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield with_search_path(base, schema)
    finally:
        dispose_engines()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> Iterator[str]:
    """An empty database on each backend (not migrated)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bot.db'}"
    else:
        yield request.getfixturevalue("fresh_postgres_url")


@pytest.fixture
def migrated_url(db_url: str) -> str:
    """A database migrated to head, with no rows."""
    migrate(db_url)
    return db_url


@pytest.fixture
def loaded_url(migrated_url: str) -> str:
    """A database migrated, with the catalogue imported and the demo learners seeded."""
    import_catalogue_file(url=migrated_url)
    seed_demo(load_demo_learners(), url=migrated_url)
    return migrated_url


@pytest.fixture
def empty_store(migrated_url: str) -> Store:
    """A Store on a migrated database with no rows."""
    return Store(migrated_url)


@pytest.fixture
def store(loaded_url: str) -> Store:
    """A Store on a database with the catalogue and demo learners."""
    return Store(loaded_url)


@pytest.fixture(scope="session")
def policy():
    """The programme policy (the only source of fees)."""
    from bot.files.policy import get_policy

    return get_policy()
