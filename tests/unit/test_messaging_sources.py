"""Messaging channels are text only: the widget's sources payload (and any custom JSON) never goes out on them.

Each connector's transport is replaced by a recorder at the lowest level Rasa's connector reaches (the Telegram
API request, the Messenger client, Slack's chat.postMessage, Twilio's message create), so whatever the channel
would have sent, as text or as API arguments, is seen.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any, Callable, Dict, List

import pytest
from aiogram.bot.base import BaseBot
from fbmessenger import MessengerClient
from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.facebook import FacebookInput, MessengerBot
from rasa.core.channels.slack import SlackBot, SlackInput
from rasa.core.channels.telegram import TelegramInput, TelegramOutput
from rasa.core.channels.twilio import TwilioInput, TwilioOutput
from slack_sdk.web.async_client import AsyncWebClient

from bot.rasa_server import messaging
from bot.rasa_server.messaging import (
    DropsCustomJson,
    GuardedFacebookInput,
    GuardedSlackInput,
    GuardedTelegramInput,
    TextOnlyTwilioOutput,
    TwilioSmsInput,
    TwilioWhatsAppInput,
    text_only,
)

ANSWER = "Each microcredential can be completed in 8 weeks."
SOURCES = {
    "sources": [
        {
            "quote": "each microcredential can be completed in 8-weeks",
            "section": "How long do they take?",
        }
    ]
}
TELEGRAM_TOKEN = "123456789:AAUnitTestTokenNotARealOne_abcdefghij"


@dataclass
class Connector:
    """A messaging connector under test: how to build it, its raw output and the base class whose blueprint it wraps."""

    build: Callable[[], Any]
    raw_output: Callable[[], OutputChannel]
    base: type


CONNECTORS: Dict[str, Connector] = {
    "telegram": Connector(
        lambda: GuardedTelegramInput(TELEGRAM_TOKEN, "ibers_bot", "https://bot.example.org/webhooks/telegram/webhook"),
        lambda: TelegramOutput(TELEGRAM_TOKEN),
        TelegramInput,
    ),
    "facebook": Connector(
        lambda: GuardedFacebookInput("verify", "secret", "page-token"),
        lambda: MessengerBot(MessengerClient("page-token")),
        FacebookInput,
    ),
    "slack": Connector(
        lambda: GuardedSlackInput("xoxb-unit-test", "C0123", slack_signing_secret="signing-secret"),
        lambda: SlackBot("xoxb-unit-test", "C0123"),
        SlackInput,
    ),
    "twilio_sms": Connector(
        lambda: TwilioSmsInput("AC00000000000000000000000000000000", "token", "+441970000000"),
        lambda: TextOnlyTwilioOutput("AC00000000000000000000000000000000", "token", "+441970000000"),
        TwilioInput,
    ),
    "twilio_whatsapp": Connector(
        lambda: TwilioWhatsAppInput("AC00000000000000000000000000000000", "token", "+441970000000"),
        lambda: TextOnlyTwilioOutput("AC00000000000000000000000000000000", "token", "whatsapp:+441970000000"),
        TwilioInput,
    ),
}


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> List[Dict[str, Any]]:
    """Everything any connector tries to send, recorded instead of sent."""
    outgoing: List[Dict[str, Any]] = []

    async def telegram_request(self: Any, method: Any, data: Any = None, *args: Any, **kwargs: Any) -> Dict:
        """The Telegram Bot API request."""
        outgoing.append({"telegram": str(method), **(data or {})})
        return {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}}

    async def set_webhook(self: Any, *args: Any, **kwargs: Any) -> bool:
        """Telegram's webhook registration, done when the connector builds its output."""
        return True

    def messenger_send(self: Any, payload: Any, recipient_id: Any, messaging_type: Any = None, **kwargs: Any) -> Dict:
        """The Messenger Send API call."""
        outgoing.append({"facebook": payload})
        return {}

    async def slack_post(self: Any, **kwargs: Any) -> Dict:
        """Slack's chat.postMessage."""
        outgoing.append({"slack": kwargs})
        return {}

    async def twilio_send(self: Any, message_data: Dict[str, Any]) -> Dict:
        """Twilio's message create."""
        outgoing.append({"twilio": dict(message_data)})
        return {}

    monkeypatch.setattr(BaseBot, "request", telegram_request)
    monkeypatch.setattr(TelegramOutput, "set_webhook", set_webhook)
    monkeypatch.setattr(messaging, "set_telegram_webhook", set_webhook)
    monkeypatch.setattr(MessengerClient, "send", messenger_send)
    monkeypatch.setattr(AsyncWebClient, "chat_postMessage", slack_post)
    monkeypatch.setattr(TwilioOutput, "_send_message", twilio_send)
    return outgoing


def handler_of(name: str, monkeypatch: pytest.MonkeyPatch, on_new_message: Callable) -> Callable:
    """The message handler the connector hands to Rasa's own webhook code (guard and text-only wrapping)."""
    connector = CONNECTORS[name]
    monkeypatch.setattr(connector.base, "blueprint", lambda self, handler: handler)
    monkeypatch.setattr(messaging, "refuse_unproven", lambda blueprint, proof, channel: blueprint)
    return connector.build().blueprint(on_new_message)


def answer_turn(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """One FAQ turn through the connector: the answer's text message, then the sources payload, as Rasa sends them."""

    async def assistant(message: UserMessage) -> None:
        """What action_answer_faq's two bot messages become on the output channel."""
        await message.output_channel.send_response(message.sender_id, {"text": ANSWER})
        await message.output_channel.send_response(message.sender_id, {"custom": SOURCES})

    handler = handler_of(name, monkeypatch, assistant)
    output = CONNECTORS[name].raw_output()
    asyncio.run(handler(UserMessage("how long do they take?", output, "user-1", input_channel=name)))


def mentions_sources(outgoing: List[Dict[str, Any]]) -> bool:
    """Whether anything sent carries the sources payload or its quote, in any form."""
    dumped = json.dumps(outgoing, default=str)
    return "sources" in dumped or SOURCES["sources"][0]["quote"] in dumped or "How long do they take?" in dumped


@pytest.mark.parametrize("name", sorted(CONNECTORS))
def test_an_answer_sends_its_text_and_not_its_sources(name, sent, monkeypatch):
    answer_turn(name, monkeypatch)
    assert sent, "the answer itself was not sent"
    assert ANSWER in json.dumps(sent)
    assert not mentions_sources(sent), sent


@pytest.mark.parametrize("name", sorted(CONNECTORS))
def test_a_sources_payload_on_its_own_sends_nothing(name, sent, monkeypatch):
    output = CONNECTORS[name].build().get_output_channel()
    asyncio.run(output.send_response("user-1", {"custom": SOURCES}))
    assert sent == []


@pytest.mark.parametrize("name", sorted(CONNECTORS))
def test_custom_json_sent_directly_is_dropped_too(name, sent, monkeypatch):
    output = CONNECTORS[name].build().get_output_channel()
    asyncio.run(output.send_custom_json("user-1", {"text": '{"raw": "json"}', **SOURCES}))
    assert sent == []


@pytest.mark.parametrize("name", sorted(CONNECTORS))
def test_every_output_of_a_messaging_channel_is_text_only(name, sent, monkeypatch):
    seen: List[OutputChannel] = []

    async def assistant(message: UserMessage) -> None:
        """Rasa, noting which output channel it was given."""
        seen.append(message.output_channel)

    handler = handler_of(name, monkeypatch, assistant)
    asyncio.run(handler(UserMessage("hi", CONNECTORS[name].raw_output(), "user-1", input_channel=name)))
    assert isinstance(seen[0], DropsCustomJson)
    assert isinstance(CONNECTORS[name].build().get_output_channel(), DropsCustomJson)


def test_the_wrapper_passes_everything_else_on_unchanged(sent):
    raw = TwilioOutput("AC00000000000000000000000000000000", "token", "+441970000000")
    output = text_only(raw)
    buttons = [{"title": "How much do they cost?", "payload": "/ask_cost"}]
    asyncio.run(
        output.send_response("+447700900000", {"text": "Anything else?", "buttons": buttons, "custom": SOURCES})
    )
    assert [message["twilio"]["body"] for message in sent] == [
        "Anything else?",
        "1: How much do they cost? (/ask_cost)",
    ]
    assert output.name() == "twilio" and output.twilio_number == raw.twilio_number
    assert text_only(output) is output


def sent_texts(outgoing: List[Dict[str, Any]]) -> List[str]:
    """The text of every message sent, whichever provider's shape it has."""
    texts = []
    for message in outgoing:
        if "telegram" in message:
            texts.append(str(message.get("text", "")))
        elif "facebook" in message:
            payload = message["facebook"]
            texts.append(str(payload.get("text") or payload.get("attachment", {}).get("payload", {}).get("text", "")))
        elif "slack" in message:
            texts.append(str(message["slack"].get("text", "")))
    return texts


LIMITS = {"telegram": 4096, "facebook": 2000, "slack": 4000}


@pytest.mark.parametrize("name", sorted(LIMITS))
@pytest.mark.parametrize("with_buttons", [False, True])
def test_an_answer_over_the_channels_limit_is_sent_in_parts_at_word_ends(name, with_buttons, sent):
    words = " ".join(f"microcredential{i}" for i in range(700))  # about 12,000 characters, one paragraph
    output = CONNECTORS[name].build().get_output_channel()
    message: Dict[str, Any] = {"text": words}
    if with_buttons:
        message["buttons"] = [{"title": "How much do they cost?", "payload": "/ask_cost"}]
    asyncio.run(output.send_response("user-1", message))
    texts = [text for text in sent_texts(sent) if text]
    assert len(texts) >= 3 and all(len(text) <= LIMITS[name] for text in texts)
    assert " ".join(texts).split() == words.split()  # nothing lost, no word cut in two
    if with_buttons:
        assert "How much do they cost?" in json.dumps(sent[-1])
