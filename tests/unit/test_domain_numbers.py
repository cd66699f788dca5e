"""Every fee, percentage, week count and credit number a response states must be one the policy holds, of its kind.

A week count is checked against the policy's weeks, a percentage against its pass marks, and each fee against the
fee its sentence names ("£100 for learning", "£250 i ennill credydau", "the £150 top-up"): "8 weeks" changed to
"20 weeks", or the two fees swapped, fail here even though 20 and 250 are numbers the policy holds.
"""

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
    "percentage": re.compile(NUMBER + r"\s?(?:%|per ?cent|y cant)", re.I),
    "weeks": re.compile(NUMBER + r"[- ](?:weeks?|wythnos)", re.I),
    "months": re.compile(NUMBER + r"[- ](?:months?|mis)\b", re.I),
    "credits": re.compile(NUMBER + r"[- ](?:credits?|credyd)", re.I),
    "word count": re.compile(NUMBER + r"(?:-word| gair)", re.I),
    "courses": re.compile(NUMBER + r" (?:courses|microcredentials|cwrs|chwrs|microgymhwyster)", re.I),
}

# Which fee a phrase names, in English and Welsh: "£100 for learning", "£250 i ennill credydau", "the £150 top-up".
FEE_TEMPLATES = {
    "learning_fee": [
        r"£(?P<n>[\d,.]+) for learning",
        r"start on £(?P<n>[\d,.]+)",
        r"£(?P<n>[\d,.]+) plus the top-up",
        r"£(?P<n>[\d,.]+) at ddibenion dysgu",
        r"dechrau ar £(?P<n>[\d,.]+)",
        r"£(?P<n>[\d,.]+) ynghyd â'r ffi ychwanegol",
    ],
    "credit_fee": [
        r"£(?P<n>[\d,.]+) to obtain (?:university )?credits",
        r"£(?P<n>[\d,.]+) up front",
        r"same £(?P<n>[\d,.]+) as choosing credits",
        r"£(?P<n>[\d,.]+) i ennill credydau",
        r"£(?P<n>[\d,.]+) ar y dechrau",
        r"dod i £(?P<n>[\d,.]+), yn union fel dewis credydau",
    ],
    "top_up": [
        r"top-up fee is £(?P<n>[\d,.]+)",
        r"£(?P<n>[\d,.]+) top-up",
        r"ffi ychwanegol (?:yw|o) £(?P<n>[\d,.]+)",
    ],
}
QUOTED = re.compile(r'"[^"]*"')  # an example of what a user might type, not a statement of policy


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
    assert numbers_of_the_wrong_kind("only £99 for 6 weeks") == [("money", 99), ("weeks", 6)]


def numbers_of_the_wrong_kind(text: str) -> List[Tuple[str, float]]:
    """Every (kind, number) the text states that is not a number of that kind in the policy."""
    allowed = get_policy().numbers_by_kind()
    return [(kind, value) for kind, value in stated_numbers(text) if value not in allowed[kind]]


def fees_named(text: str) -> List[Tuple[str, float]]:
    """(fee, amount) for every fee phrase in the text, outside quoted examples."""
    statement = QUOTED.sub("", text)
    return [
        (fee, value_of(match.group("n")))
        for fee, templates in FEE_TEMPLATES.items()
        for template in templates
        for match in re.finditer(template, statement, re.I)
    ]


def wrong_fees(text: str) -> List[str]:
    """Each fee phrase whose amount is not that fee, and each amount no fee phrase accounts for."""
    policy = get_policy()
    named = fees_named(text)
    wrong = [f"{fee} stated as £{amount:g}" for fee, amount in named if amount != getattr(policy, fee) / 100]
    amounts = [value_of(m.group(1)) for m in PATTERNS["money"].finditer(QUOTED.sub("", text))]
    unexplained = sorted(set(amounts) - {amount for _, amount in named})
    return wrong + [f"£{amount:g} is in no known fee phrase (add its template)" for amount in unexplained]


@pytest.mark.parametrize("name,text", list(response_texts()))
def test_every_number_in_a_response_is_a_number_of_its_kind_in_the_policy(name, text):
    wrong = numbers_of_the_wrong_kind(text)
    assert not wrong, f"{name} states {wrong}, which bot/policy.yaml does not hold as numbers of that kind"


@pytest.mark.parametrize("name,text", [(n, t) for n, t in response_texts() if "£" in t])
def test_every_fee_in_a_response_is_the_fee_its_sentence_names(name, text):
    assert not wrong_fees(text), f"{name}: {wrong_fees(text)}"


def test_a_week_count_changed_to_another_policy_number_is_caught():
    assert numbers_of_the_wrong_kind("Each microcredential can be completed in 20 weeks.") == [("weeks", 20)]
    assert numbers_of_the_wrong_kind("Gellir cwblhau pob un mewn 5 wythnos.") == [("weeks", 5)]


def test_a_pass_mark_changed_to_a_credit_number_is_caught():
    assert numbers_of_the_wrong_kind("a Master's-level test with a pass mark of 20%") == [("percentage", 20)]


def test_swapped_fees_are_caught_in_both_languages():
    assert wrong_fees("It costs £250 for learning purposes only, or £100 to obtain university credits.") == [
        "learning_fee stated as £250",
        "credit_fee stated as £100",
    ]
    assert wrong_fees("Y ffi ychwanegol yw £100.") == ["top_up stated as £100"]


def test_a_fee_in_a_sentence_no_template_knows_is_caught():
    assert wrong_fees("A deposit of £250 secures a place.") == ["£250 is in no known fee phrase (add its template)"]


def test_a_fee_in_a_quoted_user_example_is_not_a_statement_of_policy():
    assert wrong_fees('Ask, for example, "I spent £250, what\'s the deduction?"') == []


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
