"""The anonymous calculator: read what the question already says, ask only for what is missing, then answer
with the arithmetic from the policy (the rule module computes every expected figure)."""

from __future__ import annotations

import pytest

from actions.calculator import ActionCalculatorResult, ActionStartCalculator, ValidateCalculatorForm
from bot.nlp.calculator_text import MAX_COURSES
from bot.rules import calculator_spend, deduction_for_spend, top_up_for_courses
from bot.rules.money import format_money

CREDIT, LEARNING = "calc_credit_count", "calc_learning_count"


# --- starting the calculator ---------------------------------------------------------------------


async def test_calculator_reads_two_with_credits_from_the_question(ask):
    turn = await ask(ActionStartCalculator(), "calc_deduction_two_with_credits")
    assert turn.slot_events() == {"calc_mode": "deduction", CREDIT: 2.0, LEARNING: None}
    assert turn.messages == []


async def test_top_up_question_reads_the_number_of_learning_only_courses(ask):
    turn = await ask(
        ActionStartCalculator(),
        "calc_deduction_two_with_credits",
        text="how much more for credits on the three I've done?",
        intent="calc_topup",
    )
    assert turn.slot_events() == {"calc_mode": "topup", CREDIT: 0.0, LEARNING: 3.0}


async def test_calculator_reads_both_counts_when_the_question_gives_them(ask):
    turn = await ask(
        ActionStartCalculator(),
        "calc_deduction_two_with_credits",
        text="I did two with credits and one learning only, what comes off?",
    )
    assert turn.slot_events() == {"calc_mode": "deduction", CREDIT: 2.0, LEARNING: 1.0}


async def test_money_in_the_question_is_not_taken_for_a_number_of_courses(ask, policy):
    text = f"I paid {format_money(policy.learning_fee)} then the top-up, how much is deducted?"
    turn = await ask(ActionStartCalculator(), "calc_deduction_two_with_credits", text=text)
    slots = turn.slot_events()
    assert slots[CREDIT] == 1.0  # one course, topped up to credit-bearing
    assert slots[LEARNING] is None


async def test_an_implausible_count_in_the_question_is_left_for_the_form_to_ask(ask):
    turn = await ask(
        ActionStartCalculator(),
        "calc_deduction_two_with_credits",
        text=f"I've done {MAX_COURSES + 1} with credits, what would come off?",
    )
    assert turn.slot_events()[CREDIT] is None


# --- the form asks only for what is missing ------------------------------------------------------


async def test_calculator_asks_only_for_what_is_missing(ask, domain):
    form = ValidateCalculatorForm()
    turn = await ask(form, "calc_answer_in_form", text="none")
    assert turn.slot_events() == {LEARNING: 0.0}  # the credit count from the question is not asked again
    assert turn.messages == []


async def test_top_up_calculator_needs_only_the_learning_only_count(ask, tracker, domain):
    form = ValidateCalculatorForm()
    required = await form.required_slots(
        [CREDIT, LEARNING], None, tracker("calc_answer_in_form", slots={"calc_mode": "topup"}), domain
    )
    assert required == [LEARNING]


async def test_top_up_calculator_finishes_once_the_count_is_given(ask):
    turn = await ask(
        ValidateCalculatorForm(), "calc_answer_in_form", text="3", slots={"calc_mode": "topup", CREDIT: 0.0}
    )
    assert turn.slot_events() == {LEARNING: 3.0, "requested_slot": None}


async def test_a_side_question_during_the_top_up_calculator_keeps_asking_only_for_learning_only(ask):
    turn = await ask(
        ValidateCalculatorForm(),
        "calc_answer_in_form",
        text="how much does it cost?",
        intent="ask_cost",
        slots={"calc_mode": "topup", CREDIT: 0.0},
    )
    assert turn.slot_events() == {"requested_slot": LEARNING}
    assert turn.messages == []  # the side question is answered by its own rule; the form resumes after


async def test_a_side_question_during_the_calculator_is_not_taken_for_an_answer(ask):
    turn = await ask(
        ValidateCalculatorForm(), "calc_answer_in_form", text="what is a microcredential?", intent="ask_what_are"
    )
    assert turn.slot_events() == {}
    assert turn.messages == []


@pytest.mark.parametrize(
    "answer, count", [("two", 2), ("I've done 3", 3), ("just one", 1), ("a couple", 2), ("none", 0)]
)
async def test_calculator_reads_the_count_as_digits_or_words(answer, count, ask):
    turn = await ask(
        ValidateCalculatorForm(), "calc_answer_in_form", text=answer, slots={CREDIT: None, "requested_slot": CREDIT}
    )
    assert turn.slot_events() == {CREDIT: float(count)}


async def test_an_answer_is_only_taken_for_the_slot_that_was_asked(ask):
    turn = await ask(
        ValidateCalculatorForm(), "calc_answer_in_form", text="2", slots={CREDIT: None, "requested_slot": CREDIT}
    )
    assert LEARNING not in turn.slot_events()


async def test_too_many_courses_is_refused_with_an_explanation(ask):
    turn = await ask(ValidateCalculatorForm(), "calc_answer_in_form", text=str(MAX_COURSES + 1))
    assert turn.responses == ["utter_calc_too_many"]
    assert turn.slot_events() == {LEARNING: None}


async def test_the_largest_sensible_count_is_accepted(ask):
    turn = await ask(ValidateCalculatorForm(), "calc_answer_in_form", text=str(MAX_COURSES))
    assert turn.slot_events() == {LEARNING: float(MAX_COURSES)}


async def test_calculator_explains_once_when_the_answer_has_no_number(ask):
    turn = await ask(ValidateCalculatorForm(), "calc_answer_in_form", text="I'm not sure")
    assert turn.slot_events() == {LEARNING: None}  # the slot is still missing, so the form asks again
    assert turn.responses == ["utter_calc_not_a_number"]


# --- the result ----------------------------------------------------------------------------------


async def test_deduction_result_shows_the_arithmetic_from_the_policy(ask, policy):
    turn = await ask(
        ActionCalculatorResult(), "calc_answer_in_form", slots={"calc_mode": "deduction", CREDIT: 2.0, LEARNING: 1.0}
    )
    spent = calculator_spend(policy, learning_only=1, with_credits=2)
    assert f"2 courses with credits × {format_money(policy.credit_fee)}" in turn.text
    assert f"1 course learning only × {format_money(policy.learning_fee)}" in turn.text
    assert f"= {format_money(spent)} spent" in turn.text
    assert f"so {format_money(deduction_for_spend(policy, spent).amount)} would come off" in turn.text


async def test_deduction_result_is_capped_at_one_module(ask, policy):
    with_credits = policy.deduction_cap // policy.credit_fee + 1
    turn = await ask(
        ActionCalculatorResult(),
        "calc_answer_in_form",
        slots={"calc_mode": "deduction", CREDIT: float(with_credits), LEARNING: 0.0},
    )
    assert calculator_spend(policy, with_credits=with_credits) > policy.deduction_cap
    assert f"so {format_money(policy.deduction_cap)} would come off" in turn.text
    assert "the most that can be deducted" in turn.text


async def test_top_up_result_multiplies_the_top_up_by_the_courses(ask, policy):
    turn = await ask(
        ActionCalculatorResult(), "calc_answer_in_form", slots={"calc_mode": "topup", CREDIT: 0.0, LEARNING: 3.0}
    )
    assert (
        f"3 courses × {format_money(policy.top_up)} top-up = {format_money(top_up_for_courses(policy, 3))}" in turn.text
    )
    assert f"{policy.credits_per_microcredential} credits" in turn.text


async def test_the_result_clears_the_calculator_for_next_time(ask):
    turn = await ask(
        ActionCalculatorResult(), "calc_answer_in_form", slots={"calc_mode": "deduction", CREDIT: 1.0, LEARNING: 0.0}
    )
    assert turn.slot_events() == {"calc_mode": None, CREDIT: None, LEARNING: None}
