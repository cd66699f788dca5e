"""Nothing of one person reaches the next, with the real servers: sessions, the enquiry form's steps, the logs."""

from __future__ import annotations

import uuid
from typing import Any, Dict

import pytest
import requests

from bot.answers import enquiry_form
from bot.rasa_server.guard import EMPTY
from bot.store import Store

ZERO_WIDTH_AND_DIRECTION = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202e\u2066\u2069"


def sender() -> str:
    return f"carry-{uuid.uuid4().hex}"


def tracker(servers, conversation: str) -> Dict[str, Any]:
    """The conversation as Rasa stored it."""
    response = requests.get(
        f"{servers.rasa_url}/conversations/{conversation}/tracker", params={"token": servers.token}, timeout=10
    )
    response.raise_for_status()
    return response.json()


def start_enquiry(servers, conversation: str) -> None:
    """Ask to talk to the team and accept the offer: the form asks for a name."""
    servers.texts(conversation, "can I speak to someone in the team?")
    assert "What's your name?" in servers.texts(conversation, "/affirm")


def stored_enquiries(servers, conversation: str) -> list:
    """The enquiries stored from one conversation."""
    return [e for e in Store(servers.env["BOT_DB_URL"]).enquiries() if e.conversation_id == conversation]


def test_a_new_session_after_a_half_finished_enquiry_has_no_name_or_email(servers):
    conversation = sender()
    start_enquiry(servers, conversation)
    servers.texts(conversation, "Jane Previous")
    servers.texts(conversation, "jane@example.org")
    assert tracker(servers, conversation)["slots"]["enquiry_email"] == "jane@example.org"
    servers.texts(conversation, "/session_start")  # what an idle timeout does when the next person writes
    slots = tracker(servers, conversation)["slots"]
    assert slots["enquiry_name"] is None and slots["enquiry_email"] is None
    start_enquiry(servers, conversation)  # the next person is asked their own name again


def test_invisible_only_text_at_the_consent_step_is_not_a_yes_and_changes_nothing(servers):
    conversation = sender()
    start_enquiry(servers, conversation)
    servers.texts(conversation, "Ivy Invisible")
    servers.texts(conversation, "ivy@example.org")
    servers.texts(conversation, "Can I start in January next year?")
    before = tracker(servers, conversation)
    assert [r["text"] for r in servers.send(conversation, ZERO_WIDTH_AND_DIRECTION)] == [EMPTY.reply_in("en")]
    after = tracker(servers, conversation)
    assert after["slots"]["enquiry_consent"] is None and len(after["events"]) == len(before["events"])
    assert stored_enquiries(servers, conversation) == []


def test_the_widgets_start_up_greet_is_not_stored_as_the_question(servers):
    conversation = sender()
    start_enquiry(servers, conversation)
    servers.texts(conversation, "Greta Greet")
    servers.texts(conversation, "greta@example.org")
    servers.texts(conversation, "/greet")  # the widget re-opened while the form waited for the question
    assert tracker(servers, conversation)["slots"]["enquiry_question"] is None
    servers.texts(conversation, "Is there a discount for alumni?")
    servers.texts(conversation, "yes")
    assert [e.question for e in stored_enquiries(servers, conversation)] == ["Is there a discount for alumni?"]


@pytest.mark.parametrize("command", ["stop it please", "stop please", "I want to stop"])
def test_stop_please_at_the_name_step_leaves_the_form_and_stores_nothing(servers, command):
    conversation = sender()
    start_enquiry(servers, conversation)
    answer = servers.texts(conversation, command)
    assert enquiry_form.cancelled().text in answer or "start again" in answer  # the form's stop or a restart
    after = tracker(servers, conversation)
    assert after["slots"]["enquiry_name"] is None and not after["active_loop"]
    assert stored_enquiries(servers, conversation) == []


def test_the_logs_hold_no_slash_commands_or_rejected_email_addresses(servers):
    marker = uuid.uuid4().hex
    conversation = sender()
    servers.texts(sender(), f"/zz_{marker}")
    servers.texts(sender(), f'/greet{{"name": "{marker}"}}')
    start_enquiry(servers, conversation)
    servers.texts(conversation, "Lou Logs")
    servers.texts(conversation, f"lou-{marker}-at-example")
    servers.texts(conversation, "cancel")
    assert marker not in servers.log_text()
