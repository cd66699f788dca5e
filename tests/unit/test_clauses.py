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


# Welsh: "a"/"ac", "hefyd", "a hefyd", "ond", "neu", "wedyn", "a be am", "a oes", "ac ydy", "?" split a message into
# its questions; a noun phrase ("Plant Breeding a Genomics", "£100 a £150") and the relative "a" ("faint o gredydau
# a gaf i") do not.
CY_CASES = [
    ("Faint mae'n gostio ac ydw i'n cael gradd?", ["Faint mae'n gostio", "ydw i'n cael gradd"]),
    ("Faint yw'r gost a hefyd ydw i'n cael marc?", ["Faint yw'r gost", "ydw i'n cael marc"]),
    ("Beth yw microgymhwyster a pha mor hir mae'n para?", ["Beth yw microgymhwyster", "pha mor hir mae'n para"]),
    ("Beth ydyn nhw ac hefyd pa mor hir ydyn nhw?", ["Beth ydyn nhw", "pa mor hir ydyn nhw"]),
    ("Faint sydd angen eu gwneud a pa gymhwyster ga i?", ["Faint sydd angen eu gwneud", "pa gymhwyster ga i"]),
    ("Beth yw'r cymhwyster ac oes modd ei uwchraddio i MSc?", ["Beth yw'r cymhwyster", "oes modd ei uwchraddio i MSc"]),
    ("pa gymhwyster ga i ac a alla i ei uwchraddio wedyn?", ["pa gymhwyster ga i", "alla i ei uwchraddio wedyn"]),
    ("Faint yw e ond ydy e ar-lein?", ["Faint yw e", "ydy e ar-lein"]),
    ("Ydy e ar-lein neu oes rhaid dod i'r campws?", ["Ydy e ar-lein", "oes rhaid dod i'r campws"]),
    ("Faint yw e, a be am y graddau?", ["Faint yw e", "be am y graddau"]),
    ("Faint yw e a beth am y graddau?", ["Faint yw e", "beth am y graddau"]),
    ("Beth ydyn nhw? Pa mor hir ydyn nhw?", ["Beth ydyn nhw", "Pa mor hir ydyn nhw"]),
    ("faint yw'r gost wedyn pa radd ga i", ["faint yw'r gost", "pa radd ga i"]),
    ("Faint mae'n gostio hefyd ydw i'n cael gradd", ["Faint mae'n gostio", "ydw i'n cael gradd"]),
    ("Beth yw microgymhwyster a phryd alla i ddechrau?", ["Beth yw microgymhwyster", "phryd alla i ddechrau"]),
    (
        "Faint o gyrsiau sydd mewn set a pha gymhwyster dwi'n ei gael?",
        ["Faint o gyrsiau sydd mewn set", "pha gymhwyster dwi'n ei gael"],
    ),
    (
        "oes modd uwchraddio i MSc a faint o arian sy'n cael ei dynnu",
        ["oes modd uwchraddio i MSc", "faint o arian sy'n cael ei dynnu"],
    ),
    ("Faint yw e a gaf i dalu fesul rhandaliad?", ["Faint yw e", "gaf i dalu fesul rhandaliad"]),
    # one question, even with "a" in it
    ("Dwi isio gwneud Plant Breeding a Genomics", ["Dwi isio gwneud Plant Breeding a Genomics"]),
    ("ydy e'n £100 a £150 am y top-up", ["ydy e'n £100 a £150 am y top-up"]),
    ("faint o gredydau a gaf i am dri chwrs", ["faint o gredydau a gaf i am dri chwrs"]),
    ("pa gymhwyster a gaf i ar y diwedd", ["pa gymhwyster a gaf i ar y diwedd"]),
    ("Cost a hyd?", ["Cost a hyd"]),
    ("alla i uwchraddio wedyn os dwi'n pasio?", ["alla i uwchraddio wedyn os dwi'n pasio"]),
]


@pytest.mark.parametrize("text, expected", CY_CASES)
def test_a_welsh_message_splits_into_the_questions_it_asks(text, expected):
    assert [clause.text for clause in split_clauses(text)] == expected


@pytest.mark.parametrize("text", [text for text, _ in CY_CASES])
def test_each_welsh_clause_is_the_text_at_its_span(text):
    for clause in split_clauses(text):
        assert text[clause.start : clause.end] == clause.text


def test_english_words_welsh_shares_do_not_split():
    assert [c.text for c in split_clauses("is there a wi-fi connection and is it free")] == [
        "is there a wi-fi connection",
        "is it free",
    ]
