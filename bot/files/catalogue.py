"""The microcredential catalogue file: read and validate bot/data/catalogue.yaml into `Course` values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Dict, Mapping, Optional, Sequence, Tuple, Union

from bot.files import CATALOGUE_FILE
from bot.files.reading import read_yaml
from bot.rules.model import AssessmentType, Course

DEFAULT_CATALOGUE_PATH = CATALOGUE_FILE

REQUIRED_FIELDS = ("code", "title", "set", "set_name", "position", "release_date", "bookable", "assessment")
OPTIONAL_FIELDS = ("description",)

PathLike = Union[str, Path]


class CatalogueError(ValueError):
    """The catalogue file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class Catalogue:
    """Everything the catalogue file holds: the courses, their one-line descriptions and the SAMPLE flag."""

    courses: Tuple[Course, ...]
    descriptions: Mapping[str, str]
    sample: bool


def load_catalogue_file(path: Optional[PathLike] = None, *, set_size: Optional[int] = None) -> Tuple[Course, ...]:
    """Read and validate the catalogue file and return its courses in file order."""
    return read_catalogue(path, set_size=set_size).courses


def load_descriptions(path: Optional[PathLike] = None, *, set_size: Optional[int] = None) -> Mapping[str, str]:
    """Return the one-line description of each course, keyed by course code."""
    return read_catalogue(path, set_size=set_size).descriptions


def read_catalogue(path: Optional[PathLike] = None, *, set_size: Optional[int] = None) -> Catalogue:
    """Read, parse and validate the whole catalogue file."""
    source = Path(path) if path is not None else DEFAULT_CATALOGUE_PATH
    return parse_catalogue(
        read_yaml(source, CatalogueError, "catalogue"), source=source.name, set_size=_resolve_set_size(set_size)
    )


def parse_catalogue(document: Any, *, source: str = "catalogue", set_size: int) -> Catalogue:
    """Validate an already-parsed catalogue document (a mapping with a `courses` list)."""
    if not isinstance(document, Mapping):
        raise CatalogueError(f"{source}: expected a mapping with a 'courses' list at the top level")
    entries = document.get("courses")
    if not isinstance(entries, list) or not entries:
        raise CatalogueError(f"{source}: 'courses' must be a non-empty list")
    sample = document.get("sample", False)
    if not isinstance(sample, bool):
        raise CatalogueError(f"{source}: 'sample' must be true or false")
    parsed = [_parse_entry(entry, f"{source}: courses[{index}]") for index, entry in enumerate(entries)]
    courses = tuple(course for course, _ in parsed)
    _check_consistency(courses, source, set_size)
    descriptions = {course.code: text for course, text in parsed}
    return Catalogue(courses=courses, descriptions=descriptions, sample=sample)


def _resolve_set_size(set_size: Optional[int]) -> int:
    """Use the given set size or the policy's (the number lives only in policy.yaml)."""
    if set_size is not None:
        return set_size
    from bot.files.policy import get_policy  # imported lazily: the policy is only needed when no size is given

    return get_policy().set_size


def _parse_entry(entry: Any, where: str) -> Tuple[Course, str]:
    """Turn one YAML course mapping into a Course and its description."""
    if not isinstance(entry, Mapping):
        raise CatalogueError(f"{where}: each course must be a mapping of fields")
    missing = [name for name in REQUIRED_FIELDS if name not in entry]
    if missing:
        raise CatalogueError(f"{where}: missing field(s): {', '.join(missing)}")
    unknown = sorted(set(entry) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS))
    if unknown:
        raise CatalogueError(f"{where}: unknown field(s): {', '.join(map(str, unknown))}")
    code = _text(entry, "code", where)
    where = f"{where} ({code})"
    course = Course(
        code=code,
        title=_text(entry, "title", where),
        set_code=_text(entry, "set", where),
        set_name=_text(entry, "set_name", where),
        position=_position(entry["position"], where),
        release_date=_date(entry["release_date"], where),
        bookable=_bool(entry["bookable"], "bookable", where),
        assessment=_assessment(entry["assessment"], where),
    )
    description = entry.get("description", "")
    if description is None or not isinstance(description, str):
        raise CatalogueError(f"{where}: 'description' must be text")
    return course, description.strip()


def _text(entry: Mapping[str, Any], name: str, where: str) -> str:
    """A required non-empty text field (numbers are not accepted, to catch YAML surprises)."""
    value = entry[name]
    if not isinstance(value, str) or not value.strip():
        raise CatalogueError(f"{where}: '{name}' must be non-empty text, got {value!r}")
    return " ".join(value.split())


def _position(value: Any, where: str) -> int:
    """A whole number position within the set."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise CatalogueError(f"{where}: 'position' must be a whole number, got {value!r}")
    return int(value)


def _date(value: Any, where: str) -> date:
    """A release date written as YYYY-MM-DD."""
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise CatalogueError(f"{where}: 'release_date' must be a date YYYY-MM-DD, got {value!r}")


def _bool(value: Any, name: str, where: str) -> bool:
    """A YAML true/false."""
    if not isinstance(value, bool):
        raise CatalogueError(f"{where}: '{name}' must be true or false, got {value!r}")
    return value


def _assessment(value: Any, where: str) -> AssessmentType:
    """One of the known final assessment types."""
    try:
        return AssessmentType(value)
    except ValueError:
        known = ", ".join(kind.value for kind in AssessmentType)
        raise CatalogueError(f"{where}: unknown assessment type {value!r} (known: {known})") from None


def _check_consistency(courses: Sequence[Course], source: str, set_size: int) -> None:
    """Codes and titles unique; one name per set; positions unique and within 1..set_size."""
    _check_unique(courses, source, "code", lambda c: c.code.casefold())
    _check_unique(courses, source, "title", lambda c: c.title.casefold())
    names: Dict[str, str] = {}
    codes_by_name: Dict[str, str] = {}
    positions: Dict[Tuple[str, int], str] = {}
    for course in courses:
        name = names.setdefault(course.set_code, course.set_name)
        if name != course.set_name:
            raise CatalogueError(
                f"{source}: set {course.set_code} is named both {name!r} and {course.set_name!r} ({course.code})"
            )
        other = codes_by_name.setdefault(course.set_name.casefold(), course.set_code)
        if other != course.set_code:
            raise CatalogueError(f"{source}: sets {other} and {course.set_code} share the name {course.set_name!r}")
        if not 1 <= course.position <= set_size:
            raise CatalogueError(
                f"{source}: {course.code}: position {course.position} is outside 1..{set_size} (the set size)"
            )
        taken = positions.setdefault((course.set_code, course.position), course.code)
        if taken != course.code:
            raise CatalogueError(
                f"{source}: {course.code} and {taken} both have position {course.position} in set {course.set_code}"
            )


def _check_unique(courses: Sequence[Course], source: str, label: str, key: Callable[[Course], str]) -> None:
    """Raise CatalogueError naming the first repeated value of key."""
    seen: Dict[str, Course] = {}
    for course in courses:
        value = key(course)
        if value in seen:
            raise CatalogueError(f"{source}: duplicate {label} {getattr(course, label)!r}")
        seen[value] = course
