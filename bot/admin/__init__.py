"""Admin command line: `python -m bot <command>` to set up the database and look learners up.

Each group of sub-commands is one module with a `register(commands)` function and small `cmd_*` handlers
(database, learners, tokens, enquiries, privacy, channels); add new ones the same way and register them in `build_parser`.
The database is --db-url, else $BOT_DB_URL, else the SQLite file var/bot.db in the repo.
"""

from __future__ import annotations

import argparse
from typing import Optional, Sequence

from sqlalchemy.exc import SQLAlchemyError

from bot.admin import channels, database, enquiries, learners, privacy, tokens
from bot.admin.common import EXIT_FAILED, error
from bot.files.catalogue import CatalogueError
from bot.files.demo_learners import DemoLearnersError
from bot.store.store import StoreError

__all__ = ["build_parser", "main"]

# Errors reported as one line (and exit status 1) instead of a traceback; the database ones get a hint.
REPORTED_ERRORS = (CatalogueError, StoreError, SQLAlchemyError, ValueError)
# A bad demo learners file keeps the hint it had when its error was a StoreError.
DATABASE_ERRORS = (SQLAlchemyError, StoreError, DemoLearnersError)
DATABASE_HINT = "(is the database reachable, and has `python -m bot setup` been run?)"


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Parse arguments, run one sub-command and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
        return status
    except REPORTED_ERRORS as exc:
        error(f"{exc}")
        if isinstance(exc, DATABASE_ERRORS):
            error(DATABASE_HINT)
        return EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with one sub-parser per command."""
    description = (__doc__ or "").splitlines()[0]
    parser = argparse.ArgumentParser(prog="python -m bot", description=description)
    parser.add_argument("--db-url", help="database URL (default: $BOT_DB_URL, else var/bot.db)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for group in (database, learners, tokens, enquiries, privacy, channels):
        group.register(commands)
    return parser
