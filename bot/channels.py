"""Rasa input channels with a guarded edge: bad input is answered here, and tokens become sealed claims.

Configured in credentials.yml as `bot.channels.GuardedRestInput` and `bot.channels.GuardedSocketIOInput`.
Both keep Rasa's URLs (/webhooks/rest/webhook and /socket.io) and behaviour, and add two things before a
message reaches the assistant:
- empty, oversized or control-character input gets a clear reply and changes nothing;
- the website's token in the metadata is verified and replaced by sealed claims (bot.identity), so the raw
  token is never stored; anything else a client puts in the metadata is dropped except the page language.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.guard import check_message, clean_text
from bot.identity import AUTH_KEY, TOKEN_KEY, IdentitySettings, sealed_claims, verify_token

logger = logging.getLogger(__name__)
KEPT_METADATA = ("language",)
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def edge_metadata(metadata: Any, conversation_id: str, settings: IdentitySettings) -> Dict[str, Any]:
    """The metadata passed on: the page language and, for a valid token, sealed claims (never the token)."""
    incoming = metadata if isinstance(metadata, dict) else {}
    kept = {key: str(incoming[key])[:16] for key in KEPT_METADATA if isinstance(incoming.get(key), str)}
    claims = verify_token(incoming.get(TOKEN_KEY), settings)
    if claims is not None:
        kept[AUTH_KEY] = sealed_claims(claims, conversation_id, settings)
    return kept


def guard(on_new_message: OnNewMessage, settings: Optional[IdentitySettings] = None) -> OnNewMessage:
    """Wrap Rasa's message handler with the input checks and token verification."""
    settings = settings or IdentitySettings.from_env()

    async def guarded(message: UserMessage) -> Any:
        rejection = check_message(message.text)
        if rejection is not None:
            logger.info("message rejected at the edge: %s", rejection.reason)
            await message.output_channel.send_text_message(message.sender_id, rejection.reply)
            return None
        message.text = clean_text(message.text)
        message.metadata = edge_metadata(message.metadata, message.sender_id, settings)
        return await on_new_message(message)

    return guarded


class GuardedInput:
    """Mixin for a Rasa input channel: the guard sits in front of its message handler (URLs unchanged)."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        return super().blueprint(guard(on_new_message))  # type: ignore[misc]


class GuardedRestInput(GuardedInput, RestInput):
    """Rasa's REST channel behind the guarded edge (/webhooks/rest/webhook)."""


class GuardedSocketIOInput(GuardedInput, SocketIOInput):
    """Rasa's socket.io channel behind the guarded edge (/socket.io)."""
