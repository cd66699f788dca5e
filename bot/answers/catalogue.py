"""Replies about the catalogue: sets, courses, release dates, booking and each course's assessment."""

from __future__ import annotations

import json
from datetime import date
from typing import List, Optional, Sequence, Tuple

from bot.answers.reply import Button, Reply, format_date, join_names
from bot.rules import assessment_for
from bot.rules.catalogue import CourseSet, sets
from bot.rules.model import Course
from bot.rules.policy import Policy

BOOKING_BUTTONS = (Button("What can I book now?", "/ask_bookable"), Button("What does it cost?", "/ask_cost"))


def availability(course: Course, today: date) -> str:
    """How a course can be had today: bookable (and from when), released but closed, or due for release."""
    if course.bookable and course.release_date > today:
        return f"bookable now, starting on {format_date(course.release_date)}"
    if course.bookable:
        return "bookable now"
    if course.release_date <= today:
        return f"released on {format_date(course.release_date)}, not open for booking at the moment"
    return f"due for release on {format_date(course.release_date)}"


def offer(courses: Sequence[Course], policy: Policy, today: date) -> Reply:
    """What is on offer: the sets, what can be booked now, and the full list."""
    bookable = [course.title for course in courses if course.bookable]
    set_names = [course_set.name for course_set in sets(courses)]
    text = f"Microcredentials come in sets: {join_names(set_names)}. "
    if bookable:
        text += f"Bookable now: {join_names(bookable)}. "
    text += f"The full list with release dates is at {policy.contact.course_list_url}."
    buttons = tuple(Button(f"The {name} set", f'/ask_courses{{"course_set": "{name}"}}') for name in set_names[:4])
    return Reply(text, buttons)


def set_contents(course_set: CourseSet, today: date) -> Reply:
    """The courses of one set with their availability."""
    lines = [f"{course.title}: {availability(course, today)}" for course in course_set.courses]
    return Reply(
        f"The {course_set.name} set: " + "; ".join(lines) + ". Passing all of one set can count towards an MSc.",
        (Button("Towards an MSc", "/ask_qualification"),) + BOOKING_BUTTONS,
    )


def bookable_now(courses: Sequence[Course], policy: Policy) -> Reply:
    """Everything that can be booked today, and where to book."""
    bookable = [course.title for course in courses if course.bookable]
    if not bookable:
        return Reply(
            f"Nothing is open for booking at this moment. The full list with release dates is at "
            f"{policy.contact.course_list_url}."
        )
    return Reply(
        f"You can book these now: {join_names(bookable)}. Book at {policy.contact.booking_url}.",
        (Button("What does it cost?", "/ask_cost"), Button("Release dates", "/ask_release_date")),
    )


def course_bookable(course: Course, policy: Policy, today: date) -> Reply:
    """Whether one course can be booked, and how."""
    if course.bookable:
        return Reply(f"Yes, {course.title} is bookable now: book at {policy.contact.booking_url}.", BOOKING_BUTTONS[1:])
    return Reply(
        f"{course.title} isn't open for booking yet: it is {availability(course, today)}. "
        f"The full list is at {policy.contact.course_list_url}.",
        BOOKING_BUTTONS[:1],
    )


def release_dates(courses: Sequence[Course], today: date) -> Reply:
    """Upcoming releases, soonest first."""
    upcoming = sorted((c for c in courses if c.release_date > today), key=lambda c: (c.release_date, c.code))
    if not upcoming:
        return Reply("Every microcredential in the current list has been released.", BOOKING_BUTTONS[:1])
    lines = [f"{course.title} on {format_date(course.release_date)}" for course in upcoming]
    return Reply("Coming up: " + "; ".join(lines) + ".", BOOKING_BUTTONS[:1])


def course_release(course: Course, today: date) -> Reply:
    """One course's release date."""
    if course.release_date > today:
        text = f"{course.title} is due for release on {format_date(course.release_date)}."
    else:
        text = (
            f"{course.title} was released on {format_date(course.release_date)} and is {availability(course, today)}."
        )
        if not course.bookable:
            text = f"{course.title} was released on {format_date(course.release_date)} but isn't open for booking at the moment."
    return Reply(text, BOOKING_BUTTONS[:1])


def course_info(course: Course, description: Optional[str], policy: Policy, today: date) -> Reply:
    """Everything about one course: set, description, final assessment, availability."""
    rule = assessment_for(policy, course)
    parts = [f"{course.title} ({course.code}) is part of the {course.set_name} set."]
    if description:
        parts.append(description)
    parts.append(
        f"Its final assessment is a {rule.label} with a pass mark of {rule.pass_mark}%; it is {availability(course, today)}."
    )
    return Reply(
        " ".join(parts),
        (Button(f"The {course.set_name} set", f'/ask_courses{{"course_set": "{course.set_name}"}}'),) + BOOKING_BUTTONS,
    )


def course_assessment(course: Course, policy: Policy) -> Reply:
    """One course's final assessment and pass mark."""
    rule = assessment_for(policy, course)
    return Reply(
        f"{course.title} ends with a {rule.label}, which needs a pass mark of {rule.pass_mark}%. "
        "It's only needed if you want the credits, and the result is recorded as pass or fail.",
        (Button("Will I get a grade?", "/ask_grades"), Button("Credits", "/ask_credits")),
    )


def unknown_course(
    name: str, courses: Sequence[Course], policy: Optional[Policy] = None, suggestions: Sequence[str] = ()
) -> Reply:
    """A course name that is not in the catalogue: named back, "did you mean", the sets and the full list.

    `suggestions` are real set names or course titles (bot.nlp.near_misses.closest_courses); the link to the
    full list needs the policy.
    """
    set_names = [course_set.name for course_set in sets(courses)]
    known = _suggestion_buttons(suggestions, courses)
    parts = [f"I couldn't find a microcredential called \u201c{shown_name(name)}\u201d, so it isn't one we offer."]
    if known:
        parts.append(f"Did you mean {join_names([title for title, _ in known], 'or')}?")
    sets_sentence = f"The current sets are {join_names(set_names)}"
    if policy is not None:
        sets_sentence += f"; the full list with release dates is at {policy.contact.course_list_url}"
    parts.append(sets_sentence + ".")
    buttons = tuple(button for _, button in known) + (Button("Courses on offer", "/ask_courses"),)
    return Reply(" ".join(parts), buttons)


def shown_name(name: str) -> str:
    """A typed name as we say it back: spaces tidied, and "soil science" capitalised as "Soil Science"."""
    tidy = " ".join(name.split())
    return tidy.title() if tidy == tidy.lower() else tidy


def _suggestion_buttons(suggestions: Sequence[str], courses: Sequence[Course]) -> List[Tuple[str, Button]]:
    """(name, button) for each suggestion that really is a set or a course: a set opens its list, a course its details."""
    set_names = {course.set_name for course in courses}
    titles = {course.title for course in courses}
    found: List[Tuple[str, Button]] = []
    for name in dict.fromkeys(suggestions):
        if name in set_names:
            found.append((name, Button(f"The {name} set", "/ask_courses" + json.dumps({"course_set": name}))))
        elif name in titles:
            found.append((name, Button(name, "/ask_course_info" + json.dumps({"course": name}))))
    return found
