"""Notice, inside the Rasa server, when a turn's custom action could not run, so the user is told and not left in silence.

Rasa 3.6 catches any exception from a custom action (the action server stopped, timed out or answered 500),
drops the action's events and carries on; the user gets no reply for that action. The guarded channels
(bot.rasa_server.channels) open a `TurnWatch` around each message; the patched `RemoteAction.run`
(bot.rasa_server.patches) records the name of each custom action that raised in it (a context variable, so
concurrent conversations never see each other's failures); after the turn the channel sends an apology with
the enquiry route when a failure left the user without the answer they needed.
"""

from __future__ import annotations

import contextvars
from dataclasses import dataclass, field
from typing import FrozenSet, List, Optional

SESSION_START = "action_session_start"

# Actions that add to a general answer already sent (see data/rules.yml): the asker's own figures, or a page
# topic's sources; when one fails for an anonymous user asking a general question, the answer itself was given.
SUPPLEMENTARY_ACTIONS: FrozenSet[str] = frozenset(
    {
        "action_answer_faq",
        "action_my_credits",
        "action_my_exemption",
        "action_my_deduction",
        "action_my_topup",
        "action_my_registration",
        "action_my_assessment",
    }
)


@dataclass
class TurnWatch:
    """What went wrong while one message was handled."""

    failed_actions: List[str] = field(default_factory=list)
    crashed: bool = False

    def needs_apology(self, personal: bool) -> bool:
        """Whether the user was left without (part of) the answer: personal means signed in or asking about themselves."""
        if self.crashed:
            return True
        missing = [name for name in self.failed_actions if name != SESSION_START]
        if personal:
            return bool(missing)
        return any(name not in SUPPLEMENTARY_ACTIONS for name in missing)


_current: contextvars.ContextVar[Optional[TurnWatch]] = contextvars.ContextVar("bot_turn_watch", default=None)


def start_turn() -> TurnWatch:
    """Begin watching the message being handled in this task."""
    watch = TurnWatch()
    _current.set(watch)
    return watch


def current() -> Optional[TurnWatch]:
    """The watch of the turn being handled in this task, if any."""
    return _current.get()


def record_failure(action_name: str) -> None:
    """Note that a custom action could not run, in the current turn's watch (ignored outside a watched turn)."""
    watch = _current.get()
    if watch is not None:
        watch.failed_actions.append(action_name)
