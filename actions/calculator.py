"""The calculator anyone can use without signing in: upgrade deduction and top-up from numbers of courses (or a
spend), and quotes of what a number of courses would cost or earn in credits."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import TOPIC_SLOT
from actions.common import in_thread, say
from actions.services import Services, current
from bot.answers import Reply
from bot.answers.calculator import (
    deduction_reply,
    either_way_reply,
    quote_how_to_ask,
    quote_reply,
    spend_deduction_reply,
    top_up_reply,
)
from bot.nlp.calculator_text import (
    DEDUCTION,
    MAX_COURSES,
    TOPUP,
    CalculatorFacts,
    read_calculator_facts,
    starting_counts,
)
from bot.nlp.numbers import parse_count
from bot.nlp.quotes import Quote, leans_on_previous, quote_asked, quote_follow_up
from bot.rules.policy import Policy

logger = logging.getLogger(__name__)
DomainDict = Dict[Text, Any]
CREDIT_SLOT = "calc_credit_count"
LEARNING_SLOT = "calc_learning_count"
ANSWER_INTENTS = {"inform", "nlu_fallback", "affirm", "deny", "calc_deduction", "calc_topup"}
START_ACTION = "action_start_calculator"
UNREADABLE_ANSWERS_BEFORE_LEAVING = 2


def _as_count(value: Any) -> Optional[int]:
    """A slot value as a whole number of courses."""
    return None if value is None else int(value)


async def _set_names(services: Services) -> Tuple[str, ...]:
    """The catalogue's set names, so "plant breeding 1 and 2" counts as two courses (none if the store is down)."""
    try:
        courses = await in_thread(services.store.catalogue)
    except Exception as error:  # the calculator still works without the names
        logger.warning("calculator: could not read the catalogue's set names (%s)", error)
        return ()
    return tuple(dict.fromkeys(course.set_name for course in courses))


def _since_start(tracker: Tracker) -> List[Dict[Text, Any]]:
    """The events after the calculator last started (all of them if it never did)."""
    events = list(tracker.events)
    starts = [i for i, e in enumerate(events) if e.get("event") == "action" and e.get("name") == START_ACTION]
    return events[starts[-1] + 1 :] if starts else events


def _stated_spend(tracker: Tracker) -> Optional[int]:
    """Pence the learner said they spent, in the message that started the calculator or an answer since."""
    events = list(tracker.events)
    starts = [i for i, e in enumerate(events) if e.get("event") == "action" and e.get("name") == START_ACTION]
    opening = [i for i, e in enumerate(events[: starts[-1]]) if e.get("event") == "user"] if starts else []
    since = events[opening[-1] :] if opening else []
    policy = current().policy
    spends = [read_calculator_facts(e.get("text") or "", policy).spent for e in since if e.get("event") == "user"]
    return next((spent for spent in reversed(spends) if spent is not None), None)


def _answer_counts(text: str, mode: str, requested: Optional[str]) -> Dict[Text, float]:
    """Counts an answer gives: "2 with credits and 1 without" fills both; a bare "3" fills the slot asked for."""
    facts = read_calculator_facts(text, current().policy)
    if facts.spent is not None and mode == DEDUCTION:
        return {CREDIT_SLOT: 0.0, LEARNING_SLOT: 0.0}  # "I spent £350": the result works from the spend
    if any(count is not None for count in (facts.with_credits, facts.learning_only, facts.topped_up)):
        counts = starting_counts(mode, facts)
        found = {CREDIT_SLOT: counts.with_credits, LEARNING_SLOT: counts.learning_only}
        if mode == TOPUP:
            found = {LEARNING_SLOT: counts.learning_only}
        return {slot: float(count) for slot, count in found.items() if count is not None}
    count = parse_count(text)
    return {requested: float(count)} if count is not None and requested else {}


def _unreadable(event: Dict[Text, Any], mode: str) -> bool:
    """A user answer to the form with no count in it (a question asked meanwhile does not count)."""
    parse = event.get("parse_data") or {}
    intent = (parse.get("intent") or {}).get("name")
    return intent in ANSWER_INTENTS and not _answer_counts(event.get("text") or "", mode, LEARNING_SLOT)


def _has_given_up(tracker: Tracker) -> bool:
    """True when this answer is the second in which no number could be read: the calculator stops asking.

    The form must then set a slot as well as requested_slot, or Rasa would reject it for extracting nothing."""
    mode = tracker.get_slot("calc_mode") or DEDUCTION
    users = [e for e in _since_start(tracker) if e.get("event") == "user"]
    if not users or not _unreadable(users[-1], mode):
        return False
    return sum(_unreadable(e, mode) for e in users) >= UNREADABLE_ANSWERS_BEFORE_LEAVING


class ActionStartCalculator(Action):
    """Choose the calculation from the intent and keep whatever counts the question already gave."""

    def name(self) -> Text:
        return START_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        services = current()
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        mode = TOPUP if intent == "calc_topup" else DEDUCTION
        text = tracker.latest_message.get("text") or ""
        facts = read_calculator_facts(text, services.policy, await _set_names(services))
        counts = starting_counts(mode, facts)
        return [
            SlotSet("calc_mode", mode),
            SlotSet(CREDIT_SLOT, _bounded(counts.with_credits)),
            SlotSet(LEARNING_SLOT, _bounded(counts.learning_only)),
        ]


def _bounded(count: Optional[int]) -> Optional[float]:
    """Keep a count only when it is sensible; otherwise the form asks for it."""
    return float(count) if count is not None and 0 <= count <= MAX_COURSES else None


class ValidateCalculatorForm(FormValidationAction):
    """Read counts typed as digits or words; ask only for what is still missing; stop after two unreadable answers."""

    def name(self) -> Text:
        return "validate_calculator_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        if tracker.get_slot("calc_mode") == TOPUP:
            return [LEARNING_SLOT]
        return domain_slots

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        if _has_given_up(tracker):  # the form ends; action_calculator_result says how else to get the figure
            requested = tracker.get_slot("requested_slot") or LEARNING_SLOT
            return [SlotSet(requested, None), SlotSet("requested_slot", None)]
        return await super().run(dispatcher, tracker, domain)

    def _count_from_answer(self, slot: Text, tracker: Tracker) -> Dict[Text, Any]:
        """The count for this slot from the user's answer.

        No number in an answer-like message: an empty value for the slot asked, which validation explains before
        asking again. No number in another question (say "what's the top-up?"): extract nothing, so the question is
        answered and the form resumes after.
        """
        requested = tracker.get_slot("requested_slot")
        text = tracker.latest_message.get("text") or ""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent not in ANSWER_INTENTS and "?" in text:
            return {}  # a question asked meanwhile ("what's the top-up for 2?"): answered by its own rule
        found = _answer_counts(text, tracker.get_slot("calc_mode") or DEDUCTION, requested)
        if slot in found:
            return {slot: found[slot]}
        if requested != slot or found:
            return {}
        if intent in ANSWER_INTENTS:
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

    def _validate_count(
        self, slot: Text, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Dict[Text, Any]:
        """Accept 0..MAX_COURSES; otherwise explain and ask again.

        An empty value is explained only as the answer to this slot's question: when the form starts, the counts
        the opening message did not give are empty too, and the form simply asks for them.
        """
        count = _as_count(value)
        if count is None and tracker.get_slot("requested_slot") != slot:
            return {slot: None}
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
        return self._validate_count(CREDIT_SLOT, value, dispatcher, tracker)

    async def validate_calc_learning_count(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._validate_count(LEARNING_SLOT, value, dispatcher, tracker)


class ActionCalculatorResult(Action):
    """Answer with the arithmetic (or, if the form was left unanswered, say how else to get it); then clear."""

    def name(self) -> Text:
        return "action_calculator_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        policy = current().policy
        language = tracker.get_slot("language")
        learning_only = _as_count(tracker.get_slot(LEARNING_SLOT))
        with_credits = _as_count(tracker.get_slot(CREDIT_SLOT))
        topic: List[Dict[Text, Any]] = []
        if tracker.get_slot("calc_mode") == TOPUP:
            if learning_only is None:
                dispatcher.utter_message(response="utter_calc_leave")
            else:
                say(dispatcher, top_up_reply(policy, learning_only, language))
                topic = [SlotSet(TOPIC_SLOT, "calc_topup")]
        elif learning_only is None or with_credits is None:
            dispatcher.utter_message(response="utter_calc_leave")
        elif (spent := _stated_spend(tracker)) is not None:
            say(dispatcher, spend_deduction_reply(policy, spent, language))
        else:
            say(dispatcher, deduction_reply(policy, with_credits, learning_only, language))
        return [SlotSet("calc_mode", None), SlotSet(CREDIT_SLOT, None), SlotSet(LEARNING_SLOT, None), *topic]


QUOTE_TOPIC, QUOTE_SLOT = "calc_quote", "last_quote"  # the topic a quote sets, and the slot that keeps it


def _asked_quote(tracker: Tracker, facts: CalculatorFacts, text: str) -> Quote:
    """The quote this message asks for: on its own, or as a follow-up changing the previous quote (a follow-up
    intent, a message that reads as one, or a quote question naming no courses: "how many credits would that be?")."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    previous = Quote.from_slot(tracker.get_slot(QUOTE_SLOT)) if tracker.get_slot(TOPIC_SLOT) == QUOTE_TOPIC else None
    says_no_courses = all(
        count is None for count in (facts.total, facts.learning_only, facts.with_credits, facts.topped_up)
    )
    if previous is not None and (intent == "follow_up" or says_no_courses or leans_on_previous(text)):
        return quote_follow_up(previous, facts, text)
    return quote_asked(facts, text)


def _quote_reply(policy: Policy, quote: Quote, language: Any = None) -> Reply:
    """The quote's figures, in the conversation's language: by kind, or both prices for courses of either kind."""
    if quote.either_kind and quote.courses == quote.either_kind:
        return either_way_reply(policy, quote.courses, cost=quote.cost, credits=quote.credits, language=language)
    counts = (quote.learning_only, quote.with_credits + quote.either_kind, quote.topped_up)
    return quote_reply(policy, *counts, cost=quote.cost, credits=quote.credits, language=language)


class ActionCalcQuote(Action):
    """What a number of courses would cost, or earn in credits, with the arithmetic from the rule module; a
    follow-up ("and for 4?", "and without?") changes the previous quote."""

    def name(self) -> Text:
        return "action_calc_quote"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Dict[Text, Any]]:
        services = current()
        text = tracker.latest_message.get("text") or ""
        facts = read_calculator_facts(text, services.policy, await _set_names(services))
        quote = _asked_quote(tracker, facts, text)
        if not quote.courses:
            say(dispatcher, quote_how_to_ask(services.policy, tracker.get_slot("language")))
            return []
        if quote.courses > MAX_COURSES:
            dispatcher.utter_message(response="utter_calc_too_many")
            return []
        say(dispatcher, _quote_reply(services.policy, quote, tracker.get_slot("language")))
        return [SlotSet(TOPIC_SLOT, QUOTE_TOPIC), SlotSet(QUOTE_SLOT, quote.as_slot())]
