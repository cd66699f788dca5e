"""The page's own topics (what they are, cost, credits, ...): the domain response, its sources, and a course check.

The rule says the topic's response straight from domain.yml (no action server needed); `action_answer_faq` then
sends the page's sentences behind it, remembers the topic, and answers any further questions of the message. A
question that names a course we do not offer ("how much is the beekeeping course?") also hears that it is not one
of ours; the general answer holds for every course. Asked as a later question of a message, a topic's response is
said by `answer_faq`.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import Turn, answer, context_events, questions_of
from actions.catalogue import say_unknown, unknown_named
from actions.services import current
from bot.answers.catalogue import course_assessment
from bot.rules.model import Course

DomainDict = Dict[Text, Any]
Events = List[Dict[Text, Any]]

FAQ_PREFIX = "ask_"
FAQ_TOPICS = frozenset(
    {
        "what_are",
        "who_for",
        "duration",
        "reregistration",
        "cost",
        "topup",
        "assessment",
        "grades",
        "credits",
        "how_many",
        "qualification",
        "upgrade",
        "format",
    }
)


def faq_topic(intent: str) -> str:
    """ask_duration -> duration."""
    return intent[len(FAQ_PREFIX) :] if intent.startswith(FAQ_PREFIX) else intent


# Page topics whose general answer can be followed by the named (or just discussed) course's own detail.
COURSE_DETAIL_TOPICS = frozenset({"ask_assessment"})


def about_the_course(turn: Turn, courses: Optional[Tuple[Course, ...]]) -> None:
    """After the general answer: a course we do not offer, or the course's own assessment ("how is it assessed?")."""
    if courses is None:
        return
    unknown = unknown_named(turn, courses)
    if unknown:
        say_unknown(turn, unknown, courses)
        return
    if turn.question.intent in COURSE_DETAIL_TOPICS:
        course, _ = turn.named_course(courses)
        if course is not None:
            turn.say(course_assessment(course, turn.services.policy, turn.language))
            turn.answered_course = course.code


async def answer_faq(turn: Turn) -> None:
    """Utter the topic's response from domain.yml and cite the page (a later question of a message)."""
    topic = faq_topic(turn.question.intent)
    turn.utter(f"utter_{topic}")
    about_the_course(turn, await turn.quiet_courses())
    turn.cite(topic)


class ActionAnswerFaq(Action):
    """The rest of a page topic's answer, after its rule said the response: sources, context, further questions."""

    def name(self) -> Text:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        from actions.topics import answers  # the table imports this module

        first, *rest = questions_of(tracker, "")
        turn = Turn(first, tracker, dispatcher, current())
        about_the_course(turn, await turn.quiet_courses())
        turn.cite(faq_topic(first.intent))
        later = [Turn(question, tracker, dispatcher, turn.services) for question in rest if answers(question.intent)]
        return context_events(turn) + await answer(later)
