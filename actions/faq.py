"""The page's own topics (what they are, cost, credits, ...): the domain response, its sources, and a course check.

The rule says the topic's response straight from domain.yml (no action server needed); `action_answer_faq` then
sends the page's sentences behind it, remembers the topic, and answers any further questions of the message. A
question that names a course we do not offer ("how much is the beekeeping course?") also hears that it is not one
of ours; the general answer holds for every course. Asked as a later question of a message, a topic's response is
said by `answer_faq`.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import Turn, answer, context_events, questions_of
from actions.catalogue import say_unknown, unknown_named
from actions.services import current

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


async def answer_faq(turn: Turn) -> None:
    """Utter the topic's response from domain.yml and cite the page (a later question of a message)."""
    topic = faq_topic(turn.question.intent)
    courses = await turn.quiet_courses()
    unknown = unknown_named(turn, courses) if courses is not None else None
    if unknown and courses is not None:
        say_unknown(turn, unknown, courses)
    turn.utter(f"utter_{topic}")
    turn.cite(topic)


class ActionAnswerFaq(Action):
    """The rest of a page topic's answer, after its rule said the response: sources, context, further questions."""

    def name(self) -> Text:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        from actions.topics import answers  # the table imports this module

        first, *rest = questions_of(tracker, "")
        turn = Turn(first, tracker, dispatcher, current())
        courses = await turn.quiet_courses()
        unknown = unknown_named(turn, courses) if courses is not None else None
        if unknown and courses is not None:  # after the general answer: "... but we don't offer a course called X"
            say_unknown(turn, unknown, courses)
        turn.cite(faq_topic(first.intent))
        later = [Turn(question, tracker, dispatcher, turn.services) for question in rest if answers(question.intent)]
        return context_events(turn) + await answer(later)
