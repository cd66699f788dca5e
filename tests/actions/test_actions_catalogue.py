"""Catalogue questions answered from the store: what is on offer, booking, release dates, course details and
pass marks. Expected values come from bot/data/catalogue.yaml and the policy, never from literals."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from actions.catalogue import (
    ActionAnswerPassMark,
    ActionBookable,
    ActionCourseInfo,
    ActionListCourses,
    ActionReleaseDate,
)
from actions.common import MAX_ECHO
from bot.files.catalogue import load_catalogue_file, load_descriptions
from bot.rules import pass_mark
from bot.rules.catalogue import sets
from bot.rules.model import AssessmentType
from bot.store import StoreError

CATALOGUE = load_catalogue_file()
BY_CODE = {course.code: course for course in CATALOGUE}
SET_NAMES = [course_set.name for course_set in sets(CATALOGUE)]
CATALOGUE_ACTIONS = [ActionListCourses, ActionBookable, ActionReleaseDate, ActionCourseInfo]


def course_entity(value: str) -> list:
    return [{"entity": "course", "value": value, "start": 0, "end": len(value)}]


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


async def test_offer_lists_every_set_and_every_bookable_course(ask, policy):
    turn = await ask(ActionListCourses(), "list_courses")
    for name in SET_NAMES:
        assert name in turn.text
    for course in CATALOGUE:
        assert (course.title in turn.text) == course.bookable
    assert policy.contact.course_list_url in turn.text
    assert [b["title"] for b in turn.buttons] == [f"The {name} set" for name in SET_NAMES]


async def test_naming_a_set_lists_its_courses_with_their_availability(ask, today):
    turn = await ask(
        ActionListCourses(),
        "list_courses",
        text="what's in the genomics set?",
        entities=[{"entity": "course_set", "value": "genomics"}],
    )
    genomics = [c for c in CATALOGUE if c.set_code == "GN"]
    assert turn.text.startswith("The Genomics set: ")
    for course in genomics:
        if course.bookable:
            assert f"{course.title}: bookable now" in turn.text
        else:
            assert f"{course.title}: due for release on {long_date(course.release_date)}" in turn.text
    assert "Plant Breeding" not in turn.text


async def test_naming_a_course_when_asking_what_is_on_offer_lists_its_set(ask):
    turn = await ask(ActionListCourses(), "list_courses", text="which set is PB3 in?", entities=course_entity("PB3"))
    assert turn.text.startswith("The Plant Breeding set: ")


async def test_course_pass_mark_comes_from_policy(ask, policy):
    turn = await ask(ActionAnswerPassMark(), "course_pass_mark")
    course = BY_CODE["PB4"]
    rule = policy.assessments[course.assessment]
    assert (
        f"{course.title} ends with a {rule.label}, which needs a pass mark of {pass_mark(policy, course.assessment)}%"
        in turn.text
    )


async def test_course_pass_mark_follows_a_changed_policy(ask, policy, swap, services):
    rules = dict(policy.assessments)
    rules[AssessmentType.MASTERS_TEST] = dataclasses.replace(rules[AssessmentType.MASTERS_TEST], pass_mark=65)
    changed = dataclasses.replace(policy, assessments=rules)
    swap(services.with_policy(changed))
    turn = await ask(ActionAnswerPassMark(), "course_pass_mark")
    assert "pass mark of 65%" in turn.text
    assert f"{pass_mark(policy, AssessmentType.MASTERS_TEST)}%" not in turn.text


@pytest.mark.parametrize("code", ["PB1", "PB2", "GN4"])
async def test_each_course_pass_mark_matches_its_assessment_type(code, ask, policy):
    course = BY_CODE[code]
    turn = await ask(ActionAnswerPassMark(), "course_pass_mark", entities=course_entity(course.title.lower()))
    assert f"pass mark of {pass_mark(policy, course.assessment)}%" in turn.text
    assert policy.assessments[course.assessment].label in turn.text


async def test_pass_mark_question_without_a_course_gets_the_general_rule(ask, swap, services, broken_store):
    swap(services.with_store(broken_store))  # the general rule needs no database
    turn = await ask(ActionAnswerPassMark(), "course_pass_mark", text="what's the pass mark?", entities=[])
    assert turn.responses == ["utter_pass_mark"]


@pytest.mark.parametrize("action_class", [ActionCourseInfo, ActionBookable, ActionReleaseDate, ActionAnswerPassMark])
async def test_unknown_course_name_gets_a_helpful_reply(action_class, ask):
    turn = await ask(action_class(), "unknown_course")
    assert "couldn't find a microcredential called \u201cHorticulture 3\u201d" in turn.text
    for name in SET_NAMES:
        assert name in turn.text
    assert {"title": "Courses on offer", "payload": "/ask_courses"} in turn.buttons


async def test_a_very_long_unknown_course_name_is_not_echoed_in_full(ask):
    name = "Underwater Basket Weaving " * 10
    turn = await ask(ActionCourseInfo(), "unknown_course", entities=course_entity(name))
    assert name[:MAX_ECHO] in turn.text
    assert name[: MAX_ECHO + 1] not in turn.text


async def test_course_info_gives_set_description_assessment_and_availability(ask, policy):
    course = BY_CODE["LS2"]
    turn = await ask(
        ActionCourseInfo(),
        "unknown_course",
        text="tell me about livestock science two",
        entities=course_entity("livestock science two"),
    )
    assert f"{course.title} ({course.code}) is part of the {course.set_name} set." in turn.text
    assert load_descriptions()[course.code] in turn.text
    rule = policy.assessments[course.assessment]
    assert f"a {rule.label} with a pass mark of {rule.pass_mark}%" in turn.text
    assert "bookable now" in turn.text


async def test_a_bookable_course_is_confirmed_with_the_booking_link(ask, policy):
    turn = await ask(
        ActionBookable(), "list_courses", text="is genomics 2 open for booking?", entities=course_entity("genomics 2")
    )
    assert turn.text == f"Yes, Genomics 2 is bookable now: book at {policy.contact.booking_url}."


async def test_an_unreleased_course_is_not_bookable_and_gives_its_release_date(ask, today):
    course = BY_CODE["GN4"]
    assert not course.bookable and course.release_date > today
    turn = await ask(ActionBookable(), "list_courses", text="can I book GN4?", entities=course_entity("GN4"))
    assert f"{course.title} isn't open for booking yet" in turn.text
    assert f"due for release on {long_date(course.release_date)}" in turn.text


async def test_asking_what_can_be_booked_lists_only_bookable_courses(ask, policy):
    turn = await ask(ActionBookable(), "list_courses", text="what can I book now?")
    for course in CATALOGUE:
        assert (course.title in turn.text) == course.bookable
    assert policy.contact.booking_url in turn.text


async def test_release_date_of_a_named_course(ask):
    course = BY_CODE["BI3"]
    turn = await ask(
        ActionReleaseDate(),
        "list_courses",
        text="when does bioinformatics 3 come out?",
        entities=course_entity("bioinformatics 3"),
    )
    assert turn.text == f"{course.title} is due for release on {long_date(course.release_date)}."


async def test_released_course_says_when_it_was_released(ask):
    course = BY_CODE["PB4"]
    turn = await ask(ActionReleaseDate(), "list_courses", entities=course_entity("plant breeding 4"))
    assert f"{course.title} was released on {long_date(course.release_date)}" in turn.text


async def test_upcoming_releases_are_listed_soonest_first(ask, today):
    turn = await ask(ActionReleaseDate(), "list_courses", text="what are the release dates?")
    upcoming = sorted((c for c in CATALOGUE if c.release_date > today), key=lambda c: c.release_date)
    positions = [turn.text.index(f"{c.title} on {long_date(c.release_date)}") for c in upcoming]
    assert positions == sorted(positions)
    for course in CATALOGUE:
        if course.release_date <= today:
            assert course.title not in turn.text


@pytest.mark.parametrize("action_class", CATALOGUE_ACTIONS, ids=lambda cls: cls().name())
async def test_database_down_gets_an_apology_not_silence(action_class, ask, swap, services, broken_store, policy):
    swap(services.with_store(broken_store))
    turn = await ask(action_class(), "course_pass_mark")
    assert "Sorry, I can't look that up right now" in turn.text
    assert policy.contact.enquiry_email in turn.text
    assert turn.events == []


async def test_pass_mark_for_a_named_course_with_database_down_apologises(ask, swap, services, broken_store, policy):
    swap(services.with_store(broken_store))
    turn = await ask(ActionAnswerPassMark(), "course_pass_mark")
    assert policy.contact.enquiry_email in turn.text


class DescriptionFails:
    """The catalogue read works, then the database drops before the description is read."""

    def __init__(self, real):
        self.real = real

    def catalogue(self):
        return self.real.catalogue()

    def course_description(self, code):
        raise StoreError("course_description failed: OperationalError: database is locked")


async def test_course_info_still_answers_if_the_description_cannot_be_read(ask, swap, services, records, policy):
    swap(services.with_store(DescriptionFails(records)))
    turn = await ask(ActionCourseInfo(), "course_pass_mark")
    course = BY_CODE["PB4"]
    assert turn.text.startswith(
        f"{course.title} ({course.code}) is part of the {course.set_name} set. Its final assessment"
    )
    assert f"pass mark of {pass_mark(policy, course.assessment)}%" in turn.text
