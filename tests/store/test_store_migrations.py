"""Migrations: upgrading to head creates the tables; the migration matches the ORM schema; down and up again."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from bot.store.db import current_revision, downgrade, get_engine, head_revision, migrate
from bot.store.schema import metadata

TABLES = {"learners", "courses", "enrolments", "enquiries"}


def table_names(url: str) -> set:
    """Tables in the database the URL points at (the default schema only)."""
    return set(inspect(get_engine(url)).get_table_names())


def test_fresh_database_has_no_revision(db_url):
    assert current_revision(db_url) is None


def test_migrate_to_head_creates_the_tables(db_url):
    migrate(db_url)
    assert TABLES | {"alembic_version"} <= table_names(db_url)
    assert current_revision(db_url) == head_revision()


def test_migrate_is_idempotent(db_url):
    migrate(db_url)
    migrate(db_url)
    assert current_revision(db_url) == head_revision()


def test_migration_matches_the_orm_schema(migrated_url):
    with get_engine(migrated_url).connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_expected_columns(migrated_url):
    columns = {c["name"] for c in inspect(get_engine(migrated_url)).get_columns("enrolments")}
    assert {
        "learner_id",
        "course_code",
        "registered_on",
        "paid_learning_fee",
        "paid_top_up",
        "paid_credit_fee",
        "outcome",
    } <= columns
    enquiry_columns = {c["name"] for c in inspect(get_engine(migrated_url)).get_columns("enquiries")}
    assert {
        "id",
        "created_at",
        "conversation_id",
        "name",
        "email",
        "question",
        "consent",
        "status",
        "handled_at",
        "handled_by",
    } == enquiry_columns


def test_downgrade_to_base_then_upgrade_again(migrated_url):
    downgrade(migrated_url, "base")
    assert not TABLES & table_names(migrated_url)
    migrate(migrated_url)
    assert TABLES <= table_names(migrated_url)


def test_migrate_uses_bot_db_url_when_no_url_given(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'from-env.db'}"
    monkeypatch.setenv("BOT_DB_URL", url)
    migrate()
    assert TABLES <= table_names(url)
