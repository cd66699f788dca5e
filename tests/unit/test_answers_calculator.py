"""The anonymous calculator's replies (pure): the arithmetic shown, the cap, and what the question already says."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers.calculator import deduction_reply, top_up_reply
from bot.files.policy import get_policy
from bot.nlp.calculator_text import DEDUCTION, MAX_COURSES, TOPUP, CalculatorCounts, CalculatorFacts, starting_counts
from bot.rules import calculator_spend, deduction_for_spend, top_up_for_courses
from bot.rules.money import format_money

# --- what the opening question already answers ---------------------------------------------------


@pytest.mark.parametrize(
    "facts, counts",
    [
        (CalculatorFacts(with_credits=2), CalculatorCounts(2, None)),
        (CalculatorFacts(with_credits=2, learning_only=1), CalculatorCounts(2, 1)),
        (CalculatorFacts(with_credits=1, topped_up=1), CalculatorCounts(2, None)),
        (CalculatorFacts(with_credits=2, total=5), CalculatorCounts(2, 3)),
        (CalculatorFacts(learning_only=1, total=4), CalculatorCounts(3, 1)),
        (CalculatorFacts(total=3), CalculatorCounts(None, None)),
        (CalculatorFacts(), CalculatorCounts(None, None)),
    ],
    ids=[
        "credits",
        "both",
        "topped_up_counts_as_credits",
        "rest_is_learning",
        "rest_is_credits",
        "total_only",
        "nothing",
    ],
)
def test_deduction_calculator_keeps_what_the_question_says(facts, counts):
    assert starting_counts(DEDUCTION, facts) == counts


@pytest.mark.parametrize(
    "facts, learning",
    [
        (CalculatorFacts(learning_only=2), 2),
        (CalculatorFacts(total=3), 3),
        (CalculatorFacts(), None),
    ],
)
def test_top_up_calculator_needs_only_learning_only_courses(facts, learning):
    assert starting_counts(TOPUP, facts) == CalculatorCounts(0, learning)


# --- the deduction -------------------------------------------------------------------------------


def test_deduction_reply_shows_the_arithmetic_and_the_cap(policy):
    reply = deduction_reply(policy, with_credits=2, learning_only=1)
    spent = calculator_spend(policy, learning_only=1, with_credits=2)
    assert reply.text.startswith(
        f"2 courses with credits × {format_money(policy.credit_fee)} + "
        f"1 course learning only × {format_money(policy.learning_fee)} = {format_money(spent)} spent; "
    )
    assert f"{policy.module_credits}-credit module, {format_money(policy.deduction_cap)}" in reply.text
    assert (
        f"so {format_money(min(spent, policy.deduction_cap))} would come off your first {policy.module_credits}-credit module."
        in reply.text
    )
    assert "the most that can be deducted" not in reply.text
    assert "estimate" in reply.text


def test_deduction_reply_says_capped_when_spent_is_over_the_cap(policy):
    courses = policy.deduction_cap // policy.credit_fee + 1
    spent = calculator_spend(policy, with_credits=courses)
    assert spent > policy.deduction_cap
    reply = deduction_reply(policy, with_credits=courses, learning_only=0)
    assert f"= {format_money(spent)} spent" in reply.text
    assert f"so {format_money(policy.deduction_cap)} would come off" in reply.text
    assert "the most that can be deducted" in reply.text


def test_spending_exactly_the_cap_is_deducted_in_full_and_not_called_capped(policy):
    at_cap = dataclasses.replace(policy, module_fee=3 * policy.credit_fee)
    reply = deduction_reply(at_cap, with_credits=3, learning_only=0)
    assert f"so {format_money(3 * policy.credit_fee)} would come off" in reply.text
    assert "the most that can be deducted" not in reply.text


def test_a_sample_module_fee_is_flagged_as_an_example(policy):
    assert policy.is_sample("module_fee")
    assert "an example figure" in deduction_reply(policy, 1, 0).text
    confirmed = dataclasses.replace(policy, sample_keys=policy.sample_keys - {"module_fee"})
    assert "an example figure" not in deduction_reply(confirmed, 1, 0).text


def test_nothing_spent_means_nothing_deducted(policy):
    reply = deduction_reply(policy, 0, 0)
    assert reply.text.startswith("Nothing spent yet;")
    assert f"so {format_money(0)} would come off" in reply.text


def test_deduction_reply_offers_the_rule_and_the_team(policy):
    payloads = [b.payload for b in deduction_reply(policy, 1, 1).buttons]
    assert payloads == ["/ask_upgrade", "/ask_enquire"]


@settings(max_examples=60, deadline=None)
@given(with_credits=st.integers(0, MAX_COURSES), learning_only=st.integers(0, MAX_COURSES))
def test_the_deduction_stated_is_always_the_rule_modules(with_credits, learning_only):
    policy = get_policy()
    spent = calculator_spend(policy, learning_only=learning_only, with_credits=with_credits)
    deduction = deduction_for_spend(policy, spent)
    text = deduction_reply(policy, with_credits, learning_only).text
    assert f"so {format_money(deduction.amount)} would come off" in text
    assert ("the most that can be deducted" in text) == deduction.capped


def test_the_cap_wording_follows_the_number_of_modules_in_the_policy(policy):
    two_modules = dataclasses.replace(policy, deduction_cap_modules=2)
    reply = deduction_reply(two_modules, with_credits=MAX_COURSES, learning_only=0)
    assert format_money(two_modules.deduction_cap) in reply.text
    assert "capped at one " not in reply.text


# --- the top-up ----------------------------------------------------------------------------------


@pytest.mark.parametrize("courses", [1, 3])
def test_top_up_reply_multiplies_the_top_up_by_the_courses(courses, policy):
    text = top_up_reply(policy, courses).text
    noun = "course" if courses == 1 else "courses"
    assert text.startswith(
        f"{courses} {noun} × {format_money(policy.top_up)} top-up = {format_money(top_up_for_courses(policy, courses))}."
    )
    assert f"{policy.credits_per_microcredential} credits" in text


def test_no_learning_only_courses_means_no_top_up(policy):
    assert top_up_reply(policy, 0).text == "With no learning-only courses there's no top-up to pay."
