"""Topics the page is silent on: a question is matched to the topic it asks about, from the table in bot.nlp.silent_topics."""

from __future__ import annotations

import re

import pytest

from bot.nlp.silent_topics import RULES, TABLE, TOPICS, rule_note, silent_topic, topic
from bot.rules import resit_after_fail, top_up_deadline

PHRASINGS = [
    ("can I get a refund", "refunds"),
    ("what's your refund policy?", "refunds"),
    ("cn i get a refund", "refunds"),
    ("can I cancel my booking", "refunds"),
    ("what are the entry requirements", "entry_requirements"),
    ("wot r the entry reqs", "entry_requirements"),
    ("do I need a degree to do one", "entry_requirements"),
    ("prerequisites?", "entry_requirements"),
    ("do I need an IELTS score", "english_language"),
    ("is there an age limit", "age"),
    ("how can I pay", "payment_methods"),
    ("hw do i pay", "payment_methods"),
    ("can I pay by card", "payment_methods"),
    ("can i pay in instalments", "instalments"),
    ("can I pay in installments", "instalments"),
    ("is there a payment plan", "instalments"),
    ("can my company be invoiced for the fee", "invoices"),
    ("are there any discounts", "discounts"),
    ("will my employer pay for it", "employer_funding"),
    ("is there any funding or bursary", "funding"),
    ("can I get a student loan for a microcredential", "funding"),
    ("when's the next intake", "start_dates"),
    ("is there a fixed start date or can I start any time", "start_dates"),
    ("how many hours a week does it take", "weekly_workload"),
    ("hw mny hrs a wk", "weekly_workload"),
    ("what's the workload like", "weekly_workload"),
    ("do I need a visa to do a microcredential", "visas"),
    ("do I get a certificate", "certificates"),
    ("will I get a cert at the end", "certificates"),
    ("is there support for disabled learners", "accessibility"),
    ("I'm dyslexic, can I get extra time", "accessibility"),
    ("are the materials accessible with a screen reader", "accessibility"),
    ("can I resit if I fail", "resits"),
    ("can I re-sit the master\u2019s test", "resits"),
    ("what happens if i fail, can i redo it", "resits"),
    ("is there a deadline for the top-up", "top_up_deadline"),
    ("top up deadline?", "top_up_deadline"),
    ("how late can I leave paying the top up", "top_up_deadline"),
    ("what's the deadline to apply", "deadlines"),
    ("when do applications close", "deadlines"),
    ("can I get an extension on my report", "extensions"),
    ("can I defer to next year", "extensions"),
    ("is it taught in Welsh", "welsh"),
    ("can I study through the medium of Welsh", "welsh"),
    ("Hiya, can u do these in welsh? my first language is cymraeg", "welsh"),
    ("what computer do I need", "technical_requirements"),
    ("will it work on an iPad", "technical_requirements"),
    ("will I have a tutor", "tutor_support"),
    ("who do I ask if I get stuck", "tutor_support"),
    ("can I sit the final assessment from abroad", "assessment_location"),
    ("how long does it take to get my result back", "results"),
    ("is there a reading list", "materials"),
    ("do the credits expire", "credit_expiry"),
]

NOT_SILENT = [
    "how long does it take",
    "how much does it cost",
    "what's the pass mark",
    "how many can I take",
    "who are they for",
    "is it online",
    "will I get a grade",
    "do I need to re-register",
    "do I get a discount on the MSc if I've done microcredentials",
    "if I go on to the masters do I get my money back",
    "will the certificate show the mark",
    "what colour is the sky",
]


@pytest.mark.parametrize(("text", "topic_id"), PHRASINGS)
def test_a_question_the_page_is_silent_on_is_matched_to_its_topic(text, topic_id):
    found = silent_topic(text)
    assert found is not None and found.id == topic_id


@pytest.mark.parametrize("text", NOT_SILENT)
def test_questions_the_page_answers_or_that_name_no_topic_get_none(text):
    assert silent_topic(text) is None


def test_the_tables_cover_at_least_forty_phrasings():
    assert len(PHRASINGS) + len(NOT_SILENT) >= 40


def test_the_earliest_mention_wins():
    assert silent_topic("can I get a refund, and is there a certificate?").id == "refunds"
    assert silent_topic("is there a certificate, and can I get a refund?").id == "certificates"


def test_the_longer_match_wins_at_the_same_place():
    assert silent_topic("deadline for paying the top-up?").id == "top_up_deadline"
    assert silent_topic("deadline for the final report?").id == "deadlines"


def test_resits_and_the_top_up_deadline_use_the_rule_modules_wording():
    assert topic("resits").rule == "resit_after_fail" and rule_note(topic("resits")) == resit_after_fail()
    assert rule_note(topic("top_up_deadline")) == top_up_deadline()
    assert rule_note(topic("refunds")) is None and rule_note(None) is None
    assert {t.rule for t in TOPICS if t.rule} == set(RULES)


def test_every_topic_has_a_unique_id_a_label_and_valid_patterns():
    assert len({t.id for t in TOPICS}) == len(TOPICS) == len(TABLE)
    for topic_id, label, _, patterns, unless in TABLE:
        assert re.fullmatch(r"[a-z_]+", topic_id) and label and patterns
        for pattern in (*patterns, *unless):
            re.compile(pattern)
        assert not re.search(r"\b(?:£|\d+%)", label)  # labels name topics, never state policy


def test_the_brief_topic_list_is_covered():
    ids = {t.id for t in TOPICS}
    assert {
        "refunds", "entry_requirements", "payment_methods", "instalments", "start_dates", "weekly_workload",
        "visas", "certificates", "accessibility", "resits", "deadlines", "top_up_deadline", "welsh",
        "technical_requirements", "tutor_support", "discounts", "funding", "employer_funding",
    } <= ids  # fmt: skip
    assert topic("welsh").label == "whether courses are taught in Welsh"
