"""An NLU component that notices a message asking several questions and lists them, in order, as `question` entities.

It runs after the intent classifier (a documented Rasa seam: a custom graph component in config.yml). The message
is split into clauses (bot.nlp.clauses); each clause is classified by a small model of its own, trained on the same
examples (word and character n-grams, logistic regression, fixed seed). When at least two clauses ask different
answerable questions with confidence, each becomes a `question` entity whose value is the intent and whose span is
the clause, and the message's intent becomes the first question's: its rule answers it (a page topic's response
comes straight from domain.yml), then the answering action replies to the rest, in order, in the same turn. A message with one question is left exactly as the classifier saw it.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from bot.nlp.clauses import Clause, split_clauses

logger = logging.getLogger(__name__)
ENTITY = "question"
MODEL_FILE = "clauses.skops"
TRUSTED_PREFIXES = ("sklearn.", "numpy.", "scipy.", "builtins.")


def clause_model(seed: int) -> Pipeline:
    """Word and character n-grams into a regularised logistic regression (the same family as the main classifier)."""
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True)),
        ]
    )
    classifier = LogisticRegression(C=10.0, max_iter=2000, class_weight="balanced", random_state=seed)
    return Pipeline([("features", features), ("classifier", classifier)])


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SeveralQuestions(GraphComponent):
    """Find the several questions of one message (see the module's docstring)."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Answerable intents, the clause confidence needed, and the seed."""
        return {"answerable": [], "replaceable": [], "threshold": 0.5, "random_state": 20260901}

    def __init__(
        self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, model: Optional[Pipeline]
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._storage = model_storage
        self._resource = resource
        self._model = model
        self._answerable = frozenset(self.config["answerable"])
        self._replaceable = frozenset(self.config["replaceable"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SeveralQuestions":
        """An untrained component."""
        return cls(config, model_storage, resource, None)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the clause model on the intent examples and store it."""
        examples = [e for e in training_data.intent_examples if e.get("text") and e.get("intent")]
        if len({e.get("intent") for e in examples}) < 2:
            return self._resource
        model = clause_model(int(self.config["random_state"]))
        model.fit([e.get("text") for e in examples], [e.get("intent") for e in examples])
        self._model = model
        import skops.io as sio

        with self._storage.write_to(self._resource) as folder:
            sio.dump(model, folder / MODEL_FILE)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "SeveralQuestions":
        """The trained component; only scikit-learn and numpy types are trusted when reading the file."""
        import skops.io as sio

        try:
            with model_storage.read_from(resource) as folder:
                path = folder / MODEL_FILE
                types = sio.get_untrusted_types(file=path)
                untrusted = [name for name in types if not name.startswith(TRUSTED_PREFIXES)]
                if untrusted:
                    raise ValueError(f"untrusted types in the clause model: {untrusted}")
                model = sio.load(path, trusted=types)
        except (ValueError, FileNotFoundError):
            logger.warning("no clause model in this Rasa model: several questions in one message are not split")
            model = None
        return cls(config, model_storage, resource, model)

    def process(self, messages: List[Message]) -> List[Message]:
        """Mark the messages that ask several questions."""
        for message in messages:
            intent = (message.get("intent") or {}).get("name")
            if intent not in self._answerable and intent not in self._replaceable:
                continue  # a calculation, a staff request, a form answer...: not a list of questions
            questions = self.questions(message.get("text") or "")
            if len(questions) >= 2:
                self._mark(message, questions)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Nothing to add to training data."""
        return training_data

    def questions(self, text: str) -> List[Tuple[Clause, str, float]]:
        """(clause, intent, confidence) for each clause asking an answerable question, repeats merged."""
        clauses = split_clauses(text)
        if self._model is None or len(clauses) < 2:
            return []
        found: List[Tuple[Clause, str, float]] = []
        for clause, (intent, confidence) in zip(clauses, self._classify([c.text for c in clauses]), strict=False):
            if intent not in self._answerable or confidence < float(self.config["threshold"]):
                continue
            if any(intent == seen for _, seen, _ in found):
                continue
            found.append((clause, intent, confidence))
        return found

    def _classify(self, texts: Sequence[str]) -> List[Tuple[str, float]]:
        """The top intent and its probability for each clause."""
        assert self._model is not None
        probabilities = self._model.predict_proba(list(texts))
        labels = self._model.classes_
        return [(str(labels[row.argmax()]), float(row.max())) for row in probabilities]

    def _mark(self, message: Message, questions: List[Tuple[Clause, str, float]]) -> None:
        """Add one `question` entity per question and route the message by the first one."""
        entities = list(message.get("entities") or [])
        for clause, intent, confidence in questions:
            entities.append(
                {
                    "entity": ENTITY,
                    "value": intent,
                    "start": clause.start,
                    "end": clause.end,
                    "confidence_entity": round(confidence, 3),
                    "extractor": self.__class__.__name__,
                }
            )
        message.set("entities", entities, add_to_output=True)
        first_intent, first_confidence = questions[0][1], questions[0][2]
        message.set("intent", {"name": first_intent, "confidence": first_confidence}, add_to_output=True)
