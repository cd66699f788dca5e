"""Harness for the custom-action unit tests: trackers from small JSON fixtures, a real seeded SQLite store,
a frozen "today" and a deterministic identity secret. No Rasa or action server is started.

The store, the date, the policy and the secret reach the actions as one `actions.services.Services`, installed
for every test by the `services` fixture; a test that needs something else (a broken store, a changed policy)
installs a variant with `swap(services.with_store(...))`. No attribute of an action module is patched.

A fixture file (tests/actions/fixtures/<name>.json) describes one turn:

    {
      "sender_id": "conv-jane",                        # the conversation id the claims are sealed to
      "auth": {"sub": "L0006", "role": "learner"},      # optional: who the channel edge verified
      "latest_message": {"text": ..., "intent": {...}, "entities": [...], "metadata": {...}},
      "slots": {...}, "active_loop": {...}, "latest_action_name": "action_listen"
    }

`auth` is turned into sealed claims in `latest_message.metadata["auth"]` exactly as the channel edge does
(bot.rasa_server.channels.edge_metadata: mint the website's JWT, verify it, seal the verified claims to the conversation).
Extra `auth` keys build bad claims: `ttl_seconds` (negative: expired), `sealed_for` (another conversation),
`signed_with` (another secret) and `tamper` (fields changed after sealing).
"""

from __future__ import annotations

import copy
import json
import shutil
import time
from datetime import date
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Union

import pytest
import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.services import Services, install, using
from bot.admin.database import import_catalogue_file, seed_demo_file
from bot.files.policy import get_policy
from bot.identity import AUTH_KEY, Claims, IdentitySettings, mint_token, sealed_claims, verify_token
from bot.rules.policy import Policy
from bot.store import Store, dispose_engines, migrate

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 8, 3)  # after every seeded registration but one, just before a September re-registration
SECRET = "test-secret"

Spec = Union[str, Dict[str, Any]]


# --- fixture files and trackers ------------------------------------------------------------------


def load_spec(spec: Spec) -> Dict[str, Any]:
    """A fixture by file name (without .json) or an already-built dict, deep-copied so tests can't share edits."""
    if isinstance(spec, str):
        return json.loads((FIXTURES / f"{spec}.json").read_text(encoding="utf-8"))
    return copy.deepcopy(spec)


def sealed_auth(auth: Dict[str, Any], conversation_id: str, settings: IdentitySettings) -> Dict[str, Any]:
    """The `metadata["auth"]` the channel edge would produce for this identity (or a deliberately bad one)."""
    ttl = int(auth.get("ttl_seconds", 3600))
    sign_settings = (
        IdentitySettings.from_env({"BOT_JWT_SECRET": auth["signed_with"]}) if "signed_with" in auth else settings
    )
    if ttl > 0:
        claims = verify_token(
            mint_token(auth["sub"], auth.get("role", "learner"), sign_settings, ttl_seconds=ttl), sign_settings
        )
        assert claims is not None
    else:  # an old sealed claim replayed after it expired
        claims = Claims(sub=auth["sub"], role=auth.get("role", "learner"), exp=int(time.time()) + ttl)
    sealed = sealed_claims(claims, auth.get("sealed_for", conversation_id), sign_settings)
    sealed.update(auth.get("tamper", {}))
    return sealed


def initial_slots(domain: Dict[str, Any]) -> Dict[str, Any]:
    """Every domain slot at its initial value, plus Rasa's built-in slots."""
    slots = {name: spec.get("initial_value") for name, spec in (domain.get("slots") or {}).items()}
    slots.update({"requested_slot": None, "session_started_metadata": None})
    return slots


def build_tracker(spec: Spec, settings: IdentitySettings, domain: Dict[str, Any], **changes: Any) -> Tracker:
    """A rasa_sdk Tracker for one turn described by a fixture, with optional changes.

    changes: sender_id, text, intent (name), entities, metadata, auth (None: anonymous), slots (merged),
    active_loop, latest_action_name.
    """
    data = load_spec(spec)
    message = dict(data.get("latest_message") or {})
    for key in ("text", "entities", "metadata"):
        if key in changes:
            message[key] = changes[key]
    if "intent" in changes:
        message["intent"] = {"name": changes["intent"], "confidence": 0.95}
    sender_id = changes.get("sender_id", data.get("sender_id", "conv-test"))
    auth = changes["auth"] if "auth" in changes else data.get("auth")
    if message:
        message.setdefault("entities", [])
        metadata = dict(message.get("metadata") or {})
        if auth is not None:  # the edge replaces whatever a client put under "auth"
            metadata[AUTH_KEY] = sealed_auth(auth, sender_id, settings)
        message["metadata"] = metadata
    slots = initial_slots(domain)
    slots.update(data.get("slots") or {})
    slots.update(changes.get("slots") or {})
    events: List[Dict[str, Any]] = []
    if message:
        events.append(
            {
                "event": "user",
                "text": message.get("text"),
                "parse_data": message,
                "metadata": message.get("metadata", {}),
            }
        )
    return Tracker(
        sender_id,
        slots,
        message,
        events,
        False,
        None,
        changes.get("active_loop", data.get("active_loop") or {}),
        changes.get("latest_action_name", data.get("latest_action_name", "action_listen")),
    )


class Turn:
    """What an action did on one turn: the dispatcher's messages and the events it returned."""

    def __init__(self, dispatcher: CollectingDispatcher, events: List[Dict[str, Any]]) -> None:
        self.messages = dispatcher.messages
        self.events = events

    @property
    def text(self) -> str:
        """Every text the action sent, joined by newlines."""
        return "\n".join(m["text"] for m in self.messages if m.get("text"))

    @property
    def responses(self) -> List[str]:
        """Names of domain responses the action asked for."""
        return [m["response"] for m in self.messages if m.get("response")]

    @property
    def buttons(self) -> List[Dict[str, Any]]:
        """Every button sent."""
        return [button for m in self.messages for button in m.get("buttons") or []]

    def slot_events(self) -> Dict[str, Any]:
        """SlotSet events as name -> value (last one wins)."""
        return {e["name"]: e["value"] for e in self.events if e.get("event") == "slot"}


# --- pytest fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def today() -> date:
    """The date the actions believe it is."""
    return TODAY


@pytest.fixture(scope="session")
def policy() -> Policy:
    """The programme's policy (the only source of every number)."""
    return get_policy()


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    """domain.yml as the action server receives it."""
    return yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def settings() -> IdentitySettings:
    """The identity keys (a fixed test secret)."""
    return IdentitySettings.from_env({"BOT_JWT_SECRET": SECRET})


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """One database built like `python -m bot setup` (migrate, import catalogue, seed demo learners)."""
    path = tmp_path_factory.mktemp("template") / "bot.db"
    url = f"sqlite:///{path}"
    migrate(url)
    import_catalogue_file(url=url)
    seed_demo_file(url=url)
    dispose_engines()  # close connections so the WAL is checkpointed into the file before it is copied
    return path


@pytest.fixture
def db_url(template_db: Path, tmp_path: Path):
    """A private copy of the seeded database for one test."""
    path = tmp_path / "bot.db"
    shutil.copyfile(template_db, path)
    yield f"sqlite:///{path}"
    dispose_engines()


@pytest.fixture
def records(db_url: str) -> Store:
    """The seeded store the actions read from."""
    return Store(db_url)


@pytest.fixture(autouse=True)
def services(policy: Policy, records: Store, settings: IdentitySettings) -> Iterator[Services]:
    """Every action test uses the seeded store, the frozen date and the test secret; the previous services come back after."""
    wired = Services(policy=policy, identity=settings, today=lambda: TODAY, open_store=lambda: records)
    with using(wired):
        yield wired


@pytest.fixture
def swap(services: Services) -> Callable[[Services], Services]:
    """swap(services.with_store(broken_store)): other services for the rest of the test (the `services` fixture restores)."""

    def use(replacement: Services) -> Services:
        install(replacement)
        return replacement

    return use


@pytest.fixture
def tracker(settings: IdentitySettings, domain: Dict[str, Any]) -> Callable[..., Tracker]:
    """tracker("learner_asks_credits", text=..., auth=...) -> rasa_sdk.Tracker."""

    def make(spec: Spec, **changes: Any) -> Tracker:
        return build_tracker(spec, settings, domain, **changes)

    return make


@pytest.fixture
def run(domain: Dict[str, Any]) -> Callable[..., Any]:
    """await run(action, tracker) -> Turn (messages and returned events)."""

    async def execute(action: Action, tracker: Tracker) -> Turn:
        dispatcher = CollectingDispatcher()
        events = await action.run(dispatcher, tracker, domain)
        return Turn(dispatcher, events)

    return execute


@pytest.fixture
def ask(tracker, run) -> Callable[..., Any]:
    """await ask(action, fixture, **changes) -> Turn: build the tracker and run the action in one go."""

    async def execute(action: Action, spec: Spec, **changes: Any) -> Turn:
        return await run(action, tracker(spec, **changes))

    return execute


@pytest.fixture
def broken_store(tmp_path: Path) -> Store:
    """A real Store on a database that was never set up: every read raises StoreError (the database is "down")."""
    return Store(f"sqlite:///{tmp_path / 'never-migrated.db'}")
