"""Seed learners into the database: upsert by id and make each one's enrolments exactly those given (idempotent).

The demo learners are read from bot/data/demo_learners.yaml by bot.files.demo_learners; the admin CLI
composes the two (`python -m bot seed-demo`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, Iterable, Optional, Protocol, Sequence

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.rules.model import Enrolment, Learner
from bot.store.db import get_engine, make_sessionmaker
from bot.store.schema import EnrolmentRow, LearnerRow


class DemoRecord(Protocol):
    """A demo learner as bot.files.demo_learners reads it: the learner and the case it demonstrates."""

    @property
    def learner(self) -> Learner:
        """The learner to seed."""


@dataclass(frozen=True)
class SeedResult:
    """What seeding wrote: learners added/updated and enrolment rows added/updated/removed."""

    learners_added: int
    learners_updated: int
    enrolments_added: int
    enrolments_updated: int
    enrolments_removed: int

    def summary(self) -> str:
        """One line for the CLI."""
        return (
            f"learners: {self.learners_added} added, {self.learners_updated} updated; "
            f"enrolments: {self.enrolments_added} added, {self.enrolments_updated} updated, "
            f"{self.enrolments_removed} removed"
        )


def seed_demo(demo: Iterable[DemoRecord], *, url: Optional[str] = None, engine: Optional[Engine] = None) -> SeedResult:
    """Upsert the demo learners and make their enrolments match (idempotent, one transaction)."""
    return write_learners([item.learner for item in demo], url=url, engine=engine)


def write_learners(
    learners: Sequence[Learner], *, url: Optional[str] = None, engine: Optional[Engine] = None
) -> SeedResult:
    """Upsert learners by id and sync each one's enrolments to exactly those given."""
    counts = {
        "learners_added": 0,
        "learners_updated": 0,
        "enrolments_added": 0,
        "enrolments_updated": 0,
        "enrolments_removed": 0,
    }
    sessions = make_sessionmaker(engine if engine is not None else get_engine(url))
    with sessions.begin() as session:
        for learner in learners:
            row = session.get(LearnerRow, learner.learner_id)
            if row is None:
                row = LearnerRow(id=learner.learner_id, name=learner.name, email=learner.email)
                session.add(row)
                counts["learners_added"] += 1
            elif (row.name, row.email) != (learner.name, learner.email):
                row.name, row.email = learner.name, learner.email
                counts["learners_updated"] += 1
            session.flush()
            _sync_enrolments(session, learner, counts)
    return SeedResult(**counts)


def _sync_enrolments(session: Session, learner: Learner, counts: Dict[str, int]) -> None:
    """Add, update and remove this learner's enrolment rows to match learner.enrolments."""
    query = select(EnrolmentRow).where(EnrolmentRow.learner_id == learner.learner_id)
    existing = {row.course_code: row for row in session.scalars(query).all()}
    wanted = {enrolment.course.code: enrolment for enrolment in learner.enrolments}
    for code, row in existing.items():
        if code not in wanted:
            session.delete(row)
            counts["enrolments_removed"] += 1
    for code, enrolment in wanted.items():
        values = _enrolment_values(enrolment)
        row = existing.get(code)
        if row is None:
            session.add(EnrolmentRow(learner_id=learner.learner_id, course_code=code, **values))
            counts["enrolments_added"] += 1
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            counts["enrolments_updated"] += 1


def _enrolment_values(enrolment: Enrolment) -> Dict[str, Any]:
    """Column values for an enrolment row."""
    return {
        "registered_on": enrolment.registered_on,
        "paid_learning_fee": enrolment.payments.learning_fee,
        "paid_top_up": enrolment.payments.top_up,
        "paid_credit_fee": enrolment.payments.credit_fee,
        "outcome": enrolment.outcome.value,
    }
