"""Shared glue for actions: the policy, the store, running blocking work off the event loop, entities."""

from __future__ import annotations

import asyncio
import functools
import logging
from datetime import date
from typing import Any, Callable, List, Optional, Tuple, TypeVar

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.answers import Reply
from bot.answers.contact import service_unavailable
from bot.nlp.names import resolve_course, resolve_set
from bot.rules.policy import Policy
from bot.files.policy import get_policy
from bot.rules.model import Course
from bot.store import Store

logger = logging.getLogger(__name__)
T = TypeVar("T")
MAX_ECHO = 60


@functools.lru_cache(maxsize=1)
def policy() -> Policy:
    """The programme's policy, loaded and validated once per process."""
    return get_policy()


@functools.lru_cache(maxsize=1)
def store() -> Store:
    """The enrolment store (it opens a new session for every call)."""
    return Store()


def today() -> date:
    """Today's date (one place, so tests can freeze it)."""
    return date.today()


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


async def catalogue_or_apology(dispatcher: CollectingDispatcher) -> Optional[Tuple[Course, ...]]:
    """The catalogue from the store, or None after apologising when the database cannot be reached."""
    try:
        return await in_thread(store().catalogue)
    except Exception:  # the database is down or broken: say so instead of failing silently
        logger.exception("could not read the catalogue")
        say(dispatcher, service_unavailable(policy()))
        return None
