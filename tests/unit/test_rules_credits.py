"""Credits, sets and the exemption towards an MSc."""

from __future__ import annotations

import pytest

from bot.rules import (
    best_exemption,
    counts_for_credit,
    credited_courses,
    credits_earned,
    credits_for_courses,
    exemption_progress,
)
from bot.rules.model import NotCovered, Outcome


def _set(progress, set_code):
    return next(p for p in progress if p.set_code == set_code)


# "IBERS DL Microcredentials are short, online courses that allow you to enhance your knowledge at
#  your own pace, with the option of earning university credits."


def test_learning_only_enrolment_earns_no_credits_even_when_passed(policy, enrol):
    assert credits_earned(policy, [enrol("PB1", "learning", Outcome.PASS)]) == 0


# "To have your 5-credits acknowledged by the University, you will need to pay a £150 top-up fee."


def test_passed_and_paid_microcredential_earns_5_credits(policy, enrol):
    assert credits_earned(policy, [enrol("PB1", "credit", Outcome.PASS)]) == policy.credits_per_microcredential


def test_passed_and_topped_up_microcredential_earns_5_credits(policy, enrol):
    assert credits_earned(policy, [enrol("PB1", "topped_up", Outcome.PASS)]) == policy.credits_per_microcredential


def test_paid_but_failed_or_pending_earns_no_credits(policy, enrol):
    enrolments = [
        enrol("PB1", "credit", Outcome.FAIL),
        enrol("PB2", "credit", Outcome.PENDING),
        enrol("PB3", "credit", Outcome.NONE),
    ]
    assert not any(counts_for_credit(policy, e) for e in enrolments)
    assert credits_earned(policy, enrolments) == 0


def test_the_same_course_twice_counts_once(policy, enrol):
    enrolments = [enrol("PB1", "credit", Outcome.FAIL), enrol("PB1", "credit"), enrol("PB1", "topped_up")]
    assert credits_earned(policy, enrolments) == policy.credits_per_microcredential


# "You are welcome to enrol in as many microcredentials as you desire."


def test_there_is_no_limit_on_microcredentials(policy, catalogue, enrol):
    enrolments = [enrol(c.code) for c in catalogue]
    assert credits_earned(policy, enrolments) == len(catalogue) * policy.credits_per_microcredential


# "you must successfully complete four courses from the same set (e.g., Plant Breeding 1, 2, 3, and 4).
#  Doing so will exempt you from an appropriately identified and relevant 20-credits in a related
#  master's programme."


def test_four_passed_in_same_set_grant_20_credit_exemption(policy, enrol, catalogue):
    enrolments = [enrol(f"PB{n}") for n in range(1, policy.set_size + 1)]
    position = best_exemption(policy, enrolments, catalogue)
    assert position.eligible
    assert position.recognised_credits == policy.exemption_credits
    assert position.counted_set.set_name == "Plant Breeding"
    assert position.note is None


def test_four_passed_across_different_sets_grant_no_exemption(policy, enrol, catalogue):
    enrolments = [enrol("PB1"), enrol("PB2"), enrol("GN1"), enrol("LS1")]
    position = best_exemption(policy, enrolments, catalogue)
    assert not position.eligible
    assert position.recognised_credits == 0
    assert position.counted_set is None
    assert position.closest.set_code == "PB"


def test_three_passed_leave_the_missing_course_with_its_release_date(policy, enrol, catalogue, course):
    enrolments = [enrol("PB1"), enrol("PB2", "topped_up"), enrol("PB3")]
    plant_breeding = _set(exemption_progress(policy, enrolments, catalogue), "PB")
    assert plant_breeding.count == policy.set_size - 1
    assert plant_breeding.needed == 1
    assert plant_breeding.missing == (course("PB4"),)
    assert plant_breeding.missing[0].release_date == course("PB4").release_date
    assert not plant_breeding.eligible


def test_set_passed_only_with_learning_fees_does_not_count(policy, enrol, catalogue):
    enrolments = [enrol(f"PB{n}", "learning") for n in range(1, policy.set_size + 1)]
    plant_breeding = _set(exemption_progress(policy, enrolments, catalogue), "PB")
    assert plant_breeding.count == 0
    assert plant_breeding.needed == policy.set_size
    assert not best_exemption(policy, enrolments, catalogue).eligible


def test_progress_lists_every_catalogue_set_in_order_with_courses_in_position_order(policy, enrol, catalogue):
    progress = exemption_progress(policy, [enrol("GN3"), enrol("GN1")], catalogue)
    assert [p.set_code for p in progress] == ["PB", "GN", "LS", "BI"]
    genomics = _set(progress, "GN")
    assert [c.code for c in genomics.passed] == ["GN1", "GN3"]
    assert [c.code for c in genomics.missing] == ["GN2", "GN4"]


def test_course_outside_the_catalogue_still_counts_in_its_set(policy, enrol, catalogue):
    enrolments = [enrol("PB1")]
    progress = exemption_progress(policy, enrolments, catalogue[1:])
    assert _set(progress, "PB").count == 1
    assert [c.code for c in _set(progress, "PB").missing] == ["PB2", "PB3", "PB4"]


def test_no_passes_means_no_closest_set(policy, enrol, catalogue):
    position = best_exemption(policy, [enrol("PB1", "learning")], catalogue)
    assert position.closest is None
    assert len(position.progress) == len({c.set_code for c in catalogue})


def test_empty_catalogue_and_no_enrolments_give_an_empty_position(policy):
    position = best_exemption(policy, [], ())
    assert position.progress == () and position.closest is None and not position.eligible


def test_credited_courses_are_distinct_and_ordered(policy, enrol):
    courses = credited_courses(policy, [enrol("LS2"), enrol("GN4"), enrol("GN2"), enrol("LS2", "topped_up")])
    assert [c.code for c in courses] == ["GN2", "GN4", "LS2"]


# "the recognition of microcredential learning towards these awards is limited to a maximum of 20
#  credits and only on the specified schemes outlined (above), which must be drawn from one set of
#  microcredentials."


def test_two_complete_sets_still_recognise_only_20_credits_and_refer_the_choice(policy, enrol, catalogue):
    enrolments = [enrol(f"{s}{n}") for s in ("PB", "LS") for n in range(1, policy.set_size + 1)]
    position = best_exemption(policy, enrolments, catalogue)
    assert position.eligible
    assert position.recognised_credits == policy.max_recognised_credits
    assert [p.set_name for p in position.complete_sets] == ["Plant Breeding", "Livestock Science"]
    assert position.counted_set is None
    assert isinstance(position.note, NotCovered)
    assert "Plant Breeding and Livestock Science" in position.note.question
    assert "academic department" in position.note.advice


# "to be recognised as part of the BioInnovation or Agrifood Innovation MSc programme"


def test_a_whole_set_passed_with_credits_earns_20_credits(policy):
    assert credits_for_courses(policy, policy.set_size) == 20
    assert credits_for_courses(policy, 0) == 0


def test_a_negative_number_of_courses_earns_no_credits(policy):
    with pytest.raises(ValueError, match="negative"):
        credits_for_courses(policy, -1)
