"""Shared glue for actions: running blocking work off the event loop, sending replies, reading entities.

The policy, the store, the token keys and the clock come from `actions.services.current()`.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable, List, Optional, Tuple, TypeVar

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.services import Services
from bot.answers import Reply
from bot.answers.contact import service_unavailable
from bot.nlp.names import resolve_course, resolve_set
from bot.rules.model import Course

logger = logging.getLogger(__name__)
T = TypeVar("T")
MAX_ECHO = 60


async def in_thread(function: Callable[..., T], *args: Any) -> T:
    """Run blocking work (database access) in a worker thread so the event loop stays free."""
    return await asyncio.to_thread(function, *args)


def say(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    """Send a composed reply."""
    dispatcher.utter_message(**reply.as_message())


def entity_values(tracker: Tracker, name: str) -> List[str]:
    """Values of an entity in the latest message, in order, without repeats."""
    values: List[str] = []
    for value in tracker.get_latest_entity_values(name):
        if isinstance(value, str) and value not in values:
            values.append(value[:200])
    return values


def mentioned_course(tracker: Tracker, courses: Tuple[Course, ...]) -> Tuple[Optional[Course], Optional[str]]:
    """The course named in the latest message, and the raw name if it is not in the catalogue."""
    names = entity_values(tracker, "course")
    for name in names:
        course = resolve_course(name, courses)
        if course is not None:
            return course, None
    return None, (names[0][:MAX_ECHO] if names else None)


def mentioned_set(tracker: Tracker, courses: Tuple[Course, ...]) -> Optional[Tuple[str, str]]:
    """The (code, name) of the set named in the latest message, if any."""
    for name in entity_values(tracker, "course_set"):
        found = resolve_set(name, courses)
        if found is not None:
            return found
    return None


async def catalogue_or_apology(dispatcher: CollectingDispatcher, services: Services) -> Optional[Tuple[Course, ...]]:
    """The catalogue from the store, or None after apologising when the database cannot be reached."""
    try:
        return await in_thread(_catalogue, services)
    except Exception:  # the database is down or broken: say so instead of failing silently
        logger.exception("could not read the catalogue")
        say(dispatcher, service_unavailable(services.policy))
        return None


def _catalogue(services: Services) -> Tuple[Course, ...]:
    """The catalogue (opening the store if need be), in a worker thread."""
    return services.store.catalogue()
