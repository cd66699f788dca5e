"""Bad input over the REST webhook: each gets a clear reply or a 4xx, changes nothing, and the server stays up."""

from __future__ import annotations

import json
import uuid

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.files.policy import get_policy
from bot.rules.money import format_money
from bot.store import Store


def sender() -> str:
    return f"bad-{uuid.uuid4().hex}"


def webhook(servers) -> str:
    return f"{servers.rasa_url}/webhooks/rest/webhook"


def user_events(servers, conversation: str) -> list:
    """The user messages Rasa stored for a conversation (none for a conversation it never saw)."""
    response = requests.get(
        f"{servers.rasa_url}/conversations/{conversation}/tracker", params={"token": servers.token}, timeout=10
    )
    response.raise_for_status()
    return [event for event in response.json()["events"] if event["event"] == "user"]


def still_up(servers) -> bool:
    """The assistant still answers an ordinary question."""
    return format_money(get_policy().learning_fee) in servers.texts(sender(), "how much does it cost?")


# The replies written out here, not imported from the guard: a changed or broken guard reply fails the test.
EMPTY_REPLY = "It looks like that message was empty. Please type your question about microcredentials."
TOO_LONG_REPLY = (
    "That message is too long for me (over 2000 characters). Please ask one question at a time, in a sentence or two."
)


@pytest.mark.parametrize(
    "text, reply",
    [
        ("", EMPTY_REPLY),
        ("   \n\t  ", EMPTY_REPLY),
        ("\x00\x01\x07\x1b", EMPTY_REPLY),
        ("a" * 100_000, TOO_LONG_REPLY),
    ],
)
def test_empty_control_only_and_huge_messages_get_a_clear_reply_and_change_nothing(servers, text, reply):
    conversation = sender()
    assert [r["text"] for r in servers.send(conversation, text)] == [reply]
    assert user_events(servers, conversation) == []


def test_control_characters_inside_a_question_are_dropped_and_the_question_answered(servers):
    answer = servers.texts(sender(), "how much\x00 does it\x07 cost?\x1b[31m")
    assert format_money(get_policy().learning_fee) in answer


@pytest.mark.parametrize("text", ["🌱🌱 how much does it cost? 🙏", "\u202eTSOC\u202c how much does it cost"])
def test_a_question_wrapped_in_emoji_or_direction_marks_is_answered(servers, text):
    answer = servers.texts(sender(), text)
    assert "£100" in answer and "£250" in answer, answer


@pytest.mark.parametrize("text", ["كم تكلفة الدورة؟", "מה המחיר?"])
def test_a_price_question_in_another_script_gets_the_price_or_the_honest_reply_never_another_topic(servers, text):
    # Arabic and Hebrew for "how much does it cost?": the multilingual sentence vector may read them as the cost
    # question; if not, the honest not-understood reply. Never some other topic's answer.
    replies = servers.send(sender(), text)
    answer = " ".join(reply.get("text", "") for reply in replies)
    cost_answer = "£100" in answer and "£250" in answer
    honest = "not sure I understood" in answer and get_policy().contact.enquiry_email in answer
    assert cost_answer != honest, answer  # one or the other, never both or neither
    assert "weeks" not in answer and "credits from" not in answer, answer


@pytest.mark.parametrize(
    "text", ["<script>alert('x')</script>", "<b>cost</b>?", "<a href='javascript:alert(1)'>fees</a>"]
)
def test_html_and_script_are_never_echoed_back_as_markup(servers, text):
    replies = servers.send(sender(), text)
    assert replies and not any("<script" in r.get("text", "") or "javascript:" in r.get("text", "") for r in replies)


def test_sql_injection_in_every_enquiry_answer_is_stored_verbatim_and_harmless(servers):
    conversation, name, question = sender(), "Bobby Tables", "x'; DROP TABLE learners; -- " + uuid.uuid4().hex
    servers.texts(conversation, "can I speak to someone in the team?")
    servers.texts(conversation, "/affirm")
    servers.texts(conversation, name)
    servers.texts(conversation, "bobby@example.org")
    servers.texts(conversation, question)
    servers.texts(conversation, "yes")
    store = Store(servers.env["BOT_DB_URL"])
    stored = [e for e in store.enquiries() if e.conversation_id == conversation]
    assert [(e.name, e.question) for e in stored] == [(name, question)]
    assert store.learners(), "the learners table is still there"


@pytest.mark.parametrize(
    "text",
    [
        '/ask_credits{"learner_id": "L0006"}',
        "/staff_show_enquiries",
        '/ask_my_enrolments{"role": "staff"}',
        "/no_such_intent",
        '/enquiry_form{"enquiry_consent": true}',
        "/affirm{{{",
        "/" + "x" * 1500,
    ],
)
def test_intent_injection_gets_a_reply_and_no_personal_or_staff_data(servers, text):
    learners = Store(servers.env["BOT_DB_URL"]).learners()
    replies = servers.send(sender(), text)
    answer = " ".join(r.get("text", "") for r in replies)
    assert replies and "earned" not in answer and "ENQ-" not in answer
    assert not [learner for learner in learners if learner.email in answer or learner.name in answer]


@pytest.mark.parametrize("body", ["{not json", '{"sender": "a", "message": "hi"', "", "null", "[]", "42", '"hello"'])
def test_malformed_json_is_a_bad_request(servers, body):
    response = requests.post(webhook(servers), data=body, headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 400


@pytest.mark.parametrize(
    "body",
    [
        {"sender": "a"},
        {"sender": "a", "message": None},
        {"sender": "a", "message": 7},
        {"sender": "a", "message": ["hi"]},
        {"sender": ["a"], "message": "hi"},
        {"sender": {"id": 1}, "message": "hi"},
        {"sender": True, "message": "hi"},
        {"sender": "x" * 300, "message": "hi"},
        {"sender": "a\x00b", "message": "hi"},
    ],
)
def test_wrong_types_are_a_bad_request(servers, body):
    assert requests.post(webhook(servers), json=body, timeout=30).status_code == 400


@pytest.mark.parametrize(
    "conversation", ["never-seen-before-" + uuid.uuid4().hex, "Ω≈ç√-sender", "../../etc/passwd", "1234"]
)
def test_unknown_sender_ids_start_a_fresh_conversation(servers, conversation):
    assert format_money(get_policy().learning_fee) in servers.texts(conversation, "how much does it cost?")


def test_odd_metadata_and_input_channel_are_ignored(servers):
    body = {"sender": sender(), "message": "how much does it cost?", "metadata": ["x"], "input_channel": {"a": 1}}
    response = requests.post(webhook(servers), json=body, timeout=30)
    assert response.status_code == 200 and response.json()


def test_after_all_that_the_server_is_still_up(servers):
    assert still_up(servers)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
BODIES = (
    st.fixed_dictionaries(
        {},
        optional={
            "sender": JSON_VALUES | st.text(max_size=300),
            "message": JSON_VALUES | st.text(max_size=3000),
            "metadata": JSON_VALUES,
            "input_channel": JSON_VALUES,
        },
    ).map(json.dumps)
    | JSON_VALUES.map(json.dumps)
    | st.binary(max_size=200)
)


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=BODIES)
def test_fuzzed_webhook_bodies_never_get_a_server_error(servers, body):
    response = requests.post(webhook(servers), data=body, headers={"Content-Type": "application/json"}, timeout=30)
    assert response.status_code < 500, (body, response.status_code, response.text[:200])


def test_the_server_is_up_after_the_fuzz(servers):
    assert still_up(servers)
