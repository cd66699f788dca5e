"""Demo learners: payments priced from the policy, every case present, seeding idempotent."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from bot.files.demo_learners import (
    DEFAULT_DEMO_PATH,
    PAYMENT_KINDS,
    DemoLearnersError,
    load_demo_learners,
    payments_for,
)
from bot.rules import (
    Outcome,
    Payments,
    best_exemption,
    credits_earned,
    exemption_progress,
    is_credit_bearing,
    reregistration,
    upgrade_deduction,
)
from bot.store import Store
from bot.store.seed import seed_demo

CASES = {
    "nothing_yet",
    "learning_only",
    "learning_plus_top_up",
    "credit_bearing_passed",
    "failed_assessment",
    "three_of_four",
    "complete_set",
    "two_sets_partly_done",
    "registration_spans_september",
    "spent_more_than_cap",
}


@pytest.fixture(scope="module")
def demo():
    """The demo learners keyed by case."""
    return {item.case: item.learner for item in load_demo_learners()}


def edited_demo(tmp_path: Path, edit) -> Path:
    """A copy of the demo learners file with `edit(document)` applied."""
    document = yaml.safe_load(DEFAULT_DEMO_PATH.read_text(encoding="utf-8"))
    edit(document)
    path = tmp_path / "demo.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def test_every_case_is_present_once():
    cases = [item.case for item in load_demo_learners()]
    assert sorted(cases) == sorted(CASES)


def test_ids_are_sequential_and_emails_example_org():
    learners = [item.learner for item in load_demo_learners()]
    assert [learner.learner_id for learner in learners] == [f"L{n:04d}" for n in range(1, len(learners) + 1)]
    assert all(learner.email.endswith("@example.org") for learner in learners)
    assert "jane@example.org" in {learner.email for learner in learners}


def test_nothing_yet(demo):
    assert demo["nothing_yet"].enrolments == ()


def test_learning_only(demo, policy):
    enrolments = demo["learning_only"].enrolments
    assert enrolments and all(e.payments == Payments(learning_fee=policy.learning_fee) for e in enrolments)
    assert not any(is_credit_bearing(policy, e) for e in enrolments)


def test_learning_plus_top_up(demo, policy):
    topped = [e for e in demo["learning_plus_top_up"].enrolments if e.payments.top_up]
    assert topped and all(is_credit_bearing(policy, e) for e in topped)
    assert all(e.payments == Payments(learning_fee=policy.learning_fee, top_up=policy.top_up) for e in topped)


def test_credit_bearing_passed(demo, policy):
    learner = demo["credit_bearing_passed"]
    assert any(e.payments.credit_fee == policy.credit_fee and e.outcome is Outcome.PASS for e in learner.enrolments)
    assert credits_earned(policy, learner.enrolments) == policy.credits_per_microcredential


def test_failed_assessment(demo, policy):
    learner = demo["failed_assessment"]
    assert any(e.outcome is Outcome.FAIL and is_credit_bearing(policy, e) for e in learner.enrolments)
    assert credits_earned(policy, learner.enrolments) == 0


def test_three_of_four(demo, policy):
    catalogue = load_catalogue()
    position = best_exemption(policy, demo["three_of_four"].enrolments, catalogue)
    assert not position.eligible
    assert position.closest.count == policy.set_size - 1 and position.closest.needed == 1


def test_complete_set(demo, policy):
    position = best_exemption(policy, demo["complete_set"].enrolments, load_catalogue())
    assert position.eligible and len(position.complete_sets) == 1


def test_two_sets_partly_done(demo, policy):
    progress = exemption_progress(policy, demo["two_sets_partly_done"].enrolments, load_catalogue())
    started = [p for p in progress if p.count]
    assert len(started) >= 2 and not any(p.eligible for p in progress)


def test_registration_spans_september(demo, policy):
    enrolments = demo["registration_spans_september"].enrolments
    position = reregistration(policy, enrolments[0].registered_on, date(2026, 8, 1))
    assert position.needed and position.reregister_on.month == policy.academic_year_start_month


def test_spent_more_than_cap(demo, policy):
    deduction = upgrade_deduction(policy, demo["spent_more_than_cap"].enrolments)
    assert deduction.capped and deduction.amount == deduction.cap < deduction.spent


def test_only_the_over_cap_learner_is_capped(demo, policy):
    capped = {case for case, learner in demo.items() if upgrade_deduction(policy, learner.enrolments).capped}
    assert capped == {"spent_more_than_cap"}


def load_catalogue():
    """The catalogue from the file."""
    from bot.files.catalogue import load_catalogue_file

    return load_catalogue_file()


@given(st.sampled_from([(), ("learning_fee",), ("learning_fee", "top_up"), ("credit_fee",)]))
def test_payments_are_priced_from_the_policy(kinds):
    from bot.files.policy import get_policy

    policy = get_policy()
    payments = payments_for(list(kinds), policy)
    assert payments.total == sum(getattr(policy, kind) for kind in kinds)


@pytest.mark.parametrize(
    "kinds",
    [["tuition"], ["top_up"], ["credit_fee", "learning_fee"], ["learning_fee", "learning_fee"]],
    ids=["unknown", "top-up-alone", "credit-plus-learning", "repeated"],
)
def test_inconsistent_payment_kinds_are_refused(kinds, policy):
    with pytest.raises(DemoLearnersError):
        payments_for(kinds, policy)


def test_payment_kinds_are_the_policy_fee_fields(policy):
    assert all(isinstance(getattr(policy, kind), int) for kind in PAYMENT_KINDS)


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda d: d["learners"][1]["enrolments"][0].update(course="ZZ1"), "unknown course"),
        (lambda d: d["learners"][1]["enrolments"][0].update(registered_on=date(2024, 1, 1)), "before"),
        (lambda d: d["learners"][1]["enrolments"][0].update(outcome="merit"), "unknown outcome"),
        (lambda d: d["learners"][1].update(email="SAM@example.org"), "lower-case"),
        (lambda d: d["learners"][1].update(id="L0001"), "duplicate id"),
        (lambda d: d["learners"][1].pop("case"), "missing field"),
        (lambda d: d["learners"][1].update(amount=1), "unknown field"),
    ],
    ids=["course", "date", "outcome", "email", "duplicate", "missing", "unknown"],
)
def test_bad_demo_file_is_refused(tmp_path, edit, message):
    with pytest.raises(DemoLearnersError, match=message):
        load_demo_learners(edited_demo(tmp_path, edit))


def test_seed_is_idempotent(loaded_url):
    before = Store(loaded_url).learners()
    result = seed_demo(load_demo_learners(), url=loaded_url)
    assert (result.learners_added, result.learners_updated) == (0, 0)
    assert (result.enrolments_added, result.enrolments_updated, result.enrolments_removed) == (0, 0, 0)
    assert Store(loaded_url).learners() == before


def test_seeded_learners_match_the_file(store):
    assert store.learners() == tuple(item.learner for item in load_demo_learners())


def test_reseeding_an_edited_file_syncs_enrolments(loaded_url, tmp_path, policy):
    def edit(document):
        """Jane drops PB3 and converts PB1 to learning + top-up; Sam changes name."""
        jane = next(entry for entry in document["learners"] if entry["email"] == "jane@example.org")
        jane["enrolments"] = [e for e in jane["enrolments"] if e["course"] != "PB3"]
        jane["enrolments"][0]["paid"] = ["learning_fee", "top_up"]
        document["learners"][0]["name"] = "Samuel Patel"

    result = seed_demo(load_demo_learners(edited_demo(tmp_path, edit)), url=loaded_url)
    assert (result.learners_updated, result.enrolments_updated, result.enrolments_removed) == (1, 1, 1)
    jane = Store(loaded_url).learner_by_email("jane@example.org")
    assert [e.course.code for e in jane.enrolments] == ["PB1", "PB2"]
    assert jane.enrolments[0].payments == Payments(learning_fee=policy.learning_fee, top_up=policy.top_up)
    assert Store(loaded_url).learner("L0001").name == "Samuel Patel"
