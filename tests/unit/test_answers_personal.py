"""Personal replies (pure): credits, the exemption, the deduction, the top-up, registration and assessments.

Uses the synthetic catalogue and `enrol` helper of tests/unit/conftest.py (course 4 of each set is released on
1 September 2025 and is not bookable).
"""

from __future__ import annotations

from datetime import date

from bot.answers import personal
from bot.answers.personal import Voice
from bot.rules import best_exemption, exemption_with_deduction, reregistration, upgrade_deduction
from bot.rules.model import Learner, Outcome
from bot.rules.money import format_money

BEFORE_PB4 = date(2025, 8, 1)
AFTER_PB4 = date(2026, 1, 5)
YOU = Voice.for_learner()


def learner(*enrolments, learner_id="L0100", name="Alex Morgan") -> Learner:
    return Learner(learner_id=learner_id, name=name, email="alex@example.org", enrolments=tuple(enrolments))


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


# --- the exemption -------------------------------------------------------------------------------


def test_three_of_four_names_the_missing_course_and_when_it_is_released(enrol, catalogue, course, policy):
    alex = learner(enrol("PB1"), enrol("PB2", "topped_up"), enrol("PB3"))
    reply = personal.exemption(policy, alex, catalogue, YOU, BEFORE_PB4)
    pb4 = course("PB4")
    assert reply.text == (
        f"3 of {policy.set_size} in Plant Breeding: you still need Plant Breeding 4 "
        f"(due for release on {long_date(pb4.release_date)})."
    )


def test_three_of_four_after_release_says_the_missing_course_is_closed_for_booking(enrol, catalogue, policy):
    alex = learner(enrol("PB1"), enrol("PB2"), enrol("PB3"))
    reply = personal.exemption(policy, alex, catalogue, YOU, AFTER_PB4)
    assert "Plant Breeding 4 (released on 1 September 2025, not open for booking at the moment)" in reply.text


def test_a_failed_or_learning_only_course_does_not_count_towards_the_set(enrol, catalogue, policy):
    alex = learner(enrol("PB1"), enrol("PB2", outcome=Outcome.FAIL), enrol("PB3", "learning", Outcome.PASS))
    reply = personal.exemption(policy, alex, catalogue, YOU, BEFORE_PB4)
    assert reply.text.startswith(f"1 of {policy.set_size} in Plant Breeding:")
    assert "Plant Breeding 2" in reply.text and "Plant Breeding 3" in reply.text


def test_a_complete_set_can_be_recognised_on_the_eligible_programmes_only(enrol, catalogue, policy):
    alex = learner(*(enrol(f"GN{n}") for n in range(1, policy.set_size + 1)))
    reply = personal.exemption(policy, alex, catalogue, YOU, AFTER_PB4)
    assert f"completed the Genomics set, so {policy.exemption_credits} credits can be recognised" in reply.text
    assert " or ".join(policy.eligible_programmes) in reply.text


def test_two_complete_sets_are_not_covered_and_are_referred_to_the_team(enrol, catalogue, policy):
    alex = learner(*(enrol(f"{code}{n}") for code in ("PB", "LS") for n in range(1, policy.set_size + 1)))
    position = best_exemption(policy, alex.enrolments, catalogue)
    reply = personal.exemption(policy, alex, catalogue, YOU, AFTER_PB4)
    assert position.note is not None and position.counted_set is None
    assert "completed Plant Breeding and Livestock Science" in reply.text
    assert f"limited to {policy.max_recognised_credits} credits from one set" in reply.text
    assert position.note.advice in reply.text
    assert f"{2 * policy.exemption_credits} credits" not in reply.text


def test_no_passes_yet_explains_what_the_exemption_needs(enrol, catalogue, policy):
    alex = learner(enrol("BI1", "learning", Outcome.NONE))
    reply = personal.exemption(policy, alex, catalogue, YOU, BEFORE_PB4)
    assert reply.text == (
        f"You have not passed any courses with credits yet. The exemption needs all {policy.set_size} courses "
        "of one set passed with credits."
    )


# --- credits -------------------------------------------------------------------------------------


def test_credits_count_each_course_passed_with_credits_once(enrol, policy):
    alex = learner(
        enrol("PB1", registered_on=date(2025, 1, 6)), enrol("PB1", registered_on=date(2025, 6, 2)), enrol("GN1")
    )
    reply = personal.credits(policy, alex, YOU)
    assert reply.text == (
        f"You have earned {2 * policy.credits_per_microcredential} credits: "
        f"{policy.credits_per_microcredential} each for Genomics 1 and Plant Breeding 1."
    )


def test_no_credits_mentions_results_still_pending(enrol, policy):
    alex = learner(enrol("GN1", "topped_up", Outcome.PENDING), enrol("GN2", "learning", Outcome.PENDING))
    reply = personal.credits(policy, alex, YOU)
    assert "Results are still pending for Genomics 1." in reply.text  # GN2 is learning only: no credit result


def test_staff_hear_about_the_learner_by_name(enrol, policy):
    alex = learner(enrol("PB1"))
    reply = personal.credits(policy, alex, Voice.for_staff(alex))
    assert reply.text.startswith(
        f"Alex Morgan (L0100): Alex Morgan has earned {policy.credits_per_microcredential} credits"
    )


# --- the deduction and the top-up ----------------------------------------------------------------


def test_deduction_shows_each_payment_and_the_cap(enrol, catalogue, policy):
    alex = learner(enrol("PB1", "topped_up"), enrol("GN1", "learning"))
    reply = personal.deduction(policy, alex, catalogue, YOU)
    spent = policy.learning_fee + policy.top_up + policy.learning_fee
    assert (
        f"Plant Breeding 1: {format_money(policy.learning_fee)} learning fee + {format_money(policy.top_up)} top-up "
        f"= {format_money(policy.learning_fee + policy.top_up)}"
    ) in reply.text
    assert f"Total spent {format_money(spent)}" in reply.text
    assert f"= {format_money(policy.deduction_cap)}" in reply.text
    assert f"module: {format_money(min(spent, policy.deduction_cap))}." in reply.text


def test_deduction_over_the_cap_says_the_cap(enrol, catalogue, policy):
    many = [enrol(f"{code}{n}") for code in ("PB", "GN") for n in range(1, policy.set_size + 1)]
    alex = learner(*many)
    result = upgrade_deduction(policy, alex.enrolments)
    assert result.capped
    text = personal.deduction(policy, alex, catalogue, YOU).text
    assert f"module: {format_money(policy.deduction_cap)} (the cap)" in text
    assert exemption_with_deduction(policy).advice in text  # a complete set: both reliefs are not covered


def test_nothing_paid_means_nothing_to_deduct(catalogue, policy):
    assert "nothing to deduct" in personal.deduction(policy, learner(), catalogue, YOU).text


def test_top_up_lists_only_learning_only_enrolments(enrol, policy):
    alex = learner(enrol("PB1", "learning", Outcome.NONE), enrol("PB2", "topped_up"), enrol("PB3", "credit"))
    reply = personal.top_up(policy, alex, YOU)
    assert f"Plant Breeding 1: {format_money(policy.top_up)}" in reply.text
    assert "Plant Breeding 2" not in reply.text and "Plant Breeding 3" not in reply.text


def test_no_top_up_when_every_enrolment_includes_credits(enrol, policy):
    reply = personal.top_up(policy, learner(enrol("PB1", "credit")), YOU)
    assert reply.text == "There's no top-up to pay: your enrolments already include credits, or there are none."


# --- registration and assessments ----------------------------------------------------------------


def test_registration_spanning_september_says_when_to_re_register(enrol, policy):
    registered = date(2025, 7, 7)
    alex = learner(enrol("PB1", registered_on=registered))
    period = reregistration(policy, registered, date(2025, 8, 1))
    reply = personal.registration(policy, alex, YOU, date(2025, 8, 1))
    assert reply.text == (
        f"Plant Breeding 1: registered until {long_date(period.ends)}; re-register on "
        f"{long_date(period.reregister_on)}, when the new academic year starts."
    )


def test_registration_after_september_says_re_registration_was_due(enrol, policy):
    registered = date(2025, 7, 7)
    reply = personal.registration(policy, learner(enrol("PB1", registered_on=registered)), YOU, date(2025, 10, 1))
    assert "so re-registration was due then" in reply.text


def test_an_ended_registration_says_so(enrol, policy):
    reply = personal.registration(policy, learner(enrol("PB1", registered_on=date(2024, 1, 8))), YOU, date(2025, 6, 1))
    assert reply.text.endswith("(ended).")


def test_assessments_give_each_pass_mark_from_the_policy_and_never_a_mark(enrol, policy):
    alex = learner(
        enrol("PB1", outcome=Outcome.PASS), enrol("PB2", outcome=Outcome.FAIL), enrol("PB3", outcome=Outcome.PENDING)
    )
    text = personal.assessments(policy, alex, YOU).text
    for enrolment, result in zip(alex.enrolments, ("pass", "fail", "pending"), strict=False):
        rule = policy.assessments[enrolment.course.assessment]
        assert f"{enrolment.course.title}: {rule.label}, pass mark {rule.pass_mark}%, result: {result}" in text
    assert "pass or fail only" in text


def test_enrolments_give_each_status(enrol, policy):
    alex = learner(enrol("PB1", "learning", Outcome.NONE), enrol("GN1", "credit", Outcome.PASS))
    assert personal.enrolments(policy, alex, YOU).text == (
        "Enrolments: Plant Breeding 1 (learning only); Genomics 1 (with credits, result: pass)."
    )
