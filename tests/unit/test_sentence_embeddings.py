"""The sentence-embedding featurizer: one normalised multilingual vector per message, from the bundled model."""

from __future__ import annotations

from typing import Any, Dict

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_server.sentence_embeddings import SentenceEmbeddings


def featurizer(**config: Any) -> SentenceEmbeddings:
    """The component as Rasa builds it."""
    settings: Dict[str, Any] = {**SentenceEmbeddings.get_default_config(), **config}
    context = ExecutionContext(GraphSchema({}), node_name="sentence_embeddings")
    return SentenceEmbeddings.create(settings, None, None, context)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def component() -> SentenceEmbeddings:
    return featurizer()


def sentence_vector(message: Message) -> np.ndarray:
    """The message's dense sentence feature."""
    _, sentence = message.get_dense_features(TEXT)
    assert sentence is not None
    return sentence.features[0]


def test_every_message_with_text_gets_one_sentence_vector_of_the_scaled_length(component):
    messages = [Message({TEXT: "how much does a microcredential cost?"}), Message({TEXT: "faint mae'n gostio?"})]
    component.process(messages)
    for message in messages:
        vector = sentence_vector(message)
        assert vector.shape == (384,)
        assert np.linalg.norm(vector) == pytest.approx(component.scale, rel=1e-3)


def test_a_message_without_text_is_left_alone(component):
    message = Message({"intent": "greet"})
    component.process([message])
    assert message.features == []


def test_training_examples_are_featurized_too(component):
    data = TrainingData([Message({TEXT: "what are microcredentials", "intent": "ask_what_are"})])
    component.process_training_data(data)
    assert sentence_vector(data.training_examples[0]).shape == (384,)


def test_the_same_text_always_gets_the_same_vector_and_another_text_another(component):
    first, again, other = component.embed(["can I get a refund?", "can I get a refund?", "oes modd cael ad-daliad?"])
    assert np.array_equal(first, again)  # training and answers are reproducible
    assert not np.allclose(first, other)


@pytest.mark.parametrize("config", [{"scale": 0}, {"batch_size": 0}])
def test_a_scale_or_batch_size_that_is_not_positive_is_refused(config):
    with pytest.raises(ValueError):
        featurizer(**config)
