"""Speed-ups for the Rasa server that change nothing it answers: installed by the guarded channels (bot.channels).

1. Rasa 3.6 checks every action server response with `jsonschema.validate(response, schema)`. That call first
validates the (constant) response schema itself against the JSON Schema 2020-12 meta-schema, every time:
about 45 ms of CPU per custom action call, the largest single cost of a turn on this assistant. Here the
schema is checked once and its validator kept; each response is still validated against the same schema
with the same validator class, and an invalid response raises the same ValidationError (the same best match,
with the same message appended) as before.

2. Every event read back from the tracker store (all events of the conversation, on every turn) is turned
into an object by `Event.resolve_by_type`, which walks the whole Event class tree for each event (about
40 us each). Here the name -> class table is built once, with the same first-match order, and rebuilt
whenever a new Event subclass is defined; unknown names still go to Rasa's own function (its "topic",
default and error handling).
"""

from __future__ import annotations

import functools
from typing import Any, Dict, Optional, Text, Type

_INSTALLED_FLAG = "_ibers_cached_validator"


@functools.lru_cache(maxsize=1)
def action_response_validator() -> Any:
    """The validator of Rasa's action server response schema, its schema checked once."""
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate_action_result(self: Any, result: Dict[Text, Any]) -> bool:
    """RemoteAction._validate_action_result of Rasa 3.6 with the validator built once."""
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


@functools.lru_cache(maxsize=1)
def event_types() -> Dict[Text, Any]:
    """type_name -> Event subclass, the first one in `all_subclasses(Event)` order (as Rasa's loop finds it)."""
    from rasa.shared.core.events import Event
    from rasa.shared.utils.common import all_subclasses

    table: Dict[Text, Any] = {}
    for cls in all_subclasses(Event):
        table.setdefault(cls.type_name, cls)
    return table


def install() -> None:
    """Install both speed-ups (idempotent)."""
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    if getattr(RemoteAction, _INSTALLED_FLAG, False):
        return
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[assignment]
    setattr(RemoteAction, _INSTALLED_FLAG, True)

    original_resolve = Event.resolve_by_type

    def resolve_by_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
        found = event_types().get(type_name)
        return found if found is not None else original_resolve(type_name, default)

    def init_subclass(cls: Any, **kwargs: Any) -> None:
        event_types.cache_clear()  # a new event class: rebuild the table on the next lookup
        super(Event, cls).__init_subclass__(**kwargs)

    Event.resolve_by_type = staticmethod(resolve_by_type)  # type: ignore[assignment]
    Event.__init_subclass__ = classmethod(init_subclass)  # type: ignore[assignment]
