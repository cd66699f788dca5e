"""Data protection commands: forget (GDPR erasure) and purge (retention); the work is in bot.store.privacy."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bot import settings
from bot.admin.common import EXIT_OK, add, store
from bot.rules.refs import normalise_email
from bot.store.export import iso_timestamp
from bot.store.privacy import forget_conversation, forget_email, purge_older_than

if TYPE_CHECKING:
    from bot.admin.common import Commands

TRACKER_HELP = "Rasa tracker store SQLite file (default: $BOT_TRACKER_DB, else var/tracker.db)"


def register(commands: Commands) -> None:
    """Add forget and purge."""
    sub = add(commands, "forget", cmd_forget, "erase a person's enquiries and conversation history (GDPR)")
    who = sub.add_mutually_exclusive_group(required=True)
    who.add_argument("--email", help="erase this email's enquiries and every conversation they were left in")
    who.add_argument("--conversation", metavar="ID", help="erase this conversation and its enquiries")
    sub.add_argument("--tracker-db", metavar="PATH", help=TRACKER_HELP)

    sub = add(commands, "purge", cmd_purge, "delete enquiries and conversation events older than N days")
    sub.add_argument("--days", type=int, help=f"retention in days, at least 1 (default: ${settings.RETENTION_VAR})")
    sub.add_argument("--tracker-db", metavar="PATH", help=TRACKER_HELP)


def cmd_forget(args: argparse.Namespace) -> int:
    """GDPR erasure: by email, the enquiries and every linked conversation; or one conversation and its enquiries."""
    records = store(args)
    if args.email is not None:
        if not normalise_email(args.email):
            raise ValueError("--email must not be empty")
        email = forget_email(records, args.email, args.tracker_db)
        print(
            f"forgot {email.email}: {email.enquiries} enquiry(ies), {email.conversations} conversation(s), "
            f"{email.events} conversation event(s)"
        )
    else:
        if not args.conversation.strip():
            raise ValueError("--conversation must not be empty")
        conversation = forget_conversation(records, args.conversation, args.tracker_db)
        print(
            f"forgot conversation {conversation.conversation_id}: {conversation.events} conversation event(s), "
            f"{conversation.enquiries} enquiry(ies)"
        )
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    """Retention: delete enquiries and tracker events older than --days (or $BOT_RETENTION_DAYS) days."""
    days = settings.retention_days(args.days)
    purged = purge_older_than(store(args), days, args.tracker_db)
    print(
        f"purged everything before {iso_timestamp(purged.cutoff)} ({purged.days} days): "
        f"{purged.enquiries} enquiry(ies), {purged.events} conversation event(s)"
    )
    return EXIT_OK
