"""Answering one or several questions in a turn, with their sources, and remembering what the conversation is about.

Every action that answers a topic of the page or the catalogue is an `AnsweringAction`. It answers each question
of the message in order (the `question` entities of bot.rasa_server.several_questions; one question when there
are none) through the topic answerers of `actions.topics`, sends each answer's page quotes as a `sources`
payload, and sets the `topic` and `course` slots so that a short follow-up can be answered in context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import MAX_ECHO, catalogue_or_apology, in_thread, logger, say
from actions.services import Services, current
from bot.answers import Reply
from bot.answers.texts import reply_language
from bot.nlp.names import resolve_course, resolve_set
from bot.rules.model import Course
from bot.rules.sources import sources_payload

DomainDict = Dict[Text, Any]
Events = List[Dict[Text, Any]]
QUESTION_ENTITY = "question"
TOPIC_SLOT = "topic"
COURSE_SLOT = "course"
SET_SLOT = "course_set"
# "that one", "it", "this course": the message leans on the course talked about before.
_REFERS_BACK = re.compile(
    r"\b(?:that|this|the\s+same)\s+(?:one|course|module|microcredential|micro-credential)\b|\bit\b"
    r"|\b(?:honno|hwnnw|hwnna|honna|hwn|hon|yr\s+un\s+(?:yna|na|hwnnw|honno|hwnna|yma))\b"
    r"|\b(?:un|cwrs|gwrs|modiwl|fodiwl|microgymhwyster|ficrogymhwyster)\s*['\u2019](?:na|ma)\b|\b(?:e|fe|fo)\b(?![-.]\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Question:
    """One question of a message: the intent it asks and where it sits in the text."""

    intent: str
    text: str
    start: int = 0
    end: int = 1_000_000


@dataclass
class Turn:
    """What an answerer needs: the question, the conversation, the services and a place for the answer."""

    question: Question
    tracker: Tracker
    dispatcher: CollectingDispatcher
    services: Services
    course_hint: Optional[str] = None  # a course code the answer should be about (follow-ups)
    set_hint: Optional[str] = None  # a set code the answer should be about (follow-ups)
    answered: bool = True  # False when the answer could not be given (an apology was sent instead)
    answered_course: Optional[str] = field(default=None)
    answered_set: Optional[str] = field(default=None)
    _courses: Optional[Tuple[Course, ...]] = field(default=None)

    @property
    def language(self) -> str:
        """The reply language of this turn ("en" or "cy", from the `language` slot)."""
        return reply_language(self.tracker.get_slot("language"))

    def say(self, reply: Reply) -> None:
        """Send a composed reply."""
        say(self.dispatcher, reply)

    def utter(self, response: str) -> None:
        """Send a response of domain.yml (its language variations included)."""
        self.dispatcher.utter_message(response=response)

    def cite(self, topic: str) -> None:
        """Send the page's sentences behind this topic's answer, for the widget's source disclosure."""
        quotes = self.services.sources.get(topic)
        if quotes:
            self.dispatcher.utter_message(json_message=sources_payload(quotes))

    async def courses(self) -> Optional[Tuple[Course, ...]]:
        """The catalogue (None after an apology when the store is down), read once per turn."""
        if self._courses is None:
            self._courses = await catalogue_or_apology(self.dispatcher, self.services, self.language)
            self.answered = self._courses is not None
        return self._courses

    async def quiet_courses(self) -> Optional[Tuple[Course, ...]]:
        """The catalogue, or None without an apology (for answers that are complete without it)."""
        if self._courses is None:
            try:
                self._courses = await in_thread(self.services.store.catalogue)
            except Exception:
                logger.exception("could not read the catalogue")
                return None
        return self._courses

    def entity_values(self, name: str) -> List[str]:
        """Values of an entity inside this question's part of the message, in order, without repeats."""
        values: List[str] = []
        for entity in self.tracker.latest_message.get("entities") or []:
            if entity.get("entity") != name or not isinstance(entity.get("value"), str):
                continue
            start = entity.get("start", self.question.start)
            if self.question.start <= start < self.question.end and entity["value"] not in values:
                values.append(entity["value"][:200])
        return values

    def refers_back(self) -> bool:
        """Whether the question leans on the course talked about before ("is that one bookable?")."""
        return bool(_REFERS_BACK.search(self.question.text))

    def named_course(self, courses: Tuple[Course, ...]) -> Tuple[Optional[Course], Optional[str]]:
        """The course this question names (or the follow-up's), and a raw name that is not in the catalogue."""
        names = self.entity_values("course")
        for name in names:
            course = resolve_course(name, courses)
            if course is not None:
                return course, None
        if names:
            return None, names[0][:MAX_ECHO]
        hint = self.course_hint or (self.tracker.get_slot(COURSE_SLOT) if self.refers_back() else None)
        return next((course for course in courses if course.code == hint), None), None

    def named_set(self, courses: Tuple[Course, ...]) -> Optional[Tuple[str, str]]:
        """The (code, name) of the set this question names, if any (or the follow-up's)."""
        for name in self.entity_values("course_set"):
            found = resolve_set(name, courses)
            if found is not None:
                return found
        if self.set_hint is not None:
            return next(((c.set_code, c.set_name) for c in courses if c.set_code == self.set_hint), None)
        return None


Answerer = Callable[[Turn], Awaitable[None]]


def questions_of(tracker: Tracker, fallback_intent: str) -> List[Question]:
    """The questions the latest message asks, in order: its `question` entities, else its one intent."""
    message = tracker.latest_message
    text = message.get("text") or ""
    listed = [e for e in message.get("entities") or [] if e.get("entity") == QUESTION_ENTITY]
    questions = [
        Question(str(e["value"]), text[e.get("start", 0) : e.get("end", len(text))], e.get("start", 0), e.get("end", 0))
        for e in sorted(listed, key=lambda e: e.get("start", 0))
        if isinstance(e.get("value"), str)
    ]
    if len(questions) >= 2:
        return questions
    intent = (message.get("intent") or {}).get("name") or fallback_intent
    return [Question(intent, text, 0, len(text) + 1)]


def context_events(turn: Turn) -> Events:
    """Slots that remember what the last answer was about (nothing after an apology)."""
    if not turn.answered:
        return []
    events: Events = [SlotSet(TOPIC_SLOT, turn.question.intent)]
    if turn.answered_course is not None:
        events.append(SlotSet(COURSE_SLOT, turn.answered_course))
    if turn.answered_set is not None:
        events.append(SlotSet(SET_SLOT, turn.answered_set))
    return events


async def answer(turns: List[Turn]) -> Events:
    """Answer each question in order and return the slots that keep the context."""
    from actions.topics import answerer_for  # the topic modules import this one

    events: Events = []
    for turn in turns:
        await answerer_for(turn.question.intent)(turn)
        events += context_events(turn)
    return events


class AnsweringAction(Action):
    """Answer every question of the message (see the module's docstring); `intent` is the action's own topic."""

    action_name = ""
    intent = ""

    def name(self) -> Text:
        return self.action_name

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Events:
        from actions.topics import answers

        questions = questions_of(tracker, self.intent)
        if len(questions) == 1 and self.intent:  # one question: this action's own topic, whatever the intent
            questions = [Question(self.intent, questions[0].text, questions[0].start, questions[0].end)]
        services = current()
        return await answer([Turn(q, tracker, dispatcher, services) for q in questions if answers(q.intent)])
