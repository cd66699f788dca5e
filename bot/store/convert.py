"""Turn ORM rows into the frozen rules dataclasses (and records) so no ORM object leaves a session."""

from __future__ import annotations

from bot.rules.model import AssessmentType, Course, Enrolment, Learner, Outcome, Payments
from bot.store.records import Enquiry, EnquiryStatus
from bot.store.schema import CourseRow, EnquiryRow, EnrolmentRow, LearnerRow


def course_from_row(row: CourseRow) -> Course:
    """A Course from a courses row."""
    return Course(
        code=row.code,
        title=row.title,
        set_code=row.set_code,
        set_name=row.set_name,
        position=row.position,
        release_date=row.release_date,
        bookable=bool(row.bookable),
        assessment=AssessmentType(row.assessment),
    )


def enrolment_from_row(row: EnrolmentRow) -> Enrolment:
    """An Enrolment (with its Course and Payments in pence) from an enrolments row."""
    return Enrolment(
        course=course_from_row(row.course),
        registered_on=row.registered_on,
        payments=Payments(learning_fee=row.paid_learning_fee, top_up=row.paid_top_up, credit_fee=row.paid_credit_fee),
        outcome=Outcome(row.outcome),
    )


def learner_from_row(row: LearnerRow) -> Learner:
    """A Learner with its enrolments ordered by registration date, then course code."""
    ordered = sorted(row.enrolments, key=lambda e: (e.registered_on, e.course_code))
    return Learner(
        learner_id=row.id,
        name=row.name,
        email=row.email,
        enrolments=tuple(enrolment_from_row(e) for e in ordered),
    )


def enquiry_from_row(row: EnquiryRow) -> Enquiry:
    """An Enquiry record from an enquiries row."""
    return Enquiry(
        id=row.id,
        created_at=row.created_at,
        conversation_id=row.conversation_id,
        name=row.name,
        email=row.email,
        question=row.question,
        consent=bool(row.consent),
        status=EnquiryStatus(row.status),
        handled_at=row.handled_at,
        handled_by=row.handled_by,
        language=row.language,
    )
