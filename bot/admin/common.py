"""What every admin sub-command shares: exit statuses, registration, the database option and error output."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from typing import TYPE_CHECKING, Callable

from bot import settings
from bot.store.store import Store

Command = Callable[[argparse.Namespace], int]
if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]  # what add_subparsers returns

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_NOT_FOUND = 3


def add(commands: Commands, name: str, handler: Command, help_text: str) -> argparse.ArgumentParser:
    """Register one sub-command and its handler."""
    sub = commands.add_parser(name, help=help_text, description=help_text)
    sub.set_defaults(handler=handler)
    return sub


def db_url(args: argparse.Namespace) -> str:
    """The enrolment database: --db-url, else $BOT_DB_URL, else var/bot.db."""
    return settings.database_url(args.db_url)


def store(args: argparse.Namespace) -> Store:
    """A Store on the database the arguments name."""
    return Store(db_url(args))


def one_line(text: str) -> str:
    """Text on one line without control characters (enquiries are typed by the public)."""
    printable = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    return " ".join(printable.split())


def error(message: str) -> None:
    """Print an error line to stderr."""
    print(f"error: {message}", file=sys.stderr)
