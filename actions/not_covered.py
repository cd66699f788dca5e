"""Questions the page is silent on: an honest "I don't have that information", naming what was asked, never policy.

Where the rule module already knows the page is silent (resits, a deadline for the top-up), its `NotCovered`
note says what the page does say. The reply gives the enquiry route and offers to pass the question on; a "yes"
starts the enquiry form (data/rules.yml).
"""

from __future__ import annotations

from actions.answering import AnsweringAction, Turn
from actions.catalogue import say_unknown, unknown_named
from bot.answers.not_covered import not_covered_reply
from bot.nlp.silent_topics import silent_topic


async def answer_not_covered(turn: Turn) -> None:
    """Say honestly that the page does not cover this, what was asked, and how to ask the team."""
    topic = silent_topic(turn.question.text)
    if topic is None:  # "do you do a course on beekeeping?": name the course back instead of "that"
        courses = await turn.quiet_courses()
        unknown = unknown_named(turn, courses) if courses is not None else None
        if unknown and courses is not None:
            say_unknown(turn, unknown, courses)
            return
    turn.say(not_covered_reply(topic, turn.services.policy, turn.language))


class ActionNotCovered(AnsweringAction):
    """Answer a question the page is silent on (or each of several questions)."""

    action_name = "action_not_covered"
    intent = "ask_not_covered"
