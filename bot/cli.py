"""Admin command line: `python -m bot <command>` to set up the database and look learners up.

Each sub-command is one small `cmd_*` function registered in `build_parser`; add new ones the same way.
The database is --db-url, else $BOT_DB_URL, else the SQLite file var/bot.db in the repo.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Callable, List, Optional, Sequence

from sqlalchemy.exc import SQLAlchemyError

from bot.catalogue import CatalogueError
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
from bot.rules.money import format_money
from bot.store.catalogue_import import import_catalogue_file
from bot.store.db import current_revision, database_url, head_revision, migrate
from bot.store.seed import seed_demo
from bot.store.store import Store, StoreError

Command = Callable[[argparse.Namespace], int]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_NOT_FOUND = 3

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
    return parser


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
    lines.extend(f"  {line}" for line in deduction.lines)
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
    from bot.policy import get_policy

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
