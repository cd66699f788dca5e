"""Files holding personal data are private to the service's user: SQLite databases 0600, their folder 0700."""

from __future__ import annotations

import stat
from pathlib import Path

from sqlalchemy import text

from bot.store.db import dispose_engines, get_engine


def mode(path: Path) -> int:
    """The permission bits of a file or folder."""
    return stat.S_IMODE(path.stat().st_mode)


def test_the_enrolment_database_and_its_new_folder_are_private_to_the_owner(tmp_path: Path) -> None:
    database = tmp_path / "var" / "bot.db"
    try:
        with get_engine(f"sqlite:///{database}").begin() as connection:
            connection.execute(text("CREATE TABLE probe (x INTEGER)"))
            connection.execute(text("INSERT INTO probe VALUES (1)"))
        written = [path for path in database.parent.iterdir() if path.name.startswith("bot.db")]
        assert {path.name: mode(path) for path in written} == {path.name: 0o600 for path in written}
        assert database in written and mode(database.parent) == 0o700
    finally:
        dispose_engines()


def test_the_tracker_database_is_created_private_to_the_owner(tmp_path: Path) -> None:
    from bot.rasa_server.tracker_store import SQLiteTrackerStore

    database = tmp_path / "var" / "tracker.db"
    store = SQLiteTrackerStore(dialect="sqlite", db=str(database))
    store.engine.dispose()
    written = [path for path in database.parent.iterdir() if path.name.startswith("tracker.db")]
    assert database in written
    assert {path.name: mode(path) for path in written} == {path.name: 0o600 for path in written}
    assert mode(database.parent) == 0o700
