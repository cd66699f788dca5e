"""The calculator reads what people say they took: a table of real-world phrasings per language and the facts each
states (tests/unit/data/calculator_phrases.yaml, calculator_phrases_cy.yaml), read with the catalogue's set names
as the action server does. Welsh answers and quote questions: test_calculator_phrases_cy.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml

from bot.files.catalogue import load_catalogue_file
from bot.nlp.calculator_text import CalculatorFacts, read_calculator_facts
from bot.rules.money import PENCE_PER_POUND

DATA = Path(__file__).parent / "data"
TABLES: Dict[str, Dict[str, Any]] = {
    language: yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    for language, name in (("en", "calculator_phrases.yaml"), ("cy", "calculator_phrases_cy.yaml"))
}
MINIMUM_PHRASES = {"en": 80, "cy": 60}
ROWS: List[Dict[str, Any]] = [row for table in TABLES.values() for row in table["phrases"]]
SET_NAMES = tuple(dict.fromkeys(course.set_name for course in load_catalogue_file()))


def expected(row: Dict[str, Any]) -> CalculatorFacts:
    """The facts a row of the table states (money in the table is in pounds)."""
    fields = {key: value for key, value in row.items() if key != "text"}
    if "spent" in fields:
        fields["spent"] *= PENCE_PER_POUND
    return CalculatorFacts(**fields)


@pytest.mark.parametrize("language", sorted(TABLES))
def test_the_table_is_large_and_varied(language):
    phrases = TABLES[language]["phrases"]
    assert len(phrases) >= MINIMUM_PHRASES[language]
    assert len({row["text"].lower() for row in phrases}) == len(phrases)
    stated = {key for row in phrases for key in row if key != "text"}
    assert stated == {"with_credits", "learning_only", "topped_up", "total", "spent"}


@pytest.mark.parametrize("language", sorted(TABLES))
def test_the_table_assumes_the_policys_fees_and_set_size(language, policy):
    assumed = TABLES[language]["assumes"]
    fees = {"learning_fee": policy.learning_fee, "credit_fee": policy.credit_fee, "top_up": policy.top_up}
    assert {key: assumed[key] * PENCE_PER_POUND for key in fees} == fees
    assert assumed["set_size"] == policy.set_size


@pytest.mark.parametrize("row", ROWS, ids=[row["text"][:60] for row in ROWS])
def test_the_calculator_reads_what_the_message_says(row, policy):
    assert read_calculator_facts(row["text"], policy, SET_NAMES) == expected(row)
