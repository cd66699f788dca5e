"""Frozen value types that the rule module takes and returns (no Rasa, no SQLAlchemy)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from typing import Optional, Tuple


class AssessmentType(str, enum.Enum):
    """The kinds of final assessment the page names."""

    REPORT = "report"  # a 1500-word report
    DATA_ANALYSIS = "data_analysis"  # a data set analysis
    MASTERS_TEST = "masters_test"  # a Master's-level test


class Outcome(str, enum.Enum):
    """State of an enrolment's final (credit) assessment; results are pass/fail only."""

    NONE = "none"  # not attempted / not applicable
    PENDING = "pending"  # submitted, awaiting result
    PASS = "pass"
    FAIL = "fail"


@dataclass(frozen=True)
class Course:
    """One microcredential in the catalogue."""

    code: str  # e.g. "PB2"
    title: str  # e.g. "Plant Breeding 2"
    set_code: str  # e.g. "PB"
    set_name: str  # e.g. "Plant Breeding"
    position: int  # 1..set size
    release_date: date
    bookable: bool
    assessment: AssessmentType


@dataclass(frozen=True)
class Payments:
    """What a learner has paid on one enrolment, in integer pence, by kind."""

    learning_fee: int = 0  # the learning-only fee
    top_up: int = 0  # top-up paid later to convert to credit-bearing
    credit_fee: int = 0  # the full credit-bearing fee paid up front

    @property
    def total(self) -> int:
        """Everything paid on this enrolment."""
        return self.learning_fee + self.top_up + self.credit_fee


@dataclass(frozen=True)
class Enrolment:
    """A learner's registration on one course."""

    course: Course
    registered_on: date
    payments: Payments = field(default_factory=Payments)
    outcome: Outcome = Outcome.NONE


@dataclass(frozen=True)
class Learner:
    """A learner and their enrolments."""

    learner_id: str  # e.g. "L0001"
    name: str
    email: str
    enrolments: Tuple[Enrolment, ...] = ()


@dataclass(frozen=True)
class NotCovered:
    """The published rules do not decide this case: refer it to the enquiry team."""

    question: str
    reason: str
    advice: str = "This is not covered by the published rules: please ask the enquiry team."


OptionalDate = Optional[date]


@dataclass(frozen=True)
class SetProgress:
    """How far a learner has got towards completing one set of microcredentials."""

    set_code: str  # e.g. "PB"
    set_name: str  # e.g. "Plant Breeding"
    passed: Tuple[Course, ...]  # distinct courses passed with the credit fee paid, in position order
    count: int  # len(passed)
    needed: int  # courses still needed to complete the set (never negative)
    missing: Tuple[Course, ...]  # catalogue courses of the set not yet passed, in position order
    eligible: bool  # the set is complete: it can be recognised towards a qualification


@dataclass(frozen=True)
class ExemptionPosition:
    """A learner's position towards the credit exemption: only one set is ever recognised."""

    eligible: bool  # at least one complete set
    recognised_credits: int  # credits that may be recognised (0 until a set is complete)
    counted_set: Optional[SetProgress]  # the complete set, when exactly one is complete
    complete_sets: Tuple[SetProgress, ...]  # every complete set (more than one: see note)
    closest: Optional[SetProgress]  # the set with most passes (first in catalogue order on a tie)
    progress: Tuple[SetProgress, ...]  # every set, in catalogue order
    eligible_programmes: Tuple[str, ...]  # the only programmes recognition applies to
    note: Optional[NotCovered] = None  # set when the page does not decide (two complete sets)


@dataclass(frozen=True)
class SpendItem:
    """What one enrolment adds to the deduction, by kind of payment, in pence."""

    course: Course
    learning_fee: int  # the learning-only fee paid
    top_up: int  # the top-up paid, when top-ups count towards the deduction (else 0)
    credit_fee: int  # the credit fee paid up front
    counted: int  # the enrolment's total that counts


@dataclass(frozen=True)
class Deduction:
    """What would come off the first module on upgrading to a full programme, with the steps to show."""

    spent: int  # pence spent on microcredentials that counts towards the deduction
    cap: int  # pence: the value of the capped number of modules
    amount: int  # pence deducted: min(spent, cap)
    capped: bool  # spent exceeded the cap
    items: Tuple[SpendItem, ...] = ()  # one per enrolment with anything paid (empty for the calculator)
    cap_is_sample: bool = False  # the module fee is a SAMPLE value in policy.yaml


@dataclass(frozen=True)
class ReRegistration:
    """A registration period and whether it needs re-registering at the start of an academic year."""

    registered_on: date
    ends: date  # last day of the registration
    needed: bool  # the registration spans an academic year
    reregister_on: Optional[date]  # the academic-year start inside the registration, if any
    already_past: bool  # that date is before today
    expired: bool  # the whole registration ended before today
