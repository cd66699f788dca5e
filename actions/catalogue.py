"""Catalogue questions answered from the store: what is on offer, booking, release dates, course details, pass marks.

Each is an answerer of one topic (see actions.answering): it answers about the course the question names, the
course talked about before when the question leans on it ("is that one bookable?"), a course that is not in the
catalogue (named back, with the closest real ones), or the whole catalogue.
"""

from __future__ import annotations

from typing import Awaitable, Callable, Optional, Tuple

from actions.answering import AnsweringAction, Turn
from actions.common import in_thread, logger
from actions.services import Services
from bot.answers import Reply
from bot.answers import catalogue as answers
from bot.answers.assessment import kind_pass_mark
from bot.nlp.follow_ups import assessment_kind
from bot.nlp.near_misses import closest_courses
from bot.nlp.unknown_names import find_unknown_course
from bot.rules.catalogue import find_set
from bot.rules.model import Course

AboutCourse = Callable[[Turn, Course], Awaitable[Reply]]
AboutCatalogue = Callable[[Turn, Tuple[Course, ...]], Awaitable[Reply]]


def unknown_named(turn: Turn, courses: Tuple[Course, ...]) -> Optional[str]:
    """A course or set the question names that is not in the catalogue."""
    _, raw = turn.named_course(courses)
    return raw or find_unknown_course(turn.question.text, courses)


def say_unknown(turn: Turn, name: str, courses: Tuple[Course, ...]) -> None:
    """Name the unknown course back, say it is not one we offer, and suggest the closest real ones."""
    turn.say(answers.unknown_course(name, courses, turn.services.policy, closest_courses(name, courses), turn.language))


async def about_course_or_catalogue(
    turn: Turn, topic: str, about_course: AboutCourse, about_catalogue: AboutCatalogue
) -> None:
    """The common shape of a course question: one course, an unknown one, or the catalogue."""
    courses = await turn.courses()
    if courses is None:
        return
    course, _ = turn.named_course(courses)
    unknown = None if course is not None else unknown_named(turn, courses)
    if course is not None:
        turn.say(await about_course(turn, course))
        turn.answered_course = course.code
    elif unknown:
        say_unknown(turn, unknown, courses)
        return
    else:
        turn.say(await about_catalogue(turn, courses))
    turn.cite(topic)


async def answer_courses(turn: Turn) -> None:
    """What is on offer, or what is in the set the question names (or the set of the course it names)."""
    courses = await turn.courses()
    if courses is None:
        return
    named_set = turn.named_set(courses)
    course, _ = turn.named_course(courses)
    if named_set is None and course is not None:
        named_set = (course.set_code, course.set_name)
    course_set = find_set(courses, named_set[0]) if named_set is not None else None
    unknown = unknown_named(turn, courses) if course_set is None else None
    if course_set is not None:
        turn.say(answers.set_contents(course_set, turn.services.today(), turn.language))
        turn.answered_set = course_set.code
    elif unknown:
        say_unknown(turn, unknown, courses)
        return
    else:
        turn.say(answers.offer(courses, turn.services.policy, turn.services.today(), turn.language))
    turn.cite("courses")


async def answer_bookable(turn: Turn) -> None:
    """What can be booked now, or whether the named course can."""

    async def one(turn: Turn, course: Course) -> Reply:
        return answers.course_bookable(course, turn.services.policy, turn.services.today(), turn.language)

    async def every(turn: Turn, courses: Tuple[Course, ...]) -> Reply:
        return answers.bookable_now(courses, turn.services.policy, turn.language)

    await about_course_or_catalogue(turn, "bookable", one, every)


async def answer_release_date(turn: Turn) -> None:
    """Release date of the named course, or the upcoming releases."""

    async def one(turn: Turn, course: Course) -> Reply:
        return answers.course_release(course, turn.services.today(), turn.language)

    async def every(turn: Turn, courses: Tuple[Course, ...]) -> Reply:
        return answers.release_dates(courses, turn.services.today(), turn.language)

    await about_course_or_catalogue(turn, "release_date", one, every)


async def answer_course_info(turn: Turn) -> None:
    """Details of the named course (set, assessment, availability), or what is on offer."""

    async def one(turn: Turn, course: Course) -> Reply:
        description = await _description(turn.services, course.code)
        return answers.course_info(course, description, turn.services.policy, turn.services.today(), turn.language)

    async def every(turn: Turn, courses: Tuple[Course, ...]) -> Reply:
        return answers.offer(courses, turn.services.policy, turn.services.today(), turn.language)

    await about_course_or_catalogue(turn, "course_info", one, every)


async def answer_pass_mark(turn: Turn) -> None:
    """The pass mark of the course the question names (or leans on), or the general rule."""
    names_one = bool(turn.entity_values("course")) or turn.course_hint is not None or turn.refers_back()
    # the general rule needs no store: only a question about one course apologises when it is down
    courses = await (turn.courses() if names_one else turn.quiet_courses())
    if courses is None and names_one:
        return
    if courses is not None:
        course, _ = turn.named_course(courses)
        unknown = None if course is not None else unknown_named(turn, courses)
        if course is not None:
            turn.say(answers.course_assessment(course, turn.services.policy, turn.language))
            turn.answered_course = course.code
            turn.cite("pass_mark")
            return
        if unknown:
            say_unknown(turn, unknown, courses)
            return
    kind = assessment_kind(turn.question.text)
    if kind is not None:  # "what's the pass mark for the report?"
        turn.say(kind_pass_mark(kind, courses or (), turn.services.policy, turn.language))
    else:
        turn.utter("utter_pass_mark")
    turn.cite("pass_mark")


async def _description(services: Services, code: str) -> Optional[str]:
    """A course's one-line description; the answer is still useful without it if the database fails."""
    try:
        return await in_thread(_read_description, services, code)
    except Exception:
        logger.exception("could not read a course description")
        return None


def _read_description(services: Services, code: str) -> Optional[str]:
    """The description from the store, in a worker thread."""
    return services.store.course_description(code)


class ActionListCourses(AnsweringAction):
    """What is on offer, or what is in the set the user named."""

    action_name = "action_list_courses"
    intent = "ask_courses"


class ActionBookable(AnsweringAction):
    """What can be booked now, or whether the named course can."""

    action_name = "action_bookable"
    intent = "ask_bookable"


class ActionReleaseDate(AnsweringAction):
    """Release date of the named course, or the upcoming releases."""

    action_name = "action_release_date"
    intent = "ask_release_date"


class ActionCourseInfo(AnsweringAction):
    """Details of the named course (set, assessment, availability), or what is on offer."""

    action_name = "action_course_info"
    intent = "ask_course_info"


class ActionAnswerPassMark(AnsweringAction):
    """The pass mark of the named course's final assessment, or the general rule."""

    action_name = "action_answer_pass_mark"
    intent = "ask_pass_mark"
