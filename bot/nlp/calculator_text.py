"""Read what a calculator question already says ("I've done two with credits", "£100 then the top-up"), and what the form still needs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from bot.nlp.numbers import NUMBER_WORDS, word_value

_N = r"\b(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|a|an|both)\b"
_GAP = r"(?:[a-z'£]+\s+){0,3}?"
_WITH_CREDITS = re.compile(
    _N + r"\s+" + _GAP + r"(?:with|for|including)\s+(?:the\s+)?credits?\b|" + _N + r"\s+" + _GAP + r"credit[- ]bearing"
)
_LEARNING_ONLY = re.compile(
    _N
    + r"\s+"
    + _GAP
    + r"(?:learning[- ]only|just\s+for\s+learning|for\s+learning|without\s+(?:the\s+)?credits?|with\s+no\s+credits?)"
)
_TOPPED_UP = re.compile(
    r"(?:" + _N + r"\s+" + _GAP + r")?(?:then|and|plus|later)\s+(?:paid\s+)?(?:the\s+|a\s+)?top[- ]?ups?|topped[- ]up"
)
_ANY_COUNT = re.compile(r"\b" + _N + r"\b(?!\s*(?:%|per\s*cent|weeks?|credits?\b|pounds|quid|k\b))")


@dataclass(frozen=True)
class CalculatorFacts:
    """Counts a message states; None where it says nothing."""

    with_credits: Optional[int] = None
    learning_only: Optional[int] = None
    topped_up: Optional[int] = None
    total: Optional[int] = None


def _first_count(pattern: re.Pattern, text: str) -> Optional[int]:
    """The count in the first match of pattern (its first non-empty number group)."""
    match = pattern.search(text)
    if not match:
        return None
    for group in match.groups():
        if group:
            return word_value(group) if group not in {"a", "an"} else 1
    return 1


def _without_money(text: str) -> str:
    """Drop amounts of money so "£100" is never read as a number of courses."""
    return re.sub(r"£\s*\d[\d,]*(?:\.\d+)?", " ", text)


def read_calculator_facts(text: str) -> CalculatorFacts:
    """The numbers of courses of each kind a message states."""
    text = " ".join(text.lower().split())
    has_money = "£" in text
    text = _without_money(text)
    with_credits = _first_count(_WITH_CREDITS, text)
    learning_only = _first_count(_LEARNING_ONLY, text)
    topped_up = _first_count(_TOPPED_UP, text)
    if topped_up is not None and has_money and learning_only == topped_up:
        learning_only = None  # "£100 for learning then the top-up" describes one course, topped up
    values = [word_value(m.group(1)) if m.group(1) not in {"a", "an"} else None for m in _ANY_COUNT.finditer(text)]
    counts = [value for value in values if value is not None]
    total = max(counts) if counts else None
    return CalculatorFacts(with_credits, learning_only, topped_up, total)


MAX_COURSES = 40
DEDUCTION = "deduction"
TOPUP = "topup"


@dataclass(frozen=True)
class CalculatorCounts:
    """The counts the calculator form starts from (None: still to ask)."""

    with_credits: Optional[int]
    learning_only: Optional[int]


def starting_counts(mode: str, facts: CalculatorFacts) -> CalculatorCounts:
    """What the opening message already answers, so the form asks only for the rest."""
    if mode == TOPUP:
        return CalculatorCounts(0, facts.learning_only if facts.learning_only is not None else facts.total)
    credit = None
    if facts.with_credits is not None or facts.topped_up is not None:
        credit = (facts.with_credits or 0) + (facts.topped_up or 0)
    learning = facts.learning_only
    if learning is None and credit is not None and facts.total is not None and facts.total > credit:
        learning = facts.total - credit
    if credit is None and learning is not None and facts.total is not None and facts.total > learning:
        credit = facts.total - learning
    return CalculatorCounts(credit, learning)
