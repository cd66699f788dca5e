"""The reply to a question the page is silent on: an honest "I don't know", what the page says, the team, an offer."""

from __future__ import annotations

from bot.answers.not_covered import not_covered_reply
from bot.nlp.silent_topics import topic
from bot.rules import resit_after_fail


def test_it_names_the_topic_it_has_no_information_about(policy):
    reply = not_covered_reply(topic("refunds"), policy)
    assert reply.text.startswith("I'm sorry, I don't have information about refunds. ")


def test_without_a_topic_it_says_about_that(policy):
    assert not_covered_reply(None, policy).text.startswith("I'm sorry, I don't have information about that. ")


def test_a_note_from_the_rules_adds_what_the_page_does_say(policy):
    note = resit_after_fail()
    reply = not_covered_reply(topic("resits"), policy)
    assert f"I don't have information about resits. {note.reason} " in reply.text


def test_it_gives_the_enquiry_route_and_offers_to_pass_the_question_on(policy):
    reply = not_covered_reply(topic("welsh"), policy)
    assert "whether courses are taught in Welsh" in reply.text
    assert policy.contact.enquiry_email in reply.text and policy.contact.enquiry_url in reply.text
    assert reply.text.endswith("Would you like me to pass your question to the team?")
    assert [button.payload for button in reply.buttons] == ["/affirm", "/deny"]


def test_it_states_no_policy_of_its_own(policy):
    text = not_covered_reply(topic("refunds"), policy).text
    assert "£" not in text and "%" not in text


def test_in_welsh_it_names_the_topic_gives_the_route_and_offers_to_pass_it_on(policy):
    reply = not_covered_reply(topic("refunds"), policy, "cy")
    assert reply.text.startswith("Mae'n ddrwg gen i, does gen i ddim gwybodaeth am ad-daliadau. ")
    assert policy.contact.enquiry_email in reply.text and reply.text.endswith("at y tîm?")
    assert [button.title for button in reply.buttons] == ["Hoffwn, os gwelwch yn dda", "Na, dim diolch"]


def test_in_welsh_the_rule_modules_note_is_in_welsh_too(policy):
    text = not_covered_reply(topic("resits"), policy, "cy").text
    assert "ailsefyll" in text and resit_after_fail().reason not in text
