"""Keep what people type out of the Rasa server's log.

At its default log level Rasa logs no user text, except in one place: a message that starts with "/" is parsed as
an intent payload by Rasa's YamlStoryReader, which warns with the whole message quoted ("Failed to parse arguments
in line '/…'") when the payload names an unknown intent or entity. `install` puts a filter in front of Python's
warning display (Rasa never replaces it) that prints such a warning with the user's text withheld.
"""

from __future__ import annotations

import warnings
from typing import Any, Callable

USER_TEXT_MARKERS = ("in line '",)  # how Rasa's warnings quote a user's message
WITHHELD = "Rasa could not read an intent payload in a user message (the message is not logged)."

ShowWarning = Callable[..., None]


def quotes_user_text(message: object) -> bool:
    """Whether a warning's text quotes a user's message."""
    text = str(message)
    return any(marker in text for marker in USER_TEXT_MARKERS)


def withholding(show: ShowWarning) -> ShowWarning:
    """A warning display that replaces a warning quoting user text by WITHHELD, and shows others unchanged."""

    def show_private(message: Any, category: Any, *args: Any, **kwargs: Any) -> None:
        """Show the warning, without the user's text."""
        if quotes_user_text(message):
            message = category(WITHHELD) if isinstance(message, Warning) else WITHHELD
        show(message, category, *args, **kwargs)

    show_private.withholds_user_text = True  # type: ignore[attr-defined]
    return show_private


def install() -> None:
    """Withhold user text from the process's warnings (once; calling again changes nothing)."""
    if not getattr(warnings.showwarning, "withholds_user_text", False):
        warnings.showwarning = withholding(warnings.showwarning)
