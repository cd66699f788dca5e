"""Shared glue for actions: running blocking work off the event loop, sending replies, reading entities.

The policy, the store, the token keys and the clock come from `actions.services.current()`.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Callable, Optional, Tuple, TypeVar

from rasa_sdk.executor import CollectingDispatcher

from actions.services import Services
from bot.answers import Reply
from bot.answers.contact import service_unavailable
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


async def catalogue_or_apology(
    dispatcher: CollectingDispatcher, services: Services, language: Any = None
) -> Optional[Tuple[Course, ...]]:
    """The catalogue from the store, or None after apologising when the database cannot be reached."""
    try:
        return await in_thread(_catalogue, services)
    except Exception:  # the database is down or broken: say so instead of failing silently
        logger.exception("could not read the catalogue")
        say(dispatcher, service_unavailable(services.policy, language))
        return None


def _catalogue(services: Services) -> Tuple[Course, ...]:
    """The catalogue (opening the store if need be), in a worker thread."""
    return services.store.catalogue()
