"""The honest reply to a question the page is silent on: say so, say what the page does say, offer the team."""

from __future__ import annotations

from typing import Any, Optional, Protocol, Tuple

from bot.answers.reply import Button, Reply
from bot.answers.texts import ENGLISH, Texts
from bot.rules.policy import Policy

T = Texts("not_covered")


class Topic(Protocol):
    """What this reply needs of a silent topic (bot.nlp.silent_topics.SilentTopic)."""

    @property
    def id(self) -> str:
        """The topic's id; its label is texts/not_covered.yaml's topic_<id>."""

    @property
    def rule(self) -> Optional[str]:
        """The rule-module function that words the page's silence on it, if any; its note is note_<rule>."""


def pass_on_buttons(language: Any = ENGLISH) -> Tuple[Button, ...]:
    """Yes or no to passing the question to the team."""
    return (Button(T("button_yes", language), "/affirm"), Button(T("button_no", language), "/deny"))


def topic_label(topic: Optional[Topic], language: Any = ENGLISH) -> str:
    """What was asked about, as it reads after "about": "refunds", or "that" when the topic is not known."""
    return T(f"topic_{topic.id}", language) if topic is not None else T("that", language)


def not_covered_reply(topic: Optional[Topic], policy: Policy, language: Any = ENGLISH) -> Reply:
    """Sorry, no information about <topic>; what the page does say, if anything; the team; shall I pass it on?"""
    parts = [T("sorry", language, about=topic_label(topic, language))]
    if topic is not None and topic.rule is not None:
        parts.append(T(f"note_{topic.rule}", language))
    contact = policy.contact
    parts.append(T("team", language, email=contact.enquiry_email, url=contact.enquiry_url))
    parts.append(T("pass_on", language))
    return Reply(" ".join(parts), pass_on_buttons(language))
