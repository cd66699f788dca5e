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
