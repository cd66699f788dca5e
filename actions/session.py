"""The session-start action: runs in the action server at the start of every conversation."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

DomainDict = Dict[Text, Any]
SUPPORTED_LANGUAGES = ("en", "cy")
DEFAULT_LANGUAGE = "en"


def language_from_metadata(metadata: Dict[str, Any]) -> str:
    """The page's language ("en", "cy") if the channel sent a supported one, else English."""
    language = str(metadata.get("language", "")).lower()[:2]
    return language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


class ActionSessionStart(Action):
    """Start a session, carry slots over, and set the reply language from the channel's metadata."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        events: List[Dict[Text, Any]] = [SessionStarted()]
        if domain.get("session_config", {}).get("carry_over_slots_to_new_session", True):
            events.extend(
                SlotSet(name, value)
                for name, value in tracker.current_slot_values().items()
                if value is not None and name != "requested_slot"
            )
        metadata = tracker.get_slot("session_started_metadata") or {}
        events.append(SlotSet("language", language_from_metadata(metadata)))
        events.append(ActionExecuted("action_listen"))
        return events
