"""Messaging channel commands: `channel-limits` shows the reply caps of the paid channels and when they were reached."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bot import settings
from bot.admin.common import EXIT_OK, add
from bot.rasa_server.channel_limits import staff_summary

if TYPE_CHECKING:
    from bot.admin.common import Commands


def register(commands: Commands) -> None:
    """Add channel-limits."""
    add(commands, "channel-limits", cmd_channel_limits, "reply caps of SMS and WhatsApp, and each time one was reached")


def cmd_channel_limits(args: argparse.Namespace) -> int:
    """Print the caps (BOT_PAID_REPLIES_PER_SENDER_HOUR, BOT_PAID_REPLIES_PER_HOUR) and every time one was reached."""
    per_sender, overall = settings.paid_reply_caps()
    print(staff_summary(settings.CHANNEL_LIMITS_LOG, per_sender, overall))
    return EXIT_OK
