"""Rasa's messaging connectors behind the same guarded edge as the website channels (bot.rasa_server.channels).

Enabled by bot.services.credentials only when their environment variables are set. Each keeps Rasa's webhook URL
(/webhooks/<name>/webhook) and adds the edge checks: empty, oversized or control-character input gets a clear
reply, and channel metadata is reduced to what bot.rasa_server.channels.edge_metadata keeps (no token can
arrive on these channels, so users there are always anonymous).

SMS and WhatsApp are text only: a reply's buttons are sent in the same message as a short list of things the
user can ask, instead of Rasa's default of one extra message per button showing "1: title (/payload)".

None of these channels sends custom JSON. The website widget's payloads (the page sentences an answer comes
from, {"sources": [...]}) mean nothing here, and Rasa's connectors would post them as raw JSON text, as bogus
API arguments (Twilio, Slack) or as an unknown Messenger payload. Every output channel of these connectors is
wrapped in TextOnlyOutput, which drops custom JSON and passes everything else on unchanged.

Every webhook message must prove it comes from the provider (bot.rasa_server.signatures): Twilio's signature
and Telegram's secret token are checked here (Rasa checks none), Slack's and Messenger's by Rasa itself. In
production (BOT_ENV) a channel whose secret is missing refuses to start. Twilio replies (paid per message)
are capped per sender and per hour (bot.rasa_server.channel_limits) and split at Twilio's 1600 characters.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Text

from aiogram.bot.api import TelegramAPIServer
from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.facebook import FacebookInput
from rasa.core.channels.slack import SlackInput
from rasa.core.channels.telegram import TelegramInput, TelegramOutput
from rasa.core.channels.twilio import TwilioInput, TwilioOutput
from rasa.shared.exceptions import RasaException
from sanic import Blueprint

from bot import settings
from bot.answers.channels import reply_limit_reached
from bot.answers.texts import ENGLISH, WELSH
from bot.files.policy import get_policy
from bot.nlp.language import is_clearly_welsh
from bot.rasa_server.channel_limits import Decision, ReplyCaps, shared_caps
from bot.rasa_server.channels import GuardedInput
from bot.rasa_server.signatures import Proof, messenger_signed, refuse_unproven, telegram_signed, twilio_signed

logger = logging.getLogger(__name__)
WHATSAPP_PREFIX = "whatsapp:"
BUTTONS_HEADING = "You could ask:"
TWILIO_API = "https://api.twilio.com"
TWILIO_MAX_BODY = 1600  # characters in one Twilio message
# Characters in one message of the other text channels (Telegram's sendMessage, Messenger's Send API, Slack's
# chat.postMessage, which truncates beyond its recommended 4,000); a longer reply is sent in parts.
MAX_MESSAGE_CHARS = {"telegram": 4096, "facebook": 2000, "slack": 4000}
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def require_secret(channel: str, secret: Any, what: str) -> None:
    """In production, refuse to start `channel` without its secret (RasaException: Rasa does not start)."""
    if settings.production() and not (isinstance(secret, str) and secret.strip()):
        raise RasaException(f"{channel}: {what} is missing; in production the channel cannot start without it")


def limit_notice_for(withheld: Text) -> Text:
    """The limit notice, in the language of the reply it replaces (Welsh when that reply is Welsh)."""
    return reply_limit_reached(get_policy(), WELSH if is_clearly_welsh(withheld) else ENGLISH).text


def split_for_twilio(text: Text, limit: int = TWILIO_MAX_BODY) -> List[Text]:
    """The message bodies for `text`: its paragraphs, each cut at line or word ends to at most `limit` characters."""
    return split_message(text, limit)


def split_message(text: Text, limit: int) -> List[Text]:
    """`text` as paragraphs of at most `limit` characters, long ones cut at line or word ends."""
    parts: List[Text] = []
    for paragraph in (part.strip() for part in text.strip().split("\n\n")):
        while len(paragraph) > limit:
            cut = max(paragraph.rfind("\n", 0, limit), paragraph.rfind(" ", 0, limit))
            cut = cut if cut > 0 else limit
            parts.append(paragraph[:cut].rstrip())
            paragraph = paragraph[cut:].strip()
        if paragraph:
            parts.append(paragraph)
    return parts


def text_with_options(text: Text, buttons: List[Dict[Text, Any]]) -> Text:
    """The reply text followed by the buttons' titles as a plain list (no payloads, no numbers to type)."""
    titles = [str(button.get("title", "")).strip() for button in buttons]
    titles = [title for title in titles if title]
    if not titles:
        return text
    options = "\n".join(f"- {title}" for title in titles)
    # Single newlines only: Twilio's output sends each blank-line-separated part as a separate message.
    return f"{text}\n{BUTTONS_HEADING}\n{options}" if text else f"{BUTTONS_HEADING}\n{options}"


class DropsCustomJson:
    """Mixin for an output channel: custom JSON is for the website widget and is never sent."""

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        """Send nothing (Rasa's connectors would send it as JSON text or as bogus API arguments)."""
        logger.debug("custom payload not sent to %s: %s", recipient_id, sorted(json_message))


class TextOnlyTwilioOutput(DropsCustomJson, TwilioOutput):
    """Twilio's output: buttons folded into one readable message, long texts split, replies capped per hour."""

    def __init__(self, account_sid: Any, auth_token: Any, twilio_number: Any, caps: Optional[ReplyCaps] = None) -> None:
        """Rasa's Twilio output, with the process's reply caps and the API host of BOT_TWILIO_API_BASE if set."""
        super().__init__(account_sid, auth_token, twilio_number)
        self.caps = caps or shared_caps()
        self.api_base = settings.provider_api_base("twilio")

    def get_hostname(self, uri: str) -> str:
        """Twilio's URL, on the stand-in's host when BOT_TWILIO_API_BASE is set (tests only)."""
        uri = super().get_hostname(uri)
        return self.api_base + uri[len(TWILIO_API) :] if self.api_base and uri.startswith(TWILIO_API) else uri

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        """Send each part of the text while the caps allow; the first over a cap becomes the limit notice."""
        for part in split_for_twilio(text):
            decision = self.caps.decide(self.name(), recipient_id)
            if decision is Decision.DROP:
                return
            body = limit_notice_for(part) if decision is Decision.NOTICE else part
            await self._send_message({"to": recipient_id, "from_": self.twilio_number, "body": body})
            if decision is Decision.NOTICE:
                return

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        """Send the text with the buttons' titles as a list, in one message."""
        await self.send_text_message(recipient_id, text_with_options(text, buttons))

    async def send_quick_replies(
        self, recipient_id: Text, text: Text, quick_replies: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        """Send quick replies as buttons are sent: one message with a list."""
        await self.send_text_with_buttons(recipient_id, text, quick_replies, **kwargs)


class TextOnlyOutput(DropsCustomJson, OutputChannel):
    """Another connector's output channel that never sends custom JSON; everything else is passed on unchanged."""

    def __init__(self, channel: OutputChannel) -> None:
        """Wrap `channel`, the connector's own output."""
        self.channel = channel

    def name(self) -> Text:
        """The wrapped channel's name (it keys the tracker's input channel)."""
        return self.channel.name()

    def __getattr__(self, attribute: str) -> Any:
        """Anything else (Messenger's send_action, Twilio's client, ...) is the wrapped channel's."""
        if attribute == "channel":  # not set yet (copying, unpickling): no recursion
            raise AttributeError(attribute)
        return getattr(self.channel, attribute)

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        """Send the message without its custom part; a message that was only custom JSON sends nothing."""
        if message.get("custom"):
            await self.send_custom_json(recipient_id, message["custom"])
        rest = {key: value for key, value in message.items() if key != "custom"}
        await OutputChannel.send_response(self, recipient_id, rest)  # through the methods below (they split)

    def parts(self, text: Text) -> List[Text]:
        """The text as the messages this channel can take (one unless it is over the channel's limit)."""
        limit = MAX_MESSAGE_CHARS.get(self.name())
        return split_message(text, limit) if limit and len(text) > limit else [text]

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        """The wrapped channel's text message, in parts when it is over the channel's limit."""
        for part in self.parts(text):
            await self.channel.send_text_message(recipient_id, part, **kwargs)

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        """The wrapped channel's image."""
        await self.channel.send_image_url(recipient_id, image, **kwargs)

    async def send_attachment(self, recipient_id: Text, attachment: Text, **kwargs: Any) -> None:
        """The wrapped channel's attachment."""
        await self.channel.send_attachment(recipient_id, attachment, **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        """The wrapped channel's text with buttons, the buttons on the last part when the text is over the limit."""
        *head, last = self.parts(text)
        for part in head:
            await self.channel.send_text_message(recipient_id, part)
        await self.channel.send_text_with_buttons(recipient_id, last, buttons, **kwargs)

    async def send_quick_replies(
        self, recipient_id: Text, text: Text, quick_replies: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        """The wrapped channel's quick replies."""
        await self.channel.send_quick_replies(recipient_id, text, quick_replies, **kwargs)

    async def send_elements(self, recipient_id: Text, elements: Iterable[Dict[Text, Any]], **kwargs: Any) -> None:
        """The wrapped channel's elements."""
        await self.channel.send_elements(recipient_id, elements, **kwargs)


def text_only(channel: OutputChannel) -> OutputChannel:
    """`channel` wrapped so that it sends no custom JSON (one that already sends none is returned as it is)."""
    return channel if isinstance(channel, DropsCustomJson) else TextOnlyOutput(channel)


def text_only_handler(on_new_message: OnNewMessage) -> OnNewMessage:
    """Rasa's message handler, given each message with its output channel wrapped by `text_only`."""

    async def handle(message: UserMessage) -> Any:
        """Wrap the message's output channel, then handle it."""
        message.output_channel = text_only(message.output_channel)
        return await on_new_message(message)

    return handle


class TextOnlyInput:
    """Mixin for a messaging connector, after GuardedInput: every output channel it makes sends no custom JSON."""

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The connector's blueprint, whose messages (and the guard's own replies) get a text-only output."""
        blueprint: Blueprint = super().blueprint(text_only_handler(on_new_message))  # type: ignore[misc]
        return blueprint

    def get_output_channel(self, *args: Any, **kwargs: Any) -> Optional[OutputChannel]:
        """The connector's output channel (used for messages Rasa starts itself), wrapped by `text_only`."""
        channel: Optional[OutputChannel] = super().get_output_channel(*args, **kwargs)  # type: ignore[misc]
        return None if channel is None else text_only(channel)


class SignedInput:
    """Mixin for a connector, first in its bases: webhook messages without the provider's proof get a 403."""

    def proof(self) -> Optional[Proof]:
        """The check of the provider's proof (None: Rasa's connector checks it itself)."""
        return None

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The connector's blueprint, refusing unproven webhook messages before they are read."""
        blueprint: Blueprint = super().blueprint(on_new_message)  # type: ignore[misc]
        proof = self.proof()
        return blueprint if proof is None else refuse_unproven(blueprint, proof, self.name())  # type: ignore[attr-defined]


class SecretTelegramOutput(TelegramOutput):
    """Rasa's Telegram output on the API host of BOT_TELEGRAM_API_BASE when set (tests' stand-in)."""

    def __init__(self, access_token: Optional[Text]) -> None:
        """Rasa's output, pointed at the configured API host."""
        super().__init__(access_token)
        base = settings.provider_api_base("telegram")
        if base:
            self.server = TelegramAPIServer.from_base(base)


async def set_telegram_webhook(channel: TelegramOutput, url: Text, secret_token: Optional[Text]) -> None:
    """Register the webhook with Telegram, with the secret it must send back, then close the session."""
    try:
        data = {"url": url, **({"secret_token": secret_token} if secret_token else {})}
        await channel.request("setWebhook", data)
    finally:
        await channel.close()  # the session belongs to this short-lived loop; the server's loop makes its own


class GuardedTelegramInput(SignedInput, GuardedInput, TextOnlyInput, TelegramInput):
    """Telegram behind the guarded edge (/webhooks/telegram/webhook); updates must carry TELEGRAM_SECRET_TOKEN."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Rasa's connector, with the secret token from the settings (required in production)."""
        super().__init__(*args, **kwargs)
        self.secret_token = settings.telegram_secret_token()
        require_secret(self.name(), self.secret_token, "TELEGRAM_SECRET_TOKEN")
        if not self.secret_token:
            logger.warning("telegram: TELEGRAM_SECRET_TOKEN unset, updates are not verified (development only)")

    def proof(self) -> Optional[Proof]:
        """The secret token header check (None without a secret: development only)."""
        return telegram_signed(self.secret_token) if self.secret_token else None

    def get_output_channel(self) -> OutputChannel:
        """Telegram's output, after registering the webhook with the secret token; no custom JSON."""
        channel = SecretTelegramOutput(self.access_token)
        try:
            asyncio.run(set_telegram_webhook(channel, self.webhook_url, self.secret_token))
        except Exception as error:
            raise RasaException(f"Failed to set the Telegram webhook: {error}") from error
        return text_only(channel)


class GuardedFacebookInput(SignedInput, GuardedInput, TextOnlyInput, FacebookInput):
    """Facebook Messenger behind the guarded edge (/webhooks/facebook/webhook); Rasa checks X-Hub-Signature."""

    def __init__(self, fb_verify: Text, fb_secret: Text, fb_access_token: Text) -> None:
        """Rasa's connector; in production the app secret is required."""
        require_secret(self.name(), fb_secret, "the app secret (FACEBOOK_SECRET)")
        super().__init__(fb_verify, fb_secret, fb_access_token)

    def proof(self) -> Optional[Proof]:
        """Messenger's signature (Rasa checks it too, but answers a bad one with 200)."""
        return messenger_signed(self.fb_secret or "")


class GuardedSlackInput(SignedInput, GuardedInput, TextOnlyInput, SlackInput):
    """Slack behind the guarded edge (/webhooks/slack/webhook); Rasa checks X-Slack-Signature."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Rasa's connector; in production the signing secret is required."""
        super().__init__(*args, **kwargs)
        require_secret(self.name(), self.slack_signing_secret, "the signing secret (SLACK_SIGNING_SECRET)")

    def get_output_channel(self, *args: Any, **kwargs: Any) -> Optional[OutputChannel]:
        """Slack's output (no custom JSON), on the Web API host of BOT_SLACK_API_BASE when set (tests only)."""
        channel = super().get_output_channel(*args, **kwargs)
        base = settings.provider_api_base("slack")
        if base and channel is not None:
            channel.client.base_url = f"{base}/api/"
        return channel


class TwilioSmsInput(SignedInput, GuardedInput, TextOnlyInput, TwilioInput):
    """Twilio SMS behind the guarded edge (/webhooks/twilio/webhook): signed requests only, text-only replies."""

    def __init__(self, account_sid: Any, auth_token: Any, twilio_number: Any, debug_mode: bool = True) -> None:
        """Rasa's connector; in production the auth token (which checks the signatures) is required."""
        require_secret(self.name(), auth_token, "the auth token (TWILIO_AUTH_TOKEN)")
        super().__init__(account_sid, auth_token, twilio_number, debug_mode)

    def proof(self) -> Optional[Proof]:
        """Twilio's signature over the public webhook URL (TWILIO_WEBHOOK_URL / TWILIO_WHATSAPP_WEBHOOK_URL)."""
        return twilio_signed(self.auth_token or "", settings.channel_webhook_url(self.name()))

    def get_output_channel(self) -> OutputChannel:
        """Twilio's output with buttons folded into the text, and no custom JSON."""
        return TextOnlyTwilioOutput(self.account_sid, self.auth_token, self.twilio_number)


class TwilioWhatsAppInput(TwilioSmsInput):
    """Twilio WhatsApp (/webhooks/twilio_whatsapp/webhook): Rasa's Twilio connector under a second name.

    One Rasa connector serves one sending number and the registry is keyed by name, so WhatsApp gets its own
    name and URL and can run next to SMS. The sending number is given the "whatsapp:" prefix Twilio expects.
    """

    @classmethod
    def name(cls) -> Text:
        """The channel's name and webhook prefix."""
        return "twilio_whatsapp"

    def __init__(self, account_sid: Any, auth_token: Any, twilio_number: Any, debug_mode: bool = True) -> None:
        """Rasa's Twilio connector with the sending number given the whatsapp: prefix."""
        super().__init__(account_sid, auth_token, whatsapp_address(twilio_number), debug_mode)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """SMS's blueprint under its own name (Sanic refuses two blueprints named "twilio_webhook")."""
        blueprint = super().blueprint(on_new_message)
        blueprint.name = "twilio_whatsapp_webhook"
        return blueprint


def whatsapp_address(number: Any) -> Any:
    """'+441970...' -> 'whatsapp:+441970...'; already prefixed or empty values are left alone."""
    if not isinstance(number, str) or not number.strip():
        return number
    number = number.strip()
    return number if number.startswith(WHATSAPP_PREFIX) else f"{WHATSAPP_PREFIX}{number}"
