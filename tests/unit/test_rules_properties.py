"""Properties the regulations must hold for any learner (hypothesis, derandomised so runs never flake)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answers.upgrade import deduction_lines
from bot.files.policy import load_policy
from bot.rules import (
    best_exemption,
    calculator_spend,
    credits_earned,
    deduction_for_spend,
    exemption_progress,
    is_credit_bearing,
    registration_end,
    reported_outcome,
    reregistration,
    top_up_due,
    upgrade_deduction,
)
from bot.rules.model import AssessmentType, Course, Enrolment, Outcome, Payments
from bot.rules.money import format_money

POLICY = load_policy()
PROPERTY = settings(derandomize=True, max_examples=200, database=None, deadline=None)

# Three sets, each one course longer than a set, so "any four of the set" is exercised.
COURSES = tuple(
    Course(f"{code}{n}", f"{name} {n}", code, name, n, date(2025, 1, 1), True, AssessmentType.REPORT)
    for code, name in (("PB", "Plant Breeding"), ("GN", "Genomics"), ("LS", "Livestock Science"))
    for n in range(1, POLICY.set_size + 2)
)
KNOWN_PAYMENTS = (
    Payments(),
    Payments(learning_fee=POLICY.learning_fee),
    Payments(credit_fee=POLICY.credit_fee),
    Payments(learning_fee=POLICY.learning_fee, top_up=POLICY.top_up),
)
pence = st.integers(min_value=0, max_value=3 * POLICY.credit_fee)
payments = st.one_of(st.sampled_from(KNOWN_PAYMENTS), st.builds(Payments, pence, pence, pence))
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
outcomes = st.sampled_from(tuple(Outcome))
enrolments = st.lists(
    st.builds(Enrolment, st.sampled_from(COURSES), st.just(date(2025, 1, 1)), payments, outcomes), max_size=16
)


def _credited_by_set(enrolled):
    """Independent reference: distinct passed, credit-bearing course codes per set."""
    by_set = defaultdict(set)
    for e in enrolled:
        if e.outcome == Outcome.PASS and e.payments.total >= POLICY.credit_fee:
            by_set[e.course.set_code].add(e.course.code)
    return by_set


@PROPERTY
@given(st.integers(min_value=0, max_value=10 * POLICY.deduction_cap))
def test_deduction_never_exceeds_the_cap_or_the_spend(spent):
    deduction = deduction_for_spend(POLICY, spent)
    assert deduction.amount <= deduction.cap
    assert deduction.amount <= spent
    assert deduction.amount == min(spent, deduction.cap)
    assert deduction.capped == (spent > deduction.cap)


@PROPERTY
@given(enrolments)
def test_learner_deduction_is_everything_spent_up_to_the_cap(enrolled):
    deduction = upgrade_deduction(POLICY, enrolled)
    assert deduction.spent == sum(e.payments.total for e in enrolled)
    assert 0 <= deduction.amount <= min(deduction.spent, POLICY.deduction_cap)
    assert len(deduction_lines(POLICY, deduction)) == 3 + sum(1 for e in enrolled if e.payments.total)


@PROPERTY
@given(st.integers(0, 30), st.integers(0, 30), st.integers(0, 30))
def test_calculator_matches_the_learner_rule(learning_only, with_credits, topped_up):
    course = COURSES[0]
    kinds = ((learning_only, KNOWN_PAYMENTS[1]), (with_credits, KNOWN_PAYMENTS[2]), (topped_up, KNOWN_PAYMENTS[3]))
    enrolled = [Enrolment(course, date(2025, 1, 1), paid) for count, paid in kinds for _ in range(count)]
    spent = calculator_spend(POLICY, learning_only, with_credits, topped_up)
    assert spent == upgrade_deduction(POLICY, enrolled).spent
    assert deduction_for_spend(POLICY, spent).amount == upgrade_deduction(POLICY, enrolled).amount


@PROPERTY
@given(enrolments)
def test_credits_are_five_per_distinct_passed_and_paid_course(enrolled):
    credited = _credited_by_set(enrolled)
    expected = POLICY.credits_per_microcredential * sum(len(codes) for codes in credited.values())
    assert credits_earned(POLICY, enrolled) == expected


@PROPERTY
@given(enrolments)
def test_exemption_iff_a_full_set_of_distinct_passed_credit_bearing_courses(enrolled):
    credited = _credited_by_set(enrolled)
    position = best_exemption(POLICY, enrolled, COURSES)
    assert position.eligible == any(len(codes) >= POLICY.set_size for codes in credited.values())
    assert position.recognised_credits <= POLICY.max_recognised_credits
    assert position.recognised_credits in (0, min(POLICY.exemption_credits, POLICY.max_recognised_credits))
    assert (position.counted_set is not None) == (len(position.complete_sets) == 1)
    assert (position.note is not None) == (len(position.complete_sets) > 1)


@PROPERTY
@given(enrolments)
def test_set_progress_adds_up(enrolled):
    for progress in exemption_progress(POLICY, enrolled, COURSES):
        assert progress.count == len(progress.passed)
        assert progress.needed == max(0, POLICY.set_size - progress.count)
        assert {c.code for c in progress.passed}.isdisjoint(c.code for c in progress.missing)
        assert len(progress.passed) + len(progress.missing) == POLICY.set_size + 1
        assert [c.position for c in progress.missing] == sorted(c.position for c in progress.missing)


@PROPERTY
@given(payments)
def test_top_up_due_is_never_negative_and_zero_only_when_credit_bearing(paid):
    enrolment = Enrolment(COURSES[0], date(2025, 1, 1), paid)
    due = top_up_due(POLICY, enrolment)
    assert due >= 0
    assert (due == 0) == is_credit_bearing(POLICY, enrolment)
    assert paid.total + due >= POLICY.credit_fee


@PROPERTY
@given(dates)
def test_registration_lasts_a_year_to_the_day_before_the_anniversary(registered_on):
    ends = registration_end(POLICY, registered_on)
    assert timedelta(days=364) <= ends - registered_on <= timedelta(days=365)
    anniversary = ends + timedelta(days=1)
    assert anniversary.year == registered_on.year + 1
    leap_day = (registered_on.month, registered_on.day) == (2, 29)
    assert (anniversary.month, anniversary.day) == ((3, 1) if leap_day else (registered_on.month, registered_on.day))


@PROPERTY
@given(dates, dates)
def test_reregistration_iff_the_registration_spans_an_academic_year(registered_on, today):
    answer = reregistration(POLICY, registered_on, today)

    def academic_year(day):
        return day.year if day.month >= POLICY.academic_year_start_month else day.year - 1

    assert answer.needed == (academic_year(registered_on) != academic_year(answer.ends))
    if answer.needed:
        assert registered_on < answer.reregister_on <= answer.ends
        assert (answer.reregister_on.month, answer.reregister_on.day) == (POLICY.academic_year_start_month, 1)
    assert answer.already_past == (answer.needed and answer.reregister_on < today)
    assert answer.expired == (answer.ends < today)


@PROPERTY
@given(st.sampled_from(tuple(Outcome)))
def test_reported_outcome_never_states_a_mark(outcome):
    assert not any(ch.isdigit() for ch in reported_outcome(outcome))


@PROPERTY
@given(st.integers(min_value=0, max_value=10**9))
def test_format_money_round_trips_to_pence(amount):
    text = format_money(amount)
    assert text.startswith("£")
    pounds, _, pennies = text[1:].replace(",", "").partition(".")
    assert int(pounds) * 100 + int(pennies or 0) == amount
