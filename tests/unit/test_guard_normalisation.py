"""The guard normalises what a user typed (NFKC, no format or invisible characters) before the NLU sees it."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.identity import IdentitySettings
from bot.rasa_server.channels import guard
from bot.rasa_server.guard import EMPTY, check_message, clean_text

SETTINGS = IdentitySettings.from_env({"BOT_JWT_SECRET": "test-secret"})
INVISIBLE_ONLY = [
    "\u200b",  # zero-width space
    "\u200b\u200c\u200d\u2060\ufeff",  # zero-width (non-)joiners, word joiner, byte-order mark
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",  # direction marks and isolates
    "\u3164\u115f\u1160\uffa0",  # Hangul fillers
    " \u200b \ufe0f \u034f ",  # a variation selector and the combining grapheme joiner between spaces
]


@pytest.mark.parametrize("text", INVISIBLE_ONLY)
def test_invisible_only_text_is_empty_and_gets_the_empty_reply(text):
    assert clean_text(text) == "" and check_message(text) == EMPTY


@pytest.mark.parametrize(
    "typed, seen",
    [
        ("ｙｅｓ", "yes"),  # full-width letters
        ("y\u200be\u200ds", "yes"),  # zero-width characters inside a word
        ("\u202eyes\u202c", "yes"),  # direction override around it
        ("ﬁnance", "finance"),  # a ligature
        ("how much does it cost?", "how much does it cost?"),
        ("Faint 🌱 مرحبا\nplease", "Faint 🌱 مرحبا\nplease"),
    ],
)
def test_text_is_normalised_before_the_nlu(typed, seen):
    assert clean_text(typed) == seen


def test_invisible_only_text_never_reaches_the_assistant():
    reached = []

    async def on_new_message(message):
        reached.append(message)

    output = CollectingOutputChannel()
    asyncio.run(guard(on_new_message, SETTINGS)(UserMessage("\u200b\u200f\u2066", output, "c-invisible")))
    assert reached == [] and [m["text"] for m in output.messages] == [EMPTY.reply_in("en")]


def test_a_normalised_message_reaches_the_assistant():
    reached = []

    async def on_new_message(message):
        reached.append(message.text)

    asyncio.run(guard(on_new_message, SETTINGS)(UserMessage("ｙｅｓ\u200b", CollectingOutputChannel(), "c-yes")))
    assert reached == ["yes"]
