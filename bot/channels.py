"""Rasa input channels with a guarded edge: bad input is answered here, and tokens become sealed claims.

Configured in credentials.yml as `bot.channels.GuardedRestInput` and `bot.channels.GuardedSocketIOInput`.
Both keep Rasa's URLs (/webhooks/rest/webhook and /socket.io) and behaviour, and add, around each
message:
- empty, oversized or control-character input gets a clear reply and changes nothing;
- the website's token in the metadata is verified and replaced by sealed claims (bot.identity), so the raw
  token is never stored; anything else a client puts in the metadata is dropped except the page language;
- when a custom action could not run (the action server is down) or the turn failed, the user gets an apology
  with the enquiry route instead of silence (bot.turn_watch).
The REST channel also answers a body that is not a JSON object with a string message with 400, not 500.
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.actions import action as rasa_actions
from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from rasa.shared.exceptions import RasaException
from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from bot import speedups, turn_watch
from bot.guard import check_message, clean_text
from bot.identity import AUTH_KEY, TOKEN_KEY, IdentitySettings, sealed_claims, verify_token
from bot.nlp.personal import looks_personal
from bot.files.policy import get_policy

logger = logging.getLogger(__name__)
KEPT_METADATA = ("language",)
MAX_SENDER_CHARS = 255  # Rasa's SQL tracker store column
ACTION_TIMEOUT_VAR = "BOT_ACTION_TIMEOUT_SECONDS"
DEFAULT_ACTION_TIMEOUT_SECONDS = 10.0
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def edge_metadata(metadata: Any, conversation_id: str, settings: IdentitySettings) -> Dict[str, Any]:
    """The metadata passed on: the page language and, for a valid token, sealed claims (never the token)."""
    incoming = metadata if isinstance(metadata, dict) else {}
    kept = {key: str(incoming[key])[:16] for key in KEPT_METADATA if isinstance(incoming.get(key), str)}
    claims = verify_token(incoming.get(TOKEN_KEY), settings)
    if claims is not None:
        kept[AUTH_KEY] = sealed_claims(claims, conversation_id, settings)
    return kept


def action_timeout_seconds(env: Optional[Dict[str, str]] = None) -> float:
    """How long Rasa waits for a custom action: BOT_ACTION_TIMEOUT_SECONDS, default 10 (Rasa's own is 5 minutes)."""
    env = os.environ if env is None else env
    try:
        seconds = float(env.get(ACTION_TIMEOUT_VAR, DEFAULT_ACTION_TIMEOUT_SECONDS))
    except ValueError:
        return DEFAULT_ACTION_TIMEOUT_SECONDS
    return seconds if seconds > 0 else DEFAULT_ACTION_TIMEOUT_SECONDS


def harden_remote_actions(timeout: Optional[float] = None) -> None:
    """Make Rasa's calls to the action server fail fast, and keep sessions starting when it is down (idempotent).

    - A custom action that has not answered within the timeout fails like an unreachable one (so the user gets
      the apology after seconds, not after Rasa's five-minute default).
    - If our session-start action cannot run, the session is started with Rasa's built-in one. Otherwise Rasa
      drops the session-start events, the conversation has no `action_listen` before the first message, no
      rule matches it, and even an FAQ gets the generic fallback. The failure is still logged in the form
      bot.turn_watch recognises.
    """
    original = rasa_actions.RemoteAction.run
    if getattr(original, "hardened", False):
        return
    limit = timeout or action_timeout_seconds()

    async def run(self, output_channel, nlg, tracker, domain):  # type: ignore[no-untyped-def]
        try:
            return await asyncio.wait_for(original(self, output_channel, nlg, tracker, domain), limit)
        except Exception as error:
            if self.name() != turn_watch.SESSION_START:
                if isinstance(error, asyncio.TimeoutError):
                    raise RasaException(f"Custom action '{self.name()}' did not answer within {limit:g} s.") from error
                raise
            logging.getLogger(turn_watch.PROCESSOR_LOGGER).exception(
                f"Encountered an exception while running action '{self.name()}'. Using Rasa's built-in session start."
            )
            return await rasa_actions.ActionSessionStart().run(output_channel, nlg, tracker, domain)

    run.hardened = True  # type: ignore[attr-defined]
    rasa_actions.RemoteAction.run = run  # type: ignore[method-assign]


def guard(on_new_message: OnNewMessage, settings: Optional[IdentitySettings] = None) -> OnNewMessage:
    """Wrap Rasa's message handler with the input checks, token verification and the failure apology."""
    settings = settings or IdentitySettings.from_env()
    turn_watch.install()
    harden_remote_actions()
    speedups.install()  # cheaper checks of action server responses and event parsing: see bot/speedups.py

    async def guarded(message: UserMessage) -> Any:
        rejection = check_message(message.text)
        if rejection is not None:
            logger.info("message rejected at the edge: %s", rejection.reason)
            await message.output_channel.send_text_message(message.sender_id, rejection.reply)
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
        await message.output_channel.send_text_message(message.sender_id, turn_watch.apology(get_policy()))
    return result


class GuardedInput:
    """Mixin for a Rasa input channel: the guard sits in front of its message handler (URLs unchanged)."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        return super().blueprint(guard(on_new_message))  # type: ignore[misc]


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
    sender = str(sender)
    if not sender or len(sender) > MAX_SENDER_CHARS or clean_text(sender) != sender:
        raise InvalidUsage(f"'sender' must be 1 to {MAX_SENDER_CHARS} printable characters.")
    return sender


def rest_message(body: Dict[str, Any]) -> str:
    """The user's message, which must be a string (400 otherwise; an empty one gets the guard's reply)."""
    message = body.get("message")
    if not isinstance(message, str):
        raise InvalidUsage("'message' must be a string.")
    return message


class GuardedRestInput(GuardedInput, RestInput):
    """Rasa's REST channel behind the guarded edge (/webhooks/rest/webhook); malformed bodies get a 400."""

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        return rest_sender(rest_body(req))

    def _extract_message(self, req: Request) -> Optional[Text]:
        return rest_message(rest_body(req))

    def _extract_input_channel(self, req: Request) -> Text:
        channel = rest_body(req).get("input_channel")
        return channel if isinstance(channel, str) and channel.isidentifier() else self.name()

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        metadata = rest_body(request).get("metadata")
        return metadata if isinstance(metadata, dict) else None


class GuardedSocketIOInput(GuardedInput, SocketIOInput):
    """Rasa's socket.io channel behind the guarded edge (/socket.io)."""
