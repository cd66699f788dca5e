"""The action server's composition root: everything the actions need, built once, swappable as a whole in tests.

Actions call `current()` once per turn and use what it holds; nothing else in `actions/` keeps a singleton.
The production `Services` is built lazily on first use from `bot.settings` (the environment) and
`bot.files.policy`. Tests install their own with `install(services)` (or `with using(services): ...`).

The store is opened on first use rather than when the services are built, so an enrolment database that
cannot be opened only fails the turns that need it (they apologise) and is tried again on the next turn.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import threading
from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterator, Optional

from bot import settings
from bot.files.policy import get_policy
from bot.files.sources import Sources, get_sources
from bot.identity import IdentitySettings
from bot.rules.policy import Policy
from bot.store import Store

__all__ = ["Services", "current", "install", "production", "using"]


@dataclass(frozen=True)
class Services:
    """What the actions use: the policy, the enrolment store, the token keys, the clock and the page's quotes."""

    policy: Policy
    identity: IdentitySettings
    today: Callable[[], date]
    open_store: Callable[[], Store]
    sources: Sources = field(default_factory=get_sources)

    @functools.cached_property
    def store(self) -> Store:
        """The enrolment store, opened on first use (an error is raised to the caller and retried next time)."""
        return self.open_store()

    def with_store(self, store: Store) -> "Services":
        """The same services with another store (for example one whose database is down)."""
        return dataclasses.replace(self, open_store=lambda: store)

    def with_policy(self, policy: Policy) -> "Services":
        """The same services with another policy."""
        return dataclasses.replace(self, policy=policy)


def production() -> Services:
    """The services of a running action server: policy.yaml, $BOT_DB_URL and the $BOT_JWT_* keys."""
    return Services(
        policy=get_policy(),
        identity=IdentitySettings.from_env(),
        today=date.today,
        open_store=functools.partial(Store, settings.database_url()),
    )


_lock = threading.Lock()
_installed: Optional[Services] = None


def current() -> Services:
    """The services in use: the installed ones, else the production ones (built on the first call)."""
    global _installed
    services = _installed
    if services is not None:
        return services
    with _lock:
        if _installed is None:
            _installed = production()
        return _installed


def install(services: Optional[Services]) -> Optional[Services]:
    """Use these services from now on and return the previous ones (None: build the production ones on next use)."""
    global _installed
    with _lock:
        previous, _installed = _installed, services
    return previous


@contextlib.contextmanager
def using(services: Services) -> Iterator[Services]:
    """Use these services inside the block, then put the previous ones back."""
    previous = install(services)
    try:
        yield services
    finally:
        install(previous)
