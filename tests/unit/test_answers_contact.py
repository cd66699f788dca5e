"""Replies that route people to the team take every address from the policy."""

from __future__ import annotations

import dataclasses

import pytest

from bot.answers import contact


def test_enquiry_route_gives_the_email_and_the_form(policy):
    text = contact.enquiry_route(policy).text
    assert policy.contact.enquiry_email in text and policy.contact.enquiry_url in text


def test_downloads_name_both_documents_with_their_links(policy):
    text = contact.downloads(policy).text
    assert f"Research Proposal Form ({policy.contact.research_proposal_form_url})" in text
    assert f"Brochure ({policy.contact.brochure_url})" in text


@pytest.mark.parametrize("compose", [contact.not_understood, contact.out_of_scope])
@pytest.mark.parametrize("language", ["en", "cy"])
def test_fallback_and_out_of_scope_offer_topics_and_the_team(compose, language, policy):
    reply = compose(policy, language)
    assert policy.contact.enquiry_email in reply.text
    assert [button.payload for button in reply.buttons] == [
        "/ask_what_are",
        "/ask_cost",
        "/ask_qualification",
        "/ask_courses",
        "/ask_enquire",
    ]


def test_the_welsh_fallback_and_its_buttons_are_in_welsh(policy):
    reply = contact.not_understood(policy, "cy")
    assert reply.text.startswith("Mae'n ddrwg gen i, dydw i ddim yn siŵr i mi ddeall hynny.")
    assert reply.buttons[0].title == "Beth yw microgymwysterau?" and reply.buttons[-1].title == "Cysylltu â'r tîm"


def test_the_welsh_apology_gives_the_welsh_enquiry_route(policy):
    text = contact.apology(policy, "cy").text
    assert text.startswith("Mae'n ddrwg gen i, dydy rhan o'r gwasanaeth ddim yn ymateb")
    assert "Gallwch gysylltu â thîm Dysgu o Bell IBERS" in text and policy.contact.enquiry_url in text


def test_the_apology_for_an_unreachable_database_gives_the_team_email(policy):
    reply = contact.service_unavailable(policy)
    assert reply.text.startswith("Sorry, I can't look that up right now")
    assert policy.contact.enquiry_email in reply.text


def test_a_changed_address_in_the_policy_changes_every_reply(policy):
    changed = dataclasses.replace(
        policy, contact=dataclasses.replace(policy.contact, enquiry_email="team@aber.example")
    )
    for compose in (contact.enquiry_route, contact.not_understood, contact.out_of_scope, contact.service_unavailable):
        assert "team@aber.example" in compose(changed).text
