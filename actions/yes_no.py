"""A "yes" that is not the answer to a form's question: accept the offer the last reply made, if it made one.

An answer that covers several questions can end one of them with the offer to pass a question to the team (Yes/No
buttons). The rules only see the action that ran, so this action looks at the last reply itself: when it offered
(a button sending /affirm), "yes" starts the enquiry form; otherwise it asks what else the user would like to know.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

DomainDict = Dict[Text, Any]
YES_PAYLOAD = "/affirm"


def last_reply_offered(tracker: Tracker) -> bool:
    """Whether the assistant's reply to the previous message offered a yes/no choice."""
    users_seen = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users_seen += 1
            if users_seen == 2:
                return False
        elif event.get("event") == "bot" and users_seen == 1:
            buttons = (event.get("data") or {}).get("buttons") or []
            if any(isinstance(b, dict) and b.get("payload") == YES_PAYLOAD for b in buttons):
                return True
    return False


class ActionAffirm(Action):
    """ "Yes" on its own: accept the last reply's offer, or ask what else the user would like to know."""

    def name(self) -> Text:
        return "action_affirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        if last_reply_offered(tracker):
            return [FollowupAction("enquiry_form")]
        dispatcher.utter_message(response="utter_anything_else")
        return []
