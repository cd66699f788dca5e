"""Engines (one pooled engine per URL), sessions per unit of work, and programmatic Alembic migrations.

Which database to use comes from bot.settings (--db-url, else $BOT_DB_URL, else the SQLite file var/bot.db).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable, Dict, Optional

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from bot import settings

ENV_VAR = settings.DB_URL_VAR
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_engines: Dict[str, Engine] = {}
_lock = threading.Lock()


def database_url(url: Optional[str] = None) -> str:
    """The URL to use: the caller's, else $BOT_DB_URL, else the default SQLite file (see bot.settings)."""
    return settings.database_url(url)


def get_engine(url: Optional[str] = None) -> Engine:
    """Return the pooled engine for this URL, creating it once (thread-safe)."""
    resolved = database_url(url)
    with _lock:
        engine = _engines.get(resolved)
        if engine is None:
            engine = _create_engine(resolved)
            _engines[resolved] = engine
        return engine


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    """A session factory for the engine; open one session per unit of work, never share one."""
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)


def dispose_engines() -> None:
    """Close every cached engine's pool and forget them (tests, forked workers)."""
    with _lock:
        for engine in _engines.values():
            engine.dispose()
        _engines.clear()


def is_sqlite(url: str) -> bool:
    """Whether a URL names a SQLite database."""
    return bool(make_url(url).get_backend_name() == "sqlite")


def _create_engine(url: str) -> Engine:
    """Create an engine with the per-backend settings (SQLite: threads, foreign keys, busy timeout)."""
    if not is_sqlite(url):
        return create_engine(url, future=True, pool_pre_ping=True)
    database = make_url(url).database or ""
    in_memory = database in ("", ":memory:") or database.startswith("file::memory:")
    if not in_memory:
        settings.create_private_file(Path(database).expanduser())
    connect_args = {"check_same_thread": False, "timeout": settings.SQLITE_BUSY_TIMEOUT_SECONDS}
    options: Dict[str, Any] = {"connect_args": connect_args}
    if in_memory:
        options["poolclass"] = StaticPool
    engine = create_engine(url, future=True, **options)
    event.listen(engine, "connect", _sqlite_on_connect(use_wal=not in_memory))
    return engine


def _sqlite_on_connect(use_wal: bool) -> Callable[[Any, Any], None]:
    """Build the connect hook that turns foreign keys on and sets the busy timeout (and WAL for files)."""

    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        """Apply the per-connection SQLite PRAGMAs."""
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute(f"PRAGMA busy_timeout = {settings.SQLITE_BUSY_TIMEOUT_SECONDS * 1000}")
            if use_wal:
                cursor.execute("PRAGMA journal_mode = WAL")
        finally:
            cursor.close()

    return on_connect


def alembic_config(url: Optional[str] = None) -> Config:
    """An Alembic Config built in code (no alembic.ini) pointing at bot/store/migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["url"] = database_url(url)
    return config


def migrate(url: Optional[str] = None, revision: str = "head") -> None:
    """Upgrade the database to `revision` (head by default); safe to run repeatedly."""
    engine = get_engine(url)
    config = alembic_config(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(url: Optional[str] = None, revision: str = "base") -> None:
    """Downgrade the database to `revision` (base by default: drop every table)."""
    engine = get_engine(url)
    config = alembic_config(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def current_revision(url: Optional[str] = None) -> Optional[str]:
    """The revision the database is at, or None when it has never been migrated."""
    with get_engine(url).connect() as connection:
        revision: Optional[str] = MigrationContext.configure(connection).get_current_revision()
        return revision


def head_revision() -> str:
    """The newest revision among the migration scripts."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migration scripts found"
    return head
