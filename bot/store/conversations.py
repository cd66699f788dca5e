"""Erase conversation history from Rasa's SQL tracker store (GDPR erasure and retention), without Rasa.

Rasa's SQLTrackerStore keeps every event of every conversation in one table, `events`
(id, sender_id, type_name, timestamp, intent_name, action_name, data), where sender_id is the
conversation id and timestamp is seconds since the epoch (a float). The table is reflected, so this
module does not depend on Rasa's own schema code.

The tracker database is given as a SQLite file path (as in endpoints.yml) or as a SQLAlchemy URL.
A SQLite file that does not exist, or a database without an `events` table, holds no conversations:
every function then returns 0 and nothing is created.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any, Iterable, Iterator, List, Optional, Sequence, Tuple, Type, Union

from sqlalchemy import MetaData, Table, create_engine, delete, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import NoSuchTableError

from bot import settings

DEFAULT_TRACKER_PATH = settings.DEFAULT_TRACKER_FILE
EVENTS_TABLE = "events"
CHUNK = 500  # sender ids per DELETE (well under SQLite's bound-parameter limit)

TrackerDb = Union[str, Path]


def tracker_db(value: Optional[TrackerDb] = None) -> TrackerDb:
    """The tracker database to use: the caller's (as given), else settings.tracker_db() ($BOT_TRACKER_DB, else
    var/tracker.db in the repo, as a Path)."""
    if value:
        return value
    configured = settings.tracker_db()
    return DEFAULT_TRACKER_PATH if configured == str(DEFAULT_TRACKER_PATH) else configured


def delete_conversations(db: Optional[TrackerDb], sender_ids: Iterable[str]) -> int:
    """Delete every event of these conversations; return how many events were deleted."""
    wanted = sorted({sender_id for sender_id in sender_ids if sender_id})
    if not wanted:
        return 0
    deleted = 0
    with _events(db) as found:
        if found is None:
            return 0
        engine, events = found
        with engine.begin() as connection:
            for chunk in _chunks(wanted, CHUNK):
                result = connection.execute(delete(events).where(events.c.sender_id.in_(chunk)))
                deleted += int(result.rowcount or 0)
        _empty_sqlite_journal(engine)
    return deleted


def delete_conversation(db: Optional[TrackerDb], sender_id: str) -> int:
    """Delete every event of one conversation; return how many events were deleted."""
    return delete_conversations(db, [sender_id])


def purge_events_older_than(db: Optional[TrackerDb], cutoff: Union[datetime, float]) -> int:
    """Delete every event whose timestamp is before cutoff (a datetime or epoch seconds); return how many."""
    limit = _epoch(cutoff)
    with _events(db) as found:
        if found is None:
            return 0
        engine, events = found
        with engine.begin() as connection:
            result = connection.execute(delete(events).where(events.c.timestamp < limit))
        _empty_sqlite_journal(engine)
        return int(result.rowcount or 0)


# --- helpers -------------------------------------------------------------------------------------


class _events:
    """Context manager yielding (engine, reflected events Table), or None when there is no tracker database or it
    has no events table; disposes the engine on exit."""

    def __init__(self, db: Optional[TrackerDb]) -> None:
        self.url = _url(tracker_db(db))
        self.engine: Optional[Engine] = None

    def __enter__(self) -> Optional[Tuple[Engine, Table]]:
        if self.url is None:
            return None
        self.engine = _engine(self.url)
        try:
            return self.engine, Table(EVENTS_TABLE, MetaData(), autoload_with=self.engine)
        except NoSuchTableError:
            return None

    def __exit__(
        self,
        exc_type: Optional[Type[BaseException]],
        exc: Optional[BaseException],
        traceback: Optional[TracebackType],
    ) -> None:
        if self.engine is not None:
            self.engine.dispose()


def _url(db: TrackerDb) -> Optional[str]:
    """A SQLAlchemy URL for a path or URL; None when it names a SQLite file that does not exist."""
    text = str(db)
    if "://" in text:
        url = make_url(text)
        if url.get_backend_name() != "sqlite":
            return text
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file:"):
            return None  # a fresh in-memory database holds no conversations
        return text if Path(database).expanduser().is_file() else None
    path = Path(text).expanduser()
    return f"sqlite:///{path}" if path.is_file() else None


def _engine(url: str) -> Engine:
    """An engine for one operation; on SQLite it waits for the Rasa server's writes and overwrites what it deletes."""
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, future=True, connect_args={"timeout": settings.SQLITE_BUSY_TIMEOUT_SECONDS})
        event.listen(engine, "connect", _secure_delete)
        return engine
    return create_engine(url, future=True)


def _secure_delete(dbapi_connection: Any, _record: Any) -> None:
    """Have SQLite overwrite deleted content with zeros instead of leaving it in free pages."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def _empty_sqlite_journal(engine: Engine) -> None:
    """On SQLite, copy the write-ahead log (the Rasa server keeps the tracker store in WAL mode) into the database
    and truncate it, so erased events do not linger in the -wal file."""
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _epoch(value: Union[datetime, float]) -> float:
    """Epoch seconds; a naive datetime is taken as UTC."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.timestamp()
    return float(value)


def _chunks(items: Sequence[str], size: int) -> Iterator[List[str]]:
    """Consecutive slices of at most size items."""
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
