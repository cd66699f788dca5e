"""Rasa input channels with a guarded edge: bad input is answered here, and tokens become sealed claims.

Configured in credentials.yml as `bot.rasa_server.channels.GuardedRestInput` and
`bot.rasa_server.channels.GuardedSocketIOInput`. Both keep Rasa's URLs (/webhooks/rest/webhook and /socket.io)
and behaviour, and add, around each message:
- empty, oversized or control-character input gets a clear reply and changes nothing;
- the website's token in the metadata is verified and replaced by sealed claims (bot.identity), so the raw
  token is never stored; anything else a client puts in the metadata is dropped except the page language;
- when a custom action could not run (the action server is down) or the turn failed, the user gets an apology
  with the enquiry route instead of silence (bot.rasa_server.turn_watch; the failures are recorded by the
  patched RemoteAction.run, bot.rasa_server.patches, which the server's entry point installs).
The REST channel also answers a body that is not a JSON object with a string message with 400, not 500.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from bot.answers.contact import apology
from bot.answers.texts import ENGLISH, WELSH, reply_language
from bot.files.policy import get_policy
from bot.identity import AUTH_KEY, TOKEN_KEY, IdentitySettings, sealed_claims, verify_token
from bot.nlp.language import is_clearly_welsh
from bot.nlp.personal import looks_personal
from bot.rasa_server import turn_watch
from bot.rasa_server.guard import check_message, clean_text

logger = logging.getLogger(__name__)
KEPT_METADATA = ("language",)
MAX_SENDER_CHARS = 255  # Rasa's SQL tracker store column
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


EDGE_SAMPLE_CHARS = 400  # enough to tell the language of an oversized message, cheap to check


def edge_metadata(metadata: Any, conversation_id: str, settings: IdentitySettings) -> Dict[str, Any]:
    """The metadata passed on: the page language and, for a valid token, sealed claims (never the token)."""
    incoming = metadata if isinstance(metadata, dict) else {}
    kept: Dict[str, Any] = {key: str(incoming[key])[:16] for key in KEPT_METADATA if isinstance(incoming.get(key), str)}
    claims = verify_token(incoming.get(TOKEN_KEY), settings)
    if claims is not None:
        kept[AUTH_KEY] = sealed_claims(claims, conversation_id, settings)
    return kept


def edge_language(metadata: Any, text: Any) -> str:
    """The language of a reply sent at the edge: the page's, else Welsh for a message clearly in Welsh, else English."""
    page = metadata.get("language") if isinstance(metadata, dict) else None
    if isinstance(page, str) and page:
        return reply_language(page)
    sample = text[:EDGE_SAMPLE_CHARS] if isinstance(text, str) else ""
    return WELSH if is_clearly_welsh(sample) else ENGLISH


def guard(on_new_message: OnNewMessage, settings: Optional[IdentitySettings] = None) -> OnNewMessage:
    """Wrap Rasa's message handler with the input checks, token verification and the failure apology."""
    settings = settings or IdentitySettings.from_env()

    async def guarded(message: UserMessage) -> Any:
        """Answer bad input at the edge; pass the rest on cleaned, with sealed claims, under a turn watch."""
        rejection = check_message(message.text)
        if rejection is not None:
            logger.info("message rejected at the edge: %s", rejection.reason)
            reply = rejection.reply_in(edge_language(message.metadata, message.text))
            await message.output_channel.send_text_message(message.sender_id, reply)
            return None
        message.text = clean_text(message.text)
        message.metadata = edge_metadata(message.metadata, message.sender_id, settings)
        return await handle_watched(on_new_message, message)

    return guarded


async def handle_watched(on_new_message: OnNewMessage, message: UserMessage) -> Any:
    """Handle the message; if a custom action failed or the turn crashed, apologise instead of leaving silence."""
    watch = turn_watch.start_turn()
    result = None
    try:
        result = await on_new_message(message)
    except Exception:
        logger.exception("a message could not be handled")
        watch.crashed = True
    if not (watch.failed_actions or watch.crashed):
        return result  # the usual turn: nothing more to check
    personal = AUTH_KEY in message.metadata or looks_personal(message.text)
    if watch.needs_apology(personal):
        logger.warning("turn incomplete (failed actions: %s); apologised", ", ".join(watch.failed_actions) or "none")
        await message.output_channel.send_text_message(
            message.sender_id, apology(get_policy(), edge_language(message.metadata, message.text)).text
        )
    return result


class GuardedInput:
    """Mixin for a Rasa input channel: the guard sits in front of its message handler (URLs unchanged)."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Rasa's blueprint for the channel, its handler wrapped by `guard`."""
        blueprint: Blueprint = super().blueprint(guard(on_new_message))  # type: ignore[misc]
        return blueprint


def rest_body(request: Request) -> Dict[str, Any]:
    """The webhook's JSON body, which must be an object (400 otherwise; malformed JSON is Sanic's 400)."""
    body = request.json
    if not isinstance(body, dict):
        raise InvalidUsage("The body must be a JSON object with a 'message' string and a 'sender' id.")
    return body


def rest_sender(body: Dict[str, Any]) -> Optional[str]:
    """The conversation id: a short printable string or a number (400 otherwise); None lets Rasa use its default."""
    sender = body.get("sender")
    if sender is None:
        return None
    if isinstance(sender, bool) or not isinstance(sender, (str, int)):
        raise InvalidUsage("'sender' must be a string.")
    text = str(sender)
    if not text or len(text) > MAX_SENDER_CHARS or clean_text(text) != text:
        raise InvalidUsage(f"'sender' must be 1 to {MAX_SENDER_CHARS} printable characters.")
    return text


def rest_message(body: Dict[str, Any]) -> str:
    """The user's message, which must be a string (400 otherwise; an empty one gets the guard's reply)."""
    message = body.get("message")
    if not isinstance(message, str):
        raise InvalidUsage("'message' must be a string.")
    return message


class GuardedRestInput(GuardedInput, RestInput):
    """Rasa's REST channel behind the guarded edge (/webhooks/rest/webhook); malformed bodies get a 400."""

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        """The checked sender id of the body."""
        return rest_sender(rest_body(req))

    def _extract_message(self, req: Request) -> Optional[Text]:
        """The checked message of the body."""
        return rest_message(rest_body(req))

    def _extract_input_channel(self, req: Request) -> Text:
        """The body's input_channel if it is an identifier, else this channel's name."""
        channel = rest_body(req).get("input_channel")
        return channel if isinstance(channel, str) and channel.isidentifier() else self.name()

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        """The body's metadata if it is an object (reduced later by edge_metadata)."""
        metadata = rest_body(request).get("metadata")
        return metadata if isinstance(metadata, dict) else None


class WholePayloadSocketIOOutput(SocketIOOutput):
    """Rasa's socket.io output, with a custom payload sent as one event {"custom": payload}, as REST sends it.

    Replaces SocketIOOutput.send_custom_json, which spreads the payload into `sio.emit`'s keyword arguments, so
    {"sources": [...]} raised a TypeError (emit() got an unexpected keyword argument 'sources').
    """

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        """Emit the payload inside one bot_uttered event."""
        await self._send_message(recipient_id, {"custom": json_message})


def whole_payloads(on_new_message: OnNewMessage) -> OnNewMessage:
    """Rasa's handler, given socket.io messages with WholePayloadSocketIOOutput as their output channel."""

    async def handle(message: UserMessage) -> Any:
        """Swap the SocketIOOutput Rasa built inside its handler."""
        channel = message.output_channel
        if type(channel) is SocketIOOutput:
            message.output_channel = WholePayloadSocketIOOutput(channel.sio, channel.bot_message_evt)
        return await on_new_message(message)

    return handle


class GuardedSocketIOInput(GuardedInput, SocketIOInput):
    """Rasa's socket.io channel behind the guarded edge (/socket.io); custom payloads arrive as {"custom": ...}."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The guarded blueprint, with custom payloads emitted whole."""
        return super().blueprint(whole_payloads(on_new_message))

    def get_output_channel(self) -> Optional[OutputChannel]:
        """Rasa's output for messages it starts itself, with custom payloads emitted whole."""
        channel = super().get_output_channel()
        if isinstance(channel, SocketIOOutput):
            return WholePayloadSocketIOOutput(channel.sio, channel.bot_message_evt)
        return channel
