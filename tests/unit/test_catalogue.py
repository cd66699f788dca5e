"""The catalogue file and its loader: the sample content, validation errors and the look-up helpers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.files.catalogue import (
    DEFAULT_CATALOGUE_PATH,
    CatalogueError,
    load_catalogue_file,
    load_descriptions,
    read_catalogue,
)
from bot.rules.catalogue import find_set, sets
from bot.rules.model import AssessmentType, Course

SET_NAMES = ["Plant Breeding", "Genomics", "Livestock Science", "Bioinformatics"]
TODAY = date(2026, 11, 28)  # the dates below are fixed; the sample spreads releases around this day


@pytest.fixture(scope="module")
def courses():
    """The sample catalogue."""
    return load_catalogue_file()


def write(tmp_path: Path, document) -> Path:
    """Write a catalogue document to a temporary YAML file."""
    path = tmp_path / "catalogue.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def sample_document() -> dict:
    """The sample catalogue as a plain document, for editing."""
    return yaml.safe_load(DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8"))


# --- the sample catalogue --------------------------------------------------------------------------


def test_sample_has_four_sets_of_four_in_order(courses, policy_set_size):
    grouped = sets(courses)
    assert [s.name for s in grouped] == SET_NAMES
    assert [s.code for s in grouped] == ["PB", "GN", "LS", "BI"]
    for course_set in grouped:
        assert [c.position for c in course_set.courses] == list(range(1, policy_set_size + 1))
        assert [c.code for c in course_set.courses] == [f"{course_set.code}{n}" for n in range(1, 5)]
        assert [c.title for c in course_set.courses] == [f"{course_set.name} {n}" for n in range(1, 5)]


def test_sample_returns_course_dataclasses(courses):
    assert isinstance(courses, tuple) and all(type(c) is Course for c in courses)


def test_sample_release_dates_spread_2025_to_2027(courses):
    assert {c.release_date.year for c in courses} == {2025, 2026, 2027}


def test_sample_has_bookable_and_unreleased_courses(courses):
    assert any(c.bookable for c in courses)
    unreleased = [c for c in courses if c.release_date > TODAY]
    assert unreleased and not any(c.bookable for c in unreleased)


def test_sample_uses_every_assessment_type(courses):
    assert {c.assessment for c in courses} == set(AssessmentType)


def test_sample_has_a_description_for_every_course(courses):
    descriptions = load_descriptions()
    assert set(descriptions) == {c.code for c in courses}
    assert all(text and "\n" not in text for text in descriptions.values())


def test_sample_is_flagged_as_sample():
    assert read_catalogue().sample is True
    assert "SAMPLE" in DEFAULT_CATALOGUE_PATH.read_text(encoding="utf-8").splitlines()[0]


# --- validation ------------------------------------------------------------------------------------


def edit_course(target: str, **changes):
    """An edit that changes fields of one course (a None value removes the field)."""

    def edit(document):
        """Apply the changes to the target course."""
        entry = next(c for c in document["courses"] if c["code"] == target)
        for key, value in changes.items():
            if value is None:
                entry.pop(key)
            else:
                entry[key] = value

    return edit


@pytest.mark.parametrize(
    "edit, message",
    [
        (edit_course("PB2", code="PB1"), "duplicate code 'PB1'"),
        (edit_course("PB2", title="Plant Breeding 1"), "duplicate title"),
        (edit_course("PB2", position=5), "position 5 is outside 1..4"),
        (edit_course("PB2", position=0), "position 0 is outside"),
        (edit_course("PB2", position=1), "both have position 1"),
        (edit_course("PB2", position="two"), "whole number"),
        (edit_course("PB2", assessment="essay"), "unknown assessment type 'essay'"),
        (edit_course("PB2", release_date="next spring"), "release_date"),
        (edit_course("PB2", bookable="yes"), "bookable"),
        (edit_course("PB2", set_name="Plant Breeding II"), "named both"),
        (edit_course("GN1", set_name="Plant Breeding"), "share the name"),
        (edit_course("PB2", title=None), "missing field(s): title"),
        (edit_course("PB2", fee=100), "unknown field(s): fee"),
        (edit_course("PB2", title=""), "'title' must be non-empty text"),
        (edit_course("PB2", code=12), "'code' must be non-empty text"),
        (lambda d: d.update(courses=[]), "non-empty list"),
        (lambda d: d.update(courses="PB1"), "non-empty list"),
        (lambda d: d.update(sample="maybe"), "'sample'"),
    ],
    ids=[
        "dup-code",
        "dup-title",
        "position-high",
        "position-zero",
        "position-taken",
        "position-text",
        "assessment",
        "date",
        "bookable",
        "set-name",
        "set-name-shared",
        "missing",
        "unknown",
        "empty-title",
        "numeric-code",
        "no-courses",
        "courses-not-list",
        "sample-flag",
    ],
)
def test_invalid_catalogue_is_refused_with_a_clear_error(tmp_path, edit, message):
    document = sample_document()
    edit(document)
    with pytest.raises(CatalogueError) as error:
        load_catalogue_file(write(tmp_path, document))
    assert message in str(error.value)


def test_error_names_the_course(tmp_path):
    document = sample_document()
    edit_course("LS3", assessment="essay")(document)
    with pytest.raises(CatalogueError, match=r"\(LS3\)"):
        load_catalogue_file(write(tmp_path, document))


def test_missing_file_is_a_catalogue_error(tmp_path):
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue_file(tmp_path / "absent.yaml")


def test_bad_yaml_is_a_catalogue_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("courses: [\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid YAML"):
        load_catalogue_file(path)


def test_empty_file_is_a_catalogue_error(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("", encoding="utf-8")
    with pytest.raises(CatalogueError, match="top level"):
        load_catalogue_file(path)


def test_set_size_can_be_given():
    with pytest.raises(CatalogueError, match="outside 1..3"):
        load_catalogue_file(set_size=3)


def test_an_incomplete_set_is_allowed(tmp_path):
    document = sample_document()
    document["courses"] = [c for c in document["courses"] if c["code"] != "BI4"]
    assert len(load_catalogue_file(write(tmp_path, document))) == 15


def test_dates_may_be_quoted_strings(tmp_path):
    document = sample_document()
    edit_course("PB1", release_date="2025-01-13")(document)
    assert {c.code: c for c in load_catalogue_file(write(tmp_path, document))}["PB1"].release_date == date(2025, 1, 13)


# --- helpers ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("ref", ["LS", "ls", "Livestock Science", "livestock  science"])
def test_find_set_by_code_or_name(courses, ref):
    found = find_set(courses, ref)
    assert found.code == "LS" and len(found.courses) == 4


def test_find_set_returns_none_for_no_match(courses):
    assert find_set(courses, "Astronomy") is None


def test_sets_orders_courses_by_position_whatever_the_input_order(courses):
    shuffled = tuple(reversed(courses))
    for course_set in sets(shuffled):
        assert [c.position for c in course_set.courses] == sorted(c.position for c in course_set.courses)


@given(st.permutations(load_catalogue_file()))
def test_sets_partition_the_courses(permuted):
    grouped = sets(permuted)
    flattened = [c for course_set in grouped for c in course_set.courses]
    assert sorted(flattened, key=lambda c: c.code) == sorted(permuted, key=lambda c: c.code)
    assert len({s.code for s in grouped}) == len(grouped)
    assert all(len({c.set_code for c in s.courses}) == 1 for s in grouped)


@pytest.fixture(scope="module")
def policy_set_size() -> int:
    """The set size from the policy (never written in the tests)."""
    from bot.files.policy import get_policy

    return get_policy().set_size
