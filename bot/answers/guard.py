"""What the assistant says at the channel edge when a message is not passed on (bot.rasa_server.guard)."""

from __future__ import annotations

from bot.answers.reply import Reply


def empty_message() -> Reply:
    """The reply to a message with nothing in it."""
    return Reply("It looks like that message was empty. Please type your question about microcredentials.")


def too_long(max_chars: int) -> Reply:
    """The reply to a message over max_chars characters."""
    return Reply(
        f"That message is too long for me (over {max_chars} characters). "
        "Please ask one question at a time, in a sentence or two."
    )
