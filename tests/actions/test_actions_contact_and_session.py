"""Routes to the team (enquiries, downloads, fallback, out-of-scope) and the session-start action."""

from __future__ import annotations

import copy

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.contact import ActionDownloads, ActionFallback, ActionOutOfScope
from actions.enquiry import ActionOfferEnquiry as ActionEnquire
from actions.session import ActionSessionStart, language_from_metadata


async def test_enquiry_route_gives_the_email_and_form_from_the_policy(ask, policy):
    turn = await ask(ActionEnquire(), "list_courses", text="how do I contact you?")
    assert policy.contact.enquiry_email in turn.text
    assert policy.contact.enquiry_url in turn.text
    assert "before you apply" in turn.text  # the page: worth talking to us before applying


async def test_downloads_give_the_brochure_and_the_research_proposal_form(ask, policy):
    turn = await ask(ActionDownloads(), "list_courses", text="can I get the brochure?")
    assert policy.contact.brochure_url in turn.text
    assert policy.contact.research_proposal_form_url in turn.text


async def test_fallback_is_honest_and_offers_topics_and_the_team(ask, policy):
    turn = await ask(ActionFallback(), "list_courses", text="blorp")
    assert "not sure I understood" in turn.text
    assert policy.contact.enquiry_email in turn.text
    assert {"title": "Contact the team", "payload": "/ask_enquire"} in turn.buttons
    assert len(turn.buttons) >= 3


async def test_out_of_scope_says_so_and_points_to_the_team(ask, policy):
    turn = await ask(ActionOutOfScope(), "list_courses", text="what's the weather in Aberystwyth?")
    assert "can only help with IBERS Distance Learning microcredentials" in turn.text
    assert policy.contact.enquiry_email in turn.text


@pytest.mark.parametrize("action_class", [ActionEnquire, ActionDownloads, ActionFallback, ActionOutOfScope])
async def test_contact_replies_need_no_database(action_class, ask, swap, services, broken_store, policy):
    swap(services.with_store(broken_store))
    turn = await ask(action_class(), "list_courses")
    assert policy.contact.enquiry_email in turn.text or policy.contact.brochure_url in turn.text
    assert "can't look that up" not in turn.text


# --- session start -------------------------------------------------------------------------------


async def test_session_start_sets_the_language_from_the_page(ask):
    turn = await ask(ActionSessionStart(), "session_start")
    assert turn.events[0]["event"] == "session_started"
    assert turn.slot_events()["language"] == "cy"
    assert (turn.events[-1]["event"], turn.events[-1]["name"]) == ("action", "action_listen")


@pytest.mark.parametrize(
    "metadata, language",
    [
        ({"language": "cy"}, "cy"),
        ({"language": "CY-gb"}, "cy"),
        ({"language": "en-GB"}, "en"),
        ({"language": "fr"}, "en"),
        ({}, "en"),
        (None, "en"),
        ({"language": 7}, "en"),
    ],
)
async def test_unsupported_or_missing_languages_fall_back_to_english(metadata, language, ask):
    turn = await ask(ActionSessionStart(), "session_start", slots={"session_started_metadata": metadata})
    assert turn.slot_events()["language"] == language


async def test_session_start_carries_nothing_personal_or_half_done_over(ask):
    turn = await ask(ActionSessionStart(), "session_start")
    assert set(turn.slot_events()) == {"language", "page_language"}  # not calc_mode, not the requested slot


async def test_a_new_session_forgets_the_previous_persons_enquiry_name_email_and_topic(ask):
    previous = {
        "enquiry_name": "Jane Previous",
        "enquiry_email": "jane.previous@example.org",
        "enquiry_question": "Can I start in January?",
        "enquiry_consent": True,
        "topic": "ask_upgrade",
        "course": "Plant Breeding 2",
        "last_quote": {"credit_count": 2},
        "calc_credit_count": 2.0,
        "language": "cy",
    }
    turn = await ask(ActionSessionStart(), "session_start", slots=previous)
    assert set(turn.slot_events()) == {"language", "page_language"}


async def test_session_start_without_carry_over_only_sets_the_language(tracker, domain):
    no_carry = copy.deepcopy(domain)
    no_carry["session_config"]["carry_over_slots_to_new_session"] = False
    events = await ActionSessionStart().run(CollectingDispatcher(), tracker("session_start"), no_carry)
    assert [e["name"] for e in events if e["event"] == "slot"] == ["language", "page_language"]


def test_language_is_read_from_the_first_two_letters():
    assert language_from_metadata({"language": "cymraeg"}) == "cy"


async def test_a_new_session_keeps_the_welsh_chosen_before_when_the_page_says_nothing(ask):
    turn = await ask(ActionSessionStart(), "session_start", slots={"language": "cy", "session_started_metadata": {}})
    assert turn.slot_events()["language"] == "cy"


async def test_the_pages_language_wins_over_the_previous_sessions(ask):
    slots = {"language": "cy", "session_started_metadata": {"language": "en"}}
    turn = await ask(ActionSessionStart(), "session_start", slots=slots)
    assert turn.slot_events()["language"] == "en"
