"""Who is asking is decided only by sealed claims the channel edge verified, re-checked on every turn.

Nothing a user can put in their message (text, entities, slots, extra metadata) changes whose record is read.
"""

from __future__ import annotations

import time

import pytest

from actions.identity import current_claims, learner_named_in_text
from actions.personal import (
    ActionMyAssessment,
    ActionMyCredits,
    ActionMyDeduction,
    ActionMyEnrolments,
    ActionMyExemption,
    ActionMyRegistration,
    ActionMyTopUp,
)
from bot.files.demo_learners import load_demo_learners
from bot.identity import mint_token
from bot.rules import credits_earned, upgrade_deduction
from bot.rules.money import format_money

PERSONAL_ACTIONS = [
    ActionMyCredits,
    ActionMyExemption,
    ActionMyDeduction,
    ActionMyEnrolments,
    ActionMyTopUp,
    ActionMyRegistration,
    ActionMyAssessment,
]
LEARNERS = {d.learner.learner_id: d.learner for d in load_demo_learners()}
JANE, RHYS = LEARNERS["L0006"], LEARNERS["L0007"]


@pytest.mark.parametrize("action_class", PERSONAL_ACTIONS, ids=lambda cls: cls().name())
async def test_anonymous_user_asking_for_credits_is_told_to_sign_in(action_class, ask):
    turn = await ask(action_class(), "anonymous_asks_credits")
    assert turn.responses == ["utter_sign_in_needed"]
    assert turn.text == ""  # no record of anyone is shown
    assert turn.events == []


@pytest.mark.parametrize("action_class", [ActionMyCredits, ActionMyDeduction, ActionMyTopUp])
async def test_anonymous_general_question_gets_no_sign_in_nag_after_the_general_answer(action_class, ask):
    turn = await ask(action_class(), "anonymous_asks_credits", text="how many credits is a microcredential worth?")
    assert turn.messages == [] and turn.events == []


async def test_anonymous_asking_what_they_are_enrolled_on_is_always_told_to_sign_in(ask):
    turn = await ask(ActionMyEnrolments(), "anonymous_asks_credits", text="what courses are on the list?")
    assert turn.responses == ["utter_sign_in_needed"]


async def test_signed_in_learner_gets_their_own_record(ask, policy):
    turn = await ask(ActionMyCredits(), "learner_asks_credits")
    assert f"earned {credits_earned(policy, JANE.enrolments)} credits" in turn.text


async def test_learner_a_never_sees_learner_b_even_when_typing_their_id(ask, policy):
    turn = await ask(
        ActionMyCredits(), "learner_asks_credits", text=f"what credits has {RHYS.learner_id} got? {RHYS.email}"
    )
    assert f"earned {credits_earned(policy, JANE.enrolments)} credits" in turn.text
    assert RHYS.name not in turn.text
    assert "Plant Breeding 4" not in turn.text  # only Rhys has passed it


@pytest.mark.parametrize("action_class", [ActionMyCredits, ActionMyDeduction, ActionMyExemption])
async def test_injected_intent_entities_do_not_change_identity(action_class, ask):
    injected = await ask(action_class(), "learner_names_another_learner")
    plain = await ask(action_class(), "learner_asks_credits")
    assert injected.text == plain.text  # entities, slots and metadata naming L0007 / role=staff are ignored
    assert RHYS.name not in injected.text
    assert not injected.text.startswith(JANE.name)  # no staff voice either


async def test_injected_entities_do_not_reveal_another_learners_deduction(ask, policy):
    turn = await ask(ActionMyDeduction(), "learner_names_another_learner")
    jane_spent = upgrade_deduction(policy, JANE.enrolments).spent
    rhys_spent = upgrade_deduction(policy, RHYS.enrolments).spent
    assert jane_spent != rhys_spent
    assert f"Total spent {format_money(jane_spent)}" in turn.text
    assert f"Total spent {format_money(rhys_spent)}" not in turn.text


BAD_CLAIMS = {
    "expired": {"sub": "L0006", "role": "learner", "ttl_seconds": -60},
    "sealed_for_another_conversation": {"sub": "L0006", "role": "learner", "sealed_for": "conv-someone-else"},
    "sealed_with_another_secret": {"sub": "L0006", "role": "learner", "signed_with": "not-our-secret"},
    "sub_changed_after_sealing": {"sub": "L0006", "role": "learner", "tamper": {"sub": "L0007"}},
    "role_raised_to_staff_after_sealing": {"sub": "L0006", "role": "learner", "tamper": {"role": "staff"}},
    "expiry_extended_after_sealing": {
        "sub": "L0006",
        "role": "learner",
        "ttl_seconds": -60,
        "tamper": {"exp": int(time.time()) + 86_400},
    },
    "seal_removed": {"sub": "L0006", "role": "learner", "tamper": {"seal": None}},
    "unknown_role": {"sub": "L0006", "role": "learner", "tamper": {"role": "admin"}},
}


@pytest.mark.parametrize("auth", BAD_CLAIMS.values(), ids=BAD_CLAIMS.keys())
async def test_expired_or_forged_claims_are_anonymous(auth, ask):
    turn = await ask(ActionMyCredits(), "learner_asks_credits", auth=auth)
    assert turn.responses == ["utter_sign_in_needed"]
    assert turn.text == ""


@pytest.mark.parametrize(
    "metadata",
    [
        {"auth": {"sub": "L0006", "role": "learner", "exp": 4_102_444_800}},  # unsealed claims typed by a client
        {"auth": "L0006"},
        {"auth": ["L0006", "learner"]},
        {"sub": "L0006", "role": "learner"},
    ],
    ids=["unsealed_claims", "bare_id", "list", "claims_outside_auth"],
)
async def test_claims_a_client_writes_itself_are_anonymous(metadata, ask):
    turn = await ask(ActionMyCredits(), "anonymous_asks_credits", metadata=metadata)
    assert turn.responses == ["utter_sign_in_needed"]


async def test_a_raw_website_token_in_the_metadata_is_not_accepted_by_the_actions(ask, settings):
    # Only the channel edge verifies tokens; a token that bypassed it must not identify anyone.
    token = mint_token("L0006", "learner", settings)
    turn = await ask(ActionMyCredits(), "anonymous_asks_credits", metadata={"token": token, "auth": token})
    assert turn.responses == ["utter_sign_in_needed"]


async def test_claims_are_rechecked_every_turn_so_a_later_expired_turn_is_anonymous(ask):
    first = await ask(ActionMyCredits(), "learner_asks_credits")
    later = await ask(
        ActionMyCredits(), "learner_asks_credits", auth={"sub": "L0006", "role": "learner", "ttl_seconds": -1}
    )
    assert first.responses == [] and "credits" in first.text
    assert later.responses == ["utter_sign_in_needed"]


def test_current_claims_reads_only_the_sealed_metadata(tracker):
    claims = current_claims(tracker("learner_names_another_learner"))
    assert (claims.sub, claims.role, claims.is_staff) == ("L0006", "learner", False)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("credits for L0003", "L0003"),
        ("exemption for jane@example.org", "jane@example.org"),
        ("what about l0010?", "l0010"),
        ("how many credits?", None),
        ("L12 is too short", None),
    ],
)
def test_learner_named_in_text_finds_an_id_or_email(text, expected, tracker):
    assert learner_named_in_text(tracker("staff_asks_credits_by_email", text=text)) == expected
