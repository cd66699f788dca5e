"""Final assessments: which kind, the pass mark, and how the outcome is reported."""

from __future__ import annotations

from typing import Union

from bot.rules.model import AssessmentType, Course, NotCovered, Outcome
from bot.rules.policy import AssessmentRule, Policy

_REPORTED = {
    Outcome.PASS: "pass",
    Outcome.FAIL: "fail",
    Outcome.PENDING: "pending",
    Outcome.NONE: "not attempted",
}


def assessment_rule(policy: Policy, assessment_type: Union[AssessmentType, str]) -> AssessmentRule:
    """The rule (label and pass mark) for one kind of final assessment.

    Page: "The type of assessment you will receive depends on the course you have taken."
    """
    return policy.assessments[AssessmentType(assessment_type)]


def assessment_for(policy: Policy, course: Course) -> AssessmentRule:
    """The final assessment of a course.

    Page: "The type of assessment you will receive depends on the course you have taken."
    """
    return assessment_rule(policy, course.assessment)


def pass_mark(policy: Policy, assessment_type: Union[AssessmentType, str]) -> int:
    """The pass mark, in percent, of one kind of final assessment.

    Page: "It will either be a 1500-word report or a data set analysis, which needs to meet a
    pass-mark of 50%. Alternatively, you may have to take a Master's-level test, which requires
    a pass-mark of 70%."
    """
    return assessment_rule(policy, assessment_type).pass_mark


def reported_outcome(outcome: Union[Outcome, str]) -> str:
    """The outcome as a learner is told it: pass, fail, pending or not attempted, never a mark.

    Page: "the final outcome of your assessment will be categorised as either 'pass' or 'fail',
    without indicating specific marks or grades."
    """
    return _REPORTED[Outcome(outcome)]


def resit_after_fail() -> NotCovered:
    """The page does not say whether a failed final assessment can be retaken: refer the question.

    Page: "the final outcome of your assessment will be categorised as either 'pass' or 'fail',
    without indicating specific marks or grades."
    """
    return NotCovered(
        question="Can I retake a final assessment I have failed?",
        reason="The page says outcomes are pass or fail but says nothing about resits.",
    )
