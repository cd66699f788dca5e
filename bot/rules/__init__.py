"""The programme's regulations as code: pure functions over the frozen dataclasses of `model`.

Every function takes the `Policy` (numbers from bot/policy.yaml) and plain values, never reads the
clock ("today" is a parameter) and imports neither Rasa nor SQLAlchemy. Each public function's
docstring quotes the sentence of the "About Microcredentials" page it implements; where the page is
silent a function returns `NotCovered` instead of guessing.
"""

from bot.rules.assessment import (
    assessment_for,
    assessment_rule,
    pass_mark,
    reported_outcome,
    resit_after_fail,
)
from bot.rules.credits import (
    best_exemption,
    counts_for_credit,
    credited_courses,
    credits_earned,
    credits_for_courses,
    exemption_progress,
)
from bot.rules.fees import cost_of_courses, fee_for, is_credit_bearing, top_up_deadline, top_up_due, top_up_for_courses
from bot.rules.model import (
    AssessmentType,
    Course,
    Deduction,
    Enrolment,
    ExemptionPosition,
    Learner,
    NotCovered,
    Outcome,
    Payments,
    ReRegistration,
    SetProgress,
    SpendItem,
)
from bot.rules.registration import academic_year_of, registration_end, reregistration
from bot.rules.upgrade import (
    calculator_spend,
    counted_spend,
    deduction_for_spend,
    exemption_with_deduction,
    upgrade_deduction,
)

__all__ = [
    # model
    "AssessmentType",
    "Course",
    "Deduction",
    "Enrolment",
    "ExemptionPosition",
    "Learner",
    "NotCovered",
    "Outcome",
    "Payments",
    "ReRegistration",
    "SetProgress",
    "SpendItem",
    # fees
    "cost_of_courses",
    "fee_for",
    "is_credit_bearing",
    "top_up_deadline",
    "top_up_due",
    "top_up_for_courses",
    # credits and the exemption
    "best_exemption",
    "counts_for_credit",
    "credited_courses",
    "credits_earned",
    "credits_for_courses",
    "exemption_progress",
    # upgrading
    "calculator_spend",
    "counted_spend",
    "deduction_for_spend",
    "exemption_with_deduction",
    "upgrade_deduction",
    # registration
    "academic_year_of",
    "registration_end",
    "reregistration",
    # assessment
    "assessment_for",
    "assessment_rule",
    "pass_mark",
    "reported_outcome",
    "resit_after_fail",
]
