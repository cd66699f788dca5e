"""What the assistant says on paid messaging channels (SMS, WhatsApp) when the hourly reply limit is reached."""

from __future__ import annotations

from bot.answers.reply import Reply
from bot.rules.policy import Policy


def reply_limit_reached(policy: Policy) -> Reply:
    """The one message a sender gets when no more replies will be sent to them this hour."""
    return Reply(
        "I have sent as many text replies as I can this hour, so I will not answer here again for a while. "
        f"You can email the IBERS Distance Learning team at {policy.contact.enquiry_email} at any time."
    )
