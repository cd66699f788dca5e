"""Notice, inside the Rasa server, when a turn's custom action could not run, so the user is told and not left in silence.

Rasa 3.6 catches any exception from a custom action (the action server stopped, timed out or answered 500),
logs "Encountered an exception while running action '<name>'", drops the action's events and carries on;
the user gets no reply for that action. The guarded channels (bot.channels) open a `TurnWatch` around each
message; a logging handler on Rasa's processor logger records the failed action names in it (a context
variable, so concurrent conversations never see each other's failures); after the turn the channel sends an
apology with the enquiry route when a failure left the user without the answer they needed.
"""

from __future__ import annotations

import contextvars
import logging
import re
from dataclasses import dataclass, field
from typing import FrozenSet, List, Optional

from bot.answers.contact import enquiry_route
from bot.rules.policy import Policy

PROCESSOR_LOGGER = "rasa.core.processor"
_FAILURE = re.compile(r"^Encountered an exception while running action '(?P<action>[^']+)'")
SESSION_START = "action_session_start"

# Actions that add the asker's own figures after a general answer already sent (see data/rules.yml); when one
# fails for an anonymous user asking a general question, nothing they needed is missing.
SUPPLEMENTARY_ACTIONS: FrozenSet[str] = frozenset(
    {
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


def failed_action_name(message: str) -> Optional[str]:
    """The action named in Rasa's "exception while running action" log message, else None."""
    match = _FAILURE.match(message)
    return match.group("action") if match else None


class FailedActionRecorder(logging.Handler):
    """Logging handler that records failed custom actions in the current turn's watch."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)

    def emit(self, record: logging.LogRecord) -> None:
        """Record the action named by a processor error, if a turn is being watched."""
        watch = _current.get()
        if watch is None:
            return
        name = failed_action_name(record.getMessage())
        if name is not None:
            watch.failed_actions.append(name)


def install() -> None:
    """Attach the recorder to Rasa's processor logger once (idempotent)."""
    logger = logging.getLogger(PROCESSOR_LOGGER)
    if not any(isinstance(handler, FailedActionRecorder) for handler in logger.handlers):
        logger.addHandler(FailedActionRecorder())


def start_turn() -> TurnWatch:
    """Begin watching the message being handled in this task."""
    watch = TurnWatch()
    _current.set(watch)
    return watch


def apology(policy: Policy) -> str:
    """The reply when part of the service did not answer: an apology and the enquiry route."""
    return (
        "Sorry, part of my service isn't responding just now, so I couldn't answer that fully. "
        "Please try again in a few minutes. " + enquiry_route(policy).text
    )
