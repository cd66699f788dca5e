"""The enquiry team's inbox in the chat widget: only for a verified staff token, re-checked every turn."""

from __future__ import annotations

import abc
import re
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import in_thread, logger, say
from actions.identity import current_claims
from actions.services import Services, current
from bot.answers import Reply
from bot.answers import enquiries as answers
from bot.answers.contact import not_understood, service_unavailable
from bot.nlp.staff import looks_like_staff_request
from bot.store import Enquiry

DomainDict = Dict[Text, Any]
_NUMBER = re.compile(r"\b(\d{1,9})\b")


def enquiry_number(tracker: Tracker) -> Optional[int]:
    """The enquiry number typed in the latest message ("show enquiry 12")."""
    match = _NUMBER.search(tracker.latest_message.get("text") or "")
    return int(match.group(1)) if match else None


class StaffAction(Action, metaclass=abc.ABCMeta):
    """Refuse anyone without a staff token; apologise if the database cannot be reached."""

    @abc.abstractmethod
    async def answer(self, services: Services, tracker: Tracker, staff_id: str) -> Reply:
        """The reply for a verified member of staff, in the conversation's language (`tracker.get_slot("language")`)."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        services = current()
        language = tracker.get_slot("language")
        claims = current_claims(tracker, services.identity)
        if claims is None or not claims.is_staff:
            if looks_like_staff_request(tracker.latest_message.get("text") or ""):
                say(dispatcher, answers.staff_only(language))
            else:  # a learner's question misread as a staff request: never refuse it as staff-only
                say(dispatcher, not_understood(services.policy, language))
            return []
        try:
            say(dispatcher, await self.answer(services, tracker, claims.sub))
        except Exception:
            logger.exception("enquiry inbox unavailable")
            say(dispatcher, service_unavailable(services.policy, language))
        return []


class ActionStaffEnquiries(StaffAction):
    """List new enquiries."""

    def name(self) -> Text:
        return "action_staff_enquiries"

    async def answer(self, services: Services, tracker: Tracker, staff_id: str) -> Reply:
        enquiries, total = await in_thread(_new_enquiries, services)
        return answers.inbox(enquiries, total, tracker.get_slot("language"))


def _new_enquiries(services: Services) -> Tuple[Tuple[Enquiry, ...], int]:
    """The newest new enquiries and how many new ones there are in all."""
    records = services.store
    return records.enquiries("new", limit=answers.MAX_LISTED), records.count_enquiries("new")


class ActionStaffEnquiry(StaffAction):
    """Show one enquiry."""

    def name(self) -> Text:
        return "action_staff_enquiry"

    async def answer(self, services: Services, tracker: Tracker, staff_id: str) -> Reply:
        language = tracker.get_slot("language")
        number = enquiry_number(tracker)
        if number is None:
            return answers.need_number(language)
        enquiry = await in_thread(_enquiry, services, number)
        return answers.detail(enquiry, language) if enquiry is not None else answers.not_found(number, language)


class ActionStaffMarkHandled(StaffAction):
    """Mark an enquiry handled by the signed-in member of staff."""

    def name(self) -> Text:
        return "action_staff_mark_handled"

    async def answer(self, services: Services, tracker: Tracker, staff_id: str) -> Reply:
        language = tracker.get_slot("language")
        number = enquiry_number(tracker)
        if number is None:
            return answers.need_number(language)
        enquiry = await in_thread(_mark_handled, services, number, staff_id)
        return answers.marked(enquiry, language) if enquiry is not None else answers.not_found(number, language)


def _enquiry(services: Services, number: int) -> Optional[Enquiry]:
    """One enquiry by number, or None."""
    return services.store.enquiry(number)


def _mark_handled(services: Services, number: int, staff_id: str) -> Optional[Enquiry]:
    """Mark an enquiry handled by this member of staff; the enquiry as it now is, or None."""
    return services.store.mark_enquiry_handled(number, staff_id)
