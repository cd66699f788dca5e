"""Splitting a message into its questions: each clause keeps its place in the text."""

from __future__ import annotations

import pytest

from bot.nlp.clauses import split_clauses

CASES = [
    ("how long is each one and is it all online?", ["how long is each one", "is it all online"]),
    ("How much are they? Do I get a grade", ["How much are they", "Do I get a grade"]),
    ("whats the pass mark and can I get credits", ["whats the pass mark", "can I get credits"]),
    ("how much is it also is it online", ["how much is it", "is it online"]),
    ("what happens if I fail, can I resit", ["what happens if I fail", "can I resit"]),
    (
        "I work in agrifood. Are these for me and how long do they take?",
        ["I work in agrifood", "Are these for me", "how long do they take"],
    ),
    ("how much does it cost; when can I start", ["how much does it cost", "when can I start"]),
    ("Faint yw e a pa mor hir ydy e?", ["Faint yw e", "pa mor hir ydy e"]),
    ("price? duration?", ["price", "duration"]),
    ("whats a microcredential n how much r they", ["whats a microcredential", "how much r they"]),
    ("who can sign up, is it online, and what does it cost?", ["who can sign up", "is it online", "what does it cost"]),
    ("how long & is it online", ["how long", "is it online"]),
    # one question, even with "and" in it
    ("what are the cost and duration", ["what are the cost and duration"]),
    ("can I do plant breeding 1 and 2", ["can I do plant breeding 1 and 2"]),
    ("is it £100 and £150 for the top up", ["is it £100 and £150 for the top up"]),
    ("how long do they take?", ["how long do they take"]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_a_message_splits_into_the_questions_it_asks(text, expected):
    assert [clause.text for clause in split_clauses(text)] == expected


@pytest.mark.parametrize("text", [text for text, _ in CASES])
def test_each_clause_is_the_text_at_its_span(text):
    for clause in split_clauses(text):
        assert text[clause.start : clause.end] == clause.text


def test_an_empty_message_has_no_clauses():
    assert split_clauses("") == [] and split_clauses("   ?? ") == []


def test_a_short_word_is_a_question_only_when_asked_as_one():
    assert [c.text for c in split_clauses("ok? so how long does it take")] == ["so how long does it take"]
