"""The reply language, chosen on every message: the page's switch, an explicit request, or Welsh written by the user.

Rasa runs this action after each user message (the `language` slot's custom mapping names it), before any reply
is chosen, so every response and composed answer of that turn is in the chosen language:
- the page's language counts when the page changes it (the Cymraeg/English switch), not on every message;
- an explicit request ("Cymraeg", "in English please", the switch button) is always obeyed;
- a message written in Welsh is answered in Welsh, whatever the page said: the university answers Welsh in Welsh
  (Welsh Language Standards); English writing never switches a Welsh conversation back, only a request does;
- a greeting, "ok" or a course name decides nothing (bot.nlp.language).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.session import supported_language
from bot.nlp.language import WELSH, is_clearly_welsh, named_language, requested_language

DomainDict = Dict[Text, Any]
SWITCH_INTENT = "switch_language"


def wanted_language(message: Dict[str, Any]) -> Optional[str]:
    """The language the message explicitly asks for (its words, the switch button's entity), or None."""
    text = message.get("text") or ""
    for entity in message.get("entities") or []:
        if entity.get("entity") == "language" and supported_language(entity.get("value")):
            return supported_language(entity.get("value"))
    if (message.get("intent") or {}).get("name") == SWITCH_INTENT:
        return requested_language(text) or named_language(text)
    return requested_language(text)


def language_events(message: Dict[str, Any], language: Any, page_language: Any) -> List[Dict[Text, Any]]:
    """The slot events that set this turn's language (none when it stays as it is)."""
    events: List[Dict[Text, Any]] = []
    current = supported_language(language)
    page = supported_language((message.get("metadata") or {}).get("language"))
    if page and page != supported_language(page_language):
        events.append(SlotSet("page_language", page))
        current = page
    wanted = wanted_language(message)
    if wanted:
        current = wanted
    elif current != WELSH and is_clearly_welsh(message.get("text") or ""):
        current = WELSH
    if current and current != supported_language(language):
        events.append(SlotSet("language", current))
    return events


class ActionChooseLanguage(Action):
    """Set the `language` slot for this turn (run by Rasa's slot extraction after every user message)."""

    def name(self) -> Text:
        return "action_choose_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        return language_events(tracker.latest_message, tracker.get_slot("language"), tracker.get_slot("page_language"))
