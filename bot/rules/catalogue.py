"""The catalogue as the rules see it: courses grouped into sets, and forgiving look-ups by code or name."""

from __future__ import annotations

from typing import Dict, Iterable, List, NamedTuple, Optional, Tuple

from bot.rules.model import Course

__all__ = ["CourseSet", "find_set", "sets"]


class CourseSet(NamedTuple):
    """One set of microcredentials (e.g. Plant Breeding 1-4), courses ordered by position."""

    code: str
    name: str
    courses: Tuple[Course, ...]


def sets(courses: Iterable[Course]) -> Tuple[CourseSet, ...]:
    """Group courses into sets, in order of first appearance, each set's courses ordered by position."""
    grouped: Dict[str, List[Course]] = {}
    for course in courses:
        grouped.setdefault(course.set_code, []).append(course)
    return tuple(
        CourseSet(code, members[0].set_name, tuple(sorted(members, key=lambda c: c.position)))
        for code, members in grouped.items()
    )


def find_set(courses: Iterable[Course], ref: str) -> Optional[CourseSet]:
    """Find a set by its code or name, ignoring case and extra spaces; None when there is no match."""
    wanted = _normalise(ref)
    for course_set in sets(courses):
        if wanted in (_normalise(course_set.code), _normalise(course_set.name)):
            return course_set
    return None


def _normalise(text: str) -> str:
    """Lower-case and collapse whitespace for forgiving look-ups."""
    return " ".join(str(text).split()).casefold()
