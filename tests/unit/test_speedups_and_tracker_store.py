"""The speed-ups of bot.rasa_server.patches and bot.rasa_server.tracker_store: faster, and the same results as Rasa's own code."""

from __future__ import annotations

import sqlite3

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.tracker_store import SQLTrackerStore, create_tracker_store
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
    deserialise_events,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.utils.common import all_subclasses
from rasa.utils.endpoints import read_endpoint_config

from bot.rasa_server import patches
from bot.rasa_server.tracker_store import SQLiteTrackerStore

VALID = {
    "events": [{"event": "slot", "name": "language", "value": "en", "timestamp": None}],
    "responses": [{"text": "hello", "buttons": []}],
}
INVALID = [
    {"events": [{"event": "slot", "name": 3}], "responses": []},
    {"events": "not a list"},
    {"events": [], "responses": ["not an object"]},
]


@pytest.fixture(autouse=True, scope="module")
def installed():
    # the server's entry point (python -m bot.rasa_server) installs the patches before Rasa starts
    patches.install()


def test_installing_twice_is_harmless():
    patches.install()
    resolve = Event.resolve_by_type
    patches.install()
    assert RemoteAction._validate_action_result is patches.validate_action_result
    assert Event.resolve_by_type is resolve


def test_the_patches_refuse_a_rasa_other_than_3_6(monkeypatch):
    import rasa

    patches.check_version("3.6.21")
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="3.7.0"):
        patches.install()


def test_a_valid_action_response_passes():
    assert RemoteAction("action_x", None)._validate_action_result(VALID) is True


@pytest.mark.parametrize("response", INVALID)
def test_an_invalid_action_response_fails_as_with_jsonschema_validate(response):
    with pytest.raises(jsonschema.ValidationError) as plain:
        jsonschema.validate(response, RemoteAction.action_response_format_spec())
    with pytest.raises(jsonschema.ValidationError) as ours:
        RemoteAction("action_x", None)._validate_action_result(response)
    assert ours.value.message.startswith(plain.value.message + ". Failed to validate Action server response")
    assert list(ours.value.path) == list(plain.value.path)


def test_every_event_type_resolves_to_the_class_rasa_would_find():
    for cls in all_subclasses(Event):
        expected = next(c for c in all_subclasses(Event) if c.type_name == cls.type_name)
        assert Event.resolve_by_type(cls.type_name) is expected


def test_unknown_event_types_keep_rasa_behaviour():
    assert Event.resolve_by_type("topic") is None
    assert Event.resolve_by_type("no_such_event", SlotSet) is SlotSet
    with pytest.raises(ValueError):
        Event.resolve_by_type("no_such_event")


def test_an_event_class_defined_later_is_found():
    class LateEvent(SlotSet):
        type_name = "ibers_test_late_event"

    assert Event.resolve_by_type("ibers_test_late_event") is LateEvent


def test_events_round_trip():
    events = [ActionExecuted("action_listen"), UserUttered("hi", {"name": "greet"}), SlotSet("language", "cy")]
    assert deserialise_events([e.as_dict() for e in events]) == events


@pytest.fixture
def domain() -> Domain:
    return Domain.load("domain.yml")


async def test_endpoints_yml_gives_our_sqlite_tracker_store(monkeypatch, tmp_path, domain):
    monkeypatch.setenv("BOT_TRACKER_DB", str(tmp_path / "tracker.db"))
    store = create_tracker_store(read_endpoint_config("endpoints.yml", "tracker_store"), domain)
    assert type(store) is SQLiteTrackerStore  # not Rasa's silent fallback to the in-memory store


async def test_our_tracker_store_stores_and_reads_what_rasa_does(tmp_path, domain):
    """Two conversations, the first over two sessions, saved turn by turn into both stores."""
    first = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        ActionExecuted("action_listen"),
        UserUttered("hi", {"name": "greet"}),
        SlotSet("language", "cy"),
        ActionExecuted("utter_greet"),
    ]
    second = [
        ActionExecuted("action_session_start"),
        SessionStarted(),
        SlotSet("language", "cy"),
        ActionExecuted("action_listen"),
        UserUttered("cost?", {"name": "ask_cost"}),
        ActionExecuted("utter_cost"),
    ]
    for offset, event in enumerate(first + second):
        event.timestamp = 1_700_000_000.0 + offset  # distinct, increasing, as in a real conversation
    stores = {
        "rasa": SQLTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "rasa.db")),
        "ours": SQLiteTrackerStore(domain, dialect="sqlite", db=str(tmp_path / "ours.db")),
    }
    for store in stores.values():
        for sender, events in (("c1", first), ("c2", first[:4])):
            tracker = DialogueStateTracker.from_events(sender, events[:2], domain.slots)
            await store.save(tracker)
            for event in events[2:]:  # one save per event: only the new one is appended
                tracker = await store.retrieve(sender)
                tracker.update(event)
                await store.save(tracker)
        tracker = await store.retrieve("c1")
        for event in second:  # a new session: the retrieved tracker holds only its events
            tracker.update(event)
            await store.save(tracker)
            tracker = await store.retrieve("c1")
    rows = {
        name: sqlite3.connect(tmp_path / f"{name}.db")
        .execute("SELECT id, sender_id, type_name, timestamp, intent_name, action_name, data FROM events ORDER BY id")
        .fetchall()
        for name in stores
    }
    assert rows["ours"] == rows["rasa"] and len(rows["ours"]) == len(first) * 2 + len(second) - 2
    for sender in ("c1", "c2", "nobody"):
        for read in ("retrieve", "retrieve_full_tracker"):
            theirs, ours = [await getattr(store, read)(sender) for store in stores.values()]
            assert (ours and ours.current_state()) == (theirs and theirs.current_state())
    assert list((await stores["ours"].retrieve("c1")).events) == second[1:]  # from SessionStarted on
    mode = sqlite3.connect(tmp_path / "ours.db").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
