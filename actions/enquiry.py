"""Leave a question for the team: the enquiry form, stored durably before any reference is given."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import in_thread, logger, say
from actions.services import Services, current
from bot.answers import enquiry_form as form
from bot.answers.texts import reply_language
from bot.nlp import form_replies as checks

SLOTS = ("enquiry_name", "enquiry_email", "enquiry_question", "enquiry_consent", "enquiry_cancelled")
REQUIRED = ["enquiry_name", "enquiry_email", "enquiry_question", "enquiry_consent"]


def _text(tracker: Tracker) -> str:
    """The user's latest message."""
    return tracker.latest_message.get("text") or ""


def _language(tracker: Tracker) -> Any:
    """The conversation's language (the replies are English when it is not yet known)."""
    return tracker.get_slot("language")


class ActionOfferEnquiry(Action):
    """The enquiry route and the offer to take the question in the chat."""

    def name(self) -> Text:
        return "action_enquire"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        say(dispatcher, form.offer(current().policy, _language(tracker)))
        return []


class ActionAskEnquiryConsent(Action):
    """Ask for consent, with the privacy notice from the policy."""

    def name(self) -> Text:
        return "action_ask_enquiry_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        say(dispatcher, form.ask_consent(current().policy, _language(tracker)))
        return []


class ValidateEnquiryForm(FormValidationAction):
    """Check each answer; 'cancel' at any point leaves the form and keeps nothing."""

    def name(self) -> Text:
        return "validate_enquiry_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        # Once cancelled, or consent refused, only that (already filled) slot is required: the form ends.
        if tracker.get_slot("enquiry_cancelled"):
            return ["enquiry_cancelled"]
        if tracker.get_slot("enquiry_consent") is False:
            return ["enquiry_consent"]
        return REQUIRED

    def _answer(self, slot: Text, tracker: Tracker) -> Dict[Text, Any]:
        """The raw answer to the requested slot, or a cancellation."""
        if tracker.get_slot("requested_slot") != slot:
            return {}
        if checks.is_cancel(_text(tracker)):
            return {"enquiry_cancelled": True}
        return {slot: _text(tracker)}

    async def extract_enquiry_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._answer("enquiry_name", tracker)

    async def extract_enquiry_email(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._answer("enquiry_email", tracker)

    async def extract_enquiry_question(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._answer("enquiry_question", tracker)

    async def extract_enquiry_consent(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        answer = self._answer("enquiry_consent", tracker)
        if "enquiry_consent" in answer:
            return {"enquiry_consent": checks.consent_answer(answer["enquiry_consent"])}
        return answer

    def _checked(
        self, slot: Text, value: Optional[Any], dispatcher: CollectingDispatcher, retry: Text
    ) -> Dict[Text, Any]:
        """Keep a valid value; otherwise explain and ask again."""
        if value is None:
            dispatcher.utter_message(response=retry)
        return {slot: value}

    async def validate_enquiry_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._checked("enquiry_name", checks.valid_name(str(value)), dispatcher, "utter_enquiry_bad_name")

    async def validate_enquiry_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._checked("enquiry_email", checks.valid_email(str(value)), dispatcher, "utter_enquiry_bad_email")

    async def validate_enquiry_question(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._checked(
            "enquiry_question", checks.valid_question(str(value)), dispatcher, "utter_enquiry_bad_question"
        )

    async def validate_enquiry_cancelled(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return {"enquiry_cancelled": bool(value)}

    async def validate_enquiry_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if value is None:
            dispatcher.utter_message(response="utter_enquiry_yes_or_no")
        return {"enquiry_consent": value}


class ActionSubmitEnquiry(Action):
    """Store the enquiry; give a reference only once the database has committed it."""

    def name(self) -> Text:
        return "action_submit_enquiry"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        clear = [SlotSet(slot, None) for slot in SLOTS]
        language = _language(tracker)
        if tracker.get_slot("enquiry_cancelled"):
            say(dispatcher, form.cancelled(language))
            return clear
        services = current()
        if tracker.get_slot("enquiry_consent") is not True:
            say(dispatcher, form.no_consent(services.policy, language))
            return clear
        name, email = tracker.get_slot("enquiry_name"), tracker.get_slot("enquiry_email")
        question = tracker.get_slot("enquiry_question")
        try:
            enquiry_id = await in_thread(
                _store_enquiry, services, name, email, question, tracker.sender_id, reply_language(language)
            )
        except Exception:
            logger.exception("an enquiry could not be stored")
            say(dispatcher, form.not_saved(services.policy, language))
            return clear
        say(dispatcher, form.saved(form.reference(enquiry_id), name, email, language))
        return clear


def _store_enquiry(
    services: Services, name: str, email: str, question: str, conversation_id: str, language: str
) -> int:
    """Commit the enquiry with the conversation's language ("en" or "cy") and return its id (raises if not stored).

    The language is kept so the team can reply in it (Welsh Language Standards, Standard 2).
    """
    return services.store.add_enquiry(
        name=name, email=email, question=question, consent=True, conversation_id=conversation_id, language=language
    )
