"""The honest reply to a question the page is silent on: say so, say what the page does say, offer the team."""

from __future__ import annotations

from typing import Optional, Protocol

from bot.answers.reply import Button, Reply
from bot.rules.model import NotCovered
from bot.rules.policy import Policy

PASS_ON_BUTTONS = (Button("Yes, please", "/affirm"), Button("No, thanks", "/deny"))


class Topic(Protocol):
    """What this reply needs of a silent topic (bot.nlp.silent_topics.SilentTopic): its English label."""

    @property
    def label(self) -> str:
        """Reads after "about": "refunds", "whether courses are taught in Welsh"."""


def not_covered_reply(topic: Optional[Topic], policy: Policy, note: Optional[NotCovered] = None) -> Reply:
    """Sorry, no information about <topic>; what the page does say, if anything; the team; shall I pass it on?"""
    about = topic.label if topic is not None else "that"
    parts = [f"I'm sorry, I don't have information about {about}."]
    if note is not None:
        parts.append(note.reason)
    contact = policy.contact
    parts.append(
        f"The IBERS Distance Learning team can answer it: email {contact.enquiry_email} "
        f"or use the enquiry form at {contact.enquiry_url}."
    )
    parts.append("Would you like me to pass your question to the team?")
    return Reply(" ".join(parts), PASS_ON_BUTTONS)
