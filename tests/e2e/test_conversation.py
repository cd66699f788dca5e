"""A sample of the page's topics, the catalogue and the calculator, end to end over REST."""

from __future__ import annotations

import uuid

import pytest

from bot.answers.calculator import deduction_reply
from bot.files.policy import get_policy
from bot.rules.money import format_money
from bot.store import Store


def sender() -> str:
    return f"e2e-{uuid.uuid4().hex}"


@pytest.mark.parametrize(
    "question,expected",
    [
        ("how long does a microcredential take?", lambda p: f"{p.completion_weeks} weeks"),
        ("what's the pass mark?", lambda p: f"{p.assessments[next(iter(p.assessments))].pass_mark}%"),
        ("what is the top up fee", lambda p: format_money(p.top_up)),
        ("can I use them towards a masters degree?", lambda p: p.eligible_programmes[0]),
        ("how many credits is each one worth?", lambda p: f"{p.credits_per_microcredential} university credits"),
    ],
)
def test_page_topics_are_answered_from_the_policy(servers, question, expected):
    assert expected(get_policy()) in servers.texts(sender(), question)


def test_release_date_of_a_named_course_comes_from_the_store(servers):
    course = Store(servers.env["BOT_DB_URL"]).course("PB4")
    answer = servers.texts(sender(), "when does plant breeding four come out?")
    assert course.title in answer and str(course.release_date.year) in answer


def test_calculator_asks_for_what_is_missing_then_shows_the_arithmetic(servers):
    conversation = sender()
    first = servers.texts(conversation, "I've done two with credits, what would come off the MSc?")
    assert "learning only" in first
    second = servers.texts(conversation, "none")
    assert deduction_reply(get_policy(), 2, 0).text in second
    assert "£500" in second, "two credit-bearing courses at £250 each, worked out by hand"


@pytest.mark.parametrize(
    "question", ["who won the football last night?", "can you recommend a good pizza place in Aber?"]
)
def test_out_of_scope_gets_an_honest_reply_and_the_enquiry_route(servers, question):
    answer = servers.texts(sender(), question)
    assert "I can only help with IBERS Distance Learning microcredentials" in answer, answer
    assert "not sure I understood" not in answer, "out of scope, not the fallback"
    assert get_policy().contact.enquiry_email in answer


def test_empty_and_huge_messages_get_a_clear_reply(servers):
    assert "empty" in servers.texts(sender(), "   ")
    assert "too long" in servers.texts(sender(), "a" * 100_000)


def test_markup_is_treated_as_plain_text(servers):
    replies = servers.send(sender(), "<img src=x onerror=alert(1)>")
    assert replies and all("<img" not in reply.get("text", "") for reply in replies)


def test_an_enquiry_left_in_the_chat_is_stored_before_a_reference_is_given(servers):
    conversation = sender()
    offer = servers.texts(conversation, "can I speak to someone in the team?")
    assert "leave it with me" in offer
    servers.texts(conversation, "/affirm")
    servers.texts(conversation, "Jane Jones")
    servers.texts(conversation, "jane.jones@example.org")
    servers.texts(conversation, "Robert'); DROP TABLE enquiries;-- can I start in January?")
    done = servers.texts(conversation, "yes")
    stored = [e for e in Store(servers.env["BOT_DB_URL"]).enquiries() if e.conversation_id == conversation]
    assert len(stored) == 1 and stored[0].question.startswith("Robert'); DROP TABLE")
    assert f"ENQ-{stored[0].id:05d}" in done


def test_several_questions_are_answered_in_order_each_followed_by_its_page_sources(servers):
    from bot.files.sources import get_sources

    replies = servers.send(sender(), "how long is each one and is it all online?")
    kinds = ["sources" if reply.get("custom") else "text" for reply in replies]
    assert kinds == ["text", "sources", "text", "sources"]
    assert f"{get_policy().completion_weeks} weeks" in replies[0]["text"]
    assert "online" in replies[2]["text"]
    quotes = [source["quote"] for source in replies[1]["custom"]["sources"]]
    assert quotes == [quote.quote for quote in get_sources()["duration"]]


def test_a_follow_up_is_answered_in_the_context_of_the_previous_question(servers):
    conversation = sender()
    servers.texts(conversation, "is plant breeding 1 bookable?")
    answer = servers.texts(conversation, "and genomics 2?")
    assert "Genomics 2" in answer and "bookable" in answer


def test_a_question_the_page_is_silent_on_is_named_and_offered_to_the_team_and_yes_starts_the_form(servers):
    conversation = sender()
    answer = servers.texts(conversation, "can I get a refund if I drop out?")
    assert "don't have information about refunds" in answer and get_policy().contact.enquiry_email in answer
    assert "What's your name?" in servers.texts(conversation, "yes please")
