"""`enquiries list|export|mark`: the enquiry team's inbox on the command line."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bot.admin.common import EXIT_FAILED, EXIT_NOT_FOUND, EXIT_OK, add, error, one_line, store
from bot.store.export import export_enquiries, iso_timestamp
from bot.store.records import Enquiry, EnquiryStatus
from bot.store.store import DEFAULT_ENQUIRY_LIMIT

if TYPE_CHECKING:
    from bot.admin.common import Commands

QUESTION_PREVIEW = 60


def register(commands: Commands) -> None:
    """Add `enquiries` and its actions."""
    parent = add(commands, "enquiries", _needs_action, "list, export and mark the enquiries left with the bot")
    actions = parent.add_subparsers(dest="enquiries_command", required=True, metavar="ACTION")
    statuses = [s.value for s in EnquiryStatus]

    sub = add(actions, "list", cmd_enquiries_list, "one line per enquiry, newest first")
    sub.add_argument("--status", choices=statuses, help="only enquiries with this status")
    sub.add_argument(
        "--limit", type=int, default=DEFAULT_ENQUIRY_LIMIT, help=f"at most this many (default {DEFAULT_ENQUIRY_LIMIT})"
    )

    sub = add(actions, "export", cmd_enquiries_export, "write the enquiries to a CSV file")
    sub.add_argument("--out", required=True, metavar="FILE.csv", help="CSV file to write (replaced if it exists)")
    sub.add_argument("--status", choices=statuses, help="only enquiries with this status")

    sub = add(actions, "mark", cmd_enquiries_mark, "mark an enquiry handled")
    sub.add_argument("id", type=int, metavar="ID", help="enquiry id")
    sub.add_argument("--by", required=True, metavar="NAME", help="who handled it")


def cmd_enquiries_list(args: argparse.Namespace) -> int:
    """Print one line per enquiry: id, date, status, language, name, email and the start of the question."""
    inbox = store(args)
    enquiries = inbox.enquiries(args.status, limit=args.limit)
    for enquiry in enquiries:
        print(enquiry_line(enquiry))
    total = inbox.count_enquiries(args.status)
    print(f"{len(enquiries)} of {total} enquiry(ies)")
    return EXIT_OK


def cmd_enquiries_export(args: argparse.Namespace) -> int:
    """Write every enquiry (optionally of one status) to a CSV file, oldest first, readable only by the owner."""
    written = export_enquiries(store(args), args.out, args.status)
    print(f"{written} enquiry(ies) written to {args.out}")
    return EXIT_OK


def cmd_enquiries_mark(args: argparse.Namespace) -> int:
    """Mark one enquiry handled."""
    enquiry = store(args).mark_enquiry_handled(args.id, args.by)
    if enquiry is None:
        error(f"no enquiry with id {args.id}")
        return EXIT_NOT_FOUND
    print(
        f"enquiry {enquiry.id} handled by {one_line(enquiry.handled_by or '')} at {iso_timestamp(enquiry.handled_at)}"
    )
    return EXIT_OK


def enquiry_line(enquiry: Enquiry) -> str:
    """One line of `enquiries list` (control characters and line breaks flattened)."""
    question = one_line(enquiry.question)
    if len(question) > QUESTION_PREVIEW:
        question = question[: QUESTION_PREVIEW - 1] + "…"
    return (
        f"{enquiry.id:>5}  {enquiry.created_at.date().isoformat()}  {enquiry.status.value:<7}  {enquiry.language}  "
        f"{one_line(enquiry.name)} <{one_line(enquiry.email)}>  {question}"
    )


def _needs_action(args: argparse.Namespace) -> int:
    """Never reached: argparse requires the nested action."""
    return EXIT_FAILED
