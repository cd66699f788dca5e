"""What the assistant says: replies composed from the policy, the catalogue and the rule module (no Rasa)."""

from bot.answers.reply import Button, Reply, format_date

__all__ = ["Button", "Reply", "format_date"]
