"""Checks on what a user typed before it reaches the assistant: empty, huge, control or invisible-only input.

The channels (bot.rasa_server.channels) pass every message through `check_message` and then `clean_text`, so the
NLU and the actions only ever see normalised text: NFKC (full-width letters, ligatures and compatibility forms
become their plain equivalents) and no control, format (zero-width, direction marks) or invisible filler
characters. A message that is nothing but such characters is empty and gets the guard's reply.
The replies the user gets instead are in bot.answers.guard; here only the checks and the reasons.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any, Optional

from bot.answers import guard as answers

MAX_MESSAGE_CHARS = 2000
_ALLOWED_CONTROLS = {"\n", "\t"}
# Control, format (zero-width, bidirectional), surrogate, private-use and unassigned code points.
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
# Letters and marks that render as nothing (Hangul fillers, the combining grapheme joiner, variation selectors).
_INVISIBLE = {"\u115f", "\u1160", "\u3164", "\uffa0", "\u034f", *(chr(c) for c in range(0xFE00, 0xFE10))}


@dataclass(frozen=True)
class Rejection:
    """Why a message was not passed on; `reply_in` gives what the user gets instead, in their language."""

    reason: str

    def reply_in(self, language: Any = None) -> str:
        """The reply to the rejected message, in English or Welsh."""
        if self.reason == TOO_LONG_REASON:
            return answers.too_long(MAX_MESSAGE_CHARS, language).text
        return answers.empty_message(language).text


TOO_LONG_REASON = "too_long"
EMPTY = Rejection("empty")
TOO_LONG = Rejection(TOO_LONG_REASON)


def _visible(ch: str) -> bool:
    """Whether a character is kept: newlines, tabs and everything that is not control, format or invisible."""
    return ch in _ALLOWED_CONTROLS or (ch not in _INVISIBLE and unicodedata.category(ch) not in _DROPPED_CATEGORIES)


def clean_text(text: object) -> str:
    """The text normalised (NFKC) without control, format or invisible characters (keeping newlines, tabs), trimmed."""
    if not isinstance(text, str):
        return ""
    normalised = unicodedata.normalize("NFKC", "".join(ch for ch in text if _visible(ch)))
    return "".join(ch for ch in normalised if _visible(ch)).strip()


def check_message(text: object) -> Optional[Rejection]:
    """A rejection for input the assistant should not process, else None."""
    if isinstance(text, str) and len(text) > MAX_MESSAGE_CHARS:
        return TOO_LONG
    if not clean_text(text):
        return EMPTY
    return None
