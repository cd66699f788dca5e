"""Database set-up commands: migrate, import-catalogue, seed-demo and setup (all safe to repeat).

Files are read by bot.files and written by bot.store; the two compositions below join them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Optional

from bot.admin.common import EXIT_OK, add, db_url
from bot.files.catalogue import PathLike, read_catalogue
from bot.files.demo_learners import load_demo_learners
from bot.store.catalogue_import import ImportResult, import_courses
from bot.store.db import current_revision, head_revision, migrate
from bot.store.seed import SeedResult, seed_demo

if TYPE_CHECKING:
    from bot.admin.common import Commands

CATALOGUE_HELP = "catalogue YAML file (default: bot/data/catalogue.yaml)"
DEMO_HELP = "demo learners YAML file (default: bot/data/demo_learners.yaml)"


def register(commands: Commands) -> None:
    """Add the database commands."""
    add(commands, "migrate", cmd_migrate, "upgrade the database schema to the newest revision")

    sub = add(commands, "import-catalogue", cmd_import_catalogue, "load bot/data/catalogue.yaml into the database")
    sub.add_argument("--file", help=CATALOGUE_HELP)

    sub = add(commands, "seed-demo", cmd_seed_demo, "add or refresh the demo learners")
    sub.add_argument("--file", help=DEMO_HELP)

    sub = add(commands, "setup", cmd_setup, "migrate, import the catalogue and seed the demo learners")
    sub.add_argument("--catalogue", help=CATALOGUE_HELP)
    sub.add_argument("--demo", help=DEMO_HELP)
    sub.add_argument("--no-demo", action="store_true", help="do not seed the demo learners")


def import_catalogue_file(path: Optional[PathLike] = None, *, url: Optional[str] = None) -> ImportResult:
    """Read and validate the catalogue file (default bot/data/catalogue.yaml), then upsert its courses."""
    catalogue = read_catalogue(path)
    return import_courses(catalogue.courses, catalogue.descriptions, url=url)


def seed_demo_file(path: Optional[PathLike] = None, *, url: Optional[str] = None) -> SeedResult:
    """Read and validate the demo learners file (default bot/data/demo_learners.yaml), then seed them."""
    return seed_demo(load_demo_learners(path), url=url)


def cmd_migrate(args: argparse.Namespace) -> int:
    """Upgrade the schema to head."""
    url = db_url(args)
    migrate(url)
    print(f"database at revision {current_revision(url)} (head {head_revision()})")
    return EXIT_OK


def cmd_import_catalogue(args: argparse.Namespace) -> int:
    """Upsert the catalogue file into the courses table."""
    result = import_catalogue_file(args.file, url=db_url(args))
    print(f"catalogue imported: {result.summary()}")
    return EXIT_OK


def cmd_seed_demo(args: argparse.Namespace) -> int:
    """Upsert the demo learners and their enrolments."""
    result = seed_demo_file(args.file, url=db_url(args))
    print(f"demo learners seeded: {result.summary()}")
    return EXIT_OK


def cmd_setup(args: argparse.Namespace) -> int:
    """Migrate, import the catalogue and seed the demo learners (safe to repeat)."""
    url = db_url(args)
    migrate(url)
    print(f"database at revision {current_revision(url)}")
    print(f"catalogue imported: {import_catalogue_file(args.catalogue, url=url).summary()}")
    if not args.no_demo:
        print(f"demo learners seeded: {seed_demo_file(args.demo, url=url).summary()}")
    return EXIT_OK
