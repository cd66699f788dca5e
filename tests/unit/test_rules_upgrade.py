"""Upgrading to a full programme: what comes off the first 20-credit module."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answers.upgrade import cap_line, deducted_line, deduction_lines, total_line
from bot.rules import calculator_spend, counted_spend, deduction_for_spend, exemption_with_deduction, upgrade_deduction
from bot.rules.model import NotCovered, Outcome, Payments
from bot.rules.money import format_money

# "Should you decide to upgrade to a full postgraduate programme, we will deduct the amount you spent
#  on our microcredentials (including top-up fees) from the total cost of your first 20-credit
#  module, up to the equivalent value of one 20-credit module."


def test_deduction_is_everything_spent_including_top_ups(policy, enrol):
    enrolments = [enrol("PB1", "topped_up"), enrol("PB2", "credit", Outcome.PENDING), enrol("GN1", "learning")]
    deduction = upgrade_deduction(policy, enrolments)
    assert deduction.spent == policy.learning_fee + policy.top_up + policy.credit_fee + policy.learning_fee
    assert deduction.amount == deduction.spent
    assert not deduction.capped


def test_deduction_shows_its_arithmetic(policy, enrol):
    deduction = upgrade_deduction(policy, [enrol("PB1", "topped_up"), enrol("PB2", "credit")])
    learning, top_up, credit = map(format_money, (policy.learning_fee, policy.top_up, policy.credit_fee))
    total = format_money(deduction.spent)
    module = f"{policy.module_credits}-credit module"
    assert deduction_lines(policy, deduction) == (
        f"Plant Breeding 1: {learning} learning fee + {top_up} top-up = {credit}",
        f"Plant Breeding 2: {credit} credit fee",
        f"Total spent {total}",
        f"Cap: one {module} = {format_money(policy.module_fee)}",
        f"Deducted from your first {module}: {total}",
    )


def test_deduction_is_capped_at_one_20_credit_module(policy, enrol, catalogue):
    deduction = upgrade_deduction(policy, [enrol(c.code) for c in catalogue])
    assert deduction.spent > policy.module_fee
    assert deduction.cap == policy.module_fee
    assert deduction.amount == policy.module_fee
    assert deduction.capped
    assert deduction_lines(policy, deduction)[-1].endswith(f"{format_money(policy.module_fee)} (the cap)")


def test_spend_equal_to_the_cap_is_deducted_in_full_and_not_capped(policy):
    deduction = deduction_for_spend(policy, policy.deduction_cap)
    assert deduction.amount == policy.deduction_cap
    assert not deduction.capped


def test_nothing_spent_means_nothing_deducted(policy, enrol):
    deduction = upgrade_deduction(policy, [enrol("PB1", "nothing")])
    assert (deduction.spent, deduction.amount) == (0, 0)
    assert deduction_lines(policy, deduction)[0] == f"Total spent {format_money(0)}"


def test_deduction_flags_the_sample_module_fee(policy):
    assert deduction_for_spend(policy, 0).cap_is_sample
    assert not deduction_for_spend(replace(policy, sample_keys=frozenset()), 0).cap_is_sample


def test_cap_of_several_modules_is_worded_in_the_plural(policy):
    three, twelve = replace(policy, deduction_cap_modules=3), replace(policy, deduction_cap_modules=12)
    assert (
        f"Cap: three {policy.module_credits}-credit modules" in deduction_lines(three, deduction_for_spend(three, 0))[1]
    )
    assert (
        f"Cap: 12 {policy.module_credits}-credit modules" in deduction_lines(twelve, deduction_for_spend(twelve, 0))[1]
    )


def test_top_ups_are_left_out_when_the_policy_says_so(policy, enrol):
    without = replace(policy, deduction_counts_top_ups=False)
    deduction = upgrade_deduction(without, [enrol("PB1", "topped_up")])
    assert deduction.spent == policy.learning_fee
    assert (
        deduction_lines(policy, deduction)[0] == f"Plant Breeding 1: {format_money(policy.learning_fee)} learning fee"
    )
    assert calculator_spend(without, topped_up=1) == policy.learning_fee


def test_counted_spend_of_one_enrolment(policy):
    assert counted_spend(policy, Payments(learning_fee=policy.learning_fee, top_up=policy.top_up)) == policy.credit_fee


def test_calculator_adds_up_courses_of_each_kind(policy):
    spent = calculator_spend(policy, learning_only=1, with_credits=2, topped_up=1)
    assert spent == policy.learning_fee + 2 * policy.credit_fee + policy.learning_fee + policy.top_up
    assert calculator_spend(policy) == 0


def test_calculator_spend_feeds_the_anonymous_deduction(policy):
    deduction = deduction_for_spend(policy, calculator_spend(policy, with_credits=2))
    assert deduction.amount == 2 * policy.credit_fee


@pytest.mark.parametrize("kind", ["learning_only", "with_credits", "topped_up"])
def test_calculator_refuses_negative_counts(policy, kind):
    with pytest.raises(ValueError, match=kind):
        calculator_spend(policy, **{kind: -1})


def test_negative_spend_is_refused(policy):
    with pytest.raises(ValueError, match="negative"):
        deduction_for_spend(policy, -1)


def test_exemption_and_deduction_together_is_not_covered(policy):
    answer = exemption_with_deduction(policy)
    assert isinstance(answer, NotCovered)
    assert f"{policy.exemption_credits}-credit exemption" in answer.question


def test_in_welsh_the_deduction_shows_the_same_arithmetic_in_welsh(policy, enrol):
    deduction = upgrade_deduction(policy, [enrol("PB1", "topped_up"), enrol("PB2", "credit")])
    learning, top_up, credit = map(format_money, (policy.learning_fee, policy.top_up, policy.credit_fee))
    total = format_money(deduction.spent)
    module = f"modiwl {policy.module_credits} credyd"
    assert deduction_lines(policy, deduction, "cy") == (
        f"Plant Breeding 1: {learning} ffi ddysgu + {top_up} ffi ychwanegol = {credit}",
        f"Plant Breeding 2: {credit} ffi credydau",
        f"Cyfanswm a wariwyd: {total}",
        f"Uchafswm: un {module} = {format_money(policy.module_fee)}",
        f"Didynnir o'ch {module} cyntaf: {total}",
    )


def test_in_welsh_a_capped_deduction_says_it_is_the_cap(policy, enrol, catalogue):
    deduction = upgrade_deduction(policy, [enrol(c.code) for c in catalogue])
    assert deduction_lines(policy, deduction, "cy")[-1].endswith(f"{format_money(policy.module_fee)} (yr uchafswm)")


def test_in_welsh_a_cap_of_several_modules_takes_the_singular_noun_and_mutates_after_dau(policy):
    credits = policy.module_credits
    for modules, words in ((2, f"dau fodiwl {credits} credyd"), (3, f"tri modiwl {credits} credyd"), (12, "12 modiwl")):
        several = replace(policy, deduction_cap_modules=modules)
        line = deduction_lines(several, deduction_for_spend(several, 0), "cy")[1]
        assert line.startswith(f"Uchafswm: {words}")


def test_in_welsh_someone_elses_deduction_names_them_after_the_module(policy):
    deduction = deduction_for_spend(policy, policy.credit_fee)
    amount = format_money(policy.credit_fee)
    assert (
        deducted_line(policy, deduction, "Alex's", "cy")
        == f"Didynnir o fodiwl {policy.module_credits} credyd cyntaf Alex: {amount}"
    )
    assert (
        deducted_line(policy, deduction, "Alex's")
        == f"Deducted from Alex's first {policy.module_credits}-credit module: {amount}"
    )
    assert (
        cap_line(policy, deduction) == f"Cap: one {policy.module_credits}-credit module = {format_money(deduction.cap)}"
    )
    assert total_line(deduction, "cy") == f"Cyfanswm a wariwyd: {amount}"
