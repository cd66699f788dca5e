"""The Store returns the rules dataclasses (never ORM objects) with amounts in pence from the policy."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import FrozenInstanceError, is_dataclass

import pytest

from bot.files.catalogue import load_catalogue_file
from bot.files.demo_learners import load_demo_learners
from bot.rules.model import Course, Enrolment, Learner, Outcome, Payments
from bot.store import Store, StoreError


def demo_by_id() -> dict:
    """The demo learners from the YAML file, keyed by id."""
    return {item.learner.learner_id: item.learner for item in load_demo_learners()}


def assert_plain(learner: Learner) -> None:
    """The learner and everything in it are the rules dataclasses."""
    assert type(learner) is Learner
    for enrolment in learner.enrolments:
        assert type(enrolment) is Enrolment
        assert type(enrolment.course) is Course
        assert type(enrolment.payments) is Payments
        assert isinstance(enrolment.outcome, Outcome)


def test_learner_by_id_returns_dataclasses(store):
    learner = store.learner("L0007")
    assert_plain(learner)
    assert learner.name == "Rhys Williams"
    assert len(learner.enrolments) == 4


def test_every_demo_learner_reads_back_exactly(store):
    for learner_id, expected in demo_by_id().items():
        assert store.learner(learner_id) == expected


def test_payments_are_pence_from_the_policy(store, policy):
    jane = store.learner_by_email("jane@example.org")
    by_code = {e.course.code: e.payments for e in jane.enrolments}
    assert by_code["PB1"] == Payments(credit_fee=policy.credit_fee)
    assert by_code["PB2"] == Payments(learning_fee=policy.learning_fee, top_up=policy.top_up)
    assert all(isinstance(p.total, int) for p in by_code.values())


def test_enrolments_are_ordered_by_registration_date(store):
    learner = store.learner("L0010")
    dates = [e.registered_on for e in learner.enrolments]
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    "ref", ["L0006", "l0006", " L0006 ", "jane@example.org", "JANE@Example.ORG", " jane@example.org"]
)
def test_find_learner_by_id_or_email_in_any_case(store, ref):
    assert store.find_learner(ref).learner_id == "L0006"


@pytest.mark.parametrize("ref", ["L9999", "nobody@example.org", "", "   "])
def test_unknown_learner_is_none(store, ref):
    assert store.find_learner(ref) is None


def test_learner_with_no_enrolments(store):
    assert store.learner("L0001").enrolments == ()


def test_learners_lists_everyone_in_id_order(store):
    ids = [learner.learner_id for learner in store.learners()]
    assert ids == sorted(demo_by_id())


def test_catalogue_is_the_file_in_file_order(store):
    assert store.catalogue() == load_catalogue_file()


def test_course_by_code_in_any_case(store):
    course = store.course("pb2")
    assert course.title == "Plant Breeding 2" and course.set_code == "PB" and course.position == 2
    assert store.course("nope") is None
    assert store.course_description("PB2")
    assert store.course_description("nope") is None


def test_store_is_safe_to_share_between_threads(store):
    expected = store.learner("L0008")

    def read(i: int):
        """Alternate reads the way concurrent actions would."""
        return store.find_learner("mei@example.org" if i % 2 else "L0008")

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(read, range(64)))
    assert all(result == expected for result in results)


def test_missing_tables_raise_store_error(db_url):
    with pytest.raises(StoreError):
        Store(db_url).learner("L0001")


def test_records_are_frozen(store):
    learner = store.learner("L0006")
    assert is_dataclass(learner)
    with pytest.raises(FrozenInstanceError):
        learner.name = "changed"  # type: ignore[misc]
