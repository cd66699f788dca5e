"""bot.store.conversations: erase conversation events from a tracker store shaped like Rasa's SQLTrackerStore."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine, func, insert, select
from sqlalchemy.engine import make_url

from bot.store import conversations
from bot.store.conversations import (
    delete_conversation,
    delete_conversations,
    purge_events_older_than,
    tracker_db,
)

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=timezone.utc)


def make_tracker(path: Path, events=()) -> Path:
    """A SQLite tracker store with Rasa's `events` table and the given (sender_id, datetime) events."""
    metadata = MetaData()
    table = Table(
        "events",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("sender_id", String(255), nullable=False, index=True),
        Column("type_name", String(255), nullable=False),
        Column("timestamp", Float),
        Column("intent_name", String(255)),
        Column("action_name", String(255)),
        Column("data", Text),
    )
    engine = create_engine(f"sqlite:///{path}", future=True)
    metadata.create_all(engine)
    with engine.begin() as connection:
        for sender_id, when in events:
            connection.execute(
                insert(table).values(
                    sender_id=sender_id,
                    type_name="user",
                    timestamp=when.timestamp(),
                    intent_name="greet",
                    action_name=None,
                    data='{"event": "user", "text": "hi"}',
                )
            )
    engine.dispose()
    return path


def senders(path: Path):
    """Every remaining event's sender_id, sorted."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    try:
        with engine.connect() as connection:
            table = Table("events", MetaData(), autoload_with=engine)
            return sorted(connection.scalars(select(table.c.sender_id)).all())
    finally:
        engine.dispose()


def count_events(db, sender_id=None) -> int:
    """How many events a SQLite tracker store (path or URL) holds, optionally of one conversation; 0 if no file."""
    path = Path(make_url(str(db)).database if "://" in str(db) else db)
    if not path.is_file():
        return 0
    engine = create_engine(f"sqlite:///{path}", future=True)
    try:
        table = Table("events", MetaData(), autoload_with=engine)
        query = select(func.count()).select_from(table)
        if sender_id is not None:
            query = query.where(table.c.sender_id == sender_id)
        with engine.connect() as connection:
            return int(connection.scalar(query))
    finally:
        engine.dispose()


@pytest.fixture
def tracker(tmp_path) -> Path:
    return make_tracker(
        tmp_path / "tracker.db",
        [
            ("conv-a", NOW),
            ("conv-a", NOW),
            ("conv-b", NOW),
            ("conv-c", NOW - timedelta(days=40)),
        ],
    )


def test_delete_one_conversation_leaves_the_others(tracker):
    assert delete_conversation(tracker, "conv-a") == 2
    assert senders(tracker) == ["conv-b", "conv-c"]
    assert delete_conversation(tracker, "conv-a") == 0


def test_delete_many_conversations(tracker):
    assert delete_conversations(tracker, ["conv-a", "conv-c", "unknown", "", "conv-a"]) == 3
    assert senders(tracker) == ["conv-b"]
    assert delete_conversations(tracker, []) == 0


def test_delete_in_chunks(tmp_path, monkeypatch):
    monkeypatch.setattr(conversations, "CHUNK", 2)
    path = make_tracker(tmp_path / "t.db", [(f"c{i}", NOW) for i in range(7)])
    assert delete_conversations(path, [f"c{i}" for i in range(6)]) == 6
    assert senders(path) == ["c6"]


def test_purge_by_age_datetime_or_epoch(tracker):
    assert purge_events_older_than(tracker, NOW - timedelta(days=30)) == 1
    assert senders(tracker) == ["conv-a", "conv-a", "conv-b"]
    assert purge_events_older_than(tracker, NOW.timestamp()) == 0  # strictly older only
    assert purge_events_older_than(tracker, (NOW + timedelta(seconds=1)).replace(tzinfo=None)) == 3


def test_count_events(tracker):
    assert count_events(tracker) == 4
    assert count_events(tracker, "conv-a") == 2


def test_sqlalchemy_url_is_accepted(tracker):
    assert delete_conversation(f"sqlite:///{tracker}", "conv-b") == 1


def test_missing_database_file_is_tolerated_and_not_created(tmp_path):
    missing = tmp_path / "nowhere" / "tracker.db"
    assert delete_conversation(missing, "conv-a") == 0
    assert delete_conversations(str(missing), ["x"]) == 0
    assert purge_events_older_than(missing, NOW) == 0
    assert count_events(f"sqlite:///{missing}") == 0
    assert not missing.exists() and not missing.parent.exists()


def test_database_without_events_table_is_tolerated(tmp_path):
    path = tmp_path / "empty.db"
    engine = create_engine(f"sqlite:///{path}", future=True)
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE other (id INTEGER PRIMARY KEY)")
    engine.dispose()
    assert delete_conversation(path, "conv-a") == 0
    assert purge_events_older_than(path, NOW) == 0


def test_tracker_db_default(monkeypatch, tmp_path):
    monkeypatch.delenv("BOT_TRACKER_DB", raising=False)
    assert tracker_db() == conversations.DEFAULT_TRACKER_PATH
    assert conversations.DEFAULT_TRACKER_PATH.parent.name == "var"
    monkeypatch.setenv("BOT_TRACKER_DB", str(tmp_path / "x.db"))
    assert tracker_db() == str(tmp_path / "x.db")
    assert tracker_db(tmp_path / "given.db") == tmp_path / "given.db"


def test_module_does_not_import_rasa():
    source = Path(conversations.__file__).read_text()
    assert "import rasa" not in source and "from rasa" not in source


def test_a_forgotten_conversation_leaves_no_trace_in_the_database_or_its_write_ahead_log(tmp_path):
    """The Rasa server keeps the tracker store in WAL mode (bot/rasa_server/tracker_store.py); erasure must reach the files."""
    path = make_tracker(tmp_path / "tracker.db")
    marker = "jane.marker.9f3c@example.org"
    engine = create_engine(f"sqlite:///{path}", future=True)
    server = engine.connect()  # like the Rasa server's pooled connection: open (and reading) throughout
    server.exec_driver_sql("PRAGMA journal_mode=WAL")
    server.exec_driver_sql("SELECT count(*) FROM events").scalar()
    with engine.begin() as connection:
        for sender_id in ("forget-me", "keep-me"):
            connection.exec_driver_sql(
                "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', 1.0, ?)",
                (
                    sender_id,
                    f'{{"event": "user", "text": "my email is {marker if sender_id == "forget-me" else "x"}"}}',
                ),
            )
    files = [path, path.with_name("tracker.db-wal")]
    assert marker.encode() in files[1].read_bytes()

    assert delete_conversation(path, "forget-me") == 1

    assert not [f.name for f in files if f.exists() and marker.encode() in f.read_bytes()]
    assert senders(path) == ["keep-me"]
    server.close()
    engine.dispose()
