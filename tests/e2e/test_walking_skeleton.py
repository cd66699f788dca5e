"""The walking skeleton, end to end over REST with the real Rasa and action servers."""

from __future__ import annotations

import uuid

from bot.files.policy import get_policy
from bot.rules.money import format_money


def new_sender() -> str:
    """A fresh conversation id."""
    return f"test-{uuid.uuid4().hex}"


def test_cost_question_is_answered_with_both_prices(servers):
    policy = get_policy()
    answer = servers.texts(new_sender(), "how much does a microcredential cost?")
    assert format_money(policy.learning_fee) in answer
    assert format_money(policy.credit_fee) in answer


def test_greeting_gets_a_greeting_with_topic_buttons(servers):
    replies = servers.send(new_sender(), "hello")
    assert "assistant" in replies[0]["text"]
    assert replies[0].get("buttons")


def test_session_start_runs_in_the_action_server(servers):
    # Only the project's session start reads the page's language from the metadata: Rasa's built-in one (the
    # fallback when the action server fails) would leave the slot at its initial value, "en".
    sender = new_sender()
    servers.send(sender, "hi", metadata={"language": "cy"})
    tracker = servers_tracker(servers, sender)
    assert tracker["slots"]["language"] == "cy"
    assert tracker["slots"]["page_language"] == "cy"
    events = [e.get("name") for e in tracker["events"] if e["event"] == "action"]
    assert "action_session_start" in events


def test_a_new_session_keeps_the_language_and_nothing_about_the_person(servers):
    # Rasa's built-in session start, which runs when the project's fails, carries every slot over
    # (carry_over_slots_to_new_session is true): only the project's drops the course talked about.
    sender = new_sender()
    servers.send(sender, "when does Plant Breeding 4 come out?", metadata={"language": "cy"})
    assert servers_tracker(servers, sender)["slots"]["course"], "the answer should remember the course"
    servers.send(sender, "/session_start")
    slots = servers_tracker(servers, sender)["slots"]
    assert slots["course"] is None and slots["topic"] is None
    assert slots["language"] == "cy"


def test_unclear_message_gets_the_fallback_with_enquiry_route(servers):
    answer = servers.texts(new_sender(), "zxqv blorp wibble")
    assert get_policy().contact.enquiry_email in answer


def servers_tracker(servers, sender: str) -> dict:
    """The conversation as the HTTP API (token-protected) reports it."""
    import requests

    response = requests.get(
        f"{servers.rasa_url}/conversations/{sender}/tracker", params={"token": servers.token}, timeout=10
    )
    response.raise_for_status()
    return response.json()
