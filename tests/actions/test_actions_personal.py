"""Personal answers: every demo learner's own record, computed independently from the rule module.

The expectations come from bot/data/demo_learners.yaml (priced by the policy) and bot/data/catalogue.yaml run
through bot.rules; the answers come from the actions reading the seeded database. Nothing here writes a fee.
"""

from __future__ import annotations

from datetime import date

import pytest

from actions.personal import (
    ActionMyAssessment,
    ActionMyCredits,
    ActionMyDeduction,
    ActionMyEnrolments,
    ActionMyExemption,
    ActionMyRegistration,
    ActionMyTopUp,
)
from bot.files.catalogue import load_catalogue_file
from bot.files.demo_learners import load_demo_learners
from bot.files.policy import get_policy
from bot.rules import (
    best_exemption,
    counted_spend,
    credited_courses,
    credits_earned,
    exemption_with_deduction,
    pass_mark,
    reregistration,
    top_up_due,
)
from bot.rules.model import Course, Outcome
from bot.rules.money import format_money

DEMO = load_demo_learners()
CATALOGUE = load_catalogue_file()
EVERY_LEARNER = [pytest.param(d.learner, id=f"{d.learner.learner_id}-{d.case}") for d in DEMO]
BY_ID = {d.learner.learner_id: d.learner for d in DEMO}
BY_CASE = {d.case: d.learner for d in DEMO}


def long_date(day: date) -> str:
    """13 January 2025 (written here independently of the code under test)."""
    return f"{day.day} {day:%B %Y}"


def expected_availability(course: Course, today: date) -> str:
    if course.bookable:
        return "bookable now"
    if course.release_date > today:
        return f"due for release on {long_date(course.release_date)}"
    return f"released on {long_date(course.release_date)}"


def signed_in(learner_id: str) -> dict:
    return {"sub": learner_id, "role": "learner"}


async def ask_own(ask, action, learner_id: str):
    return await ask(action, "learner_asks_credits", sender_id=f"conv-{learner_id}", auth=signed_in(learner_id))


def test_the_demo_file_covers_the_cases_the_personal_answers_need():
    assert {
        "nothing_yet",
        "learning_only",
        "learning_plus_top_up",
        "credit_bearing_passed",
        "failed_assessment",
        "three_of_four",
        "complete_set",
        "two_sets_partly_done",
        "registration_spans_september",
        "spent_more_than_cap",
    } <= set(BY_CASE)


# --- every seed learner, five questions ----------------------------------------------------------


@pytest.mark.parametrize("learner", EVERY_LEARNER)
async def test_learner_is_told_their_own_credits(learner, ask, policy):
    turn = await ask_own(ask, ActionMyCredits(), learner.learner_id)
    earned = credits_earned(policy, learner.enrolments)
    if earned:
        assert f"earned {earned} credits" in turn.text
        assert f"{policy.credits_per_microcredential} each" in turn.text
        for course in credited_courses(policy, learner.enrolments):
            assert course.title in turn.text
    else:
        assert "not earned any credits yet" in turn.text
        for enrolment in learner.enrolments:
            if enrolment.outcome == Outcome.PENDING and enrolment.payments.total >= policy.credit_fee:
                assert f"pending for {enrolment.course.title}" in turn.text
    assert learner.name not in turn.text  # the learner is addressed as "you", with no staff prefix


@pytest.mark.parametrize("learner", EVERY_LEARNER)
async def test_learner_is_told_their_progress_to_the_exemption(learner, ask, policy, today):
    turn = await ask_own(ask, ActionMyExemption(), learner.learner_id)
    position = best_exemption(policy, learner.enrolments, CATALOGUE)
    if position.counted_set is not None:
        assert f"completed the {position.counted_set.set_name} set" in turn.text
        assert f"{min(policy.exemption_credits, policy.max_recognised_credits)} credits" in turn.text
        for programme in policy.eligible_programmes:
            assert programme in turn.text
    elif position.closest is not None:
        closest = position.closest
        assert f"{closest.count} of {policy.set_size} in {closest.set_name}" in turn.text
        assert len(closest.missing) == policy.set_size - closest.count
        for course in closest.missing:
            assert f"{course.title} ({expected_availability(course, today)}" in turn.text
    else:
        assert "not passed any courses with credits yet" in turn.text
        assert f"all {policy.set_size} courses of one set" in turn.text


@pytest.mark.parametrize("learner", EVERY_LEARNER)
async def test_learner_is_told_what_an_upgrade_would_deduct(learner, ask, policy):
    turn = await ask_own(ask, ActionMyDeduction(), learner.learner_id)
    spent = sum(counted_spend(policy, e.payments) for e in learner.enrolments)
    if not spent:
        assert "nothing to deduct" in turn.text
        return
    amount = min(spent, policy.deduction_cap)
    assert f"Total spent {format_money(spent)}" in turn.text
    assert format_money(policy.deduction_cap) in turn.text
    assert f"module: {format_money(amount)}" in turn.text
    assert ("(the cap)" in turn.text) == (spent > policy.deduction_cap)
    for enrolment in learner.enrolments:
        assert enrolment.course.title in turn.text  # the arithmetic is shown course by course
    if best_exemption(policy, learner.enrolments, CATALOGUE).eligible:
        assert exemption_with_deduction(policy).advice in turn.text


@pytest.mark.parametrize("learner", EVERY_LEARNER)
async def test_learner_is_told_the_top_up_still_due(learner, ask, policy):
    turn = await ask_own(ask, ActionMyTopUp(), learner.learner_id)
    due = [(e.course.title, top_up_due(policy, e)) for e in learner.enrolments if top_up_due(policy, e) > 0]
    if not due:
        assert "no top-up to pay" in turn.text
    for title, amount in due:
        assert f"{title}: {format_money(amount)}" in turn.text


@pytest.mark.parametrize("learner", EVERY_LEARNER)
async def test_learner_is_told_when_each_registration_ends_and_when_to_re_register(learner, ask, policy, today):
    turn = await ask_own(ask, ActionMyRegistration(), learner.learner_id)
    if not learner.enrolments:
        assert "no registrations yet" in turn.text
    for enrolment in learner.enrolments:
        period = reregistration(policy, enrolment.registered_on, today)
        assert f"{enrolment.course.title}: registered until {long_date(period.ends)}" in turn.text
        if not period.expired and period.needed:
            assert long_date(period.reregister_on) in turn.text


@pytest.mark.parametrize("learner", EVERY_LEARNER)
async def test_learner_is_told_each_final_assessment_and_its_pass_mark(learner, ask, policy):
    turn = await ask_own(ask, ActionMyAssessment(), learner.learner_id)
    for enrolment in learner.enrolments:
        mark = pass_mark(policy, enrolment.course.assessment)
        assert (
            f"{enrolment.course.title}: {policy.assessments[enrolment.course.assessment].label}, pass mark {mark}%"
            in turn.text
        )
    if not learner.enrolments:
        assert "no enrolments" in turn.text


# --- particular cases ----------------------------------------------------------------------------


async def test_registration_spanning_september_asks_to_re_register_in_september(ask, policy, today):
    learner = BY_CASE["registration_spans_september"]
    turn = await ask_own(ask, ActionMyRegistration(), learner.learner_id)
    period = reregistration(policy, learner.enrolments[0].registered_on, today)
    assert period.needed and period.reregister_on.month == policy.academic_year_start_month
    assert f"re-register on {long_date(period.reregister_on)}" in turn.text


async def test_spending_more_than_one_module_is_capped(ask, policy):
    learner = BY_CASE["spent_more_than_cap"]
    turn = await ask_own(ask, ActionMyDeduction(), learner.learner_id)
    assert (
        f"Deducted from your first {policy.module_credits}-credit module: {format_money(policy.deduction_cap)} (the cap)"
        in turn.text
    )
    assert "example figure" in turn.text  # the module fee is a SAMPLE value in policy.yaml


async def test_enrolments_list_each_course_with_its_status(ask):
    learner = BY_CASE["two_sets_partly_done"]
    turn = await ask_own(ask, ActionMyEnrolments(), learner.learner_id)
    for enrolment in learner.enrolments:
        assert enrolment.course.title in turn.text
    assert "result: pending" in turn.text


async def test_signed_in_learner_without_a_record_is_told_to_contact_the_team(ask):
    turn = await ask_own(ask, ActionMyCredits(), "L9999")
    assert "couldn't find a learner record for your account" in turn.text


# --- staff asking about a learner ------------------------------------------------------------------


async def test_staff_can_ask_for_credits_of_a_learner_by_email(ask, policy):
    jane = BY_ID["L0006"]
    turn = await ask(ActionMyCredits(), "staff_asks_credits_by_email")
    assert turn.text.startswith(f"{jane.name} ({jane.learner_id}): ")
    assert f"{jane.name} has earned {credits_earned(policy, jane.enrolments)} credits" in turn.text


@pytest.mark.parametrize("typed", ["L0007", "l0007", "RHYS@example.org"])
async def test_staff_can_ask_about_a_learner_by_id_or_email_in_any_case(typed, ask, policy):
    rhys = BY_ID["L0007"]
    turn = await ask(ActionMyExemption(), "staff_asks_credits_by_email", text=f"exemption progress for {typed}")
    assert turn.text.startswith(f"{rhys.name} ({rhys.learner_id}): {rhys.name} has completed the Plant Breeding set")


async def test_staff_must_say_which_learner_when_there_is_no_general_answer(ask):
    turn = await ask(ActionMyEnrolments(), "staff_asks_credits_by_email", text="what are they enrolled on?")
    assert "Which learner?" in turn.text


async def test_staff_general_question_without_a_learner_adds_nothing_to_the_general_answer(ask):
    # The rules say the general answer (e.g. utter_credits) first; with no learner named there is nothing to add.
    turn = await ask(
        ActionMyCredits(), "staff_asks_credits_by_email", text="how many credits is a microcredential worth?"
    )
    assert turn.messages == [] and turn.events == []


async def test_staff_asking_about_an_unknown_learner_is_told_so(ask):
    turn = await ask(ActionMyCredits(), "staff_asks_credits_by_email", text="credits for L9999")
    assert turn.text == "I couldn't find a learner with that id or email address."


async def test_staff_deduction_answer_speaks_about_the_learner_not_you(ask):
    rhys = BY_ID["L0007"]
    turn = await ask(
        ActionMyDeduction(), "staff_asks_credits_by_email", text=f"what would {rhys.learner_id} get off the MSc?"
    )
    assert turn.text.startswith(f"{rhys.name} ({rhys.learner_id}): ")
    assert "your first" not in turn.text


async def test_complete_set_deduction_answer_says_what_the_rules_do_not_cover(ask, policy):
    rhys = BY_CASE["complete_set"]
    turn = await ask_own(ask, ActionMyDeduction(), rhys.learner_id)
    note = exemption_with_deduction(policy)
    assert note.advice in turn.text
    # "This is not covered by the published rules" must say what "this" is: both the exemption and the deduction.
    assert "exemption" in turn.text.lower()


async def test_staff_email_that_looks_like_a_learner_id_is_read_as_an_email(ask):
    # No learner has this address; L0003 (Tom Evans) exists, and must not be shown instead.
    turn = await ask(ActionMyCredits(), "staff_asks_credits_by_email", text="credits for l0003@example.org")
    assert turn.text == "I couldn't find a learner with that id or email address."


def test_expectations_use_the_same_policy_the_actions_use(policy):
    assert policy is get_policy()
