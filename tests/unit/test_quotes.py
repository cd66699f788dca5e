"""Quotes and their follow-ups: a follow-up keeps what it does not change."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.files.policy import load_policy
from bot.nlp.calculator_text import read_calculator_facts
from bot.nlp.quotes import Quote, leans_on_previous, quote_asked, quote_follow_up

POLICY = load_policy()


def asked(text: str) -> Quote:
    return quote_asked(read_calculator_facts(text, POLICY), text)


def then(previous: Quote, text: str) -> Quote:
    return quote_follow_up(previous, read_calculator_facts(text, POLICY), text)


@pytest.mark.parametrize(
    "text", ["and for 4?", "what about 2", "4 then?", "and without?", "with credits?", "a beth am 3?"]
)
def test_short_or_and_led_messages_lean_on_the_previous_turn(text):
    assert leans_on_previous(text)


@pytest.mark.parametrize(
    "text", ["how much would it cost to do five courses with credits", "What do 3 cost for learning"]
)
def test_whole_questions_do_not_lean_on_the_previous_turn(text):
    assert not leans_on_previous(text)


def test_a_new_count_keeps_the_one_kind_asked_about():
    assert then(asked("how much would 3 with credits cost"), "and for 4?") == Quote(with_credits=4)


def test_a_new_count_after_a_mixed_quote_gives_both_prices():
    previous = asked("2 learning only and 1 with credits, how much?")
    assert previous == Quote(learning_only=2, with_credits=1)
    assert then(previous, "and for 5?") == Quote(either_kind=5)


def test_without_turns_every_course_learning_only():
    assert then(Quote(with_credits=3), "and without?") == Quote(learning_only=3)


def test_with_credits_turns_an_either_way_quote_into_credits():
    assert then(Quote(either_kind=2), "and with credits?") == Quote(with_credits=2)


def test_asking_for_the_credits_keeps_the_courses():
    assert then(Quote(with_credits=4), "how many credits would that earn?") == Quote(
        with_credits=4, cost=False, credits=True
    )


def test_a_follow_up_stating_kinds_is_a_quote_of_its_own():
    assert then(Quote(with_credits=4), "and 2 learning only?") == Quote(learning_only=2)


@given(st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.integers(0, 40), st.booleans(), st.booleans())
def test_a_quote_survives_the_slot(learning, credit, topped, either, cost, credits):
    quote = Quote(learning, credit, topped, either, cost, credits)
    assert Quote.from_slot(quote.as_slot()) == quote


@pytest.mark.parametrize("value", [None, "3", [1, 2], {"with_credits": "many"}])
def test_a_slot_holding_no_quote_gives_none(value):
    assert Quote.from_slot(value) is None
