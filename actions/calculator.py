"""The calculator anyone can use without signing in: upgrade deduction and top-up from numbers of courses."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import say
from actions.services import current
from bot.answers.calculator import deduction_reply, top_up_reply
from bot.nlp.calculator_text import DEDUCTION, MAX_COURSES, TOPUP, read_calculator_facts, starting_counts
from bot.nlp.numbers import parse_count

DomainDict = Dict[Text, Any]
CREDIT_SLOT = "calc_credit_count"
LEARNING_SLOT = "calc_learning_count"
ANSWER_INTENTS = {"inform", "nlu_fallback", "affirm", "deny", "calc_deduction", "calc_topup"}


def _as_count(value: Any) -> Optional[int]:
    """A slot value as a whole number of courses."""
    return None if value is None else int(value)


class ActionStartCalculator(Action):
    """Choose the calculation from the intent and keep whatever counts the question already gave."""

    def name(self) -> Text:
        return "action_start_calculator"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        mode = TOPUP if intent == "calc_topup" else DEDUCTION
        counts = starting_counts(mode, read_calculator_facts(tracker.latest_message.get("text") or ""))
        return [
            SlotSet("calc_mode", mode),
            SlotSet(CREDIT_SLOT, _bounded(counts.with_credits)),
            SlotSet(LEARNING_SLOT, _bounded(counts.learning_only)),
        ]


def _bounded(count: Optional[int]) -> Optional[float]:
    """Keep a count only when it is sensible; otherwise the form asks for it."""
    return float(count) if count is not None and 0 <= count <= MAX_COURSES else None


class ValidateCalculatorForm(FormValidationAction):
    """Read counts typed as digits or words; ask only for what is still missing."""

    def name(self) -> Text:
        return "validate_calculator_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        if tracker.get_slot("calc_mode") == TOPUP:
            return [LEARNING_SLOT]
        return domain_slots

    def _count_from_answer(self, slot: Text, tracker: Tracker) -> Dict[Text, Any]:
        """The requested count from the user's answer.

        No number in an answer-like message: an empty value, which validation explains before asking again. No number in another question (say
        "how much does it cost?"): extract nothing, so the question is answered and the form resumes after.
        """
        if tracker.get_slot("requested_slot") != slot:
            return {}
        count = parse_count(tracker.latest_message.get("text") or "")
        if count is not None:
            return {slot: float(count)}
        if (tracker.latest_message.get("intent") or {}).get("name") in ANSWER_INTENTS:
            return {slot: None}  # validation explains and the form asks again
        return {}

    async def extract_calc_credit_count(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._count_from_answer(CREDIT_SLOT, tracker)

    async def extract_calc_learning_count(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._count_from_answer(LEARNING_SLOT, tracker)

    def _validate_count(self, slot: Text, value: Any, dispatcher: CollectingDispatcher) -> Dict[Text, Any]:
        """Accept 0..MAX_COURSES; otherwise explain and ask again."""
        count = _as_count(value)
        if count is None or count < 0:
            dispatcher.utter_message(response="utter_calc_not_a_number")
            return {slot: None}
        if count > MAX_COURSES:
            dispatcher.utter_message(response="utter_calc_too_many")
            return {slot: None}
        return {slot: float(count)}

    async def validate_calc_credit_count(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._validate_count(CREDIT_SLOT, value, dispatcher)

    async def validate_calc_learning_count(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._validate_count(LEARNING_SLOT, value, dispatcher)


class ActionCalculatorResult(Action):
    """Answer with the arithmetic, then clear the calculator for next time."""

    def name(self) -> Text:
        return "action_calculator_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        learning_only = _as_count(tracker.get_slot(LEARNING_SLOT)) or 0
        if tracker.get_slot("calc_mode") == TOPUP:
            say(dispatcher, top_up_reply(current().policy, learning_only))
        else:
            with_credits = _as_count(tracker.get_slot(CREDIT_SLOT)) or 0
            say(dispatcher, deduction_reply(current().policy, with_credits, learning_only))
        return [SlotSet("calc_mode", None), SlotSet(CREDIT_SLOT, None), SlotSet(LEARNING_SLOT, None)]
