"""What is the cost? — fees, top-ups and when an enrolment is credit-bearing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.rules import cost_of_courses, fee_for, is_credit_bearing, top_up_deadline, top_up_due, top_up_for_courses
from bot.rules.model import NotCovered, Payments

# "£100 for learning purposes only"


def test_learning_only_costs_100_pounds(policy):
    assert fee_for(policy, with_credits=False) == policy.learning_fee


def test_learning_only_enrolment_is_not_credit_bearing(policy, enrol):
    assert not is_credit_bearing(policy, enrol("PB1", "learning"))


# "£250 to obtain university credits"


def test_credits_cost_250_pounds(policy):
    assert fee_for(policy, with_credits=True) == policy.credit_fee


def test_credit_fee_paid_up_front_is_credit_bearing(policy, enrol):
    enrolment = enrol("PB1", "credit")
    assert is_credit_bearing(policy, enrolment)
    assert top_up_due(policy, enrolment) == 0


# "– you can pay this as a £150 top-up fee when you decide that you’d like your assignments
#  to count towards credits"


def test_learning_fee_plus_top_up_amounts_to_the_credit_fee(policy):
    assert policy.learning_fee + policy.top_up == policy.credit_fee


def test_learning_only_enrolment_owes_the_top_up(policy, enrol):
    assert top_up_due(policy, enrol("PB1", "learning")) == policy.top_up


def test_topped_up_enrolment_is_credit_bearing(policy, enrol):
    enrolment = enrol("PB1", "topped_up")
    assert is_credit_bearing(policy, enrolment)
    assert top_up_due(policy, enrolment) == 0


def test_part_paid_top_up_leaves_the_rest_due(policy, enrol):
    part = policy.top_up // 3
    enrolment = replace(enrol("PB1"), payments=Payments(learning_fee=policy.learning_fee, top_up=part))
    assert not is_credit_bearing(policy, enrolment)
    assert top_up_due(policy, enrolment) == policy.top_up - part


def test_unpaid_enrolment_owes_the_whole_credit_fee(policy, enrol):
    assert top_up_due(policy, enrol("PB1", "nothing")) == policy.credit_fee


def test_top_up_for_several_learning_only_courses(policy):
    assert top_up_for_courses(policy, 3) == 3 * policy.top_up
    assert top_up_for_courses(policy, 0) == 0


def test_top_up_for_a_negative_number_of_courses_is_refused(policy):
    with pytest.raises(ValueError, match="negative"):
        top_up_for_courses(policy, -1)


def test_top_up_deadline_is_not_covered_by_the_page():
    answer = top_up_deadline()
    assert isinstance(answer, NotCovered)
    assert "deadline" in answer.question


def test_three_to_learn_two_of_them_topped_up_later_cost_two_credit_fees_and_one_learning_fee(policy):
    # 1 × £100 + 2 × (£100 + £150) = £600: topping up later costs the same as paying for credits up front
    assert cost_of_courses(policy, learning_only=1, topped_up=2) == 60000


def test_courses_of_each_kind_cost_their_own_fee(policy):
    assert cost_of_courses(policy, learning_only=2, with_credits=3) == 2 * 10000 + 3 * 25000
    assert cost_of_courses(policy) == 0


@pytest.mark.parametrize("kind", ["learning_only", "with_credits", "topped_up"])
def test_a_negative_number_of_courses_has_no_cost(policy, kind):
    with pytest.raises(ValueError, match=kind):
        cost_of_courses(policy, **{kind: -1})
