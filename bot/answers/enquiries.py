"""Replies for the enquiry team's inbox in the chat (staff only), in English and Welsh (texts/enquiries.yaml)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Optional, Protocol, Sequence

from bot.answers.reply import Button, Reply
from bot.answers.texts import ENGLISH, WELSH, Texts, reply_language

T = Texts("enquiries")

MAX_LISTED = 10
PREVIEW = 80


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

    @property
    def language(self) -> str:
        """The language it was left in: "en" or "cy" (the team replies in it)."""


def staff_only(language: Any = ENGLISH) -> Reply:
    """The refusal for anyone without a staff token who asks for the inbox."""
    return Reply(T("staff_only", language))


def need_number(language: Any = ENGLISH) -> Reply:
    """Which enquiry? (a request to show or mark one that gave no number)."""
    return Reply(T("need_number", language))


# The English replies, for callers that do not pass a language.
STAFF_ONLY = staff_only()
NEED_NUMBER = need_number()


def _day_month(when: datetime, language: Any) -> str:
    """03 Jul, 03 Gorff."""
    month = T("months_short", language).split()[when.month - 1]
    return f"{when.day:02d} {month}"


def _language_name(enquiry: Enquiry, language: Any) -> str:
    """The name of the language the enquiry was left in, in the reply language (Cymraeg, English / Saesneg)."""
    left_in_welsh = reply_language(enquiry.language) == WELSH
    return T("language_cy" if left_in_welsh else "language_en", language)


def _preview(text: str) -> str:
    """The start of a question, on one line."""
    line = " ".join(text.split())
    return line if len(line) <= PREVIEW else line[: PREVIEW - 1] + "…"


def inbox(enquiries: Sequence[Enquiry], total: Optional[int] = None, language: Any = ENGLISH) -> Reply:
    """New enquiries, newest first, each with the language it was left in, and how many there are in all."""
    total = len(enquiries) if total is None else total
    if not enquiries:
        return Reply(T("no_new", language))
    shown = enquiries[:MAX_LISTED]
    lines = [
        f"#{e.id} {_day_month(e.created_at, language)} {e.created_at:%H:%M} [{_language_name(e, language)}] "
        f"{e.name}: {_preview(e.question)}"
        for e in shown
    ]
    more = T("showing", language, shown=len(shown), total=total) if total > len(shown) else ""
    return Reply(
        T("new_enquiries", language, more=more) + "\n" + "\n".join(lines),
        tuple(Button(T("button_show", language, id=e.id), T("payload_show", language, id=e.id)) for e in enquiries[:3]),
    )


def detail(enquiry: Enquiry, language: Any = ENGLISH) -> Reply:
    """One enquiry in full, with the language it was left in (the team replies in it)."""
    handled = ""
    if enquiry.handled_by and enquiry.handled_at:
        on = f"{_day_month(enquiry.handled_at, language)} {enquiry.handled_at:%Y}"
        handled = T("handled_by", language, staff=enquiry.handled_by, on=on)
    is_handled = enquiry.status.value == "handled"
    status = T("status_handled" if is_handled else "status_new", language)
    received = f"{_day_month(enquiry.created_at, language)} {enquiry.created_at:%Y %H:%M}"
    consent = T("consent_yes" if enquiry.consent else "consent_no", language)
    text = "\n".join(
        (
            T("received", language, id=enquiry.id, status=status, handled=handled, received=received),
            T("sender", language, name=enquiry.name, email=enquiry.email, consent=consent),
            T("left_in", language, language_name=_language_name(enquiry, language)),
            T("question", language, question=enquiry.question),
        )
    )
    buttons = () if is_handled else (Button(T("button_mark", language), T("payload_mark", language, id=enquiry.id)),)
    return Reply(text, buttons)


def marked(enquiry: Enquiry, language: Any = ENGLISH) -> Reply:
    """Confirmation that an enquiry is handled."""
    return Reply(T("marked", language, id=enquiry.id, staff=enquiry.handled_by))


def not_found(enquiry_id: int, language: Any = ENGLISH) -> Reply:
    """No enquiry with that number."""
    return Reply(T("not_found", language, id=enquiry_id))
