"""Replies that route people to the team: enquiries, downloads, low confidence and out-of-scope."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import AnsweringAction, Question, Turn
from actions.common import say
from actions.services import current
from bot.answers import contact
from bot.nlp.silent_topics import silent_topic

DomainDict = Dict[Text, Any]


async def answer_downloads(turn: Turn) -> None:
    """The brochure and the research proposal form."""
    turn.say(contact.downloads(turn.services.policy, turn.language))
    turn.cite("downloads")


class ActionDownloads(AnsweringAction):
    """The brochure and the research proposal form."""

    action_name = "action_downloads"
    intent = "ask_downloads"


async def answered_specifically(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Before a general "I didn't understand": a course we do not offer, or a topic the page is silent on."""
    from actions.catalogue import say_unknown, unknown_named
    from actions.not_covered import answer_not_covered

    text = tracker.latest_message.get("text") or ""
    turn = Turn(Question("ask_not_covered", text, 0, len(text) + 1), tracker, dispatcher, current())
    courses = await turn.quiet_courses()
    unknown = unknown_named(turn, courses) if courses is not None else None
    if unknown and courses is not None:
        say_unknown(turn, unknown, courses)
        return True
    if silent_topic(text) is not None:
        await answer_not_covered(turn)
        return True
    return False


class ActionFallback(Action):
    """An honest reply to a message the assistant did not understand, with topics and the enquiry route."""

    def name(self) -> Text:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        if not await answered_specifically(dispatcher, tracker):
            say(dispatcher, contact.not_understood(current().policy, tracker.get_slot("language")))
        return []


class ActionOutOfScope(Action):
    """An honest reply to a question outside what the assistant covers."""

    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        if not await answered_specifically(dispatcher, tracker):
            say(dispatcher, contact.out_of_scope(current().policy, tracker.get_slot("language")))
        return []
