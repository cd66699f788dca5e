"""Replies that route people to the team: enquiries, downloads, low confidence and out-of-scope."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import say
from actions.services import current
from bot.answers import contact

DomainDict = Dict[Text, Any]


class ActionDownloads(Action):
    """The brochure and the research proposal form."""

    def name(self) -> Text:
        return "action_downloads"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        say(dispatcher, contact.downloads(current().policy))
        return []


class ActionFallback(Action):
    """An honest reply to a message the assistant did not understand, with topics and the enquiry route."""

    def name(self) -> Text:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        say(dispatcher, contact.not_understood(current().policy))
        return []


class ActionOutOfScope(Action):
    """An honest reply to a question outside what the assistant covers."""

    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        say(dispatcher, contact.out_of_scope(current().policy))
        return []
