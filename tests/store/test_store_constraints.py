"""Database constraints hold on every backend, whatever the Python code does."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from bot.store.db import get_engine
from bot.store.schema import CourseRow, EnquiryRow, EnrolmentRow, LearnerRow


@pytest.fixture
def engine(migrated_url):
    """The engine with one learner and one course inserted."""
    engine = get_engine(migrated_url)
    with engine.begin() as connection:
        connection.execute(insert(LearnerRow.__table__).values(id="L0001", name="Jane Doe", email="jane@example.org"))
        connection.execute(insert(CourseRow.__table__).values(**course_values("PB1", 1)))
    return engine


def course_values(code: str, position: int, **overrides) -> dict:
    """Column values for a courses row."""
    values = dict(
        code=code,
        title=f"Course {code}",
        set_code="PB",
        set_name="Plant Breeding",
        position=position,
        release_date=date(2025, 1, 13),
        bookable=True,
        assessment="report",
        description="",
        sort_order=1,
    )
    values.update(overrides)
    return values


def enrolment_values(**overrides) -> dict:
    """Column values for an enrolments row."""
    values = dict(
        learner_id="L0001",
        course_code="PB1",
        registered_on=date(2026, 1, 5),
        paid_learning_fee=0,
        paid_top_up=0,
        paid_credit_fee=0,
        outcome="none",
    )
    values.update(overrides)
    return values


def insert_fails(engine, table, values) -> None:
    """Assert that inserting the row violates a constraint."""
    with pytest.raises(IntegrityError):
        with engine.begin() as connection:
            connection.execute(insert(table).values(**values))


def test_valid_enrolment_is_accepted(engine):
    with engine.begin() as connection:
        connection.execute(insert(EnrolmentRow.__table__).values(**enrolment_values(outcome="pass")))


def test_learner_email_is_unique(engine):
    insert_fails(engine, LearnerRow.__table__, dict(id="L0002", name="Other", email="jane@example.org"))


def test_learner_and_course_unique_per_enrolment(engine):
    with engine.begin() as connection:
        connection.execute(insert(EnrolmentRow.__table__).values(**enrolment_values()))
    insert_fails(engine, EnrolmentRow.__table__, enrolment_values(registered_on=date(2026, 3, 1)))


@pytest.mark.parametrize("column", ["paid_learning_fee", "paid_top_up", "paid_credit_fee"])
def test_negative_amount_is_rejected(engine, column):
    insert_fails(engine, EnrolmentRow.__table__, enrolment_values(**{column: -1}))


def test_unknown_outcome_is_rejected(engine):
    insert_fails(engine, EnrolmentRow.__table__, enrolment_values(outcome="distinction"))


def test_enrolment_needs_an_existing_learner(engine):
    insert_fails(engine, EnrolmentRow.__table__, enrolment_values(learner_id="L9999"))


def test_enrolment_needs_an_existing_course(engine):
    insert_fails(engine, EnrolmentRow.__table__, enrolment_values(course_code="XX9"))


def test_deleting_a_learner_deletes_their_enrolments(engine):
    with engine.begin() as connection:
        connection.execute(insert(EnrolmentRow.__table__).values(**enrolment_values()))
        connection.execute(LearnerRow.__table__.delete().where(LearnerRow.__table__.c.id == "L0001"))
        assert connection.execute(select(EnrolmentRow.__table__)).all() == []


def test_a_course_with_enrolments_cannot_be_deleted(engine):
    with engine.begin() as connection:
        connection.execute(insert(EnrolmentRow.__table__).values(**enrolment_values()))
    with pytest.raises(IntegrityError):
        with engine.begin() as connection:
            connection.execute(CourseRow.__table__.delete().where(CourseRow.__table__.c.code == "PB1"))


def test_unknown_assessment_type_is_rejected(engine):
    insert_fails(engine, CourseRow.__table__, course_values("PB2", 2, assessment="essay"))


def test_position_in_set_is_unique(engine):
    insert_fails(engine, CourseRow.__table__, course_values("PB9", 1))


def test_position_must_be_positive(engine):
    insert_fails(engine, CourseRow.__table__, course_values("PB0", 0))


def enquiry_values(**overrides) -> dict:
    """Column values for an enquiries row."""
    values = dict(
        created_at=datetime(2026, 11, 1, tzinfo=timezone.utc),
        name="Jane",
        email="jane@example.org",
        question="When does Plant Breeding 4 start?",
        consent=True,
        status="new",
    )
    values.update(overrides)
    return values


def test_unknown_enquiry_status_is_rejected(engine):
    insert_fails(engine, EnquiryRow.__table__, enquiry_values(status="archived"))


def test_an_enquiry_language_other_than_english_or_welsh_is_rejected(engine):
    insert_fails(engine, EnquiryRow.__table__, enquiry_values(language="fr"))


def test_handled_enquiry_needs_a_handled_time(engine):
    insert_fails(engine, EnquiryRow.__table__, enquiry_values(status="handled"))


def test_new_enquiry_has_no_handled_time(engine):
    insert_fails(engine, EnquiryRow.__table__, enquiry_values(handled_at=datetime(2026, 11, 2, tzinfo=timezone.utc)))
