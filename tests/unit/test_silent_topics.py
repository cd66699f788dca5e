"""Topics the page is silent on: a question is matched to the topic it asks about, from the table in bot.nlp.silent_topics."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bot.answers.not_covered import topic_label
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


# The gaps real users showed: monthly payments, when the top-up is due, equipment, course content, access after the
# course, proof of completion, age, disability support and waiting lists. Each names its topic, never "that".
MORE_PHRASINGS = [
    ("can I pay for it monthly", "instalments"),
    ("is paying monthly an option", "instalments"),
    ("could I set up a direct debit", "instalments"),
    ("can I split the payment", "instalments"),
    ("can I pay the £250 in two halves", "instalments"),
    ("do you offer monthly payment plans", "instalments"),
    ("can i pay £25 a month", "instalments"),
    ("can I pay by direct debit", "instalments"),
    ("when must the top-up be paid", "top_up_deadline"),
    ("how long after the course can I top up", "top_up_deadline"),
    ("how long do I have to top up", "top_up_deadline"),
    ("can I top up a year later", "top_up_deadline"),
    ("is there a time limit on topping up", "top_up_deadline"),
    ("how soon after finishing do I need to pay the top up", "top_up_deadline"),
    ("until when can I top up", "top_up_deadline"),
    ("when's the latest I can pay the top-up", "top_up_deadline"),
    ("which browser should I use", "technical_requirements"),
    ("what are the computer requirements", "technical_requirements"),
    ("does it work on a mac", "technical_requirements"),
    ("will my old PC be good enough", "technical_requirements"),
    ("is there an app for the course", "technical_requirements"),
    ("do I need to turn on my camera", "technical_requirements"),
    ("what software do I need", "technical_requirements"),
    ("will a slow internet connection be a problem", "technical_requirements"),
    ("do I need a laptop", "technical_requirements"),
    ("can I do it on my phone", "technical_requirements"),
    ("what's the course content", "syllabus"),
    ("what is the syllabus", "syllabus"),
    ("what will I learn", "syllabus"),
    ("what topics does it cover", "syllabus"),
    ("is there a course outline", "syllabus"),
    ("what are the learning outcomes", "syllabus"),
    ("can I see some course material before I pay", "syllabus"),
    ("what is in each module", "syllabus"),
    ("can I still access the materials after the course ends", "materials"),
    ("how long do I keep access to the videos", "materials"),
    ("will I lose access once I finish", "materials"),
    ("is there a reading list", "materials"),
    ("will I have access to the content afterwards", "materials"),
    ("do the videos stay available after completion", "materials"),
    ("how long will I have access to the materials", "materials"),
    ("do I keep the notes forever", "materials"),
    ("will the resources still be there after the course ends", "materials"),
    ("do I get something to show my employer", "certificates"),
    ("what proof do I get", "certificates"),
    ("do I get anything at the end", "certificates"),
    ("is there proof of completion", "certificates"),
    ("will I be certified", "certificates"),
    ("can I get a transcript", "certificates"),
    ("will I get a digital badge", "certificates"),
    ("do I get a certificate of completion", "certificates"),
    ("I'm over 60, can I still apply", "age"),
    ("can under 18s apply", "age"),
    ("I'm 70 is that ok", "age"),
    ("am I too old at 65", "age"),
    ("is there a maximum age", "age"),
    ("how old do you have to be", "age"),
    ("I'm retired, can I do one", "age"),
    ("can a 16 year old take it", "age"),
    ("is there a minimum age", "age"),
    ("I'm partially sighted", "accessibility"),
    ("I have a learning difficulty", "accessibility"),
    ("I have ADHD, is there support", "accessibility"),
    ("can I get extra time on the test", "accessibility"),
    ("do you make reasonable adjustments", "accessibility"),
    ("does it work with a screen reader", "accessibility"),
    ("I'm dyslexic", "accessibility"),
    ("do you support wheelchair users", "accessibility"),
    ("is there a waiting list", "waiting_lists"),
    ("can you notify me when a course opens", "waiting_lists"),
    ("can I be told when it opens", "waiting_lists"),
    ("it's fully booked, what now", "waiting_lists"),
    ("can I join the waitlist", "waiting_lists"),
    ("can you email me when genomics 4 is released", "waiting_lists"),
    ("the course is full, can I go on a list", "waiting_lists"),
    ("keep me posted on new courses", "waiting_lists"),
    ("can I register my interest", "waiting_lists"),
]

# Near them, but answered by the page or the catalogue, or about something else: no silent topic.
NEAR_BUT_NOT_SILENT = [
    "how much is the top-up",
    "how do I top up",
    "what is the top-up fee",
    "how long does each course last",
    "what will I learn on plant breeding 1",
    "what topics does BI4 cover",
    "what do you cover",
    "how old are you",
    "what's your phone number",
    "can I speak to someone on the phone",
    "is the pass mark over 50",
    "I'm 20 minutes late",
    "could you let me know when Plant Breeding 2 starts",
    "how do I reserve a place",
    "tell me if i passed my assessment",
    "when is genomics 4 released",
    "is it on zoom",
    "is it all on the computer",
    "what's the cost per month",
    "is there a month to do it",
]


@pytest.mark.parametrize(("text", "topic_id"), MORE_PHRASINGS)
def test_the_gaps_users_showed_are_matched_to_their_topic(text, topic_id):
    found = silent_topic(text)
    assert found is not None and found.id == topic_id


@pytest.mark.parametrize("text", NEAR_BUT_NOT_SILENT)
def test_questions_near_the_new_topics_that_the_page_answers_get_none(text):
    assert silent_topic(text) is None


def test_each_gap_has_at_least_eight_phrasings():
    counts = Counter(topic_id for _, topic_id in MORE_PHRASINGS)
    assert min(counts.values()) >= 8
    assert len(NEAR_BUT_NOT_SILENT) >= 8


def test_the_new_topics_read_well_after_about():
    assert topic_label(topic("instalments")) == "paying monthly or in instalments"
    assert topic_label(topic("syllabus")) == "the detailed course content and syllabus"
    assert topic_label(topic("waiting_lists")) == "waiting lists and being told when a course opens"


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


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_topic_has_a_unique_id_a_label_in_each_language_and_valid_patterns(language):
    assert len({t.id for t in TOPICS}) == len(TOPICS) == len(TABLE)
    for topic_id, _, patterns, unless in TABLE:
        label = topic_label(topic(topic_id), language)
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
    assert topic_label(topic("welsh")) == "whether courses are taught in Welsh"
