"""What the assistant says at the channel edge when a message is not passed on (bot.rasa_server.guard)."""

from __future__ import annotations

from typing import Any

from bot.answers.reply import Reply
from bot.answers.texts import ENGLISH, Texts

T = Texts("guard")


def empty_message(language: Any = ENGLISH) -> Reply:
    """The reply to a message with nothing in it."""
    return Reply(T("empty", language))


def too_long(max_chars: int, language: Any = ENGLISH) -> Reply:
    """The reply to a message over max_chars characters."""
    return Reply(T("too_long", language, max_chars=max_chars))
