"""The demo learners file: read and validate bot/data/demo_learners.yaml into `Learner` values priced from the policy.

Payments are written in the file by kind (learning_fee, top_up, credit_fee), never as amounts: the amounts come
from the policy, so the fees live only in bot/policy.yaml. Writing the learners to the database is the store's
business (bot.store.seed); this module only reads files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence, Set, Tuple

from bot.files import DEMO_LEARNERS_FILE
from bot.files.catalogue import PathLike, load_catalogue_file
from bot.files.reading import read_yaml
from bot.rules.model import Course, Enrolment, Learner, Outcome, Payments
from bot.rules.policy import Policy
from bot.rules.refs import looks_like_email, looks_like_learner_id, normalise_email

DEFAULT_DEMO_PATH = DEMO_LEARNERS_FILE
PAYMENT_KINDS = ("learning_fee", "top_up", "credit_fee")
LEARNER_FIELDS = {"id", "case", "name", "email", "enrolments"}
ENROLMENT_FIELDS = {"course", "registered_on", "paid", "outcome"}


class DemoLearnersError(ValueError):
    """The demo learners file is malformed or inconsistent with the catalogue."""


@dataclass(frozen=True)
class DemoLearner:
    """A demo learner and the case it demonstrates (e.g. "complete_set")."""

    case: str
    learner: Learner


def payments_for(kinds: Sequence[str], policy: Policy) -> Payments:
    """Price a list of payment kinds from the policy (the only place fees are written)."""
    unknown = [kind for kind in kinds if kind not in PAYMENT_KINDS]
    if unknown:
        raise DemoLearnersError(f"unknown payment kind(s) {unknown} (known: {', '.join(PAYMENT_KINDS)})")
    if len(set(kinds)) != len(kinds):
        raise DemoLearnersError(f"payment kinds repeated: {list(kinds)}")
    if "credit_fee" in kinds and len(kinds) > 1:
        raise DemoLearnersError("credit_fee is the whole credit-bearing fee: it is not combined with other kinds")
    if "top_up" in kinds and "learning_fee" not in kinds:
        raise DemoLearnersError("a top_up converts a learning-only enrolment: it needs learning_fee too")
    return Payments(**{kind: int(getattr(policy, kind)) for kind in kinds})


def load_demo_learners(
    path: Optional[PathLike] = None,
    *,
    policy: Optional[Policy] = None,
    courses: Optional[Sequence[Course]] = None,
) -> Tuple[DemoLearner, ...]:
    """Read and validate the demo learners file into Learner dataclasses priced from the policy."""
    policy = policy if policy is not None else _default_policy()
    courses = tuple(courses) if courses is not None else load_catalogue_file()
    by_code = {course.code: course for course in courses}
    source = Path(path) if path is not None else DEFAULT_DEMO_PATH
    document = read_yaml(source, DemoLearnersError, "demo learners")
    entries = document.get("learners") if isinstance(document, Mapping) else None
    if not isinstance(entries, list):
        raise DemoLearnersError(f"{source.name}: expected a 'learners' list at the top level")
    demo = tuple(
        _parse_learner(entry, f"{source.name}: learners[{i}]", policy, by_code) for i, entry in enumerate(entries)
    )
    _check_unique(demo)
    return demo


def _default_policy() -> Policy:
    """The programme policy (imported lazily, as bot.files.catalogue does)."""
    from bot.files.policy import get_policy

    return get_policy()


def _parse_learner(entry: Any, where: str, policy: Policy, courses: Mapping[str, Course]) -> DemoLearner:
    """One demo learner mapping into a DemoLearner."""
    if not isinstance(entry, Mapping):
        raise DemoLearnersError(f"{where}: each learner must be a mapping")
    _check_fields(entry, LEARNER_FIELDS, {"id", "case", "name", "email"}, where)
    learner_id = str(entry["id"]).strip()
    where = f"{where} ({learner_id})"
    if not looks_like_learner_id(learner_id) or learner_id != learner_id.upper():
        raise DemoLearnersError(f"{where}: id must look like L0001")
    email = str(entry["email"]).strip()
    if not looks_like_email(email) or email != normalise_email(email):
        raise DemoLearnersError(f"{where}: email must be a lower-case address like jane@example.org")
    raw_enrolments = entry.get("enrolments") or []
    if not isinstance(raw_enrolments, list):
        raise DemoLearnersError(f"{where}: 'enrolments' must be a list")
    enrolments = tuple(
        sorted(
            (
                _parse_enrolment(item, f"{where}: enrolments[{i}]", policy, courses)
                for i, item in enumerate(raw_enrolments)
            ),
            key=lambda e: (e.registered_on, e.course.code),  # the order the Store returns them in
        )
    )
    codes = [enrolment.course.code for enrolment in enrolments]
    if len(set(codes)) != len(codes):
        raise DemoLearnersError(f"{where}: a course appears twice in the enrolments")
    learner = Learner(learner_id=learner_id, name=str(entry["name"]).strip(), email=email, enrolments=enrolments)
    return DemoLearner(case=str(entry["case"]).strip(), learner=learner)


def _parse_enrolment(entry: Any, where: str, policy: Policy, courses: Mapping[str, Course]) -> Enrolment:
    """One enrolment mapping into an Enrolment priced from the policy."""
    if not isinstance(entry, Mapping):
        raise DemoLearnersError(f"{where}: each enrolment must be a mapping")
    _check_fields(entry, ENROLMENT_FIELDS, {"course", "registered_on", "paid"}, where)
    course = courses.get(str(entry["course"]).strip())
    if course is None:
        raise DemoLearnersError(f"{where}: unknown course {entry['course']!r}")
    registered_on = entry["registered_on"]
    if not isinstance(registered_on, date):
        raise DemoLearnersError(f"{where}: registered_on must be a date YYYY-MM-DD")
    if registered_on < course.release_date:
        raise DemoLearnersError(f"{where}: registered on {registered_on} before {course.code} was released")
    kinds = entry["paid"] or []
    if not isinstance(kinds, list):
        raise DemoLearnersError(f"{where}: 'paid' must be a list of payment kinds")
    try:
        outcome = Outcome(entry.get("outcome", Outcome.NONE.value))
    except ValueError:
        raise DemoLearnersError(f"{where}: unknown outcome {entry.get('outcome')!r}") from None
    try:
        payments = payments_for([str(kind) for kind in kinds], policy)
    except DemoLearnersError as exc:
        raise DemoLearnersError(f"{where}: {exc}") from None
    return Enrolment(course=course, registered_on=registered_on, payments=payments, outcome=outcome)


def _check_fields(entry: Mapping[Any, Any], allowed: Set[str], required: Set[str], where: str) -> None:
    """Raise DemoLearnersError for missing or unknown fields."""
    missing = sorted(required - set(entry))
    if missing:
        raise DemoLearnersError(f"{where}: missing field(s): {', '.join(missing)}")
    unknown = sorted(set(map(str, entry)) - allowed)
    if unknown:
        raise DemoLearnersError(f"{where}: unknown field(s): {', '.join(unknown)}")


def _check_unique(demo: Sequence[DemoLearner]) -> None:
    """Ids and emails must be unique across the demo learners."""
    keys: Tuple[Tuple[str, Callable[[DemoLearner], str]], ...] = (
        ("id", lambda d: d.learner.learner_id),
        ("email", lambda d: d.learner.email),
    )
    for label, key in keys:
        values = [key(item) for item in demo]
        repeated = sorted({value for value in values if values.count(value) > 1})
        if repeated:
            raise DemoLearnersError(f"demo learners: duplicate {label}(s): {', '.join(repeated)}")
