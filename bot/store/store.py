"""The Store: the one object the Rasa actions and the CLI use to read and write the database.

Every method opens its own short Session (a unit of work) and returns frozen dataclasses, so a Store is
safe to share between threads (the actions call it through asyncio.to_thread).
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta, timezone
from typing import Any, Callable, Optional, ParamSpec, Tuple, TypeVar, Union

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import selectinload
from sqlalchemy.sql import Select

from bot.rules.model import Course, Learner
from bot.rules.refs import EMAIL_PATTERN, normalise_email, normalise_learner_id
from bot.store.convert import course_from_row, enquiry_from_row, learner_from_row
from bot.store.db import get_engine, make_sessionmaker
from bot.store.records import DEFAULT_ENQUIRY_LANGUAGE, ENQUIRY_LANGUAGES, Enquiry, EnquiryStatus
from bot.store.schema import CourseRow, EnquiryRow, EnrolmentRow, LearnerRow

T = TypeVar("T")
P = ParamSpec("P")

MAX_NAME = 200
MAX_EMAIL = 320
MAX_QUESTION = 5000
MAX_CONVERSATION_ID = 128
DEFAULT_ENQUIRY_LIMIT = 50


class StoreError(RuntimeError):
    """A store operation failed: bad input, or the database refused or could not be reached."""


def utc_now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(timezone.utc)


def _database_errors(method: Callable[P, T]) -> Callable[P, T]:
    """Re-raise SQLAlchemy errors as StoreError so callers catch one exception type."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return method(*args, **kwargs)
        except SQLAlchemyError as exc:
            raise StoreError(f"{method.__name__} failed: {exc.__class__.__name__}: {exc}") from exc

    return wrapper


class Store:
    """Read learners and the catalogue, and keep enquiries; one short session per call."""

    def __init__(self, url: Optional[str] = None, *, engine: Optional[Engine] = None) -> None:
        """Use the given engine, else the cached engine for url / $BOT_DB_URL / the default SQLite file."""
        self.engine = engine if engine is not None else get_engine(url)
        self._sessions = make_sessionmaker(self.engine)

    # --- learners -------------------------------------------------------------------------------

    @_database_errors
    def learner(self, learner_id: str) -> Optional[Learner]:
        """The learner with this id (any case), with their enrolments, or None."""
        wanted = normalise_learner_id(learner_id)
        return self._one_learner(LearnerRow.id == wanted)

    @_database_errors
    def learner_by_email(self, email: str) -> Optional[Learner]:
        """The learner with this email (any case), or None."""
        return self._one_learner(LearnerRow.email == normalise_email(email))

    def find_learner(self, ref: str) -> Optional[Learner]:
        """A learner by id ("L0003") or email ("jane@example.org", any case), or None."""
        ref = ref.strip()
        if not ref:
            return None
        if "@" in ref:
            return self.learner_by_email(ref)
        return self.learner(ref)

    @_database_errors
    def learners(self) -> Tuple[Learner, ...]:
        """Every learner, ordered by id."""
        with self._sessions() as session:
            rows = session.scalars(self._learner_query().order_by(LearnerRow.id)).all()
            return tuple(learner_from_row(row) for row in rows)

    def _one_learner(self, condition: Any) -> Optional[Learner]:
        """Load at most one learner matching condition, converted to a dataclass inside the session."""
        with self._sessions() as session:
            row = session.scalars(self._learner_query().where(condition)).first()
            return learner_from_row(row) if row is not None else None

    @staticmethod
    def _learner_query() -> Select:
        """SELECT learners with their enrolments and courses eagerly loaded."""
        return select(LearnerRow).options(selectinload(LearnerRow.enrolments).joinedload(EnrolmentRow.course))

    # --- catalogue ------------------------------------------------------------------------------

    @_database_errors
    def catalogue(self) -> Tuple[Course, ...]:
        """Every course, in catalogue-file order."""
        with self._sessions() as session:
            rows = session.scalars(select(CourseRow).order_by(CourseRow.sort_order, CourseRow.code)).all()
            return tuple(course_from_row(row) for row in rows)

    @_database_errors
    def course(self, code: str) -> Optional[Course]:
        """The course with this code (any case), or None."""
        with self._sessions() as session:
            row = session.get(CourseRow, code.strip().upper())
            return course_from_row(row) if row is not None else None

    @_database_errors
    def course_description(self, code: str) -> Optional[str]:
        """The one-line description of a course, or None when there is no such course."""
        with self._sessions() as session:
            row = session.get(CourseRow, code.strip().upper())
            return row.description if row is not None else None

    # --- enquiries ------------------------------------------------------------------------------

    @_database_errors
    def add_enquiry(
        self,
        *,
        name: str,
        email: str,
        question: str,
        consent: bool,
        conversation_id: Optional[str] = None,
        now: Optional[datetime] = None,
        language: str = DEFAULT_ENQUIRY_LANGUAGE,
    ) -> int:
        """Store a new enquiry and commit; return its id. Raises StoreError on bad input or failure.

        `language` is the language the enquiry was left in, "en" or "cy" (anything else is recorded as "en").
        """
        row = EnquiryRow(
            created_at=now or utc_now(),
            conversation_id=_optional_text(conversation_id, "conversation_id", MAX_CONVERSATION_ID),
            name=_required_text(name, "name", MAX_NAME),
            email=_valid_email(email),
            question=_required_text(question, "question", MAX_QUESTION),
            consent=_given_consent(consent),
            status=EnquiryStatus.NEW.value,
            language=enquiry_language(language),
        )
        with self._sessions.begin() as session:
            session.add(row)
            session.flush()
            return int(row.id)

    @_database_errors
    def enquiries(
        self, status: Union[EnquiryStatus, str, None] = None, limit: int = DEFAULT_ENQUIRY_LIMIT
    ) -> Tuple[Enquiry, ...]:
        """Enquiries, newest first, optionally only those with a status ("new" or "handled")."""
        if limit < 1:
            raise StoreError("limit must be at least 1")
        query = select(EnquiryRow).order_by(EnquiryRow.created_at.desc(), EnquiryRow.id.desc()).limit(limit)
        if status is not None:
            query = query.where(EnquiryRow.status == _status(status).value)
        with self._sessions() as session:
            return tuple(enquiry_from_row(row) for row in session.scalars(query).all())

    @_database_errors
    def enquiry(self, enquiry_id: int) -> Optional[Enquiry]:
        """One enquiry by id, or None."""
        with self._sessions() as session:
            row = session.get(EnquiryRow, int(enquiry_id))
            return enquiry_from_row(row) if row is not None else None

    @_database_errors
    def mark_enquiry_handled(self, enquiry_id: int, by: str, now: Optional[datetime] = None) -> Optional[Enquiry]:
        """Mark an enquiry handled by a staff member; None if there is no such enquiry.

        An enquiry that is already handled keeps its original handler and time.
        """
        handler = _required_text(by, "by", MAX_NAME)
        with self._sessions.begin() as session:
            row = session.get(EnquiryRow, int(enquiry_id), with_for_update=True)
            if row is None:
                return None
            if row.status != EnquiryStatus.HANDLED.value:
                row.status = EnquiryStatus.HANDLED.value
                row.handled_at = now or utc_now()
                row.handled_by = handler
                session.flush()
            return enquiry_from_row(row)

    @_database_errors
    def delete_enquiries_by_email(self, email: str) -> int:
        """Erase every enquiry from this email address (GDPR erasure); return how many were deleted."""
        wanted = normalise_email(email)
        if not wanted:
            raise StoreError("email must not be empty")
        with self._sessions.begin() as session:
            statement = delete(EnquiryRow).where(func.lower(EnquiryRow.email) == wanted)
            result = session.execute(statement.execution_options(synchronize_session=False))
            return int(result.rowcount or 0)

    @_database_errors
    def delete_enquiries_by_conversation(self, conversation_id: str) -> int:
        """Erase every enquiry left in this conversation (GDPR erasure); return how many were deleted."""
        wanted = (conversation_id or "").strip()
        if not wanted:
            raise StoreError("conversation_id must not be empty")
        with self._sessions.begin() as session:
            statement = delete(EnquiryRow).where(EnquiryRow.conversation_id == wanted)
            result = session.execute(statement.execution_options(synchronize_session=False))
            return int(result.rowcount or 0)

    @_database_errors
    def purge_enquiries_older_than(self, days: int, now: Optional[datetime] = None) -> int:
        """Delete enquiries created more than `days` days before now (retention); return how many."""
        if days < 0:
            raise StoreError("days must not be negative")
        cutoff = (now or utc_now()) - timedelta(days=days)
        with self._sessions.begin() as session:
            statement = delete(EnquiryRow).where(EnquiryRow.created_at < cutoff)
            result = session.execute(statement.execution_options(synchronize_session=False))
            return int(result.rowcount or 0)

    @_database_errors
    def count_enquiries(self, status: Union[EnquiryStatus, str, None] = None) -> int:
        """How many enquiries there are, optionally with a status."""
        query = select(func.count()).select_from(EnquiryRow)
        if status is not None:
            query = query.where(EnquiryRow.status == _status(status).value)
        with self._sessions() as session:
            return int(session.scalar(query) or 0)


def _status(status: Union[EnquiryStatus, str]) -> EnquiryStatus:
    """Parse an enquiry status, raising StoreError for unknown values."""
    try:
        return EnquiryStatus(status)
    except ValueError:
        known = ", ".join(s.value for s in EnquiryStatus)
        raise StoreError(f"unknown enquiry status {status!r} (known: {known})") from None


def enquiry_language(language: object) -> str:
    """The language to record for an enquiry: "en" or "cy" exactly (any case, trimmed); anything else is "en"."""
    code = str(language or "").strip().lower()
    return code if code in ENQUIRY_LANGUAGES else DEFAULT_ENQUIRY_LANGUAGE


def _required_text(value: str, field: str, limit: int) -> str:
    """Trimmed non-empty text no longer than limit."""
    text = (value or "").strip()
    if not text:
        raise StoreError(f"{field} must not be empty")
    if len(text) > limit:
        raise StoreError(f"{field} is longer than {limit} characters")
    return text


def _optional_text(value: Optional[str], field: str, limit: int) -> Optional[str]:
    """Trimmed text or None; never longer than limit."""
    if value is None or not value.strip():
        return None
    return _required_text(value, field, limit)


def _valid_email(email: str) -> str:
    """A normalised email address, or StoreError."""
    normalised = normalise_email(email or "")
    if not EMAIL_PATTERN.match(normalised) or len(normalised) > MAX_EMAIL:
        raise StoreError(f"not a valid email address: {email!r}")
    return normalised


def _given_consent(consent: bool) -> bool:
    """An enquiry is only stored with the visitor's explicit consent."""
    if consent is not True:
        raise StoreError("an enquiry is stored only with the visitor's consent")
    return True
