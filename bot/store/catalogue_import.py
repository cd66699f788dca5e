"""Write the catalogue's courses into the courses table: upsert by code, idempotent.

Reading and validating the catalogue file is bot.files.catalogue's business; the admin CLI composes the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.rules.model import Course
from bot.store.db import get_engine, make_sessionmaker
from bot.store.schema import CourseRow


@dataclass(frozen=True)
class ImportResult:
    """What an import changed: course codes added, updated, unchanged, and in the table but not the file."""

    added: Tuple[str, ...]
    updated: Tuple[str, ...]
    unchanged: Tuple[str, ...]
    not_in_file: Tuple[str, ...]

    def summary(self) -> str:
        """One line for the CLI."""
        line = f"{len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged"
        if self.not_in_file:
            line += f"; kept {len(self.not_in_file)} course(s) not in the file: {', '.join(self.not_in_file)}"
        return line


def import_courses(
    courses: Sequence[Course],
    descriptions: Optional[Mapping[str, str]] = None,
    *,
    url: Optional[str] = None,
    engine: Optional[Engine] = None,
) -> ImportResult:
    """Upsert courses by code in one transaction; courses missing from the list are kept (enrolments use them)."""
    descriptions = descriptions or {}
    added: List[str] = []
    updated: List[str] = []
    unchanged: List[str] = []
    sessions = make_sessionmaker(engine if engine is not None else get_engine(url))
    with sessions.begin() as session:
        existing: Dict[str, CourseRow] = {row.code: row for row in session.scalars(select(CourseRow)).all()}
        for order, course in enumerate(courses, start=1):
            values = _row_values(course, descriptions.get(course.code, ""), order)
            row = existing.get(course.code)
            if row is None:
                session.add(CourseRow(code=course.code, **values))
                added.append(course.code)
            elif _apply(row, values):
                updated.append(course.code)
            else:
                unchanged.append(course.code)
    listed = {course.code for course in courses}
    not_in_file = tuple(sorted(code for code in existing if code not in listed))
    return ImportResult(tuple(added), tuple(updated), tuple(unchanged), not_in_file)


def _row_values(course: Course, description: str, order: int) -> Dict[str, Any]:
    """Column values for a course row (everything but the code)."""
    return {
        "title": course.title,
        "set_code": course.set_code,
        "set_name": course.set_name,
        "position": course.position,
        "release_date": course.release_date,
        "bookable": course.bookable,
        "assessment": course.assessment.value,
        "description": description,
        "sort_order": order,
    }


def _apply(row: CourseRow, values: Mapping[str, Any]) -> bool:
    """Copy values onto row; return whether anything changed."""
    changed = False
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed
