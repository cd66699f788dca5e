"""How are they assessed? — assessment types, pass marks and pass/fail outcomes."""

from __future__ import annotations

import pytest

from bot.rules import assessment_for, pass_mark, reported_outcome, resit_after_fail
from bot.rules.model import AssessmentType, NotCovered, Outcome

# "It will either be a 1500-word report or a data set analysis, which needs to meet a pass-mark of 50%."


def test_report_and_data_analysis_pass_at_50_percent(policy):
    for kind in (AssessmentType.REPORT, AssessmentType.DATA_ANALYSIS):
        assert pass_mark(policy, kind) == policy.assessments[kind].pass_mark


def test_report_is_1500_words(policy):
    assert policy.assessments[AssessmentType.REPORT].label == f"{policy.report_words}-word report"


# "Alternatively, you may have to take a Master's-level test, which requires a pass-mark of 70%."


def test_masters_level_test_passes_at_70_percent(policy):
    assert pass_mark(policy, AssessmentType.MASTERS_TEST) == policy.assessments[AssessmentType.MASTERS_TEST].pass_mark


def test_pass_mark_accepts_the_type_as_text(policy):
    assert pass_mark(policy, "masters_test") == pass_mark(policy, AssessmentType.MASTERS_TEST)


def test_unknown_assessment_type_is_refused(policy):
    with pytest.raises(ValueError):
        pass_mark(policy, "essay")


# "The type of assessment you will receive depends on the course you have taken."


def test_assessment_depends_on_the_course(policy, course):
    plant_breeding_3 = course("PB3")
    assert assessment_for(policy, plant_breeding_3) == policy.assessments[plant_breeding_3.assessment]


# "the final outcome of your assessment will be categorised as either 'pass' or 'fail', without
#  indicating specific marks or grades."


@pytest.mark.parametrize(
    ("outcome", "said"),
    [(Outcome.PASS, "pass"), (Outcome.FAIL, "fail"), (Outcome.PENDING, "pending"), (Outcome.NONE, "not attempted")],
)
def test_outcome_is_reported_as_pass_or_fail_only(outcome, said):
    assert reported_outcome(outcome) == said


def test_reported_outcomes_of_a_result_are_the_policys(policy):
    assert {reported_outcome(Outcome.PASS), reported_outcome(Outcome.FAIL)} == set(policy.outcome_values)


def test_reported_outcome_accepts_stored_text():
    assert reported_outcome("pass") == "pass"


def test_resits_are_not_covered_by_the_page():
    assert isinstance(resit_after_fail(), NotCovered)
