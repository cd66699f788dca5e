"""Every change this assistant makes to Rasa's internals, in one place, for Rasa 3.6 only.

`install()` puts them all in place (idempotent). It is called by the server's entry point
(`python -m bot.rasa_server`, see __main__.py) before Rasa starts, and refuses with a RuntimeError on any Rasa
other than 3.6.x: each patch replaces a named function of Rasa 3.6.21 and must be checked again against the
source of another version. None of them changes what the assistant answers.

1. `RemoteAction.run` (hardened_run): a custom action that has not answered within the time limit
   (BOT_ACTION_TIMEOUT_SECONDS, default 10 s; Rasa's own is five minutes) fails like an unreachable one; every
   failure is recorded in the current turn's watch (bot.rasa_server.turn_watch), so the channel can apologise;
   and if our session-start action cannot run, the session is started with Rasa's built-in one. Otherwise Rasa
   drops the session-start events, the conversation has no `action_listen` before the first message, no rule
   matches it, and even an FAQ gets the generic fallback.
2. `RemoteAction._validate_action_result` (validate_action_result): Rasa checks every action server response
   with `jsonschema.validate(response, schema)`, which first validates the (constant) schema itself against the
   JSON Schema 2020-12 meta-schema, every time: about 45 ms of CPU per custom action call. Here the schema is
   checked once and its validator kept; each response is still validated against the same schema with the same
   validator class, and an invalid response raises the same ValidationError (the same best match, with the
   same message appended) as before.
3. `Event.resolve_by_type` and `Event.__init_subclass__` (cached_resolve_by_type, event_init_subclass): every
   event read back from the tracker store is turned into an object by `resolve_by_type`, which walks the whole
   Event class tree for each event (about 40 us each). Here the name -> class table is built once, with the
   same first-match order, and rebuilt whenever a new Event subclass is defined; unknown names still go to
   Rasa's own function (its "topic", default and error handling).
4. `rasa.core.channels.facebook.MessengerClient` (messenger_client_on), for tests only: Rasa's Messenger
   connector builds fbmessenger's client inside its webhook route, and that client hard-codes
   https://graph.facebook.com. When BOT_FACEBOOK_API_BASE is set (the end-to-end tests' stand-in of the Send
   API) the connector gets the same client on that host instead; unset (always, in a deployment) nothing changes.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Dict, List, Optional, Text, Type

import rasa

from bot import settings
from bot.rasa_server import turn_watch

if TYPE_CHECKING:
    from rasa.core.actions.action import RemoteAction
    from rasa.core.channels.channel import OutputChannel
    from rasa.core.nlg import NaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import Event
    from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)
SUPPORTED_VERSION = "3.6."
_HARDENED = "_ibers_hardened"
_CACHED_VALIDATOR = "_ibers_cached_validator"
_CACHED_EVENTS = "_ibers_cached_event_types"

# Custom actions whose failure the user does not see (the reply language stays as it was): no apology for them.
UNSEEN_ACTIONS = frozenset({"action_choose_language"})

Run = Callable[..., Awaitable[List["Event"]]]
Resolve = Callable[[Text, Optional[Type["Event"]]], Optional[Type["Event"]]]


def check_version(version: Optional[str] = None) -> None:
    """Raise RuntimeError unless the Rasa these patches were written for (3.6.x) is the one installed."""
    version = rasa.__version__ if version is None else version
    if not version.startswith(SUPPORTED_VERSION):
        raise RuntimeError(
            f"bot.rasa_server.patches replaces functions of Rasa 3.6.x, but Rasa {version} is installed: "
            "check each patch against that version's source before allowing it"
        )


# --- 1. RemoteAction.run ------------------------------------------------------------------------------------
def hardened_run(original: Run, limit: float) -> Run:
    """Replaces rasa.core.actions.action.RemoteAction.run (Rasa 3.6.21): time limit, failure recorded, session fallback.

    The original runs under `limit` seconds (a timeout raises RasaException naming the action). When it raises,
    the action's name is recorded in the current turn's watch and the exception re-raised, except that a failed
    session start falls back to Rasa's built-in ActionSessionStart. A rejection (ActionExecutionRejection) is
    Rasa's normal form flow, not a failure: it passes through unrecorded, as Rasa never logged it as one.
    """
    from rasa.core.actions.action import ActionExecutionRejection
    from rasa.shared.exceptions import RasaException

    async def run(
        self: "RemoteAction",
        output_channel: "OutputChannel",
        nlg: "NaturalLanguageGenerator",
        tracker: "DialogueStateTracker",
        domain: "Domain",
    ) -> List["Event"]:
        """RemoteAction.run under the time limit, failures recorded (see hardened_run)."""
        try:
            return await asyncio.wait_for(original(self, output_channel, nlg, tracker, domain), limit)
        except Exception as error:
            if self.name() == turn_watch.SESSION_START:
                turn_watch.record_failure(self.name())
                return await start_session_built_in(error, output_channel, nlg, tracker, domain)
            if isinstance(error, ActionExecutionRejection):
                raise
            if self.name() not in UNSEEN_ACTIONS:
                turn_watch.record_failure(self.name())
            if isinstance(error, asyncio.TimeoutError):
                raise RasaException(f"Custom action '{self.name()}' did not answer within {limit:g} s.") from error
            raise

    setattr(run, _HARDENED, True)
    return run


async def start_session_built_in(
    error: BaseException,
    output_channel: "OutputChannel",
    nlg: "NaturalLanguageGenerator",
    tracker: "DialogueStateTracker",
    domain: "Domain",
) -> List["Event"]:
    """Log why our session start failed and start the session with Rasa's built-in action instead."""
    from rasa.core.actions.action import ActionSessionStart

    message = (
        f"Custom action '{turn_watch.SESSION_START}' could not run; the session is started with Rasa's built-in one."
    )
    logger.error(message, exc_info=error)
    events: List["Event"] = await ActionSessionStart().run(output_channel, nlg, tracker, domain)
    return events


def install_hardened_run(timeout: Optional[float] = None) -> None:
    """Put hardened_run in place of RemoteAction.run (idempotent); timeout defaults to settings.action_timeout_seconds()."""
    from rasa.core.actions.action import RemoteAction

    if getattr(RemoteAction.run, _HARDENED, False):
        return
    RemoteAction.run = hardened_run(RemoteAction.run, timeout or settings.action_timeout_seconds())


# --- 2. RemoteAction._validate_action_result ----------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def action_response_validator() -> Any:
    """The validator of Rasa's action server response schema, its schema checked once."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(self: "RemoteAction", result: Dict[Text, Any]) -> bool:
    """Replaces rasa.core.actions.action.RemoteAction._validate_action_result (Rasa 3.6.21): the validator built once."""
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(action_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        f". Failed to validate Action server response from API, "
        f"make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install_validate_action_result() -> None:
    """Put validate_action_result in place of RemoteAction._validate_action_result (idempotent)."""
    from rasa.core.actions.action import RemoteAction

    if getattr(RemoteAction, _CACHED_VALIDATOR, False):
        return
    RemoteAction._validate_action_result = validate_action_result
    setattr(RemoteAction, _CACHED_VALIDATOR, True)


# --- 3. Event.resolve_by_type and Event.__init_subclass__ ---------------------------------------------------
@functools.lru_cache(maxsize=1)
def event_types() -> Dict[Text, Any]:
    """type_name -> Event subclass, the first one in `all_subclasses(Event)` order (as Rasa's loop finds it)."""
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    table: Dict[Text, Any] = {}
    for cls in all_subclasses(Event):
        table.setdefault(cls.type_name, cls)
    return table


def cached_resolve_by_type(original: Resolve) -> Resolve:
    """Replaces rasa.shared.core.events.Event.resolve_by_type (Rasa 3.6.21): a table lookup, else the original."""

    def resolve_by_type(type_name: Text, default: Optional[Type["Event"]] = None) -> Optional[Type["Event"]]:
        """The table's class for type_name, else Rasa's own resolve_by_type."""
        found = event_types().get(type_name)
        return found if found is not None else original(type_name, default)

    setattr(resolve_by_type, _CACHED_EVENTS, True)
    return resolve_by_type


def event_init_subclass(cls: Any, /, **kwargs: Any) -> None:
    """Replaces rasa.shared.core.events.Event.__init_subclass__ (object's, in Rasa 3.6.21): also empties the table."""
    from rasa.shared.core.events import Event

    event_types.cache_clear()  # a new event class: rebuild the table on the next lookup
    super(Event, cls).__init_subclass__(**kwargs)


def install_event_resolution() -> None:
    """Put cached_resolve_by_type and event_init_subclass in place on Event (idempotent)."""
    from rasa.shared.core.events import Event

    if getattr(Event.resolve_by_type, _CACHED_EVENTS, False):
        return
    Event.resolve_by_type = staticmethod(cached_resolve_by_type(Event.resolve_by_type))
    Event.__init_subclass__ = classmethod(event_init_subclass)


# --- 4. the Messenger Send API's host (tests' stand-in only) -------------------------------------------------
def messenger_client_on(base: str) -> Type[Any]:
    """Replaces rasa.core.channels.facebook.MessengerClient (fbmessenger's): the same client, on `base`'s host."""
    from fbmessenger import MessengerClient

    class StandInMessengerClient(MessengerClient):
        """fbmessenger's client whose Graph API URL is the stand-in's."""

        def __init__(self, page_access_token: str, **kwargs: Any) -> None:
            super().__init__(page_access_token, **kwargs)
            self.graph_url = f"{base.rstrip('/')}/v{self.api_version}"

    return StandInMessengerClient


def install_messenger_api_base(base: Optional[str] = None) -> None:
    """Point Rasa's Messenger connector at BOT_FACEBOOK_API_BASE when it is set (tests only; idempotent)."""
    base = base if base is not None else settings.provider_api_base("facebook")
    if not base:
        return
    from rasa.core.channels import facebook

    facebook.MessengerClient = messenger_client_on(base)


# --- all of them --------------------------------------------------------------------------------------------
def install(timeout: Optional[float] = None) -> None:
    """Install every patch above (idempotent); RuntimeError if the installed Rasa is not 3.6.x."""
    check_version()
    install_hardened_run(timeout)
    install_validate_action_result()
    install_event_resolution()
    install_messenger_api_base()
