"""Every fee, percentage, week count and credit number a response states must be one the policy holds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest
import yaml

from bot.files.policy import get_policy
from bot.nlp.numbers import WORDS

DOMAIN = Path(__file__).resolve().parents[2] / "domain.yml"
NUMBER = (
    r"(\d[\d,]*(?:\.\d+)?|"
    + "|".join(
        w
        for w in WORDS
        if w.isalpha() and WORDS[w] > 0 and w not in {"a", "an", "single", "once", "twice", "both", "couple"}
    )
    + ")"
)
PATTERNS = {
    "money": re.compile(r"£\s?" + NUMBER),
    "percentage": re.compile(NUMBER + r"\s?(?:%|per ?cent)", re.I),
    "weeks": re.compile(NUMBER + r"[- ]weeks?", re.I),
    "credits": re.compile(NUMBER + r"[- ]credits?", re.I),
    "word count": re.compile(NUMBER + r"-word", re.I),
    "courses": re.compile(NUMBER + r" (?:courses|microcredentials|modules)", re.I),
}


def response_texts() -> Iterator[Tuple[str, str]]:
    """(response name, text) for every variation and button title in the domain."""
    domain = yaml.safe_load(DOMAIN.read_text())
    for name, variations in domain["responses"].items():
        for variation in variations:
            yield name, variation.get("text", "")
            for button in variation.get("buttons", []):
                yield name, button["title"]


def value_of(token: str) -> float:
    """A number written as digits or a word."""
    token = token.lower().replace(",", "")
    return float(WORDS[token]) if token in WORDS else float(token)


def stated_numbers(text: str) -> List[Tuple[str, float]]:
    """Every (kind, number) the text states with a unit."""
    return [(kind, value_of(m.group(1))) for kind, pattern in PATTERNS.items() for m in pattern.finditer(text)]


def test_the_extractor_finds_fees_percentages_weeks_and_credits():
    found = stated_numbers("£250, a pass mark of 70%, 8 weeks, 5 credits, a 1500-word report, four courses")
    assert found == [
        ("money", 250),
        ("percentage", 70),
        ("weeks", 8),
        ("credits", 5),
        ("word count", 1500),
        ("courses", 4),
    ]


def test_the_extractor_fails_on_a_number_the_policy_does_not_hold():
    allowed = get_policy().stated_numbers()
    assert any(value not in allowed for _, value in stated_numbers("only £99 for 6 weeks"))


@pytest.mark.parametrize("name,text", list(response_texts()))
def test_every_number_in_a_response_is_in_the_policy(name, text):
    allowed = get_policy().stated_numbers()
    wrong = [(kind, value) for kind, value in stated_numbers(text) if value not in allowed]
    assert not wrong, f"{name} states {wrong}, which bot/policy.yaml does not hold"


def test_the_cost_response_states_both_fees_and_the_top_up():
    policy = get_policy()
    cost = [text for name, text in response_texts() if name == "utter_cost"][0]
    money = {value for kind, value in stated_numbers(cost) if kind == "money"}
    assert money == {policy.learning_fee / 100, policy.credit_fee / 100, policy.top_up / 100}


def test_the_pass_mark_response_states_each_assessments_pass_mark():
    policy = get_policy()
    text = [text for name, text in response_texts() if name == "utter_pass_mark"][0]
    percentages = {value for kind, value in stated_numbers(text) if kind == "percentage"}
    assert percentages == {rule.pass_mark for rule in policy.assessments.values()}
