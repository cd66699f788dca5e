"""Migrations: upgrading to head creates the tables; the migration matches the ORM schema; down and up again."""

from __future__ import annotations

from datetime import datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from bot.store import Store
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
        "language",
    } == enquiry_columns


def test_downgrade_to_base_then_upgrade_again(migrated_url):
    downgrade(migrated_url, "base")
    assert not TABLES & table_names(migrated_url)
    migrate(migrated_url)
    assert TABLES <= table_names(migrated_url)


# --- 0002: enquiries record their language (Welsh Language Standards, Standard 2) ---------------------------------

INITIAL = "0001_initial"
ENQUIRY_LANGUAGE = "0002_enquiry_language"
OLD_ENQUIRY = text(
    "INSERT INTO enquiries (created_at, name, email, question, consent, status) "
    "VALUES (:created_at, 'Jane', 'jane@example.org', 'Is Plant Breeding 4 open?', :consent, 'new')"
)


def insert_old_enquiry(url: str) -> None:
    """An enquiry row written as the code before 0002 wrote it (no language column named)."""
    with get_engine(url).begin() as connection:
        connection.execute(OLD_ENQUIRY, {"created_at": datetime(2026, 11, 1, 9, 0), "consent": True})


def test_enquiries_left_before_the_language_was_recorded_are_recorded_as_english(db_url):
    migrate(db_url, INITIAL)
    insert_old_enquiry(db_url)
    migrate(db_url)
    assert current_revision(db_url) == ENQUIRY_LANGUAGE == head_revision()
    assert [e.language for e in Store(db_url).enquiries()] == ["en"]


def test_a_row_written_without_a_language_gets_english_from_the_server_default(migrated_url):
    insert_old_enquiry(migrated_url)
    assert [e.language for e in Store(migrated_url).enquiries()] == ["en"]


def insert_fails(url: str, status: str, language: str) -> None:
    """Assert that the database refuses an enquiries row with this status and language."""
    with pytest.raises(IntegrityError), get_engine(url).begin() as connection:
        connection.execute(
            text(
                "INSERT INTO enquiries (created_at, name, email, question, consent, status, language) "
                "VALUES (:created_at, 'Jane', 'jane@example.org', 'Q?', :consent, :status, :language)"
            ),
            {"created_at": datetime(2026, 11, 1, 9, 0), "consent": True, "status": status, "language": language},
        )


def test_the_language_migration_keeps_the_enquiries_constraints_and_indexes(db_url):
    migrate(db_url, INITIAL)
    migrate(db_url)
    inspector = inspect(get_engine(db_url))
    assert {"ix_enquiries_status_created_at", "ix_enquiries_email"} <= {
        i["name"] for i in inspector.get_indexes("enquiries")
    }
    assert "ck_enquiries_language_known" in {check["name"] for check in inspector.get_check_constraints("enquiries")}
    insert_fails(db_url, status="new", language="fr")
    insert_fails(db_url, status="archived", language="en")  # 0001's constraints survive SQLite's table copy
    insert_fails(db_url, status="handled", language="cy")  # handled needs a handled time


def test_downgrading_the_language_migration_drops_the_column_and_keeps_the_enquiries(migrated_url):
    Store(migrated_url).add_enquiry(
        name="Siân", email="sian@example.org", question="Ydy Bridio Planhigion 4 ar agor?", consent=True, language="cy"
    )
    downgrade(migrated_url, INITIAL)
    assert current_revision(migrated_url) == INITIAL
    columns = {c["name"] for c in inspect(get_engine(migrated_url)).get_columns("enquiries")}
    assert "language" not in columns
    with get_engine(migrated_url).connect() as connection:
        assert connection.execute(text("SELECT name FROM enquiries")).scalars().all() == ["Siân"]
    migrate(migrated_url)
    assert [e.language for e in Store(migrated_url).enquiries()] == ["en"]


def test_migrate_uses_bot_db_url_when_no_url_given(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'from-env.db'}"
    monkeypatch.setenv("BOT_DB_URL", url)
    migrate()
    assert TABLES <= table_names(url)
