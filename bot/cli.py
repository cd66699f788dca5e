"""Admin command line: `python -m bot <command>` to set up the database and look learners up.

Each sub-command is one small `cmd_*` function registered in `build_parser`; add new ones the same way.
The database is --db-url, else $BOT_DB_URL, else the SQLite file var/bot.db in the repo.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import unicodedata
from datetime import date, datetime, timedelta
from typing import Callable, List, Optional, Sequence

from sqlalchemy.exc import SQLAlchemyError

from bot.files.catalogue import CatalogueError
from bot.identity import ROLES, IdentitySettings, mint_token
from bot.rules import (
    Course,
    Enrolment,
    ExemptionPosition,
    Learner,
    SetProgress,
    best_exemption,
    counts_for_credit,
    credits_earned,
    exemption_progress,
    exemption_with_deduction,
    is_credit_bearing,
    reported_outcome,
    reregistration,
    top_up_due,
    upgrade_deduction,
)
from bot.answers.upgrade import deduction_lines
from bot.rules.money import format_money
from bot.store import conversations
from bot.store.catalogue_import import import_catalogue_file
from bot.store.db import current_revision, database_url, head_revision, migrate
from bot.store.records import Enquiry, EnquiryStatus
from bot.store.seed import seed_demo
from bot.store.store import DEFAULT_ENQUIRY_LIMIT, Store, StoreError, utc_now
from bot.rules.refs import normalise_email

Command = Callable[[argparse.Namespace], int]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_NOT_FOUND = 3

RETENTION_ENV_VAR = "BOT_RETENTION_DAYS"
QUESTION_PREVIEW = 60
EXPORT_COLUMNS = (
    "id", "created_at", "status", "name", "email", "consent", "conversation_id", "question", "handled_at", "handled_by",
)
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")  # cells a spreadsheet would run as a formula

_NO_CREDIT_YET = {"none": "not yet assessed", "pending": "result pending", "fail": "failed: no credits"}


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Parse arguments, run one sub-command and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except (CatalogueError, StoreError, SQLAlchemyError, ValueError) as exc:
        _error(f"{exc}")
        if isinstance(exc, (SQLAlchemyError, StoreError)):
            _error("(is the database reachable, and has `python -m bot setup` been run?)")
        return EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-parser per command."""
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__.splitlines()[0])
    parser.add_argument("--db-url", help="database URL (default: $BOT_DB_URL, else var/bot.db)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    _add(commands, "migrate", cmd_migrate, "upgrade the database schema to the newest revision")

    sub = _add(commands, "import-catalogue", cmd_import_catalogue, "load bot/data/catalogue.yaml into the database")
    sub.add_argument("--file", help="catalogue YAML file (default: bot/data/catalogue.yaml)")

    sub = _add(commands, "seed-demo", cmd_seed_demo, "add or refresh the demo learners")
    sub.add_argument("--file", help="demo learners YAML file (default: bot/data/demo_learners.yaml)")

    sub = _add(commands, "setup", cmd_setup, "migrate, import the catalogue and seed the demo learners")
    sub.add_argument("--catalogue", help="catalogue YAML file (default: bot/data/catalogue.yaml)")
    sub.add_argument("--demo", help="demo learners YAML file (default: bot/data/demo_learners.yaml)")
    sub.add_argument("--no-demo", action="store_true", help="do not seed the demo learners")

    sub = _add(commands, "show-learner", cmd_show_learner, "show a learner's record and computed position")
    sub.add_argument("ref", metavar="ID_OR_EMAIL", help="learner id (L0003) or email address")
    sub.add_argument("--today", type=_iso_date, help="date to compute registration from (YYYY-MM-DD)")

    _add(commands, "list-learners", cmd_list_learners, "list every learner with a one-line summary")

    sub = _add(commands, "mint-token", cmd_mint_token, "print a demo sign-in token (development secret only)")
    sub.add_argument("subject", metavar="LEARNER_ID_OR_STAFF_ID", help="learner id (L0003) or a staff id (S0001)")
    sub.add_argument("--role", choices=ROLES, default="learner", help="learner (default) or staff")
    sub.add_argument("--minutes", type=int, default=60, help="how long the token is valid (default 60)")

    _add_enquiry_commands(commands)

    tracker_help = "Rasa tracker store SQLite file (default: $BOT_TRACKER_DB, else var/tracker.db)"
    sub = _add(commands, "forget", cmd_forget, "erase a person's enquiries and conversation history (GDPR)")
    who = sub.add_mutually_exclusive_group(required=True)
    who.add_argument("--email", help="erase this email's enquiries and every conversation they were left in")
    who.add_argument("--conversation", metavar="ID", help="erase this conversation and its enquiries")
    sub.add_argument("--tracker-db", metavar="PATH", help=tracker_help)

    sub = _add(commands, "purge", cmd_purge, "delete enquiries and conversation events older than N days")
    sub.add_argument("--days", type=int, help=f"retention in days, at least 1 (default: ${RETENTION_ENV_VAR})")
    sub.add_argument("--tracker-db", metavar="PATH", help=tracker_help)
    return parser


def _add_enquiry_commands(commands) -> None:
    """`enquiries list|export|mark`: the enquiry team's inbox."""
    parent = _add(commands, "enquiries", _needs_subcommand, "list, export and mark the enquiries left with the bot")
    actions = parent.add_subparsers(dest="enquiries_command", required=True, metavar="ACTION")
    statuses = [s.value for s in EnquiryStatus]

    sub = _add(actions, "list", cmd_enquiries_list, "one line per enquiry, newest first")
    sub.add_argument("--status", choices=statuses, help="only enquiries with this status")
    sub.add_argument("--limit", type=int, default=DEFAULT_ENQUIRY_LIMIT,
                     help=f"at most this many (default {DEFAULT_ENQUIRY_LIMIT})")

    sub = _add(actions, "export", cmd_enquiries_export, "write the enquiries to a CSV file")
    sub.add_argument("--out", required=True, metavar="FILE.csv", help="CSV file to write (replaced if it exists)")
    sub.add_argument("--status", choices=statuses, help="only enquiries with this status")

    sub = _add(actions, "mark", cmd_enquiries_mark, "mark an enquiry handled")
    sub.add_argument("id", type=int, metavar="ID", help="enquiry id")
    sub.add_argument("--by", required=True, metavar="NAME", help="who handled it")


def _add(commands, name: str, handler: Command, help_text: str) -> argparse.ArgumentParser:
    """Register one sub-command and its handler."""
    sub = commands.add_parser(name, help=help_text, description=help_text)
    sub.set_defaults(handler=handler)
    return sub


# --- sub-commands --------------------------------------------------------------------------------


def cmd_migrate(args: argparse.Namespace) -> int:
    """Upgrade the schema to head."""
    url = database_url(args.db_url)
    migrate(url)
    print(f"database at revision {current_revision(url)} (head {head_revision()})")
    return EXIT_OK


def cmd_import_catalogue(args: argparse.Namespace) -> int:
    """Upsert the catalogue file into the courses table."""
    result = import_catalogue_file(args.file, url=database_url(args.db_url))
    print(f"catalogue imported: {result.summary()}")
    return EXIT_OK


def cmd_seed_demo(args: argparse.Namespace) -> int:
    """Upsert the demo learners and their enrolments."""
    result = seed_demo(args.file, url=database_url(args.db_url))
    print(f"demo learners seeded: {result.summary()}")
    return EXIT_OK


def cmd_setup(args: argparse.Namespace) -> int:
    """Migrate, import the catalogue and seed the demo learners (safe to repeat)."""
    url = database_url(args.db_url)
    migrate(url)
    print(f"database at revision {current_revision(url)}")
    print(f"catalogue imported: {import_catalogue_file(args.catalogue, url=url).summary()}")
    if not args.no_demo:
        print(f"demo learners seeded: {seed_demo(args.demo, url=url).summary()}")
    return EXIT_OK


def cmd_show_learner(args: argparse.Namespace) -> int:
    """Print one learner's record and the position the rules compute from it."""
    store = Store(database_url(args.db_url))
    learner = store.find_learner(args.ref)
    if learner is None:
        _error(f"no learner with id or email {args.ref!r}")
        return EXIT_NOT_FOUND
    policy = _policy()
    for line in describe_learner(learner, store.catalogue(), policy, args.today or date.today()):
        print(line)
    return EXIT_OK


def cmd_list_learners(args: argparse.Namespace) -> int:
    """Print one line per learner."""
    policy = _policy()
    learners = Store(database_url(args.db_url)).learners()
    for learner in learners:
        credits = credits_earned(policy, learner.enrolments)
        print(f"{learner.learner_id}  {learner.name} <{learner.email}>  "
              f"{len(learner.enrolments)} enrolment(s), {credits} credits")
    print(f"{len(learners)} learner(s)")
    return EXIT_OK


def cmd_mint_token(args: argparse.Namespace) -> int:
    """Print a token as the website would sign it, only while the development secret is configured."""
    settings = IdentitySettings.from_env()
    if not settings.is_development:
        _error("refusing to mint tokens: a non-development secret or key is configured (BOT_JWT_SECRET / BOT_JWT_PUBLIC_KEY)")
        return EXIT_FAILED
    if not 1 <= args.minutes <= 24 * 60:
        _error("--minutes must be between 1 and 1440")
        return EXIT_FAILED
    print(mint_token(args.subject, args.role, settings, ttl_seconds=args.minutes * 60))
    return EXIT_OK


def cmd_enquiries_list(args: argparse.Namespace) -> int:
    """Print one line per enquiry: id, date, status, name, email and the start of the question."""
    store = Store(database_url(args.db_url))
    enquiries = store.enquiries(args.status, limit=args.limit)
    for enquiry in enquiries:
        print(enquiry_line(enquiry))
    total = store.count_enquiries(args.status)
    print(f"{len(enquiries)} of {total} enquiry(ies)")
    return EXIT_OK


def cmd_enquiries_export(args: argparse.Namespace) -> int:
    """Write every enquiry (optionally of one status) to a CSV file, oldest first, readable only by the owner."""
    store = Store(database_url(args.db_url))
    total = store.count_enquiries(args.status)
    enquiries = store.enquiries(args.status, limit=total) if total else ()
    descriptor = os.open(args.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(descriptor, "w", newline="", encoding="utf-8") as handle:
        write_enquiries_csv(handle, reversed(enquiries))
    print(f"{len(enquiries)} enquiry(ies) written to {args.out}")
    return EXIT_OK


def cmd_enquiries_mark(args: argparse.Namespace) -> int:
    """Mark one enquiry handled."""
    enquiry = Store(database_url(args.db_url)).mark_enquiry_handled(args.id, args.by)
    if enquiry is None:
        _error(f"no enquiry with id {args.id}")
        return EXIT_NOT_FOUND
    print(f"enquiry {enquiry.id} handled by {_one_line(enquiry.handled_by or '')} "
          f"at {_iso(enquiry.handled_at)}")
    return EXIT_OK


def cmd_forget(args: argparse.Namespace) -> int:
    """GDPR erasure: by email, the enquiries and every linked conversation; or one conversation and its enquiries.

    Conversations are erased before the enquiries, so if anything fails the link is still there to rerun.
    """
    store = Store(database_url(args.db_url))
    tracker = conversations.tracker_db(args.tracker_db)
    if args.email is not None:
        wanted = normalise_email(args.email)
        if not wanted:
            raise ValueError("--email must not be empty")
        total = store.count_enquiries()
        linked = sorted({
            enquiry.conversation_id
            for enquiry in (store.enquiries(limit=total) if total else ())
            if enquiry.conversation_id and normalise_email(enquiry.email) == wanted
        })
        events = conversations.delete_conversations(tracker, linked)
        enquiries = store.delete_enquiries_by_email(wanted)
        print(f"forgot {wanted}: {enquiries} enquiry(ies), {len(linked)} conversation(s), "
              f"{events} conversation event(s)")
    else:
        conversation_id = args.conversation.strip()
        if not conversation_id:
            raise ValueError("--conversation must not be empty")
        events = conversations.delete_conversation(tracker, conversation_id)
        enquiries = store.delete_enquiries_by_conversation(conversation_id)
        print(f"forgot conversation {conversation_id}: {events} conversation event(s), {enquiries} enquiry(ies)")
    return EXIT_OK


def cmd_purge(args: argparse.Namespace) -> int:
    """Retention: delete enquiries and tracker events older than --days (or $BOT_RETENTION_DAYS) days."""
    days = _retention_days(args.days)
    now = utc_now()
    cutoff = now - timedelta(days=days)
    enquiries = Store(database_url(args.db_url)).purge_enquiries_older_than(days, now=now)
    events = conversations.purge_events_older_than(conversations.tracker_db(args.tracker_db), cutoff)
    print(f"purged everything before {_iso(cutoff)} ({days} days): {enquiries} enquiry(ies), "
          f"{events} conversation event(s)")
    return EXIT_OK


# --- enquiries output ----------------------------------------------------------------------------


def enquiry_line(enquiry: Enquiry) -> str:
    """One line of `enquiries list` (control characters and line breaks flattened)."""
    question = _one_line(enquiry.question)
    if len(question) > QUESTION_PREVIEW:
        question = question[: QUESTION_PREVIEW - 1] + "…"
    return (f"{enquiry.id:>5}  {enquiry.created_at.date().isoformat()}  {enquiry.status.value:<7}  "
            f"{_one_line(enquiry.name)} <{_one_line(enquiry.email)}>  {question}")


def write_enquiries_csv(handle, enquiries) -> None:
    """Write a header and one row per enquiry; cells that a spreadsheet would evaluate are neutralised."""
    writer = csv.writer(handle)
    writer.writerow(EXPORT_COLUMNS)
    for enquiry in enquiries:
        row = (
            enquiry.id,
            _iso(enquiry.created_at),
            enquiry.status.value,
            enquiry.name,
            enquiry.email,
            "yes" if enquiry.consent else "no",
            enquiry.conversation_id or "",
            enquiry.question,
            _iso(enquiry.handled_at),
            enquiry.handled_by or "",
        )
        writer.writerow([safe_cell(value) for value in row])


def safe_cell(value) -> str:
    """A CSV cell as text, prefixed with ' when it starts like a formula (CSV injection guard)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _one_line(text: str) -> str:
    """Text on one line without control characters (enquiries are typed by the public)."""
    printable = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    return " ".join(printable.split())


def _iso(moment: Optional[datetime]) -> str:
    """ISO 8601 timestamp, or empty."""
    return moment.isoformat() if moment is not None else ""


def _retention_days(days: Optional[int]) -> int:
    """--days, else $BOT_RETENTION_DAYS; at least 1."""
    if days is None:
        configured = os.environ.get(RETENTION_ENV_VAR, "").strip()
        if not configured:
            raise ValueError(f"give --days N or set ${RETENTION_ENV_VAR}")
        try:
            days = int(configured)
        except ValueError:
            raise ValueError(f"${RETENTION_ENV_VAR} is not a whole number of days: {configured!r}") from None
    if days < 1:
        raise ValueError(f"the retention must be at least 1 day (got {days})")
    return days


def _needs_subcommand(args: argparse.Namespace) -> int:
    """Never reached: argparse requires the nested action."""
    return EXIT_FAILED


# --- show-learner report -------------------------------------------------------------------------


def describe_learner(learner: Learner, catalogue: Sequence[Course], policy, today: date) -> List[str]:
    """The full text of show-learner: record, credits, exemption, deduction and registration."""
    return [
        f"Learner {learner.learner_id}: {learner.name} <{learner.email}>",
        "",
        *_enrolment_lines(learner.enrolments, policy),
        "",
        f"Credits earned: {credits_earned(policy, learner.enrolments)}",
        "",
        *_exemption_lines(learner.enrolments, catalogue, policy),
        "",
        *_deduction_lines(learner.enrolments, catalogue, policy),
        "",
        *_registration_lines(learner.enrolments, policy, today),
    ]


def _enrolment_lines(enrolments: Sequence[Enrolment], policy) -> List[str]:
    """One line per enrolment: course, date, what was paid, outcome, credit status."""
    if not enrolments:
        return ["Enrolments: none"]
    lines = [f"Enrolments ({len(enrolments)}):"]
    for enrolment in enrolments:
        course = enrolment.course
        lines.append(
            f"  {course.code} {course.title}: registered {enrolment.registered_on.isoformat()}; "
            f"paid {_paid_text(enrolment)}; outcome {reported_outcome(enrolment.outcome)}; "
            f"{_credit_status(enrolment, policy)}"
        )
    return lines


def _paid_text(enrolment: Enrolment) -> str:
    """What was paid, by kind: "<fee> learning fee + <fee> top-up = <total>", amounts from the record."""
    payments = enrolment.payments
    parts = [
        f"{format_money(amount)} {label}"
        for amount, label in (
            (payments.learning_fee, "learning fee"),
            (payments.top_up, "top-up"),
            (payments.credit_fee, "credit fee"),
        )
        if amount
    ]
    if not parts:
        return "nothing"
    return " + ".join(parts) + (f" = {format_money(payments.total)}" if len(parts) > 1 else "")


def _credit_status(enrolment: Enrolment, policy) -> str:
    """Whether the enrolment earns credits, and what is missing if not."""
    if counts_for_credit(policy, enrolment):
        return f"{policy.credits_per_microcredential} credits"
    if not is_credit_bearing(policy, enrolment):
        return f"learning only (top-up {format_money(top_up_due(policy, enrolment))} for credits)"
    return f"credit-bearing, {_NO_CREDIT_YET.get(enrolment.outcome.value, 'no credits yet')}"


def _exemption_lines(enrolments: Sequence[Enrolment], catalogue: Sequence[Course], policy) -> List[str]:
    """Progress per set and the best exemption position."""
    progress = exemption_progress(policy, enrolments, catalogue)
    lines = [f"Exemption progress ({policy.set_size} courses of one set, passed with credits):"]
    lines.extend(f"  {_set_line(item)}" for item in progress)
    lines.extend(_best_exemption_lines(best_exemption(policy, enrolments, catalogue)))
    return lines


def _set_line(progress: SetProgress) -> str:
    """One set's progress, e.g. "Plant Breeding (PB): 3 of 4 — still needs PB4"."""
    total = progress.count + progress.needed
    head = f"{progress.set_name} ({progress.set_code}): {progress.count} of {total}"
    if progress.eligible:
        return f"{head}, complete"
    still = ", ".join(course.code for course in progress.missing) or "courses not yet in the catalogue"
    return f"{head}, {progress.needed} more needed ({still})"


def _best_exemption_lines(position: ExemptionPosition) -> List[str]:
    """The best exemption position, with any case the page does not decide."""
    programmes = " or ".join(position.eligible_programmes)
    if position.eligible:
        sets_text = " and ".join(p.set_name for p in position.complete_sets)
        lines = [f"Best exemption: eligible: {position.recognised_credits} credits from {sets_text}, on {programmes}"]
    elif position.closest is not None:
        closest = position.closest
        lines = [f"Best exemption: not yet; closest is {closest.set_name} with {closest.needed} more needed"]
    else:
        lines = ["Best exemption: not yet; no course passed with credits"]
    if position.note is not None:
        lines.append(f"  Not covered: {position.note.question} {position.note.advice}")
    return lines


def _deduction_lines(enrolments: Sequence[Enrolment], catalogue: Sequence[Course], policy) -> List[str]:
    """The upgrade deduction with its arithmetic, flagging SAMPLE values and undecided combinations."""
    deduction = upgrade_deduction(policy, enrolments)
    lines = ["Upgrade deduction (if upgrading to a full programme now):"]
    lines.extend(f"  {line}" for line in deduction_lines(policy, deduction))
    if deduction.cap_is_sample:
        lines.append("  Note: the module fee used for the cap is a SAMPLE value in bot/policy.yaml")
    if deduction.amount and best_exemption(policy, enrolments, catalogue).eligible:
        lines.append(f"  Not covered: {exemption_with_deduction(policy).question}")
    return lines


def _registration_lines(enrolments: Sequence[Enrolment], policy, today: date) -> List[str]:
    """Registration end and re-registration for each enrolment, as of today."""
    lines = [f"Registration (as of {today.isoformat()}):"]
    if not enrolments:
        return lines + ["  no registrations"]
    for enrolment in enrolments:
        lines.append(f"  {enrolment.course.code}: {_reregistration_text(policy, enrolment, today)}")
    return lines


def _reregistration_text(policy, enrolment: Enrolment, today: date) -> str:
    """One registration: its end, and when re-registration falls."""
    position = reregistration(policy, enrolment.registered_on, today)
    text = f"registered {position.registered_on.isoformat()}, ends {position.ends.isoformat()}"
    if position.expired:
        text += " (ended)"
    if position.needed and position.reregister_on is not None:
        when = "was due" if position.already_past else "due"
        text += f"; spans an academic year: re-registration {when} {position.reregister_on.isoformat()}"
    else:
        text += "; within one academic year: no re-registration"
    return text


# --- helpers -------------------------------------------------------------------------------------


def _policy():
    """The programme policy (imported lazily so `migrate` works even if policy.yaml is being edited)."""
    from bot.files.policy import get_policy

    return get_policy()


def _iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _error(message: str) -> None:
    """Print an error line to stderr."""
    print(f"error: {message}", file=sys.stderr)
