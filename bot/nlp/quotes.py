"""A quote asked for ("how much would 3 with credits cost?") and the follow-ups that change it ("and for 4?",
"and without?", "how many credits would that be?").

A quote is courses of each kind, or courses of either kind (both prices are given), and what is wanted: the cost,
the credits or both. A follow-up keeps what it does not change: a new count keeps the one kind asked about before,
"with credits" or "without" turns every course into that kind, and what is wanted stays unless the follow-up asks.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Dict, Mapping, Optional

from bot.nlp.calculator_text import CalculatorFacts, asks_cost_or_credits, asks_credits, quote_wants
from bot.nlp.follow_ups import credits_choice

_LEANS_BACK = re.compile(
    r"^\W*(?:and|but|ok(?:ay)?,?\s+(?:and|what|how)|what\s+about|how\s+about|what\s+if|same|then|so|for|a\s+beth|ac?)\b"
    r"|^\W*(?:\w+\W*){1,3}\?*\W*$",
    re.I,
)

KINDS = ("learning_only", "with_credits", "topped_up")  # the kinds of course a quote counts
WANTS = ("cost", "credits")  # what a quote gives


@dataclass(frozen=True)
class Quote:
    """Courses of each kind (either_kind: both prices given) and whether the cost and/or the credits are wanted."""

    learning_only: int = 0
    with_credits: int = 0
    topped_up: int = 0
    either_kind: int = 0
    cost: bool = True
    credits: bool = False

    @property
    def courses(self) -> int:
        """How many courses the quote is for."""
        return self.learning_only + self.with_credits + self.topped_up + self.either_kind

    def as_slot(self) -> dict:
        """The quote as a slot value (a plain mapping)."""
        return asdict(self)

    @classmethod
    def from_slot(cls, value: Any) -> Optional["Quote"]:
        """The quote a slot holds, or None when it holds none (or something else)."""
        if not isinstance(value, Mapping):
            return None
        names = {f.name for f in fields(cls)}
        try:
            items: Dict[str, Any] = {
                key: (bool(v) if key in WANTS else int(v)) for key, v in value.items() if key in names
            }
        except (TypeError, ValueError):
            return None
        return cls(**items)


def leans_on_previous(text: str) -> bool:
    """Whether a message reads as a follow-up ("and for 4?", "what about without credits?", "2 then?")."""
    return bool(_LEANS_BACK.search(text))


def quote_asked(facts: CalculatorFacts, text: str) -> Quote:
    """The quote a message asks for on its own; a total with some kinds stated leaves the rest learning only (or
    with credits, when the learning-only ones are the kind stated)."""
    cost, credits = quote_wants(text)
    kinds = (facts.learning_only, facts.with_credits, facts.topped_up)
    if all(count is None for count in kinds):
        return Quote(either_kind=facts.total or 0, cost=cost, credits=credits)
    learning, credit, topped = (count or 0 for count in kinds)
    rest = max((facts.total or 0) - learning - credit - topped, 0)
    if facts.learning_only is None:
        learning = rest
    elif facts.with_credits is None and facts.topped_up is None:
        credit = rest
    return Quote(learning, credit, topped, 0, cost, credits)


def quote_follow_up(previous: Quote, facts: CalculatorFacts, text: str) -> Quote:
    """The previous quote changed by a follow-up (see the module's docstring)."""
    cost, credits = quote_wants(text) if asks_cost_or_credits(text) else (previous.cost, previous.credits)
    if any(getattr(facts, kind) is not None for kind in KINDS):
        return replace(quote_asked(facts, text), cost=cost, credits=credits)
    choice = None if asks_credits(text) else credits_choice(text)
    if facts.total:
        asked_kinds = [name for name in KINDS if getattr(previous, name)]
        if choice is not None:
            kind = "with_credits" if choice else "learning_only"
        elif len(asked_kinds) == 1 and not previous.either_kind:
            kind = asked_kinds[0]
        else:
            kind = "either_kind"
        return Quote(**{kind: facts.total}, cost=cost, credits=credits)
    if choice is not None:
        kind = "with_credits" if choice else "learning_only"
        return Quote(**{kind: previous.courses}, cost=cost, credits=credits)
    return replace(previous, cost=cost, credits=credits)
