"""A reply: text plus optional buttons that also read well on text-only channels."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Dict, List, Tuple

from bot.answers.texts import ENGLISH, Texts

T = Texts("reply")


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


def format_date(day: date, language: Any = ENGLISH) -> str:
    """Long date, day first: 13 January 2025, 13 Ionawr 2025."""
    month = T("months", language).split()[day.month - 1]
    return T("date", language, day=day.day, month=month, year=day.year)


def join_names(names: List[str], conjunction: str = "and", language: Any = ENGLISH) -> str:
    """ "A", "A and B", "A, B and C" (or "A or B"); in Welsh "A a B", "A ac Y" before a vowel, "A neu B"."""
    if len(names) <= 1:
        return "".join(names)
    last = names[-1]
    if conjunction == "and" and last[:1].lower() in "aeiouwyâêîôûŵŷ":
        conjunction = "and_before_vowel"
    return ", ".join(names[:-1]) + f" {T(conjunction, language)} " + last
