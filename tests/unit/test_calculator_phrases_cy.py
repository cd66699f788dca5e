"""The calculator reads Welsh no less well than English: short Welsh answers and the count each gives, Welsh quote
questions and what each asks for (tests/unit/data/calculator_phrases_cy.yaml; its phrasings and the facts each
states are checked with the English ones in test_calculator_phrases.py), accents and capitals."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml

from bot.nlp.calculator_text import asks_cost_or_credits, quote_wants, read_calculator_facts
from bot.nlp.numbers import parse_count

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "calculator_phrases_cy.yaml").read_text(encoding="utf-8"))
ANSWERS: List[Dict[str, Any]] = TABLE["answers"]
ASKS: List[Dict[str, Any]] = TABLE["asks"]


@pytest.mark.parametrize("row", ANSWERS, ids=[row["text"] for row in ANSWERS])
def test_a_welsh_answer_to_the_calculators_question_gives_its_count(row):
    assert parse_count(row["text"]) == row["count"]


@pytest.mark.parametrize("row", ASKS, ids=[row["text"][:60] for row in ASKS])
def test_a_welsh_quote_asks_for_the_cost_the_credits_or_both(row):
    assert quote_wants(row["text"]) == (row["cost"], row["credits"])
    assert asks_cost_or_credits(row["text"])


def test_a_welsh_whole_set_is_the_policys_set_size_not_a_fixed_number(policy):
    five = dataclasses.replace(policy, set_size=policy.set_size + 1)
    assert read_calculator_facts("y set gyfan gyda chredydau", five).with_credits == policy.set_size + 1


@pytest.mark.parametrize(
    "typed, plain",
    [
        ("TRI", "tri"),
        ("Dim Un", "dim un"),
        ("dwi ddim yn siŵr", "dwi ddim yn siwr"),
        ("2 GYDA CHREDYDAU ac 1 dysgu yn unig", "2 gyda chredydau ac 1 dysgu yn unig"),
        ("dau â chredydau a’r llall dysgu’n unig", "dau a chredydau a'r llall dysgu'n unig"),
        ("Y Set Gyfan", "y set gyfan"),
    ],
)
def test_welsh_is_read_the_same_with_accents_capitals_or_curly_apostrophes(typed, plain, policy):
    assert read_calculator_facts(typed, policy) == read_calculator_facts(plain, policy)
    assert parse_count(typed) == parse_count(plain)
