"""Replies for the enquiry team's inbox in the chat (staff only)."""

from __future__ import annotations

from datetime import datetime
from typing import Optional, Protocol, Sequence

from bot.answers.reply import Button, Reply

MAX_LISTED = 10
PREVIEW = 80

STAFF_ONLY = Reply("Sorry, that's only available to the enquiry team.")


class Status(Protocol):
    """An enquiry's status: "new" or "handled"."""

    @property
    def value(self) -> str:
        """The status as a word."""


class Enquiry(Protocol):
    """What these replies read from an enquiry (the store's records have this shape)."""

    @property
    def id(self) -> int:
        """The enquiry number."""

    @property
    def created_at(self) -> datetime:
        """When it was received."""

    @property
    def name(self) -> str:
        """Who left it."""

    @property
    def email(self) -> str:
        """Where to reply."""

    @property
    def question(self) -> str:
        """The question as typed."""

    @property
    def consent(self) -> bool:
        """Whether the team may contact them."""

    @property
    def status(self) -> Status:
        """New or handled."""

    @property
    def handled_at(self) -> Optional[datetime]:
        """When it was marked handled, if it was."""

    @property
    def handled_by(self) -> Optional[str]:
        """Who marked it handled, if anyone."""


def _preview(text: str) -> str:
    """The start of a question, on one line."""
    line = " ".join(text.split())
    return line if len(line) <= PREVIEW else line[: PREVIEW - 1] + "…"


def inbox(enquiries: Sequence[Enquiry], total: Optional[int] = None) -> Reply:
    """New enquiries, newest first, and how many there are in all."""
    total = len(enquiries) if total is None else total
    if not enquiries:
        return Reply("There are no new enquiries.")
    shown = enquiries[:MAX_LISTED]
    lines = [f"#{e.id} {e.created_at:%d %b %H:%M} {e.name}: {_preview(e.question)}" for e in shown]
    more = f" (showing {len(shown)} of {total})" if total > len(shown) else ""
    return Reply(
        f"New enquiries{more}:\n" + "\n".join(lines),
        tuple(Button(f"Show #{e.id}", f"show enquiry {e.id}") for e in enquiries[:3]),
    )


def detail(enquiry: Enquiry) -> Reply:
    """One enquiry in full."""
    handled = (
        f", handled by {enquiry.handled_by} on {enquiry.handled_at:%d %b %Y}"
        if enquiry.handled_by and enquiry.handled_at
        else ""
    )
    text = (
        f"Enquiry #{enquiry.id} ({enquiry.status.value}{handled}), received {enquiry.created_at:%d %b %Y %H:%M}\n"
        f"From: {enquiry.name} <{enquiry.email}>, consent to contact: {'yes' if enquiry.consent else 'no'}\n"
        f"Question: {enquiry.question}"
    )
    buttons = (
        () if enquiry.status.value == "handled" else (Button("Mark handled", f"mark enquiry {enquiry.id} handled"),)
    )
    return Reply(text, buttons)


def marked(enquiry: Enquiry) -> Reply:
    """Confirmation that an enquiry is handled."""
    return Reply(f"Enquiry #{enquiry.id} is marked handled (by {enquiry.handled_by}).")


def not_found(enquiry_id: int) -> Reply:
    """No enquiry with that number."""
    return Reply(f"There is no enquiry #{enquiry_id}.")


NEED_NUMBER = Reply("Which enquiry? Give its number, for example: show enquiry 12.")
