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
def test_fallback_and_out_of_scope_offer_topics_and_the_team(compose, policy):
    reply = compose(policy)
    assert policy.contact.enquiry_email in reply.text
    assert contact.CONTACT_BUTTON in reply.buttons
    assert set(contact.TOPIC_BUTTONS) <= set(reply.buttons)


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
