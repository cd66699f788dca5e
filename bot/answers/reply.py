"""A reply: text plus optional buttons that also read well on text-only channels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Dict, List, Tuple


@dataclass(frozen=True)
class Button:
    """A suggested next step: a short title and the payload it sends."""

    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    """One message from the assistant."""

    text: str
    buttons: Tuple[Button, ...] = ()

    def as_message(self) -> Dict[str, Any]:
        """Keyword arguments for the Rasa SDK dispatcher's utter_message."""
        message: Dict[str, Any] = {"text": self.text}
        if self.buttons:
            message["buttons"] = [{"title": b.title, "payload": b.payload} for b in self.buttons]
        return message


def format_date(day: date) -> str:
    """British long date: 13 January 2025."""
    return f"{day.day} {day:%B %Y}"


def join_names(names: List[str], conjunction: str = "and") -> str:
    """ "A", "A and B", "A, B and C" (or "A or B")."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]
