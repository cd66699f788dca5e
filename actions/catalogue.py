"""Catalogue questions answered from the store: what is on offer, booking, release dates, course details."""

from __future__ import annotations

import abc
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import catalogue_or_apology, in_thread, logger, mentioned_course, mentioned_set, say
from actions.services import Services, current
from bot.answers import Reply
from bot.answers import catalogue as answers
from bot.rules.catalogue import find_set
from bot.rules.model import Course

DomainDict = Dict[Text, Any]


class ActionListCourses(Action):
    """What is on offer, or what is in the set the user named."""

    def name(self) -> Text:
        return "action_list_courses"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        services = current()
        courses = await catalogue_or_apology(dispatcher, services)
        if courses is None:
            return []
        named_set = mentioned_set(tracker, courses)
        course, _ = mentioned_course(tracker, courses)
        if named_set is None and course is not None:
            named_set = (course.set_code, course.set_name)
        course_set = find_set(courses, named_set[0]) if named_set is not None else None
        if course_set is not None:
            say(dispatcher, answers.set_contents(course_set, services.today()))
        else:
            say(dispatcher, answers.offer(courses, services.policy, services.today()))
        return []


class CourseQuestion(Action, metaclass=abc.ABCMeta):
    """A question about the course the user names, or about the whole catalogue when none is named."""

    @abc.abstractmethod
    async def about_course(self, services: Services, course: Course) -> Reply:
        """The answer about one course."""

    @abc.abstractmethod
    async def about_catalogue(self, services: Services, courses: Tuple[Course, ...]) -> Reply:
        """The answer when no course is named."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        services = current()
        courses = await catalogue_or_apology(dispatcher, services)
        if courses is None:
            return []
        course, unknown = mentioned_course(tracker, courses)
        if course is not None:
            say(dispatcher, await self.about_course(services, course))
        elif unknown:
            say(dispatcher, answers.unknown_course(unknown, courses))
        else:
            say(dispatcher, await self.about_catalogue(services, courses))
        return []


class ActionBookable(CourseQuestion):
    """What can be booked now, or whether the named course can."""

    def name(self) -> Text:
        return "action_bookable"

    async def about_course(self, services: Services, course: Course) -> Reply:
        return answers.course_bookable(course, services.policy, services.today())

    async def about_catalogue(self, services: Services, courses: Tuple[Course, ...]) -> Reply:
        return answers.bookable_now(courses, services.policy)


class ActionReleaseDate(CourseQuestion):
    """Release date of the named course, or the upcoming releases."""

    def name(self) -> Text:
        return "action_release_date"

    async def about_course(self, services: Services, course: Course) -> Reply:
        return answers.course_release(course, services.today())

    async def about_catalogue(self, services: Services, courses: Tuple[Course, ...]) -> Reply:
        return answers.release_dates(courses, services.today())


class ActionCourseInfo(CourseQuestion):
    """Details of the named course (set, assessment, availability), or what is on offer."""

    def name(self) -> Text:
        return "action_course_info"

    async def about_course(self, services: Services, course: Course) -> Reply:
        description = await _description(services, course.code)
        return answers.course_info(course, description, services.policy, services.today())

    async def about_catalogue(self, services: Services, courses: Tuple[Course, ...]) -> Reply:
        return answers.offer(courses, services.policy, services.today())


class ActionAnswerPassMark(Action):
    """The pass mark of the named course's final assessment, or the general rule."""

    def name(self) -> Text:
        return "action_answer_pass_mark"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        if not entity_mentions_course(tracker):
            dispatcher.utter_message(response="utter_pass_mark")
            return []
        services = current()
        courses = await catalogue_or_apology(dispatcher, services)
        if courses is None:
            return []
        course, unknown = mentioned_course(tracker, courses)
        if course is not None:
            say(dispatcher, answers.course_assessment(course, services.policy))
        else:
            say(dispatcher, answers.unknown_course(unknown or "", courses))
        return []


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


def entity_mentions_course(tracker: Tracker) -> bool:
    """Whether the latest message names a course at all."""
    return any(True for _ in tracker.get_latest_entity_values("course"))
