"""Several questions in one message, sources beside every answer, follow-ups in context, courses we do not offer."""

from __future__ import annotations

from typing import List

import pytest

from actions.catalogue import ActionAnswerPassMark, ActionBookable, ActionListCourses
from actions.faq import ActionAnswerFaq
from actions.follow_up import ActionFollowUp
from actions.not_covered import ActionNotCovered
from bot.files.catalogue import load_catalogue_file
from bot.files.sources import get_sources

CATALOGUE = load_catalogue_file()
BY_CODE = {course.code: course for course in CATALOGUE}


def questions(text: str, *parts: str) -> List[dict]:
    """`question` entities for the given (clause, intent) pairs, as the NLU component marks them."""
    entities = []
    for part in parts:
        clause, intent = part.split("=")
        start = text.index(clause)
        entities.append({"entity": "question", "value": intent, "start": start, "end": start + len(clause)})
    return entities


def sources_of(turn) -> List[List[str]]:
    """The quotes of each sources payload the action sent, in order."""
    return [[s["quote"] for s in m["custom"]["sources"]] for m in turn.messages if m.get("custom")]


async def test_each_of_several_questions_is_answered_in_the_order_asked(ask):
    text = "how long is each one and is it all online? can I get a refund"
    entities = questions(
        text, "how long is each one=ask_duration", "is it all online=ask_format", "can I get a refund=ask_not_covered"
    )
    # the rule has said utter_duration; the action cites it, then answers the later questions in order
    turn = await ask(ActionAnswerFaq(), "list_courses", text=text, intent="ask_duration", entities=entities)
    kinds = ["sources" if m.get("custom") else m.get("response") or m["text"][:22] for m in turn.messages]
    assert kinds == ["sources", "utter_format", "sources", "I'm sorry, I don't hav"]
    assert sources_of(turn)[0] == [quote.quote for quote in get_sources()["duration"]]


async def test_several_questions_mix_page_topics_and_the_catalogue(ask):
    text = "what courses do you have and how much do they cost"
    entities = questions(text, "what courses do you have=ask_courses", "how much do they cost=ask_cost")
    turn = await ask(ActionListCourses(), "list_courses", text=text, intent="ask_courses", entities=entities)
    first_text = next(i for i, m in enumerate(turn.messages) if m.get("text"))
    cost = next(i for i, m in enumerate(turn.messages) if m.get("response") == "utter_cost")
    assert first_text < cost
    assert "Plant Breeding" in turn.text


async def test_every_page_answer_carries_the_page_sentences_it_applies(ask):
    turn = await ask(ActionAnswerFaq(), "list_courses", text="how long do they take?", intent="ask_duration")
    assert sources_of(turn) == [[quote.quote for quote in get_sources()["duration"]]]
    assert turn.slot_events()["topic"] == "ask_duration"


async def test_a_course_answer_remembers_the_course_for_a_follow_up(ask):
    turn = await ask(
        ActionBookable(),
        "list_courses",
        text="is genomics 2 bookable?",
        intent="ask_bookable",
        entities=[{"entity": "course", "value": "genomics 2", "start": 3, "end": 13}],
    )
    assert turn.slot_events() == {"topic": "ask_bookable", "course": "GN2"}


async def test_that_one_means_the_course_talked_about_before(ask):
    turn = await ask(
        ActionBookable(),
        "list_courses",
        text="is that one bookable yet?",
        intent="ask_bookable",
        slots={"course": "PB2"},
    )
    assert BY_CODE["PB2"].title in turn.text


async def test_a_follow_up_naming_another_course_asks_the_same_question_about_it(ask):
    turn = await ask(
        ActionFollowUp(),
        "list_courses",
        text="and genomics 1?",
        intent="follow_up",
        entities=[{"entity": "course", "value": "genomics 1", "start": 4, "end": 14}],
        slots={"topic": "ask_bookable", "course": "PB1"},
    )
    assert BY_CODE["GN1"].title in turn.text
    assert turn.slot_events()["course"] == "GN1"


@pytest.mark.parametrize("text", ["what about Soil Science 2?", "be am Soil Science 2?"])
async def test_a_follow_up_naming_a_course_we_do_not_offer_names_it_back(ask, text):
    turn = await ask(ActionFollowUp(), "list_courses", text=text, intent="follow_up", slots={"topic": "ask_bookable"})
    assert "Soil Science 2" in turn.text
    assert "couldn't find a microcredential called" in turn.text


async def test_a_follow_up_naming_an_assessment_kind_gives_its_pass_mark(ask, policy):
    turn = await ask(
        ActionFollowUp(),
        "list_courses",
        text="and the data set one?",
        intent="follow_up",
        slots={"topic": "ask_pass_mark"},
    )
    rule = policy.assessments["data_analysis"]
    assert f"{rule.label} needs a pass mark of {rule.pass_mark}%" in turn.text


async def test_with_credits_after_the_cost_is_the_top_up(ask):
    turn = await ask(
        ActionFollowUp(), "list_courses", text="and with credits?", intent="follow_up", slots={"topic": "ask_cost"}
    )
    assert turn.responses == ["utter_topup"]


async def test_a_follow_up_without_context_is_asked_again_honestly(ask):
    turn = await ask(ActionFollowUp(), "list_courses", text="and that?", intent="follow_up", slots={"topic": None})
    assert turn.responses == [] and turn.text


async def test_a_course_we_do_not_offer_is_named_back_not_answered_with_the_list(ask):
    turn = await ask(
        ActionBookable(), "list_courses", text="is the Soil Science microcredential bookable?", intent="ask_bookable"
    )
    assert "Soil Science" in turn.text
    assert "bookable now" not in turn.text


async def test_a_page_topic_about_a_course_we_do_not_offer_also_says_it_is_not_ours(ask):
    turn = await ask(ActionAnswerFaq(), "list_courses", text="how much is the beekeeping course?", intent="ask_cost")
    assert "beekeeping" in turn.text.lower()  # the rule has already said utter_cost, which holds for every course


async def test_a_question_the_page_is_silent_on_gets_an_honest_answer_naming_it(ask, policy):
    turn = await ask(
        ActionNotCovered(), "list_courses", text="can I get a refund if I drop out?", intent="ask_not_covered"
    )
    assert "refund" in turn.text.lower()
    assert policy.contact.enquiry_email in turn.text
    assert "£" not in turn.text


async def test_resits_reach_the_rule_modules_not_covered_note(ask):
    from bot.rules import resit_after_fail

    turn = await ask(ActionNotCovered(), "list_courses", text="if I fail can I resit?", intent="ask_not_covered")
    assert resit_after_fail().reason.split(" but ")[0][:30] in turn.text


def offered_then_yes(offer_buttons: list) -> dict:
    """A tracker spec: the previous reply (with these buttons), then the user says yes."""
    return {
        "sender_id": "conv-yes",
        "latest_message": {"text": "yes please", "intent": {"name": "affirm", "confidence": 0.99}, "entities": []},
        "events": [
            {"event": "user", "text": "refunds? and how long is it"},
            {"event": "bot", "text": "...", "data": {"buttons": offer_buttons}},
            {"event": "user", "text": "yes please"},
        ],
    }


async def test_yes_after_a_reply_that_offered_to_pass_a_question_on_starts_the_enquiry_form(tracker, run):
    from rasa_sdk import Tracker

    from actions.yes_no import ActionAffirm

    spec = offered_then_yes([{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}])
    built = tracker("list_courses", text="yes please", intent="affirm")
    with_events = Tracker(
        built.sender_id, built.slots, built.latest_message, spec["events"], False, None, {}, "action_listen"
    )
    turn = await run(ActionAffirm(), with_events)
    assert turn.events == [{"event": "followup", "timestamp": None, "name": "enquiry_form"}]


async def test_yes_out_of_the_blue_asks_what_else_the_user_would_like(tracker, run):
    from rasa_sdk import Tracker

    from actions.yes_no import ActionAffirm

    spec = offered_then_yes([{"title": "Cost", "payload": "/ask_cost"}])
    built = tracker("list_courses", text="yes", intent="affirm")
    with_events = Tracker(
        built.sender_id, built.slots, built.latest_message, spec["events"], False, None, {}, "action_listen"
    )
    turn = await run(ActionAffirm(), with_events)
    assert turn.responses == ["utter_anything_else"] and turn.events == []


async def test_a_misunderstood_message_naming_a_course_we_do_not_offer_is_told_so(ask):
    from actions.contact import ActionFallback

    turn = await ask(ActionFallback(), "list_courses", text="do you do a course on beekeeping", intent="nlu_fallback")
    assert "beekeeping" in turn.text.lower() and "Sorry, I'm not sure I understood" not in turn.text


async def test_a_misunderstood_question_the_page_is_silent_on_gets_the_honest_answer(ask):
    from actions.contact import ActionOutOfScope

    turn = await ask(ActionOutOfScope(), "list_courses", text="refunds??", intent="out_of_scope")
    assert "refund" in turn.text.lower() and "pass your question" in turn.text


async def test_the_pass_mark_of_a_named_assessment_kind_is_that_kinds(ask, policy):
    turn = await ask(
        ActionAnswerPassMark(),
        "list_courses",
        text="whats the pass mark for the masters level test",
        intent="ask_pass_mark",
    )
    rule = policy.assessments["masters_test"]
    assert f"{rule.label} needs a pass mark of {rule.pass_mark}%" in turn.text


async def test_a_page_silent_question_about_a_course_we_do_not_offer_names_the_course(ask):
    turn = await ask(
        ActionNotCovered(), "list_courses", text="do you do a course on beekeeping", intent="ask_not_covered"
    )
    assert "beekeeping" in turn.text.lower() and "about that" not in turn.text


async def test_how_is_it_assessed_after_naming_a_course_adds_that_courses_assessment(ask, policy):
    turn = await ask(
        ActionAnswerFaq(),
        "list_courses",
        text="how will it be assessed?",
        intent="ask_assessment",
        slots={"course": "PB2"},
    )
    rule = policy.assessments[BY_CODE["PB2"].assessment]
    assert f"{BY_CODE['PB2'].title} ends with a {rule.label}" in turn.text
