"""Rasa's messaging connectors behind the same guarded edge as the website channels (bot.rasa_server.channels).

Enabled by bot.services.credentials only when their environment variables are set. Each keeps Rasa's webhook URL
(/webhooks/<name>/webhook) and adds the edge checks: empty, oversized or control-character input gets a clear
reply, and channel metadata is reduced to what bot.rasa_server.channels.edge_metadata keeps (no token can
arrive on these channels, so users there are always anonymous).

SMS and WhatsApp are text only: a reply's buttons are sent in the same message as a short list of things the
user can ask, instead of Rasa's default of one extra message per button showing "1: title (/payload)".
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.core.channels.channel import OutputChannel
from rasa.core.channels.facebook import FacebookInput
from rasa.core.channels.slack import SlackInput
from rasa.core.channels.telegram import TelegramInput
from rasa.core.channels.twilio import TwilioInput, TwilioOutput

from bot.rasa_server.channels import GuardedInput

WHATSAPP_PREFIX = "whatsapp:"
BUTTONS_HEADING = "You could ask:"


def text_with_options(text: Text, buttons: List[Dict[Text, Any]]) -> Text:
    """The reply text followed by the buttons' titles as a plain list (no payloads, no numbers to type)."""
    titles = [str(button.get("title", "")).strip() for button in buttons]
    titles = [title for title in titles if title]
    if not titles:
        return text
    options = "\n".join(f"- {title}" for title in titles)
    # Single newlines only: Twilio's output sends each blank-line-separated part as a separate message.
    return f"{text}\n{BUTTONS_HEADING}\n{options}" if text else f"{BUTTONS_HEADING}\n{options}"


class TextOnlyTwilioOutput(TwilioOutput):
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


class GuardedTelegramInput(GuardedInput, TelegramInput):
    """Telegram behind the guarded edge (/webhooks/telegram/webhook)."""


class GuardedFacebookInput(GuardedInput, FacebookInput):
    """Facebook Messenger behind the guarded edge (/webhooks/facebook/webhook)."""


class GuardedSlackInput(GuardedInput, SlackInput):
    """Slack behind the guarded edge (/webhooks/slack/webhook)."""


class TwilioSmsInput(GuardedInput, TwilioInput):
    """Twilio SMS behind the guarded edge (/webhooks/twilio/webhook), text-only replies."""

    def get_output_channel(self) -> OutputChannel:
        """Twilio's output with buttons folded into the text."""
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
