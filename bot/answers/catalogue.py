"""Replies about the catalogue: sets, courses, release dates, booking and each course's assessment.

Their sentences are in texts/catalogue.yaml; the kind of assessment is named by bot.answers.assessment.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, List, Optional, Sequence, Tuple

from bot.answers.assessment import assessment_label, grades_button
from bot.answers.contact import courses_button
from bot.answers.reply import Button, Reply, format_date, join_names
from bot.answers.texts import ENGLISH, Texts
from bot.rules import assessment_for
from bot.rules.catalogue import CourseSet, sets
from bot.rules.model import Course
from bot.rules.policy import Policy

T = Texts("catalogue")


def booking_buttons(language: Any = ENGLISH) -> Tuple[Button, ...]:
    """What can be booked now, and what it costs."""
    return (Button(T("button_bookable", language), "/ask_bookable"), Button(T("button_cost", language), "/ask_cost"))


def set_button(name: str, language: Any = ENGLISH) -> Button:
    """The button that lists one set's courses."""
    return Button(T("button_set", language, name=name), "/ask_courses" + json.dumps({"course_set": name}))


def availability(course: Course, today: date, language: Any = ENGLISH) -> str:
    """How a course can be had today: bookable (and from when), released but closed, or due for release."""
    released = format_date(course.release_date, language)
    if course.bookable and course.release_date > today:
        return T("available_starting", language, date=released)
    if course.bookable:
        return T("available", language)
    if course.release_date <= today:
        return T("available_released_closed", language, date=released)
    return T("available_due", language, date=released)


def offer(courses: Sequence[Course], policy: Policy, today: date, language: Any = ENGLISH) -> Reply:
    """What is on offer: the sets, what can be booked now, and the full list."""
    bookable = [course.title for course in courses if course.bookable]
    set_names = [course_set.name for course_set in sets(courses)]
    parts = [T("offer_sets", language, sets=join_names(set_names, "and", language))]
    if bookable:
        parts.append(T("offer_bookable", language, titles=join_names(bookable, "and", language)))
    parts.append(T("full_list", language, url=policy.contact.course_list_url))
    return Reply(" ".join(parts), tuple(set_button(name, language) for name in set_names[:4]))


def set_contents(course_set: CourseSet, today: date, language: Any = ENGLISH) -> Reply:
    """The courses of one set with their availability."""
    lines = [f"{course.title}: {availability(course, today, language)}" for course in course_set.courses]
    return Reply(
        T("set_contents", language, name=course_set.name, lines="; ".join(lines)),
        (Button(T("button_qualification", language), "/ask_qualification"),) + booking_buttons(language),
    )


def bookable_now(courses: Sequence[Course], policy: Policy, language: Any = ENGLISH) -> Reply:
    """Everything that can be booked today, and where to book."""
    bookable = [course.title for course in courses if course.bookable]
    if not bookable:
        full_list = T("full_list", language, url=policy.contact.course_list_url)
        return Reply(T("nothing_bookable", language) + " " + full_list)
    return Reply(
        T("bookable_now", language, titles=join_names(bookable, "and", language), url=policy.contact.booking_url),
        (booking_buttons(language)[1], Button(T("button_release_dates", language), "/ask_release_date")),
    )


def course_bookable(course: Course, policy: Policy, today: date, language: Any = ENGLISH) -> Reply:
    """Whether one course can be booked, and how."""
    if course.bookable:
        text = T("course_bookable", language, title=course.title, url=policy.contact.booking_url)
        return Reply(text, booking_buttons(language)[1:])
    text = T(
        "course_not_bookable",
        language,
        title=course.title,
        availability=availability(course, today, language),
        url=policy.contact.course_list_url,
    )
    return Reply(text, booking_buttons(language)[:1])


def release_dates(courses: Sequence[Course], today: date, language: Any = ENGLISH) -> Reply:
    """Upcoming releases, soonest first."""
    upcoming = sorted((c for c in courses if c.release_date > today), key=lambda c: (c.release_date, c.code))
    if not upcoming:
        return Reply(T("all_released", language), booking_buttons(language)[:1])
    lines = [
        T("release_line", language, title=course.title, date=format_date(course.release_date, language))
        for course in upcoming
    ]
    return Reply(T("coming_up", language, lines="; ".join(lines)), booking_buttons(language)[:1])


def course_release(course: Course, today: date, language: Any = ENGLISH) -> Reply:
    """One course's release date."""
    released = format_date(course.release_date, language)
    if course.release_date > today:
        text = T("course_due", language, title=course.title, date=released)
    elif course.bookable:
        text = T(
            "course_released",
            language,
            title=course.title,
            date=released,
            availability=availability(course, today, language),
        )
    else:
        text = T("course_released_closed", language, title=course.title, date=released)
    return Reply(text, booking_buttons(language)[:1])


def course_info(
    course: Course, description: Optional[str], policy: Policy, today: date, language: Any = ENGLISH
) -> Reply:
    """Everything about one course: set, description, final assessment, availability.

    The description comes from the store as it is written there (in English for now).
    """
    rule = assessment_for(policy, course)
    parts = [T("course_in_set", language, title=course.title, code=course.code, name=course.set_name)]
    if description:
        parts.append(description)
    parts.append(
        T(
            "course_assessment_and_availability",
            language,
            label=assessment_label(rule, language),
            pass_mark=rule.pass_mark,
            availability=availability(course, today, language),
        )
    )
    return Reply(" ".join(parts), (set_button(course.set_name, language),) + booking_buttons(language))


def course_assessment(course: Course, policy: Policy, language: Any = ENGLISH) -> Reply:
    """One course's final assessment and pass mark."""
    rule = assessment_for(policy, course)
    text = T(
        "course_assessment",
        language,
        title=course.title,
        label=assessment_label(rule, language),
        pass_mark=rule.pass_mark,
    )
    return Reply(text, (grades_button(language), Button(T("button_credits", language), "/ask_credits")))


def unknown_course(
    name: str,
    courses: Sequence[Course],
    policy: Optional[Policy] = None,
    suggestions: Sequence[str] = (),
    language: Any = ENGLISH,
) -> Reply:
    """A course name that is not in the catalogue: named back, "did you mean", the sets and the full list.

    `suggestions` are real set names or course titles (bot.nlp.near_misses.closest_courses); the link to the
    full list needs the policy.
    """
    set_names = join_names([course_set.name for course_set in sets(courses)], "and", language)
    known = _suggestion_buttons(suggestions, courses, language)
    parts = [T("not_found", language, name=shown_name(name))]
    if known:
        parts.append(T("did_you_mean", language, names=join_names([title for title, _ in known], "or", language)))
    if policy is not None:
        parts.append(T("current_sets_and_list", language, sets=set_names, url=policy.contact.course_list_url))
    else:
        parts.append(T("current_sets", language, sets=set_names))
    buttons = tuple(button for _, button in known) + (courses_button(language),)
    return Reply(" ".join(parts), buttons)


def shown_name(name: str) -> str:
    """A typed name as we say it back: spaces tidied, and "soil science" capitalised as "Soil Science"."""
    tidy = " ".join(name.split())
    return tidy.title() if tidy == tidy.lower() else tidy


def _suggestion_buttons(
    suggestions: Sequence[str], courses: Sequence[Course], language: Any = ENGLISH
) -> List[Tuple[str, Button]]:
    """(name, button) for each suggestion that really is a set or a course: a set opens its list, a course its details."""
    set_names = {course.set_name for course in courses}
    titles = {course.title for course in courses}
    found: List[Tuple[str, Button]] = []
    for name in dict.fromkeys(suggestions):
        if name in set_names:
            found.append((name, set_button(name, language)))
        elif name in titles:
            found.append((name, Button(name, "/ask_course_info" + json.dumps({"course": name}))))
    return found
