"""The programme's numbers as one frozen value: the `Policy` every rule takes (no I/O; see bot.files.policy).

Every fee, credit, duration, pass mark and set size the bot states or computes with lives in a `Policy`;
money is held in integer pence. bot/files/policy.py reads and validates bot/policy.yaml into one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import FrozenSet, Mapping, Optional, Tuple, Union

from bot.rules.model import AssessmentType
from bot.rules.money import pounds

__all__ = ["AssessmentRule", "Contact", "Policy"]


@dataclass(frozen=True)
class AssessmentRule:
    """One kind of final assessment and the mark it must meet."""

    kind: AssessmentType
    label: str  # e.g. "1500-word report"
    pass_mark: int  # percent
    words: Optional[int] = None  # word count, for a written report


@dataclass(frozen=True)
class Contact:
    """Where learners enquire, book and download (all SAMPLE values until the department replaces them)."""

    enquiry_email: str
    enquiry_url: str
    booking_url: str
    course_list_url: str
    brochure_url: str
    research_proposal_form_url: str
    privacy_url: str


@dataclass(frozen=True)
class Policy:
    """Every number of the programme's regulations, money in integer pence."""

    learning_fee: int
    credit_fee: int
    top_up: int
    credits_per_microcredential: int
    completion_weeks: int
    registration_months: int
    academic_year_start_month: int
    assessments: Mapping[AssessmentType, AssessmentRule] = field(hash=False)
    report_words: int
    outcome_values: Tuple[str, ...]
    set_size: int
    exemption_credits: int
    max_recognised_credits: int
    eligible_programmes: Tuple[str, ...]
    module_credits: int
    module_fee: int
    deduction_counts_top_ups: bool
    deduction_cap_modules: int
    contact: Contact
    sample_keys: FrozenSet[str] = frozenset()  # dotted keys whose values are SAMPLES to be replaced

    @property
    def deduction_cap(self) -> int:
        """The most that can be deducted on upgrading, in pence."""
        return self.deduction_cap_modules * self.module_fee

    def is_sample(self, key: str) -> bool:
        """True when the value at this dotted key is a SAMPLE the department must replace."""
        return key in self.sample_keys

    def numbers_by_kind(self) -> Mapping[str, FrozenSet[Union[int, float]]]:
        """The numbers a user-facing text may state, by kind: a week count must be a week count of the policy."""
        years = (self.registration_months // 12,) if self.registration_months % 12 == 0 else ()
        return {
            "money": frozenset(
                map(pounds, (self.learning_fee, self.credit_fee, self.top_up, self.module_fee, self.deduction_cap))
            ),
            "percentage": frozenset(rule.pass_mark for rule in self.assessments.values()),
            "weeks": frozenset((self.completion_weeks,)),
            "months": frozenset((self.registration_months,)),
            "years": frozenset(years),
            "credits": frozenset(
                (
                    self.credits_per_microcredential,
                    self.exemption_credits,
                    self.max_recognised_credits,
                    self.module_credits,
                    self.set_size * self.credits_per_microcredential,
                )
            ),
            "word count": frozenset((self.report_words,)),
            "courses": frozenset((self.set_size, 1)),  # "four courses", "one set"
            "modules": frozenset((self.deduction_cap_modules, 1)),
            "programmes": frozenset((len(self.eligible_programmes),)),
        }

    def stated_numbers(self) -> FrozenSet[Union[int, float]]:
        """Every number a user-facing text may legitimately state, derived from this policy."""
        fees = (self.learning_fee, self.credit_fee, self.top_up, self.module_fee, self.deduction_cap)
        years = (self.registration_months // 12,) if self.registration_months % 12 == 0 else ()
        counts = (
            self.credits_per_microcredential,
            self.completion_weeks,
            self.registration_months,
            self.report_words,
            self.set_size,
            self.exemption_credits,
            self.max_recognised_credits,
            self.module_credits,
            self.deduction_cap_modules,
            self.set_size * self.credits_per_microcredential,
            len(self.eligible_programmes),
            1,  # "one set", "one 20-credit module"
        )
        marks = tuple(rule.pass_mark for rule in self.assessments.values())
        return frozenset((*map(pounds, fees), *years, *counts, *marks))
