"""Personal answers: a signed-in learner's own record, or any learner's for staff (token checked every turn)."""

from __future__ import annotations

import abc
from dataclasses import dataclass
from datetime import date
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import in_thread, logger, say
from actions.identity import current_claims, learner_named_in_text
from actions.services import Services, current
from bot.answers import Reply, personal
from bot.answers.contact import service_unavailable
from bot.answers.personal import Voice
from bot.nlp.personal import looks_personal
from bot.rules.model import Course, Learner
from bot.rules.policy import Policy

DomainDict = Dict[Text, Any]


@dataclass(frozen=True)
class Asked:
    """What a personal answer is composed from: the policy, the learner and catalogue, who is asking, the day."""

    policy: Policy
    learner: Learner
    catalogue: Sequence[Course]
    voice: Voice
    today: date
    language: Any = None


class PersonalAction(Action, metaclass=abc.ABCMeta):
    """The personal part of an answer: verify who is asking (every turn), then answer about that learner only.

    The rules run these after the general answer to the same question (e.g. utter_credits, then
    action_my_credits). Anonymous users asking about themselves are told to sign in; a signed-in learner gets
    their own figures; staff get the figures of the learner they name by id or email.
    """

    action_name = ""
    always_personal = False  # True where there is no general answer to add to (e.g. "what am I enrolled on")

    def name(self) -> Text:
        return self.action_name

    @abc.abstractmethod
    def compose(self, asked: Asked) -> Reply:
        """The answer for this action (each subclass implements one), in the conversation's language."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        services = current()
        language = tracker.get_slot("language")
        claims = current_claims(tracker, services.identity)
        asks_about_self = self.always_personal or looks_personal(tracker.latest_message.get("text") or "")
        if claims is None:
            if asks_about_self:
                dispatcher.utter_message(response="utter_sign_in_needed")
            return []
        named = learner_named_in_text(tracker)
        if claims.is_staff and named is None:
            if self.always_personal:
                say(dispatcher, personal.which_learner(language))
            return []
        try:
            learner, catalogue = await in_thread(_load, services, claims.is_staff, claims.sub, named)
        except Exception:
            logger.exception("could not read a learner record")
            say(dispatcher, service_unavailable(services.policy, language))
            return []
        if learner is None:
            say(dispatcher, personal.not_found(claims.is_staff, language))
            return []
        voice = Voice.for_staff(learner) if claims.is_staff else Voice.for_learner()
        asked = Asked(services.policy, learner, catalogue, voice, services.today(), language)
        say(dispatcher, self.compose(asked))
        return []


def _load(
    services: Services, is_staff: bool, own_id: str, named: Optional[str]
) -> Tuple[Optional[Learner], Tuple[Course, ...]]:
    """The learner (own record, or the named one for staff) and the catalogue, in one worker thread."""
    records = services.store
    if is_staff:
        learner = records.find_learner(named) if named is not None else None
    else:
        learner = records.learner(own_id)
    return learner, (records.catalogue() if learner is not None else ())


class ActionMyEnrolments(PersonalAction):
    """What the learner is enrolled on."""

    action_name = "action_my_enrolments"
    always_personal = True

    def compose(self, asked: Asked) -> Reply:
        return personal.enrolments(asked.policy, asked.learner, asked.voice, asked.language)


class ActionMyCredits(PersonalAction):
    """Credits earned."""

    action_name = "action_my_credits"

    def compose(self, asked: Asked) -> Reply:
        return personal.credits(asked.policy, asked.learner, asked.voice, asked.language)


class ActionMyExemption(PersonalAction):
    """Progress towards the exemption."""

    action_name = "action_my_exemption"

    def compose(self, asked: Asked) -> Reply:
        return personal.exemption(
            asked.policy, asked.learner, asked.catalogue, asked.voice, asked.today, asked.language
        )


class ActionMyDeduction(PersonalAction):
    """What an upgrade would deduct today."""

    action_name = "action_my_deduction"

    def compose(self, asked: Asked) -> Reply:
        return personal.deduction(asked.policy, asked.learner, asked.catalogue, asked.voice, asked.language)


class ActionMyTopUp(PersonalAction):
    """Top-up due."""

    action_name = "action_my_topup"

    def compose(self, asked: Asked) -> Reply:
        return personal.top_up(asked.policy, asked.learner, asked.voice, asked.language)


class ActionMyRegistration(PersonalAction):
    """Registration end and re-registration."""

    action_name = "action_my_registration"

    def compose(self, asked: Asked) -> Reply:
        return personal.registration(asked.policy, asked.learner, asked.voice, asked.today, asked.language)


class ActionMyAssessment(PersonalAction):
    """Final assessments, pass marks and results."""

    action_name = "action_my_assessment"

    def compose(self, asked: Asked) -> Reply:
        return personal.assessments(asked.policy, asked.learner, asked.voice, asked.language)
