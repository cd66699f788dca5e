"""Data protection: erase a person (GDPR erasure) and purge old data (retention), across both databases.

The enquiries live in the enrolment store; the conversations in Rasa's tracker store (bot.store.conversations).
Each use case returns what it deleted, for the caller (the admin CLI) to report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional, Tuple

from bot.rules.refs import normalise_email
from bot.store import conversations
from bot.store.conversations import TrackerDb
from bot.store.store import Store, StoreError, utc_now


@dataclass(frozen=True)
class ForgottenEmail:
    """What erasing an email address deleted."""

    email: str  # normalised
    enquiries: int
    conversations: int  # conversations linked to the address through its enquiries
    events: int  # tracker events of those conversations


@dataclass(frozen=True)
class ForgottenConversation:
    """What erasing one conversation deleted."""

    conversation_id: str
    events: int
    enquiries: int


@dataclass(frozen=True)
class Purged:
    """What a retention purge deleted: everything created before cutoff (now minus days)."""

    days: int
    cutoff: datetime
    enquiries: int
    events: int


def linked_conversations(store: Store, email: str) -> Tuple[str, ...]:
    """The conversations, sorted, in which enquiries from this email address (any case) were left."""
    wanted = normalise_email(email)
    total = store.count_enquiries()
    return tuple(
        sorted(
            {
                enquiry.conversation_id
                for enquiry in (store.enquiries(limit=total) if total else ())
                if enquiry.conversation_id and normalise_email(enquiry.email) == wanted
            }
        )
    )


def forget_email(store: Store, email: str, tracker: Optional[TrackerDb] = None) -> ForgottenEmail:
    """Erase this address's enquiries and every conversation they were left in.

    Conversations are erased before the enquiries, so if anything fails the link is still there to rerun.
    """
    wanted = normalise_email(email)
    if not wanted:
        raise StoreError("email must not be empty")
    linked = linked_conversations(store, wanted)
    events = conversations.delete_conversations(tracker, linked)
    enquiries = store.delete_enquiries_by_email(wanted)
    return ForgottenEmail(wanted, enquiries, len(linked), events)


def forget_conversation(
    store: Store, conversation_id: str, tracker: Optional[TrackerDb] = None
) -> ForgottenConversation:
    """Erase one conversation and the enquiries left in it (conversation first, as in forget_email)."""
    wanted = conversation_id.strip()
    if not wanted:
        raise StoreError("conversation_id must not be empty")
    events = conversations.delete_conversation(tracker, wanted)
    enquiries = store.delete_enquiries_by_conversation(wanted)
    return ForgottenConversation(wanted, events, enquiries)


def purge_older_than(
    store: Store, days: int, tracker: Optional[TrackerDb] = None, *, now: Optional[datetime] = None
) -> Purged:
    """Retention: delete enquiries and tracker events created more than `days` days before now."""
    if days < 1:
        raise StoreError(f"the retention must be at least 1 day (got {days})")
    now = now or utc_now()
    cutoff = now - timedelta(days=days)
    enquiries = store.purge_enquiries_older_than(days, now=now)
    events = conversations.purge_events_older_than(tracker, cutoff)
    return Purged(days, cutoff, enquiries, events)
