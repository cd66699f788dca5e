"""Alembic environment for the enrolment store, configured in code (no alembic.ini).

The database comes from, in order: a connection the caller put in `config.attributes["connection"]`,
a URL in `config.attributes["url"]` or the `sqlalchemy.url` option, then $BOT_DB_URL, then the default
SQLite file (see bot.settings.database_url).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from bot.store.db import database_url, get_engine
from bot.store.schema import metadata

config = context.config


def _url() -> str:
    """The URL to migrate when the caller gave no connection."""
    return database_url(config.attributes.get("url") or config.get_main_option("sqlalchemy.url"))


def _configure(connection: Connection) -> None:
    """Configure the migration context on a live connection (batch mode on SQLite)."""
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_offline() -> None:
    """Emit SQL for the migrations without connecting (alembic --sql)."""
    context.configure(url=_url(), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on the caller's connection or on the cached engine for the URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    with get_engine(_url()).begin() as own_connection:
        _configure(own_connection)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
