"""The session-start action: runs in the action server at the start of every conversation.

A new session on the same conversation id may be a different person (the widget keeps the id in the browser;
Rasa starts a new session after an idle hour), so nothing of the previous session's person is carried over:
only the slots named in CARRIED_OVER, which say nothing about who was talking (the reply language). This is
deliberately narrower than domain.yml's `carry_over_slots_to_new_session: true`, which would copy every slot,
including the enquiry form's name and email and what was asked about; that flag now only switches the
allow-list on or off.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

DomainDict = Dict[Text, Any]
SUPPORTED_LANGUAGES = ("en", "cy")
DEFAULT_LANGUAGE = "en"
# The only slots a new session keeps: none is personal (no enquiry answers, no figures, no topics asked about).
CARRIED_OVER = ("language",)


def language_from_metadata(metadata: Dict[str, Any]) -> str:
    """The page's language ("en", "cy") if the channel sent a supported one, else English."""
    language = str(metadata.get("language", "")).lower()[:2]
    return language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def carried_over(tracker: Tracker, domain: DomainDict) -> List[Dict[Text, Any]]:
    """SlotSet events for the non-personal slots of CARRIED_OVER, when the domain carries slots over at all."""
    if not domain.get("session_config", {}).get("carry_over_slots_to_new_session", True):
        return []
    values = tracker.current_slot_values()
    return [SlotSet(name, values[name]) for name in CARRIED_OVER if values.get(name) is not None]


class ActionSessionStart(Action):
    """Start a session, keep only non-personal slots, and set the reply language from the channel's metadata."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        events: List[Dict[Text, Any]] = [SessionStarted(), *carried_over(tracker, domain)]
        metadata = tracker.get_slot("session_started_metadata") or {}
        events.append(SlotSet("language", language_from_metadata(metadata)))
        events.append(ActionExecuted("action_listen"))
        return events
