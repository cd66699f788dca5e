"""The calculator reads what people say they took: one table of real-world phrasings and the facts each states
(tests/unit/data/calculator_phrases.yaml), read with the catalogue's set names as the action server does."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml

from bot.files.catalogue import load_catalogue_file
from bot.nlp.calculator_text import CalculatorFacts, read_calculator_facts
from bot.rules.money import PENCE_PER_POUND

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "calculator_phrases.yaml").read_text(encoding="utf-8"))
PHRASES: List[Dict[str, Any]] = TABLE["phrases"]
SET_NAMES = tuple(dict.fromkeys(course.set_name for course in load_catalogue_file()))


def expected(row: Dict[str, Any]) -> CalculatorFacts:
    """The facts a row of the table states (money in the table is in pounds)."""
    fields = {key: value for key, value in row.items() if key != "text"}
    if "spent" in fields:
        fields["spent"] *= PENCE_PER_POUND
    return CalculatorFacts(**fields)


def test_the_table_is_large_and_varied():
    assert len(PHRASES) >= 80
    assert len({row["text"].lower() for row in PHRASES}) == len(PHRASES)
    stated = {key for row in PHRASES for key in row if key != "text"}
    assert stated == {"with_credits", "learning_only", "topped_up", "total", "spent"}


def test_the_table_assumes_the_policys_fees_and_set_size(policy):
    assumed = TABLE["assumes"]
    fees = {"learning_fee": policy.learning_fee, "credit_fee": policy.credit_fee, "top_up": policy.top_up}
    assert {key: assumed[key] * PENCE_PER_POUND for key in fees} == fees
    assert assumed["set_size"] == policy.set_size


@pytest.mark.parametrize("row", PHRASES, ids=[row["text"][:60] for row in PHRASES])
def test_the_calculator_reads_what_the_message_says(row, policy):
    assert read_calculator_facts(row["text"], policy, SET_NAMES) == expected(row)
