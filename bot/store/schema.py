"""ORM table definitions of the enrolment store (SQLAlchemy 1.4, 2.0 style). Never leave this package."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any, Optional, Sequence

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import registry, relationship
from sqlalchemy.types import TypeDecorator

from bot.rules.model import AssessmentType, Outcome
from bot.store.records import DEFAULT_ENQUIRY_LANGUAGE, ENQUIRY_LANGUAGES

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ENQUIRY_STATUSES = ("new", "handled")
OUTCOME_VALUES = tuple(outcome.value for outcome in Outcome)
ASSESSMENT_VALUES = tuple(kind.value for kind in AssessmentType)

metadata = MetaData(naming_convention=NAMING_CONVENTION)
mapper_registry = registry(metadata=metadata)


@mapper_registry.as_declarative_base()
class Base:
    """The declarative base of every table below (they share `metadata`)."""

    if TYPE_CHECKING:  # the constructor SQLAlchemy generates: one keyword argument per column

        def __init__(self, **columns: Any) -> None: ...


def _in_list(column: str, values: Sequence[str]) -> str:
    """SQL text for `column IN ('a', 'b')` from a tuple of plain identifiers."""
    return f"{column} IN ({', '.join(repr(str(v)) for v in values)})"


class UTCDateTime(TypeDecorator):  # type: ignore[misc]  # SQLAlchemy 1.4 ships no type information
    """A timestamp stored in UTC and always returned timezone-aware (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Optional[datetime], dialect: Dialect) -> Optional[datetime]:
        """Require aware datetimes; store UTC (naive on SQLite)."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Optional[datetime], dialect: Dialect) -> Optional[datetime]:
        """Return an aware UTC datetime."""
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class LearnerRow(Base):
    """A learner (the bot's demo and staff look-ups); email is stored lower-cased."""

    __tablename__ = "learners"

    id = Column(String(16), primary_key=True)
    name = Column(String(200), nullable=False)
    email = Column(String(320), nullable=False)

    enrolments = relationship(
        "EnrolmentRow", back_populates="learner", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (UniqueConstraint("email", name="uq_learners_email"),)


class CourseRow(Base):
    """One microcredential, imported from bot/data/catalogue.yaml."""

    __tablename__ = "courses"

    code = Column(String(16), primary_key=True)
    title = Column(String(200), nullable=False)
    set_code = Column(String(16), nullable=False)
    set_name = Column(String(200), nullable=False)
    position = Column(Integer, nullable=False)
    release_date = Column(Date, nullable=False)
    bookable = Column(Boolean, nullable=False)
    assessment = Column(String(32), nullable=False)
    description = Column(Text, nullable=False, default="")
    sort_order = Column(Integer, nullable=False, default=0)

    __table_args__ = (
        UniqueConstraint("title", name="uq_courses_title"),
        UniqueConstraint("set_code", "position", name="uq_courses_set_code_position"),
        CheckConstraint("position >= 1", name="position_positive"),
        CheckConstraint(_in_list("assessment", ASSESSMENT_VALUES), name="assessment_known"),
    )


class EnrolmentRow(Base):
    """A learner's registration on one course, with what was paid (integer pence) and the outcome."""

    __tablename__ = "enrolments"

    id = Column(Integer, primary_key=True, autoincrement=True)
    learner_id = Column(String(16), ForeignKey("learners.id", ondelete="CASCADE"), nullable=False)
    course_code = Column(String(16), ForeignKey("courses.code"), nullable=False)
    registered_on = Column(Date, nullable=False)
    paid_learning_fee = Column(Integer, nullable=False, default=0)
    paid_top_up = Column(Integer, nullable=False, default=0)
    paid_credit_fee = Column(Integer, nullable=False, default=0)
    outcome = Column(String(16), nullable=False, default=Outcome.NONE.value)

    learner = relationship("LearnerRow", back_populates="enrolments")
    course = relationship("CourseRow", lazy="joined")

    __table_args__ = (
        UniqueConstraint("learner_id", "course_code", name="uq_enrolments_learner_id_course_code"),
        CheckConstraint("paid_learning_fee >= 0", name="paid_learning_fee_non_negative"),
        CheckConstraint("paid_top_up >= 0", name="paid_top_up_non_negative"),
        CheckConstraint("paid_credit_fee >= 0", name="paid_credit_fee_non_negative"),
        CheckConstraint(_in_list("outcome", OUTCOME_VALUES), name="outcome_known"),
        Index("ix_enrolments_course_code", "course_code"),
    )


class EnquiryRow(Base):
    """An enquiry left for the enquiry team (with the visitor's consent to store it)."""

    __tablename__ = "enquiries"

    id = Column(Integer, primary_key=True, autoincrement=True)
    created_at = Column(UTCDateTime(), nullable=False, default=lambda: datetime.now(timezone.utc))
    conversation_id = Column(String(128), nullable=True)
    name = Column(String(200), nullable=False)
    email = Column(String(320), nullable=False)
    question = Column(Text, nullable=False)
    consent = Column(Boolean, nullable=False)
    status = Column(String(16), nullable=False, default="new")
    handled_at = Column(UTCDateTime(), nullable=True)
    handled_by = Column(String(200), nullable=True)
    # The language the enquiry was left in, kept for the Welsh Language Standards (Standard 2): "en" or "cy".
    language = Column(
        String(2), nullable=False, default=DEFAULT_ENQUIRY_LANGUAGE, server_default=DEFAULT_ENQUIRY_LANGUAGE
    )

    __table_args__ = (
        CheckConstraint(_in_list("status", ENQUIRY_STATUSES), name="status_known"),
        CheckConstraint(_in_list("language", ENQUIRY_LANGUAGES), name="language_known"),
        CheckConstraint(
            "(status = 'new' AND handled_at IS NULL) OR (status = 'handled' AND handled_at IS NOT NULL)",
            name="handled_consistent",
        ),
        Index("ix_enquiries_status_created_at", "status", "created_at"),
        Index("ix_enquiries_email", "email"),
    )
