"""The NLU data: enough varied examples per intent, and a held-out test set that really is held out."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data

ROOT = Path(__file__).resolve().parents[2]
MIN_TRAINING_EXAMPLES = 25
MIN_TEST_EXAMPLES = 8


def normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()


@pytest.fixture(scope="module")
def training():
    return load_data(str(ROOT / "data" / "nlu"))


@pytest.fixture(scope="module")
def held_out():
    return load_data(str(ROOT / "tests" / "nlu"))


@pytest.fixture(scope="module")
def domain_intents():
    intents = yaml.safe_load((ROOT / "domain.yml").read_text())["intents"]
    return {intent for intent in intents if intent != "nlu_fallback"}


def test_every_intent_has_enough_training_examples(training, domain_intents):
    counts = Counter(example.get("intent") for example in training.intent_examples)
    assert {intent for intent in domain_intents if counts[intent] < MIN_TRAINING_EXAMPLES} == set()


def test_every_intent_has_enough_held_out_examples(held_out, domain_intents):
    counts = Counter(example.get("intent") for example in held_out.intent_examples)
    assert {intent for intent in domain_intents if counts[intent] < MIN_TEST_EXAMPLES} == set()


def test_no_held_out_example_is_also_a_training_example(training, held_out):
    trained = {normalise(example.get("text")) for example in training.intent_examples}
    leaked = [example.get("text") for example in held_out.intent_examples if normalise(example.get("text")) in trained]
    assert leaked == []


def test_training_data_has_long_messages_fragments_and_british_spelling(training):
    texts = [example.get("text") for example in training.intent_examples]
    assert sum(len(text.split()) >= 15 for text in texts) >= 50
    assert sum(len(text.split()) <= 3 for text in texts) >= 100
    assert any(re.search(r"\b(enrol|programme|organisation|colour)\b", text, re.I) for text in texts)
