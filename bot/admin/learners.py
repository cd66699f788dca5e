"""Learner look-ups: show-learner (the record and the position the rules compute) and list-learners."""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from bot.admin.common import EXIT_NOT_FOUND, EXIT_OK, add, error, store
from bot.answers.learner_report import describe_learner, learner_summary
from bot.files.policy import get_policy

if TYPE_CHECKING:
    from bot.admin.common import Commands


def register(commands: Commands) -> None:
    """Add the learner commands."""
    sub = add(commands, "show-learner", cmd_show_learner, "show a learner's record and computed position")
    sub.add_argument("ref", metavar="ID_OR_EMAIL", help="learner id (L0003) or email address")
    sub.add_argument("--today", type=iso_date, help="date to compute registration from (YYYY-MM-DD)")

    add(commands, "list-learners", cmd_list_learners, "list every learner with a one-line summary")


def cmd_show_learner(args: argparse.Namespace) -> int:
    """Print one learner's record and the position the rules compute from it."""
    records = store(args)
    learner = records.find_learner(args.ref)
    if learner is None:
        error(f"no learner with id or email {args.ref!r}")
        return EXIT_NOT_FOUND
    policy = get_policy()
    for line in describe_learner(learner, records.catalogue(), policy, args.today or date.today()):
        print(line)
    return EXIT_OK


def cmd_list_learners(args: argparse.Namespace) -> int:
    """Print one line per learner."""
    policy = get_policy()
    learners = store(args).learners()
    for learner in learners:
        print(learner_summary(learner, policy))
    print(f"{len(learners)} learner(s)")
    return EXIT_OK


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None
