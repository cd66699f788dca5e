"""Checks on each answer of the enquiry form."""

from __future__ import annotations

import pytest

from bot.answers import enquiry_form as form


@pytest.mark.parametrize("text", ["cancel", "Stop", "never mind", "quit."])
def test_cancel_words_leave_the_form(text):
    assert form.is_cancel(text)


@pytest.mark.parametrize(
    "text,expected",
    [("yes", True), ("Yes please", True), ("ok", True), ("no", False), ("nope", False), ("maybe", None)],
)
def test_consent_is_yes_or_no(text, expected):
    assert form.consent_answer(text) is expected


@pytest.mark.parametrize("text", ["", "what does it cost?", "x" * 101, "one two three four five six seven eight nine"])
def test_implausible_names_are_refused(text):
    assert form.valid_name(text) is None


def test_emails_are_checked_and_lower_cased():
    assert form.valid_email(" Jane@Example.ORG ") == "jane@example.org"
    assert form.valid_email("jane at example") is None


def test_questions_must_be_a_sentence_but_not_an_essay():
    assert form.valid_question("hi") is None
    assert form.valid_question("x" * (form.MAX_QUESTION_CHARS + 1)) is None
    assert form.valid_question("Can I start in January?") == "Can I start in January?"


def test_references_are_stable():
    assert form.reference(12) == "ENQ-00012"


@pytest.mark.parametrize(
    "text",
    [
        "stop please",
        "stop it please",
        "Please cancel that.",
        "I want to stop now",
        "can we stop",
        "forget it!",
        "/restart",
    ],
)
def test_polite_and_wordy_commands_also_leave_the_form(text):
    assert form.is_cancel(text)


@pytest.mark.parametrize("text", ["Will Stopford", "Can I stop the course halfway?", "please", "Jane Jones"])
def test_names_and_questions_that_mention_stopping_are_not_commands(text):
    assert not form.is_cancel(text)


@pytest.mark.parametrize("payload", ["/greet", "/affirm", '/greet{"name": "x"}', " /ask_cost"])
def test_intent_payloads_are_never_a_name_a_question_or_consent(payload):
    assert form.valid_name(payload) is None and form.valid_question(payload) is None
    assert form.consent_answer(payload) is None


@pytest.mark.parametrize("text", ["yes", "No.", "hello", "thanks!"])
def test_replies_to_another_question_are_not_taken_as_a_name(text):
    assert form.valid_name(text) is None
