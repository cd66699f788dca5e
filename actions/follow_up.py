"""Short follow-ups that lean on the previous turn: "what about Genomics?", "and the data set one?", "and with credits?".

The `topic` slot (set by every answer) says what the conversation is about. A follow-up naming a course or set asks
the same question about it; naming an assessment kind asks for that kind's pass mark; "with credits" or "without"
turns a cost question into the top-up or the fees; a count, "with credits" or "without" after a quote changes
the quote (actions/calculator.py), and a count after the top-up calculator gives that many courses' top-up.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import TOPIC_SLOT, Question, Turn, answer
from actions.common import say
from actions.services import current
from bot.answers.assessment import kind_pass_mark
from bot.answers.calculator import top_up_reply
from bot.answers.contact import not_understood
from bot.nlp.calculator_text import MAX_COURSES, asks_cost_or_credits
from bot.nlp.follow_ups import assessment_kind, credits_choice, names_a_count
from bot.nlp.numbers import parse_count

DomainDict = Dict[Text, Any]
Events = List[Dict[Text, Any]]
COURSE_TOPICS = frozenset({"ask_bookable", "ask_release_date", "ask_course_info", "ask_pass_mark", "ask_courses"})
MONEY_TOPICS = frozenset({"ask_cost", "ask_topup", "ask_credits", "ask_what_are", "ask_upgrade"})
CALCULATIONS = frozenset({"calc_quote", "calc_deduction", "calc_topup"})


def course_question(previous: Optional[str], names_set_only: bool) -> str:
    """The question a follow-up naming a course (or a set) asks: the previous one, if it was about a course."""
    if previous in COURSE_TOPICS:
        return "ask_courses" if names_set_only and previous in {"ask_course_info", "ask_pass_mark"} else previous
    return "ask_courses" if names_set_only else "ask_course_info"


def credits_question(previous: Optional[str], with_credits: bool) -> Optional[str]:
    """ "and with credits?" after a cost question: the top-up; "and without?": the fees."""
    if previous in MONEY_TOPICS or previous is None:
        return "ask_topup" if with_credits else "ask_cost"
    if previous in {"ask_assessment", "ask_pass_mark", "ask_grades", "ask_how_many", "ask_qualification"}:
        return "ask_credits" if with_credits else "ask_cost"
    return None


async def said_unknown_course(turn: Turn) -> bool:
    """Name back a course or set the follow-up names that is not in the catalogue (True when it did)."""
    from actions.catalogue import say_unknown, unknown_named

    courses = await turn.quiet_courses()
    unknown = unknown_named(turn, courses) if courses is not None else None
    if unknown and courses is not None:
        say_unknown(turn, unknown, courses)
        return True
    return False


class ActionFollowUp(Action):
    """Answer a follow-up in the context of the previous answer (see the module's docstring)."""

    def name(self) -> Text:
        return "action_follow_up"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        services = current()
        previous = tracker.get_slot(TOPIC_SLOT)
        text = tracker.latest_message.get("text") or ""
        whole = Question(previous or "ask_course_info", text, 0, len(text) + 1)
        names_course = any(True for _ in tracker.get_latest_entity_values("course"))
        names_set = any(True for _ in tracker.get_latest_entity_values("course_set"))
        if names_course or names_set:
            intent = course_question(previous, names_set and not names_course)
            return await answer([Turn(Question(intent, text, 0, len(text) + 1), tracker, dispatcher, services)])
        if await said_unknown_course(Turn(whole, tracker, dispatcher, services)):
            return []  # "what about Soil Science 2?": not a course we offer, said so
        kind = assessment_kind(text)
        if kind is not None:
            turn = Turn(whole, tracker, dispatcher, services)
            courses = await turn.quiet_courses()
            turn.say(kind_pass_mark(kind, courses or (), services.policy, turn.language))
            turn.cite("pass_mark")
            return []
        if previous == "calc_topup" and (count := parse_count(text)) is not None and 0 <= count <= MAX_COURSES:
            say(dispatcher, top_up_reply(services.policy, count, tracker.get_slot("language")))  # "and for 3?"
            return [SlotSet(TOPIC_SLOT, previous)]
        if previous in CALCULATIONS and (
            names_a_count(text) or credits_choice(text) is not None or asks_cost_or_credits(text)
        ):
            return [FollowupAction("action_calc_quote")]
        choice = credits_choice(text)
        asked: Optional[str] = credits_question(previous, choice) if choice is not None else None
        if asked is None and previous in COURSE_TOPICS and tracker.get_slot("course"):
            asked = previous  # "and that one?" / "same again": the previous question about the same course
        if asked is None:
            say(dispatcher, not_understood(services.policy, tracker.get_slot("language")))
            return []
        hint = tracker.get_slot("course") if asked in COURSE_TOPICS else None
        return await answer([Turn(Question(asked, text, 0, len(text) + 1), tracker, dispatcher, services, hint)])
