"""Real course and set names close to one the catalogue does not know, for "did you mean ...?".

A trailing course number may be a Welsh number word ("Genomics dau" -> Genomics 2)."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import List, Optional, Sequence, Tuple

from bot.nlp.names import resolve_set
from bot.nlp.numbers import ROMAN, WORDS
from bot.nlp.unknown_names import COURSE_CODE, NAME_WORDS, NUMBER_WORDS, ROMAN_NUMBERS
from bot.nlp.welsh_words import CY_NUMBERS
from bot.rules.model import Course

SIMILARITY = 0.6  # difflib's own cut-off for get_close_matches: one or two letters wrong in a name still pass
SHARED_WORD_LETTERS = 5  # a shared word this long ("genomics", "science") makes a name a near miss too


def _similarity(name: str, candidate: str) -> float:
    """How alike two names are, 0..1: difflib's ratio, or the cut-off itself when they share a long word."""
    name, candidate = name.lower(), candidate.lower()
    ratio = SequenceMatcher(None, name, candidate).ratio()
    shared = {w for w in NAME_WORDS.findall(name) if len(w) >= SHARED_WORD_LETTERS} & set(NAME_WORDS.findall(candidate))
    return max(ratio, SIMILARITY if shared else 0.0)


def _split_number(name: str) -> Tuple[str, Optional[int]]:
    """A typed name without its trailing course number, and the number ("Genomics 7" -> ("Genomics", 7))."""
    code = COURSE_CODE.fullmatch(name.lower().replace(" ", ""))
    if code:
        return code.group(1), int(code.group(2))
    words = name.split()
    last = words[-1].lower() if words else ""
    if len(words) > 1 and (last.isdigit() or last in NUMBER_WORDS or last in ROMAN_NUMBERS or last in CY_NUMBERS):
        number = int(last) if last.isdigit() else WORDS.get(last, ROMAN.get(last, CY_NUMBERS.get(last, 0)))
        return " ".join(words[:-1]), number
    return name, None


def closest_courses(name: str, courses: Sequence[Course], limit: int = 3) -> List[str]:
    """Real names close to a typed one, best first, for "did you mean": a set, or its course when the number exists."""
    words, number = _split_number(name)
    titles = {(course.set_name, course.position): course.title for course in courses}
    set_names = list(dict.fromkeys(course.set_name for course in courses))
    named = resolve_set(words, courses)
    if named is not None:
        return [titles.get((named[1], number or 0), named[1])]
    scored = sorted((-_similarity(words, set_name), order, set_name) for order, set_name in enumerate(set_names))
    return [titles.get((set_name, number or 0), set_name) for score, _, set_name in scored if -score >= SIMILARITY][
        :limit
    ]
