"""Checks on what a user typed before it reaches the assistant: empty, huge or control-character input.

The replies the user gets instead are in bot.answers.guard; here only the checks and the reasons.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Optional

from bot.answers import guard as answers

MAX_MESSAGE_CHARS = 2000
_ALLOWED_CONTROLS = {"\n", "\t"}


@dataclass(frozen=True)
class Rejection:
    """Why a message was not passed on, and the reply the user gets instead."""

    reason: str
    reply: str


EMPTY = Rejection("empty", answers.empty_message().text)
TOO_LONG = Rejection("too_long", answers.too_long(MAX_MESSAGE_CHARS).text)


def clean_text(text: object) -> str:
    """The text without control or format characters (keeping newlines and tabs), trimmed."""
    if not isinstance(text, str):
        return ""
    kept = (ch for ch in text if ch in _ALLOWED_CONTROLS or unicodedata.category(ch) not in {"Cc", "Cs"})
    return "".join(kept).strip()


def check_message(text: object) -> Optional[Rejection]:
    """A rejection for input the assistant should not process, else None."""
    if isinstance(text, str) and len(text) > MAX_MESSAGE_CHARS:
        return TOO_LONG
    if not clean_text(text):
        return EMPTY
    return None
