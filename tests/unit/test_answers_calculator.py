"""The anonymous calculator's replies (pure): the arithmetic shown, the cap, and what the question already says."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers.calculator import (
    deduction_reply,
    either_way_reply,
    quote_how_to_ask,
    quote_reply,
    spend_deduction_reply,
    top_up_reply,
)
from bot.files.policy import get_policy
from bot.nlp.calculator_text import DEDUCTION, MAX_COURSES, TOPUP, CalculatorCounts, CalculatorFacts, starting_counts
from bot.rules import calculator_spend, deduction_for_spend, fee_for, top_up_for_courses
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
        (CalculatorFacts(with_credits=3, total=3), CalculatorCounts(3, 0)),
        (CalculatorFacts(learning_only=1, topped_up=2), CalculatorCounts(2, 1)),
        (CalculatorFacts(spent=35000, total=2), CalculatorCounts(0, 0, 35000)),
    ],
    ids=[
        "credits",
        "both",
        "topped_up_counts_as_credits",
        "rest_is_learning",
        "rest_is_credits",
        "total_only",
        "nothing",
        "all_of_them_with_credits",
        "two_of_three_topped_up",
        "a_spend_needs_no_counts",
    ],
)
def test_deduction_calculator_keeps_what_the_question_says(facts, counts):
    assert starting_counts(DEDUCTION, facts) == counts


@pytest.mark.parametrize(
    "facts, learning",
    [
        (CalculatorFacts(learning_only=2), 2),
        (CalculatorFacts(total=3), 3),
        (CalculatorFacts(learning_only=1, topped_up=2), 2),
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


# --- a stated spend ------------------------------------------------------------------------------


def test_a_spend_is_deducted_up_to_the_cap(policy):
    below, above = policy.deduction_cap - policy.learning_fee, policy.deduction_cap + policy.credit_fee
    assert f"so {format_money(below)} would come off" in spend_deduction_reply(policy, below).text
    capped = spend_deduction_reply(policy, above).text
    assert capped.startswith(f"{format_money(above)} spent (top-up fees count too);")
    assert f"so {format_money(policy.deduction_cap)} would come off" in capped
    assert "the most that can be deducted" in capped


# --- quotes --------------------------------------------------------------------------------------


def test_a_quote_multiplies_each_kind_by_its_fee(policy):
    learning, credit = fee_for(policy, with_credits=False), fee_for(policy, with_credits=True)
    text = quote_reply(policy, learning_only=2, with_credits=1, topped_up=0).text
    assert text == (
        f"2 learning only × {format_money(learning)} + 1 with credits × {format_money(credit)} = "
        f"{format_money(2 * learning + credit)}."
    )


def test_a_topped_up_course_costs_the_learning_fee_plus_the_top_up(policy):
    text = quote_reply(policy, 0, 0, 1).text
    learning = fee_for(policy, with_credits=False)
    assert f"= {format_money(learning + top_up_for_courses(policy, 1))}." in text


def test_credits_count_only_credit_bearing_courses(policy):
    text = quote_reply(policy, learning_only=3, with_credits=1, topped_up=1, cost=False, credits=True).text
    assert text.startswith(f"2 courses with credits × {policy.credits_per_microcredential} credits")
    assert "Learning-only courses earn no credits" in text
    assert "£" not in text


def test_a_set_of_credit_bearing_courses_reaches_the_exemption(policy):
    text = quote_reply(policy, 0, policy.set_size, 0, cost=False, credits=True).text
    assert f"{policy.set_size * policy.credits_per_microcredential} credits" in text
    assert f"{policy.exemption_credits}-credit module" in text
    assert all(programme in text for programme in policy.eligible_programmes)
    assert f"limited to {policy.max_recognised_credits} credits drawn from one set" in text


def test_a_set_size_from_the_policy_not_the_code(policy):
    bigger = dataclasses.replace(policy, set_size=policy.set_size + 1)
    text = quote_reply(bigger, 0, policy.set_size, 0, cost=False, credits=True).text
    assert "1 more from that set would complete one" in text


def test_a_total_without_a_kind_is_quoted_both_ways(policy):
    text = either_way_reply(policy, 2, cost=True, credits=True).text
    assert f"2 × {format_money(policy.learning_fee)} = {format_money(2 * policy.learning_fee)}" in text
    assert f"2 × {format_money(policy.credit_fee)} = {format_money(2 * policy.credit_fee)}" in text
    assert f"Taken with credits, 2 courses × {policy.credits_per_microcredential} credits" in text


def test_how_to_ask_states_only_the_policys_per_course_figures(policy):
    reply = quote_how_to_ask(policy)
    assert format_money(policy.learning_fee) in reply.text and format_money(policy.credit_fee) in reply.text
    assert "=" not in reply.text
    assert [b.payload for b in reply.buttons] == ["/ask_cost", "/ask_credits"]


# --- in Welsh: the same arithmetic, the words around it in Welsh -------------------------------------


def test_in_welsh_the_deduction_shows_the_same_arithmetic_in_welsh(policy):
    english = deduction_reply(policy, with_credits=2, learning_only=1).text
    welsh = deduction_reply(policy, with_credits=2, learning_only=1, language="cy").text
    spent = format_money(calculator_spend(policy, learning_only=1, with_credits=2))
    credit, learning = format_money(policy.credit_fee), format_money(policy.learning_fee)
    assert welsh.startswith(
        f"2 o gyrsiau gyda chredydau × {credit} + 1 cwrs dysgu yn unig × {learning} = {spent} wedi'i wario; "
    )
    assert f"ni all y didyniad fod yn fwy na gwerth un modiwl {policy.module_credits} credyd" in welsh
    assert (
        f"felly byddai {spent} yn cael ei dynnu oddi ar gost eich modiwl {policy.module_credits} credyd cyntaf."
        in welsh
    )
    assert "Amcangyfrif yw hwn" in welsh and "estimate" not in welsh
    assert [n for n in english if n.isdigit()] == [n for n in welsh if n.isdigit()]


def test_in_welsh_a_capped_deduction_says_it_is_the_most_that_can_be_deducted(policy):
    courses = policy.deduction_cap // policy.credit_fee + 1
    welsh = deduction_reply(policy, with_credits=courses, learning_only=0, language="cy").text
    assert f"byddai {format_money(policy.deduction_cap)} yn cael ei dynnu" in welsh
    assert "sef yr uchafswm y gellir ei ddidynnu" in welsh
    assert "ffigur enghreifftiol yw hwn" in welsh
    assert deduction_reply(policy, 0, 0, "cy").text.startswith("Dim byd wedi'i wario eto;")


def test_in_welsh_a_cap_of_two_modules_mutates_after_dau(policy):
    two_modules = dataclasses.replace(policy, deduction_cap_modules=2)
    welsh = deduction_reply(two_modules, with_credits=1, learning_only=0, language="cy").text
    assert f"gwerth dau fodiwl {policy.module_credits} credyd" in welsh


def test_in_welsh_a_stated_spend_counts_the_top_up_fees_too(policy):
    welsh = spend_deduction_reply(policy, 35000, "cy").text
    assert welsh.startswith("£350 wedi'i wario (mae'r ffioedd ychwanegol yn cyfrif hefyd); ")
    assert "byddai £350 yn cael ei dynnu" in welsh


def test_in_welsh_the_top_up_is_the_same_multiplication(policy):
    welsh = top_up_reply(policy, 3, "cy").text
    total = format_money(top_up_for_courses(policy, 3))
    assert welsh.startswith(f"3 o gyrsiau × {format_money(policy.top_up)} o ffi ychwanegol = {total}.")
    assert f"Bydd pob un wedyn yn werth {policy.credits_per_microcredential} credyd" in welsh
    assert top_up_reply(policy, 1, "cy").text.startswith("1 cwrs × ")
    assert top_up_reply(policy, 0, "cy").text == "Heb gyrsiau dysgu yn unig, does dim ffi ychwanegol i'w thalu."
    assert [b.title for b in top_up_reply(policy, 1, "cy").buttons] == [
        "Am y ffi ychwanegol",
        "Sut maen nhw'n cael eu hasesu?",
    ]


def test_in_welsh_a_quote_keeps_the_arithmetic_and_words_it_in_welsh(policy):
    learning, credit = fee_for(policy, with_credits=False), fee_for(policy, with_credits=True)
    welsh = quote_reply(policy, learning_only=2, with_credits=1, topped_up=0, language="cy").text
    assert welsh == (
        f"2 dysgu yn unig × {format_money(learning)} + 1 gyda chredydau × {format_money(credit)} = "
        f"{format_money(2 * learning + credit)}."
    )
    topped = quote_reply(policy, 0, 0, 1, language="cy").text
    assert topped == (
        f"1 ynghyd â'r ffi ychwanegol × ({format_money(learning)} + {format_money(policy.top_up)}) = "
        f"{format_money(learning + policy.top_up)}."
    )


def test_in_welsh_credits_and_the_set_exemption_are_explained_in_welsh(policy):
    per = policy.credits_per_microcredential
    welsh = quote_reply(policy, 3, policy.set_size, 0, cost=False, credits=True, language="cy").text
    assert welsh.startswith(
        f"{policy.set_size} o gyrsiau gyda chredydau × {per} credyd = {policy.set_size * per} credyd"
    )
    assert "Nid yw cyrsiau dysgu yn unig yn ennill credydau oni bai eich bod chi'n talu'r ffi ychwanegol." in welsh
    assert f"gall eich eithrio o fodiwl {policy.exemption_credits} credyd perthnasol" in welsh
    assert all(programme in welsh for programme in policy.eligible_programmes) and " neu " in welsh
    fewer = quote_reply(policy, 0, 1, 0, cost=False, credits=True, language="cy").text
    assert f"felly byddai {policy.set_size - 1} arall o'r set honno yn cwblhau un." in fewer


def test_in_welsh_a_total_without_a_kind_is_quoted_both_ways(policy):
    welsh = either_way_reply(policy, 2, cost=True, credits=True, language="cy").text
    learning, credit = format_money(policy.learning_fee), format_money(policy.credit_fee)
    assert welsh.startswith(
        f"2 o gyrsiau: 2 × {learning} = {format_money(2 * policy.learning_fee)} ar gyfer dysgu yn unig, "
        f"neu 2 × {credit} = {format_money(2 * policy.credit_fee)} gyda chredydau."
    )
    assert f"O'u dilyn gyda chredydau, 2 o gyrsiau × {policy.credits_per_microcredential} credyd" in welsh


def test_in_welsh_how_to_ask_gives_welsh_examples_and_buttons(policy):
    reply = quote_how_to_ask(policy, "cy")
    assert reply.text.startswith(f"Mae pob microgymhwyster yn costio {format_money(policy.learning_fee)}")
    assert "'faint fyddai 3 gyda chredydau yn ei gostio?'" in reply.text
    assert [(b.title, b.payload) for b in reply.buttons] == [
        ("Beth yw'r gost?", "/ask_cost"),
        ("Am gredydau", "/ask_credits"),
    ]


def test_the_buttons_lead_to_the_same_places_in_both_languages(policy):
    for make in (
        lambda lang: deduction_reply(policy, 1, 1, lang),
        lambda lang: top_up_reply(policy, 2, lang),
        lambda lang: quote_reply(policy, 1, 1, 0, language=lang),
    ):
        english, welsh = make("en").buttons, make("cy").buttons
        assert [b.payload for b in english] == [b.payload for b in welsh]
        assert all(e.title != w.title for e, w in zip(english, welsh, strict=True))
