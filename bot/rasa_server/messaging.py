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
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.facebook import FacebookInput
from rasa.core.channels.slack import SlackInput
from rasa.core.channels.telegram import TelegramInput
from rasa.core.channels.twilio import TwilioInput, TwilioOutput
from sanic import Blueprint

from bot.rasa_server.channels import GuardedInput

logger = logging.getLogger(__name__)
WHATSAPP_PREFIX = "whatsapp:"
BUTTONS_HEADING = "You could ask:"
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


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
    """Twilio's output with buttons folded into one readable message (one SMS/WhatsApp message, not several)."""

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
        await self.channel.send_response(recipient_id, rest)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        """The wrapped channel's text message."""
        await self.channel.send_text_message(recipient_id, text, **kwargs)

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        """The wrapped channel's image."""
        await self.channel.send_image_url(recipient_id, image, **kwargs)

    async def send_attachment(self, recipient_id: Text, attachment: Text, **kwargs: Any) -> None:
        """The wrapped channel's attachment."""
        await self.channel.send_attachment(recipient_id, attachment, **kwargs)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        """The wrapped channel's text with buttons."""
        await self.channel.send_text_with_buttons(recipient_id, text, buttons, **kwargs)

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


class GuardedTelegramInput(GuardedInput, TextOnlyInput, TelegramInput):
    """Telegram behind the guarded edge (/webhooks/telegram/webhook)."""


class GuardedFacebookInput(GuardedInput, TextOnlyInput, FacebookInput):
    """Facebook Messenger behind the guarded edge (/webhooks/facebook/webhook)."""


class GuardedSlackInput(GuardedInput, TextOnlyInput, SlackInput):
    """Slack behind the guarded edge (/webhooks/slack/webhook)."""


class TwilioSmsInput(GuardedInput, TextOnlyInput, TwilioInput):
    """Twilio SMS behind the guarded edge (/webhooks/twilio/webhook), text-only replies."""

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


def whatsapp_address(number: Any) -> Any:
    """'+441970...' -> 'whatsapp:+441970...'; already prefixed or empty values are left alone."""
    if not isinstance(number, str) or not number.strip():
        return number
    number = number.strip()
    return number if number.startswith(WHATSAPP_PREFIX) else f"{WHATSAPP_PREFIX}{number}"
