"""bench.scripts: conversation scripts have the right length, mix and sign-in, and are reproducible."""

from __future__ import annotations

import random

import pytest

from bench.scripts import (
    OURS_CALCULATOR,
    SEED_LEARNERS,
    SIGN_IN,
    STARTER_SEGMENTS,
    Turn,
    kind_counts,
    ours_conversation,
    plan,
    starter_conversation,
)


@pytest.mark.parametrize("turns", [1, 2, 3, 5, 8, 10, 25])
def test_every_conversation_has_exactly_the_asked_number_of_turns(turns):
    rng = random.Random(turns)
    for _ in range(30):
        assert len(ours_conversation(rng, turns)) == turns
        assert len(starter_conversation(rng, turns)) == turns


def test_a_long_enough_conversation_holds_every_kind_of_question():
    rng = random.Random(1)
    for _ in range(50):
        kinds = {t.kind for t in ours_conversation(rng, 5)}
        assert kinds == {"faq", "personal", "catalogue", "calculator"}


def test_the_calculator_question_is_always_followed_by_its_answer():
    firsts = {segment[0].text for segment in OURS_CALCULATOR}
    rng = random.Random(2)
    for _ in range(100):
        conversation = ours_conversation(rng, rng.randint(1, 15))
        for i, turn in enumerate(conversation):
            if turn.kind == "calculator" and turn.text in firsts:
                assert i + 1 < len(conversation) and conversation[i + 1].kind == "calculator"


def test_signed_in_conversations_carry_one_seed_learner_on_every_turn():
    rng = random.Random(3)
    conversations = [ours_conversation(rng, 10, signed_in_share=0.5) for _ in range(200)]
    signed_in = [c for c in conversations if c[0].learner]
    assert 60 < len(signed_in) < 140
    for conversation in signed_in:
        assert len({t.learner for t in conversation}) == 1 and conversation[0].learner in SEED_LEARNERS
    for conversation in conversations:
        for turn in conversation:
            if turn.kind == "personal":
                # signed in: their own figures, never the sign-in hint; anonymous: the sign-in hint
                assert (SIGN_IN in turn.reject) if turn.learner else (SIGN_IN in turn.expect)


def test_share_zero_and_one_mean_all_anonymous_and_all_signed_in():
    rng = random.Random(4)
    assert all(t.learner is None for _ in range(20) for t in ours_conversation(rng, 6, signed_in_share=0.0))
    assert all(t.learner for _ in range(20) for t in ours_conversation(rng, 6, signed_in_share=1.0))


def test_starter_conversations_use_only_the_starter_bots_intents():
    starter_intents = {"greet", "goodbye", "affirm", "deny", "mood_great", "mood_unhappy", "bot_challenge"}
    rng = random.Random(5)
    for _ in range(50):
        conversation = starter_conversation(rng, 10)
        assert {t.kind for t in conversation} <= starter_intents
        assert all(t.learner is None for t in conversation)
    texts = {t.text for options in STARTER_SEGMENTS.values() for seg in options for t in seg}
    assert "hello there" in texts and "are you a bot?" in texts


def test_plan_shape_and_reproducibility():
    first = plan("ours", users=4, conversations=3, turns=7, seed=9)
    assert len(first) == 4 and all(len(user) == 3 and all(len(c) == 7 for c in user) for user in first)
    assert first == plan("ours", users=4, conversations=3, turns=7, seed=9)
    assert first != plan("ours", users=4, conversations=3, turns=7, seed=10)
    assert plan("starter", 2, 2, 4, seed=9) != plan("ours", 2, 2, 4, seed=9)
    with pytest.raises(ValueError):
        plan("other", 1, 1, 1, seed=0)


def test_the_default_mix_is_mostly_faq_with_every_kind_present():
    conversations = [c for user in plan("ours", 20, 3, 10, seed=20260901) for c in user]
    counts = kind_counts(conversations)
    assert sum(counts.values()) == 600
    assert counts["faq"] == max(counts.values())
    assert all(counts[k] >= 60 for k in ("personal", "catalogue", "calculator"))


@pytest.mark.parametrize(
    "turn,reply,expected",
    [
        (Turn("faq", "x", expect=("£100",)), "It costs £100 or £250.", True),
        (Turn("faq", "x", expect=("£100",)), "Sorry, I didn't understand.", False),
        (Turn("faq", "x", expect=("welcome", "glad")), "Glad to help.", True),
        (Turn("personal", "x", expect=("earned",), reject=("sign in",)), "Please sign in. You have earned", False),
        (Turn("faq", "x"), "anything at all", True),
    ],
)
def test_soft_reply_checks(turn, reply, expected):
    assert turn.reply_is_expected(reply) is expected
