"""Split a message that may ask several questions into its clauses, keeping where each one sits in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import List

# Words that open a new question after "and", "or" or a comma ("... and is it all online?").
_QUESTION_OPENERS = (
    r"is|are|was|were|do|does|did|can|could|will|would|should|shall|may|might|must|have|has|"
    r"how|what|whats|what's|wat|when|where|which|who|whom|why|"
    r"is there|are there|any|i|i'd|i'm|im|id|tell me|also|and also|plus|oes|ydy|ydi|faint|pryd|sut|beth|pa|"
    r"alla|allaf|gaf|ga i|dw|rydw|wyt|fedra|fydd|fyddai|os|hefyd"
)
# Welsh words that open a new question after "a"/"ac", "neu", "ond", "wedyn", "hefyd" or a comma ("... ac ydy e
# ar-lein?"), with the aspirate mutation after "a" ("a pha mor hir", "a phryd"). Not "os" (a condition belongs to
# its question: "... wedyn os dwi'n pasio"), nor words English shares ("wi-fi", "does", "ai").
_CY_OPENERS = (
    r"faint|pryd|phryd|sut|pa|pha|beth|be|ble|lle|pam|pwy|sawl|oes|ydy|ydi|yw|ydw|ydych|ydyn|ydan|ydach|oedd|"
    r"fydd|fyddai|fydda|bydd|alla|allaf|allwn|allech|gallaf|galla|ga|gaf|gawn|gaiff|fedra|fedraf|fedrwch|"
    r"dw|dwi|rwy|rydw|rwyf|wyt|unrhyw|dwedwch|dywedwch|deud|dweud|esboniwch|hefyd|wedyn"
)
# "a" before a mutated verb is also the relative particle: "faint o gredydau a gaf i" (how many credits do I get).
_RELATIVE_VERBS = frozenset(
    "ga gaf gawn gaiff alla allaf allwn allech fydd fyddai fydda fedra fedraf fedrwch ddylwn ddylai wnaf wna".split()
)
_NOUN_QUESTION = re.compile(r"\s*(?:faint\s+o|sawl|pa|pha|pwy|beth|be)(?:\s+[^\s,;?]+){1,3}\s*", re.IGNORECASE)
_CY_VERBS = frozenset("yw ydy ydi mae sydd oes ydyn ydych ydw fydd bydd oedd".split())
# Clause boundaries: question marks, semicolons, full stops, new lines, "also"/"plus"/"as well as", and "and", "or"
# or a comma when a question opener follows.
_BOUNDARY = re.compile(
    r"\?+|;|\n|(?<=[a-z0-9%)])\.(?=\s)|"
    r"\b(?:and\s+also|also|plus|as\s+well\s+as|another\s+thing|oh\s+and|btw)\b(?=\s)|"
    r"(?:,\s*)?(?:\b(?:and|n|an|&|or|but|ac|a|neu)\b|&|\+)(?=\s+(?:" + _QUESTION_OPENERS + r")\b)|"
    r",\s*(?=(?:" + _QUESTION_OPENERS + r")\b)|"
    r"\b(?:ac|a)\s+hefyd\b(?=\s)|"
    r"(?:,\s*)?\b(?:ac|a|neu|ond|wedyn|hefyd)(?:\s+(?:a|wedyn))?\b(?=\s+(?:" + _CY_OPENERS + r")\b)|"
    r",\s*(?=(?:" + _CY_OPENERS + r")\b)",
    re.IGNORECASE,
)
MIN_CLAUSE_CHARS = 6
MIN_ONE_WORD_QUESTION = 4  # "price?", "duration?": one word asked as a question of its own


@dataclass(frozen=True)
class Clause:
    """One part of a message, with its character span in the original text."""

    text: str
    start: int
    end: int


def split_clauses(text: str) -> List[Clause]:
    """The clauses of a message in order; a message with one question gives one clause."""
    clauses: List[Clause] = []
    position = 0
    for boundary in _BOUNDARY.finditer(text):
        if _relative(boundary, text, text[position : boundary.start()]):
            continue
        _append(clauses, text, position, boundary.start())
        position = boundary.end()
    _append(clauses, text, position, len(text))
    return clauses


def _relative(boundary: "re.Match[str]", text: str, before: str) -> bool:
    """Whether a Welsh "a" is the relative particle after a question's noun: "faint o gredydau a gaf i"."""
    following = text[boundary.end() :].split(maxsplit=1)
    if boundary.group(0).lower() != "a" or not following or following[0].lower() not in _RELATIVE_VERBS:
        return False
    return bool(_NOUN_QUESTION.fullmatch(before)) and not _CY_VERBS.intersection(before.lower().split())


def _append(clauses: List[Clause], text: str, start: int, end: int) -> None:
    """Add text[start:end] as a clause, trimmed, when it is long enough to be a question of its own."""
    piece = text[start:end]
    stripped = piece.strip(" \t,.!-–—:")
    asked_alone = text[end : end + 1] == "?" and len(stripped) >= MIN_ONE_WORD_QUESTION
    if not asked_alone and (len(stripped) < MIN_CLAUSE_CHARS or len(stripped.split()) < 2):
        if clauses and stripped:  # a stray word belongs with the clause before it
            last = clauses[-1]
            clauses[-1] = Clause(text[last.start : end].strip(" \t,.!-–—:?"), last.start, end)
        return
    offset = start + piece.index(stripped)
    clauses.append(Clause(stripped, offset, offset + len(stripped)))
