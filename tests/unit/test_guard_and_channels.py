"""The channel edge: bad input answered without reaching the assistant; tokens become sealed claims."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from sanic.exceptions import InvalidUsage

from bot.identity import AUTH_KEY, IdentitySettings, mint_token, unseal_claims
from bot.rasa_server.channels import GuardedRestInput, edge_metadata, guard, rest_body, rest_message, rest_sender
from bot.rasa_server.guard import EMPTY, MAX_MESSAGE_CHARS, TOO_LONG, check_message, clean_text

SETTINGS = IdentitySettings.from_env({"BOT_JWT_SECRET": "unit-test-secret"})


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "\n\t ", None])
def test_empty_input_is_rejected(text):
    assert check_message(text) == EMPTY


def test_huge_input_is_rejected():
    assert check_message("a" * (MAX_MESSAGE_CHARS + 1)) == TOO_LONG


@pytest.mark.parametrize(
    "text", ["how much?", "<img src=x onerror=alert(1)>", "'; DROP TABLE learners; --", "Faint 🌱 مرحبا", "/ask_cost"]
)
def test_ordinary_and_odd_but_harmless_input_passes(text):
    assert check_message(text) is None


def test_control_characters_are_removed_but_newlines_kept():
    assert clean_text("cost\x00 of\x07 it\nplease\x1b") == "cost of it\nplease"


def test_a_valid_token_becomes_sealed_claims_and_is_not_kept():
    metadata = edge_metadata({"token": mint_token("L0003", "learner", SETTINGS), "language": "en"}, "c1", SETTINGS)
    assert "token" not in metadata and metadata["language"] == "en"
    assert unseal_claims(metadata[AUTH_KEY], "c1", SETTINGS).sub == "L0003"


def test_claims_sent_by_a_client_are_dropped():
    forged = {"auth": {"sub": "L0004", "role": "staff", "exp": 9999999999, "seal": "x"}, "token": "bad"}
    assert edge_metadata(forged, "c1", SETTINGS) == {}


@pytest.mark.parametrize("metadata", [None, "a string", ["list"], {"other": {"deep": 1}}])
def test_odd_metadata_is_reduced_to_nothing(metadata):
    assert edge_metadata(metadata, "c1", SETTINGS) == {}


def run_guarded(text, metadata=None):
    """Send one message through the guard; return (what reached the assistant, replies sent at the edge)."""
    reached = []

    async def on_new_message(message):
        reached.append(message)

    output = CollectingOutputChannel()
    message = UserMessage(text, output, "c1", metadata=metadata)
    asyncio.run(guard(on_new_message, SETTINGS)(message))
    return reached, output.messages


def test_an_empty_message_is_answered_at_the_edge_and_changes_nothing():
    reached, replies = run_guarded("   ")
    assert reached == [] and replies[0]["text"] == EMPTY.reply_in("en")


def test_on_a_welsh_page_an_empty_message_is_answered_in_welsh():
    reached, replies = run_guarded("   ", {"language": "cy"})
    assert reached == [] and replies[0]["text"] == EMPTY.reply_in("cy") != EMPTY.reply_in("en")
    assert replies[0]["text"].startswith("Mae'n edrych fel bod y neges honno'n wag.")


def test_an_oversized_message_written_in_welsh_is_refused_in_welsh():
    text = "Faint mae'r cyrsiau'n ei gostio os ydw i eisiau ennill credydau hefyd? " * 40
    reached, replies = run_guarded(text)
    assert reached == [] and replies[0]["text"] == TOO_LONG.reply_in("cy")
    assert f"dros {MAX_MESSAGE_CHARS} nod" in replies[0]["text"]


def test_an_oversized_english_message_is_refused_in_english():
    reached, replies = run_guarded("how much does it cost to do a course with credits? " * 60)
    assert reached == [] and replies[0]["text"] == TOO_LONG.reply_in("en")


def test_a_good_message_reaches_the_assistant_cleaned_with_sealed_claims():
    reached, replies = run_guarded("cost?\x00", {"token": mint_token("L0001", "learner", SETTINGS)})
    assert replies == [] and reached[0].text == "cost?"
    assert unseal_claims(reached[0].metadata[AUTH_KEY], "c1", SETTINGS).sub == "L0001"


class FakeRequest:
    """Just enough of a Sanic request for the REST body checks."""

    def __init__(self, body):
        self.json = body


@pytest.mark.parametrize("body", [None, [], "text", 3, ["sender", "message"]])
def test_a_webhook_body_that_is_not_an_object_is_a_bad_request(body):
    with pytest.raises(InvalidUsage):
        rest_body(FakeRequest(body))


@pytest.mark.parametrize("sender", [["a"], {"a": 1}, True, 1.5, "", "x" * 256, "bad\x00id", " padded "])
def test_odd_sender_ids_are_a_bad_request(sender):
    with pytest.raises(InvalidUsage):
        rest_sender({"sender": sender})


@pytest.mark.parametrize("sender, expected", [("web-123", "web-123"), (42, "42"), (None, None), ("Ω-√", "Ω-√")])
def test_ordinary_sender_ids_are_kept(sender, expected):
    assert rest_sender({"sender": sender}) == expected


@pytest.mark.parametrize(
    "body", [{}, {"message": None}, {"message": 5}, {"message": ["hi"]}, {"message": {"text": "hi"}}]
)
def test_a_message_that_is_not_a_string_is_a_bad_request(body):
    with pytest.raises(InvalidUsage):
        rest_message(body)


def test_an_empty_message_string_passes_to_the_guard_for_its_reply():
    assert rest_message({"message": ""}) == ""


def test_odd_input_channel_and_metadata_are_ignored():
    channel = GuardedRestInput()
    request = FakeRequest({"message": "hi", "input_channel": ["x"], "metadata": "not a dict"})
    assert channel._extract_input_channel(request) == "rest"
    assert channel.get_metadata(request) is None


async def test_a_custom_payload_goes_over_socketio_as_one_event_not_as_emit_arguments():
    from bot.rasa_server.channels import WholePayloadSocketIOOutput

    class RecordingServer:
        def __init__(self):
            self.emitted = []

        async def emit(self, event, data=None, room=None, **kwargs):
            assert not kwargs, kwargs  # Rasa's own output spread the payload here: emit(sources=...) raised
            self.emitted.append((event, data, room))

    server = RecordingServer()
    payload = {"sources": [{"quote": "a sentence", "section": "A heading?"}]}
    await WholePayloadSocketIOOutput(server, "bot_uttered").send_response("s1", {"custom": payload})
    assert server.emitted == [("bot_uttered", {"custom": payload}, "s1")]
