"""The NLU component that lists the several questions of one message, trained and loaded as Rasa does."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_server.several_questions import SeveralQuestions

EXAMPLES = {
    "ask_duration": ["how long does it take", "how many weeks is a course", "duration of each one", "how long is it"],
    "ask_format": ["is it online", "is it all online", "do I need to come to campus", "is it self paced"],
    "ask_cost": ["how much does it cost", "what is the price", "how much are they", "fees please"],
    "calc_deduction": ["I did two with credits and one without", "what comes off if I upgrade after 3 courses"],
    "greet": ["hello", "hi there", "good morning", "hiya"],
}
CONFIG = {
    "answerable": ["ask_duration", "ask_format", "ask_cost"],
    "replaceable": ["greet", "nlu_fallback"],
    "threshold": 0.3,
}


@pytest.fixture(scope="module")
def component(tmp_path_factory) -> SeveralQuestions:
    """A component trained on a few examples, persisted, then loaded from the model storage."""
    storage = LocalModelStorage(Path(tmp_path_factory.mktemp("storage")))
    resource = Resource("several_questions")
    context = ExecutionContext(GraphSchema({}), "test")
    trained = SeveralQuestions.create(CONFIG, storage, resource, context)
    messages = [Message(data={"text": t, "intent": i}) for i, texts in EXAMPLES.items() for t in texts]
    trained.train(TrainingData(messages))
    return SeveralQuestions.load(CONFIG, storage, resource, context)


def parsed(component: SeveralQuestions, text: str, intent: str) -> Message:
    """A message as the classifier left it, then processed by the component."""
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []})
    return component.process([message])[0]


def questions(message: Message) -> list:
    return [
        (e["value"], message.get("text")[e["start"] : e["end"]])
        for e in message.get("entities")
        if e["entity"] == "question"
    ]


def test_two_questions_in_one_message_become_two_question_entities_in_order(component):
    message = parsed(component, "how long is it and is it all online?", "ask_duration")
    assert questions(message) == [("ask_duration", "how long is it"), ("ask_format", "is it all online")]
    assert message.get("intent")["name"] == "ask_duration"


def test_a_message_with_one_question_is_left_as_the_classifier_saw_it(component):
    message = parsed(component, "how long does it take?", "ask_duration")
    assert questions(message) == [] and message.get("intent")["name"] == "ask_duration"


def test_a_greeting_intent_asking_two_questions_is_routed_by_the_first(component):
    message = parsed(component, "hi! how much are they, is it online", "greet")
    assert [intent for intent, _ in questions(message)] == ["ask_cost", "ask_format"]
    assert message.get("intent")["name"] == "ask_cost"


def test_a_calculation_is_never_split_into_questions(component):
    message = parsed(component, "how much does it cost and how long does it take", "calc_deduction")
    assert questions(message) == [] and message.get("intent")["name"] == "calc_deduction"


def test_the_same_question_asked_twice_is_answered_once(component):
    message = parsed(component, "how long is it? how many weeks is a course?", "ask_duration")
    assert questions(message) == []


def test_an_untrained_component_splits_nothing(tmp_path):
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    loaded = SeveralQuestions.load(CONFIG, storage, Resource("missing"), context)
    assert questions(parsed(loaded, "how long is it and is it online", "ask_duration")) == []
