"""Catalogue questions answered from the store: what is on offer, booking, release dates, course details."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import catalogue_or_apology, in_thread, logger, mentioned_course, mentioned_set, policy, say, store, today
from bot.answers import catalogue as answers
from bot.catalogue import find_set

DomainDict = Dict[Text, Any]


class ActionListCourses(Action):
    """What is on offer, or what is in the set the user named."""

    def name(self) -> Text:
        return "action_list_courses"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        courses = await catalogue_or_apology(dispatcher)
        if courses is None:
            return []
        named_set = mentioned_set(tracker, courses)
        course, _ = mentioned_course(tracker, courses)
        if named_set is None and course is not None:
            named_set = (course.set_code, course.set_name)
        if named_set is not None:
            say(dispatcher, answers.set_contents(find_set(courses, named_set[0]), today()))
        else:
            say(dispatcher, answers.offer(courses, policy(), today()))
        return []


class ActionBookable(Action):
    """What can be booked now, or whether the named course can."""

    def name(self) -> Text:
        return "action_bookable"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        courses = await catalogue_or_apology(dispatcher)
        if courses is None:
            return []
        course, unknown = mentioned_course(tracker, courses)
        if course is not None:
            say(dispatcher, answers.course_bookable(course, policy(), today()))
        elif unknown:
            say(dispatcher, answers.unknown_course(unknown, courses))
        else:
            say(dispatcher, answers.bookable_now(courses, policy()))
        return []


class ActionReleaseDate(Action):
    """Release date of the named course, or the upcoming releases."""

    def name(self) -> Text:
        return "action_release_date"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        courses = await catalogue_or_apology(dispatcher)
        if courses is None:
            return []
        course, unknown = mentioned_course(tracker, courses)
        if course is not None:
            say(dispatcher, answers.course_release(course, today()))
        elif unknown:
            say(dispatcher, answers.unknown_course(unknown, courses))
        else:
            say(dispatcher, answers.release_dates(courses, today()))
        return []


class ActionCourseInfo(Action):
    """Details of the named course (set, assessment, availability)."""

    def name(self) -> Text:
        return "action_course_info"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        courses = await catalogue_or_apology(dispatcher)
        if courses is None:
            return []
        course, unknown = mentioned_course(tracker, courses)
        if course is not None:
            say(dispatcher, answers.course_info(course, await _description(course.code), policy(), today()))
        elif unknown:
            say(dispatcher, answers.unknown_course(unknown, courses))
        else:
            say(dispatcher, answers.offer(courses, policy(), today()))
        return []


class ActionAnswerPassMark(Action):
    """The pass mark of the named course's final assessment, or the general rule."""

    def name(self) -> Text:
        return "action_answer_pass_mark"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        if not entity_mentions_course(tracker):
            dispatcher.utter_message(response="utter_pass_mark")
            return []
        courses = await catalogue_or_apology(dispatcher)
        if courses is None:
            return []
        course, unknown = mentioned_course(tracker, courses)
        if course is not None:
            say(dispatcher, answers.course_assessment(course, policy()))
        else:
            say(dispatcher, answers.unknown_course(unknown or "", courses))
        return []


async def _description(code: str) -> Optional[str]:
    """A course's one-line description; the answer is still useful without it if the database fails."""
    try:
        return await in_thread(store().course_description, code)
    except Exception:
        logger.exception("could not read a course description")
        return None


def entity_mentions_course(tracker: Tracker) -> bool:
    """Whether the latest message names a course at all."""
    return any(True for _ in tracker.get_latest_entity_values("course"))
