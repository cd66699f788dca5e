"""Fixtures for the rule and policy unit tests: the real policy and a small sample catalogue."""

from __future__ import annotations

from datetime import date
from typing import Callable, Dict, Tuple

import pytest

from bot.files.policy import load_policy
from bot.rules.model import AssessmentType, Course, Enrolment, Outcome, Payments
from bot.rules.policy import Policy

SAMPLE_SETS = (("PB", "Plant Breeding"), ("GN", "Genomics"), ("LS", "Livestock Science"), ("BI", "Bioinformatics"))
ASSESSMENTS = (AssessmentType.REPORT, AssessmentType.DATA_ANALYSIS, AssessmentType.MASTERS_TEST)


@pytest.fixture(scope="session")
def policy() -> Policy:
    """The policy read from bot/policy.yaml."""
    return load_policy()


@pytest.fixture(scope="session")
def catalogue(policy: Policy) -> Tuple[Course, ...]:
    """A sample catalogue: every set complete, the last course of each released later and not yet bookable."""
    return tuple(
        Course(
            code=f"{code}{position}",
            title=f"{name} {position}",
            set_code=code,
            set_name=name,
            position=position,
            release_date=date(2025, 1 + 2 * position, 1),
            bookable=position < policy.set_size,
            assessment=ASSESSMENTS[position % len(ASSESSMENTS)],
        )
        for code, name in SAMPLE_SETS
        for position in range(1, policy.set_size + 1)
    )


@pytest.fixture(scope="session")
def course(catalogue: Tuple[Course, ...]) -> Callable[[str], Course]:
    """Look a catalogue course up by code."""
    by_code = {c.code: c for c in catalogue}
    return by_code.__getitem__


@pytest.fixture(scope="session")
def paid(policy: Policy) -> Dict[str, Payments]:
    """The ways an enrolment can be paid for, by name."""
    return {
        "nothing": Payments(),
        "learning": Payments(learning_fee=policy.learning_fee),
        "credit": Payments(credit_fee=policy.credit_fee),
        "topped_up": Payments(learning_fee=policy.learning_fee, top_up=policy.top_up),
    }


@pytest.fixture(scope="session")
def enrol(course: Callable[[str], Course], paid: Dict[str, Payments]) -> Callable[..., Enrolment]:
    """Build an enrolment: enrol("PB1", "topped_up", Outcome.PASS)."""

    def build(
        code: str, payment: str = "credit", outcome: Outcome = Outcome.PASS, registered_on: date = date(2025, 3, 10)
    ) -> Enrolment:
        return Enrolment(course=course(code), registered_on=registered_on, payments=paid[payment], outcome=outcome)

    return build
