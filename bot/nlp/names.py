"""Course and set names as people type them ("plant breeding two", "PB2", "plant-breeding 2")."""

from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

from bot.nlp.numbers import NUMBER_WORDS, ROMAN, WORDS
from bot.rules.model import Course

COURSE_LABEL = "course"
SET_LABEL = "course_set"
NUMBER_LABEL = "number"

_RULER_NUMBER_WORDS = tuple(
    w for w in NUMBER_WORDS if w not in {"none", "nothing", "nil", "nought", "single", "couple"}
)
_CANONICAL_WORDS = {
    value: word
    for word, value in WORDS.items()
    if word in {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
}
_SPLIT = re.compile(r"[a-z]+|\d+")


def number_spellings(value: int) -> List[str]:
    """Ways a course number is typed: "2", "two", "ii"."""
    spellings = [str(value)]
    if value in _CANONICAL_WORDS:
        spellings.append(_CANONICAL_WORDS[value])
    spellings.extend(numeral for numeral, number in ROMAN.items() if number == value)
    return spellings


def _words(text: str) -> List[str]:
    """Lower-case word and digit runs of a name."""
    return _SPLIT.findall(text.lower())


def _optional_hyphen_between(token_patterns: Sequence[dict]) -> List[dict]:
    """Allow "plant-breeding" as well as "plant breeding"."""
    joined: List[dict] = []
    for index, pattern in enumerate(token_patterns):
        if index:
            joined.append({"ORTH": "-", "OP": "?"})
        joined.append(pattern)
    return joined


def _split_title(course: Course) -> Tuple[List[str], Optional[int]]:
    """A title's name words and its trailing number ("Plant Breeding 2" -> ["plant", "breeding"], 2)."""
    words = _words(course.title)
    if words and words[-1].isdigit():
        return words[:-1], int(words[-1])
    return words, None


def course_patterns(course: Course) -> List[dict]:
    """Entity-ruler patterns for one course: its title with the number spelt any way, and its code."""
    name_words, number = _split_title(course)
    name = [{"LOWER": word} for word in name_words]
    patterns = []
    if number is None:
        patterns.append(_optional_hyphen_between(name))
    else:
        spelt = {"LOWER": {"IN": number_spellings(number)}}
        patterns.append(_optional_hyphen_between(name + [spelt]))
    code_letters, code_digits = _code_parts(course.code)
    patterns.append([{"LOWER": course.code.lower()}])
    if code_letters and code_digits:
        patterns.append(
            [{"LOWER": code_letters}, {"ORTH": "-", "OP": "?"}, {"LOWER": {"IN": number_spellings(int(code_digits))}}]
        )
    return [{"label": COURSE_LABEL, "pattern": pattern, "id": course.code} for pattern in patterns]


def _code_parts(code: str) -> Tuple[str, str]:
    """Split a code like "PB2" into ("pb", "2")."""
    match = re.fullmatch(r"([a-z]+)(\d+)", code.lower())
    return (match.group(1), match.group(2)) if match else ("", "")


def set_patterns(set_code: str, set_name: str) -> List[dict]:
    """Entity-ruler patterns for a set name ("Plant Breeding", "plant-breeding")."""
    name = [{"LOWER": word} for word in _words(set_name)]
    return [{"label": SET_LABEL, "pattern": _optional_hyphen_between(name), "id": set_code}]


def number_patterns() -> List[dict]:
    """Entity-ruler patterns for counts written as digits or words."""
    return [
        {"label": NUMBER_LABEL, "pattern": [{"IS_DIGIT": True}]},
        {"label": NUMBER_LABEL, "pattern": [{"LOWER": {"IN": sorted(_RULER_NUMBER_WORDS)}}]},
    ]


def ruler_patterns(courses: Iterable[Course]) -> List[dict]:
    """Every pattern the entity ruler needs, generated from the catalogue."""
    courses = tuple(courses)
    patterns: List[dict] = []
    seen_sets: Dict[str, str] = {}
    for course in courses:
        patterns.extend(course_patterns(course))
        seen_sets.setdefault(course.set_code, course.set_name)
    for set_code, set_name in seen_sets.items():
        patterns.extend(set_patterns(set_code, set_name))
    patterns.extend(number_patterns())
    return patterns


def _key(text: str) -> str:
    """A spelling-independent key: lower case, no hyphens or spaces, numbers as digits."""
    parts = []
    for word in _words(text):
        if word.isdigit():
            parts.append(str(int(word)))
        elif word in ROMAN and parts:
            parts.append(str(ROMAN[word]))
        elif word in _CANONICAL_WORDS.values() and parts:
            parts.append(str(WORDS[word]))
        else:
            parts.append(word)
    return "".join(parts)


def resolve_course(text: str, courses: Iterable[Course]) -> Optional[Course]:
    """The course a typed name or code refers to ("plant-breeding two", "pb 2"), else None."""
    wanted = _key(text)
    for course in courses:
        if wanted in (_key(course.title), _key(course.code)):
            return course
    return None


def resolve_set(text: str, courses: Iterable[Course]) -> Optional[Tuple[str, str]]:
    """The (set code, set name) a typed set name refers to, else None."""
    wanted = _key(text)
    for course in courses:
        if wanted in (_key(course.set_name), _key(course.set_code)):
            return course.set_code, course.set_name
    return None
