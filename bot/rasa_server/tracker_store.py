"""Rasa's SQL tracker store, cheaper per turn: pooled SQLite connections, a write-ahead log, lighter queries.

Configured in endpoints.yml as `type: bot.rasa_server.tracker_store.SQLiteTrackerStore` with the same `dialect`
and `db` as Rasa's `SQL` type. The table, the rows written and the trackers read back are exactly Rasa's (a test
compares them); Rasa re-reads the whole conversation session on every turn and counts it again before each save,
so the per-query overhead matters:
- reads and the count before a save use Rasa's own query (`_event_query`, same filter and order) but fetch
  only the `data` column, or a count, instead of building an ORM object per stored event;
- new events are written with one executemany INSERT, in tracker order, instead of the ORM unit of work.
On SQLite (any other `dialect` keeps Rasa's engine):
- connections are pooled (SQLAlchemy 2.0's default for SQLite files) instead of opening a new connection, with a
  cold page cache, for every read and every write as SQLAlchemy 1.4 does;
- the database uses a write-ahead log (a persistent setting of the file, so `tracker.db-wal` and `tracker.db-shm`
  appear beside it; copy all three, or use SQLite's backup, for a backup): one sync per commit instead of
  several, and readers such as `python -m bot forget` no longer block the server's writes. `synchronous` stays
  at SQLite's default (FULL), so a committed turn survives a power cut as before.
Other databases (a `dialect` other than sqlite) get Rasa's engine unchanged.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any, Iterator, Optional, Text

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.settings import SQLITE_BUSY_TIMEOUT_SECONDS, create_private_file


def _sqlite_pragmas(dbapi_connection: Any, connection_record: Any) -> None:
    """Put each new SQLite connection's database in write-ahead-log mode."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


class SQLiteTrackerStore(SQLTrackerStore):
    """SQLTrackerStore with pooled SQLite connections in WAL mode; see the module docstring."""

    engine: Any  # set by Rasa's constructor (an annotation only: nothing assigned here)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Rasa's store (a SQLite file created 0600 first); on SQLite, its engine replaced by a pooled one in WAL mode."""
        if kwargs.get("dialect") == "sqlite" and kwargs.get("db") not in (None, "", ":memory:"):
            create_private_file(Path(str(kwargs["db"])).expanduser())
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name != "sqlite":
            return
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(
            url,
            poolclass=sa.pool.QueuePool,
            connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_SECONDS},
        )
        sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        """Rasa's _retrieve, reading only the data column of each event."""
        with self.session_scope() as session:
            rows = (
                self._event_query(session, sender_id, fetch_events_from_all_sessions=fetch_events_from_all_sessions)
                .with_entities(self.SQLEvent.data)
                .all()
            )
            events = [json.loads(data) for (data,) in rows]
            if self.domain and len(events) > 0:
                return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
            return None

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """The tracker's events not stored yet, found by counting the stored ones."""
        stored = (
            self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False)
            .order_by(None)
            .with_entities(sa.func.count(self.SQLEvent.id))
            .scalar()
        )
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Stream the new events as Rasa does, then insert them with one executemany."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            rows = []
            for event in self._additional_events(session, tracker):
                data = event.as_dict()
                rows.append(
                    {
                        "sender_id": tracker.sender_id,
                        "type_name": event.type_name,
                        "timestamp": data.get("timestamp"),
                        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                        "action_name": data.get("name"),
                        "data": json.dumps(data),
                    }
                )
            if rows:
                session.execute(self.SQLEvent.__table__.insert(), rows)
            session.commit()
