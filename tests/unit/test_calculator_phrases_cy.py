"""The calculator reads Welsh no less well than English: Welsh phrasings and the facts each states, short Welsh
answers and the count each gives, and Welsh quote questions and what each asks for
(tests/unit/data/calculator_phrases_cy.yaml, beside the English table), read as the action server reads them."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml

from bot.files.catalogue import load_catalogue_file
from bot.nlp.calculator_text import CalculatorFacts, asks_cost_or_credits, quote_wants, read_calculator_facts
from bot.nlp.numbers import parse_count
from bot.rules.money import PENCE_PER_POUND

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "calculator_phrases_cy.yaml").read_text(encoding="utf-8"))
PHRASES: List[Dict[str, Any]] = TABLE["phrases"]
ANSWERS: List[Dict[str, Any]] = TABLE["answers"]
ASKS: List[Dict[str, Any]] = TABLE["asks"]
SET_NAMES = tuple(dict.fromkeys(course.set_name for course in load_catalogue_file()))


def expected(row: Dict[str, Any]) -> CalculatorFacts:
    """The facts a row of the table states (money in the table is in pounds)."""
    fields = {key: value for key, value in row.items() if key != "text"}
    if "spent" in fields:
        fields["spent"] *= PENCE_PER_POUND
    return CalculatorFacts(**fields)


def test_the_welsh_table_is_large_and_states_every_kind_of_fact():
    assert len(PHRASES) >= 60
    assert len({row["text"].lower() for row in PHRASES}) == len(PHRASES)
    stated = {key for row in PHRASES for key in row if key != "text"}
    assert stated == {"with_credits", "learning_only", "topped_up", "total", "spent"}


def test_the_welsh_table_assumes_the_policys_fees_and_set_size(policy):
    assumed = TABLE["assumes"]
    fees = {"learning_fee": policy.learning_fee, "credit_fee": policy.credit_fee, "top_up": policy.top_up}
    assert {key: assumed[key] * PENCE_PER_POUND for key in fees} == fees
    assert assumed["set_size"] == policy.set_size


@pytest.mark.parametrize("row", PHRASES, ids=[row["text"][:60] for row in PHRASES])
def test_the_calculator_reads_what_a_welsh_message_says(row, policy):
    assert read_calculator_facts(row["text"], policy, SET_NAMES) == expected(row)


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
