"""Demo learners: read bot/data/demo_learners.yaml (payments by kind, priced from the policy) and seed them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple

import yaml
from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.files.catalogue import PathLike, load_catalogue_file
from bot.rules.model import Course, Enrolment, Learner, Outcome, Payments
from bot.store.db import get_engine, make_sessionmaker
from bot.store.schema import EnrolmentRow, LearnerRow
from bot.store.store import StoreError
from bot.rules.refs import looks_like_email, looks_like_learner_id, normalise_email

DEFAULT_DEMO_PATH = Path(__file__).resolve().parents[1] / "data" / "demo_learners.yaml"
PAYMENT_KINDS = ("learning_fee", "top_up", "credit_fee")
LEARNER_FIELDS = {"id", "case", "name", "email", "enrolments"}
ENROLMENT_FIELDS = {"course", "registered_on", "paid", "outcome"}


class SeedError(StoreError):
    """The demo learners file is malformed or inconsistent with the catalogue."""


@dataclass(frozen=True)
class DemoLearner:
    """A demo learner and the case it demonstrates (e.g. "complete_set")."""

    case: str
    learner: Learner


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


def payments_for(kinds: Sequence[str], policy: Any) -> Payments:
    """Price a list of payment kinds from the policy (the only place fees are written)."""
    unknown = [kind for kind in kinds if kind not in PAYMENT_KINDS]
    if unknown:
        raise SeedError(f"unknown payment kind(s) {unknown} (known: {', '.join(PAYMENT_KINDS)})")
    if len(set(kinds)) != len(kinds):
        raise SeedError(f"payment kinds repeated: {list(kinds)}")
    if "credit_fee" in kinds and len(kinds) > 1:
        raise SeedError("credit_fee is the whole credit-bearing fee: it is not combined with other kinds")
    if "top_up" in kinds and "learning_fee" not in kinds:
        raise SeedError("a top_up converts a learning-only enrolment: it needs learning_fee too")
    return Payments(**{kind: int(getattr(policy, kind)) for kind in kinds})


def load_demo_learners(
    path: Optional[PathLike] = None,
    *,
    policy: Any = None,
    courses: Optional[Sequence[Course]] = None,
) -> Tuple[DemoLearner, ...]:
    """Read and validate the demo learners file into Learner dataclasses priced from the policy."""
    policy = policy if policy is not None else _default_policy()
    courses = tuple(courses) if courses is not None else load_catalogue_file()
    by_code = {course.code: course for course in courses}
    source = Path(path) if path is not None else DEFAULT_DEMO_PATH
    document = _read_yaml(source)
    entries = document.get("learners") if isinstance(document, Mapping) else None
    if not isinstance(entries, list):
        raise SeedError(f"{source.name}: expected a 'learners' list at the top level")
    demo = tuple(_parse_learner(entry, f"{source.name}: learners[{i}]", policy, by_code) for i, entry in enumerate(entries))
    _check_unique(demo)
    return demo


def seed_demo(
    path: Optional[PathLike] = None,
    *,
    url: Optional[str] = None,
    engine: Optional[Engine] = None,
    policy: Any = None,
) -> SeedResult:
    """Upsert the demo learners and make their enrolments match the file (idempotent, one transaction)."""
    demo = load_demo_learners(path, policy=policy)
    return write_learners([item.learner for item in demo], url=url, engine=engine)


def write_learners(
    learners: Sequence[Learner], *, url: Optional[str] = None, engine: Optional[Engine] = None
) -> SeedResult:
    """Upsert learners by id and sync each one's enrolments to exactly those given."""
    counts = {"learners_added": 0, "learners_updated": 0, "enrolments_added": 0, "enrolments_updated": 0,
              "enrolments_removed": 0}
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


def _sync_enrolments(session, learner: Learner, counts: Dict[str, int]) -> None:
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


def _enrolment_values(enrolment: Enrolment) -> dict:
    """Column values for an enrolment row."""
    return {
        "registered_on": enrolment.registered_on,
        "paid_learning_fee": enrolment.payments.learning_fee,
        "paid_top_up": enrolment.payments.top_up,
        "paid_credit_fee": enrolment.payments.credit_fee,
        "outcome": enrolment.outcome.value,
    }


def _default_policy() -> Any:
    """The programme policy (imported lazily so the store package loads without it)."""
    from bot.files.policy import get_policy

    return get_policy()


def _read_yaml(source: Path) -> Any:
    """Load a YAML file, turning I/O and syntax problems into SeedError."""
    try:
        with source.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except OSError as exc:
        raise SeedError(f"cannot read demo learners file {source}: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise SeedError(f"{source.name}: not valid YAML: {exc}") from exc


def _parse_learner(entry: Any, where: str, policy: Any, courses: Mapping[str, Course]) -> DemoLearner:
    """One demo learner mapping into a DemoLearner."""
    if not isinstance(entry, Mapping):
        raise SeedError(f"{where}: each learner must be a mapping")
    _check_fields(entry, LEARNER_FIELDS, {"id", "case", "name", "email"}, where)
    learner_id = str(entry["id"]).strip()
    where = f"{where} ({learner_id})"
    if not looks_like_learner_id(learner_id) or learner_id != learner_id.upper():
        raise SeedError(f"{where}: id must look like L0001")
    email = str(entry["email"]).strip()
    if not looks_like_email(email) or email != normalise_email(email):
        raise SeedError(f"{where}: email must be a lower-case address like jane@example.org")
    raw_enrolments = entry.get("enrolments") or []
    if not isinstance(raw_enrolments, list):
        raise SeedError(f"{where}: 'enrolments' must be a list")
    enrolments = tuple(
        sorted(
            (_parse_enrolment(item, f"{where}: enrolments[{i}]", policy, courses) for i, item in enumerate(raw_enrolments)),
            key=lambda e: (e.registered_on, e.course.code),  # the order the Store returns them in
        )
    )
    codes = [enrolment.course.code for enrolment in enrolments]
    if len(set(codes)) != len(codes):
        raise SeedError(f"{where}: a course appears twice in the enrolments")
    learner = Learner(learner_id=learner_id, name=str(entry["name"]).strip(), email=email, enrolments=enrolments)
    return DemoLearner(case=str(entry["case"]).strip(), learner=learner)


def _parse_enrolment(entry: Any, where: str, policy: Any, courses: Mapping[str, Course]) -> Enrolment:
    """One enrolment mapping into an Enrolment priced from the policy."""
    if not isinstance(entry, Mapping):
        raise SeedError(f"{where}: each enrolment must be a mapping")
    _check_fields(entry, ENROLMENT_FIELDS, {"course", "registered_on", "paid"}, where)
    course = courses.get(str(entry["course"]).strip())
    if course is None:
        raise SeedError(f"{where}: unknown course {entry['course']!r}")
    registered_on = entry["registered_on"]
    if not isinstance(registered_on, date):
        raise SeedError(f"{where}: registered_on must be a date YYYY-MM-DD")
    if registered_on < course.release_date:
        raise SeedError(f"{where}: registered on {registered_on} before {course.code} was released")
    kinds = entry["paid"] or []
    if not isinstance(kinds, list):
        raise SeedError(f"{where}: 'paid' must be a list of payment kinds")
    try:
        outcome = Outcome(entry.get("outcome", Outcome.NONE.value))
    except ValueError:
        raise SeedError(f"{where}: unknown outcome {entry.get('outcome')!r}") from None
    try:
        payments = payments_for([str(kind) for kind in kinds], policy)
    except SeedError as exc:
        raise SeedError(f"{where}: {exc}") from None
    return Enrolment(course=course, registered_on=registered_on, payments=payments, outcome=outcome)


def _check_fields(entry: Mapping, allowed: set, required: set, where: str) -> None:
    """Raise SeedError for missing or unknown fields."""
    missing = sorted(required - set(entry))
    if missing:
        raise SeedError(f"{where}: missing field(s): {', '.join(missing)}")
    unknown = sorted(set(map(str, entry)) - allowed)
    if unknown:
        raise SeedError(f"{where}: unknown field(s): {', '.join(unknown)}")


def _check_unique(demo: Sequence[DemoLearner]) -> None:
    """Ids and emails must be unique across the demo learners."""
    for label, key in (("id", lambda d: d.learner.learner_id), ("email", lambda d: d.learner.email)):
        values = [key(item) for item in demo]
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            raise SeedError(f"demo learners: duplicate {label}(s): {', '.join(repeated)}")
