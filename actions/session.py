"""The session-start action: runs in the action server at the start of every conversation.

A new session on the same conversation id may be a different person (the widget keeps the id in the browser;
Rasa starts a new session after an idle hour), so nothing of the previous session's person is carried over:
only the reply language, which says nothing about who was talking (the page's language wins when it sends one).
This is deliberately narrower than domain.yml's `carry_over_slots_to_new_session: true`, which would copy every
slot, including the enquiry form's name and email and what was asked about; that flag now only decides whether
the previous language is kept.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

DomainDict = Dict[Text, Any]
SUPPORTED_LANGUAGES = ("en", "cy")
DEFAULT_LANGUAGE = "en"


def language_from_metadata(metadata: Dict[str, Any]) -> str:
    """The page's language ("en", "cy") if the channel sent a supported one, else English."""
    return supported_language(metadata.get("language")) or DEFAULT_LANGUAGE


def supported_language(language: Any) -> Optional[str]:
    """A supported language code from "cy", "CY-gb", "cymraeg"...; None for anything else."""
    code = str(language or "").lower()[:2]
    return code if code in SUPPORTED_LANGUAGES else None


def session_language(metadata: Dict[str, Any], previous: Any) -> str:
    """The new session's language: the page's, else the previous session's (it says nothing of who), else English."""
    if supported_language(metadata.get("language")) is None and supported_language(previous) is not None:
        return str(supported_language(previous))
    return language_from_metadata(metadata)


class ActionSessionStart(Action):
    """Start a session keeping nothing personal: only the reply language, from the channel's metadata or before."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        metadata = tracker.get_slot("session_started_metadata") or {}
        carry_over = domain.get("session_config", {}).get("carry_over_slots_to_new_session", True)
        previous = tracker.get_slot("language") if carry_over else None
        events: List[Dict[Text, Any]] = [SessionStarted(), SlotSet("language", session_language(metadata, previous))]
        events.append(SlotSet("page_language", supported_language(metadata.get("language"))))
        events.append(ActionExecuted("action_listen"))
        return events
