"""What the assistant says on paid messaging channels (SMS, WhatsApp) when the hourly reply limit is reached."""

from __future__ import annotations

from typing import Any

from bot.answers.reply import Reply
from bot.answers.texts import ENGLISH, Texts
from bot.rules.policy import Policy

T = Texts("channels")


def reply_limit_reached(policy: Policy, language: Any = ENGLISH) -> Reply:
    """The one message a sender gets when no more replies will be sent to them this hour."""
    return Reply(T("reply_limit_reached", language, email=policy.contact.enquiry_email))
