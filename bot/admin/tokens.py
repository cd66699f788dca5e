"""mint-token: a demo sign-in token as the website would sign it (only with the development secret)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from bot.admin.common import EXIT_FAILED, EXIT_OK, add, error
from bot.identity import ROLES, IdentitySettings, mint_token

if TYPE_CHECKING:
    from bot.admin.common import Commands


def register(commands: Commands) -> None:
    """Add mint-token."""
    sub = add(commands, "mint-token", cmd_mint_token, "print a demo sign-in token (development secret only)")
    sub.add_argument("subject", metavar="LEARNER_ID_OR_STAFF_ID", help="learner id (L0003) or a staff id (S0001)")
    sub.add_argument("--role", choices=ROLES, default="learner", help="learner (default) or staff")
    sub.add_argument("--minutes", type=int, default=60, help="how long the token is valid (default 60)")


def cmd_mint_token(args: argparse.Namespace) -> int:
    """Print a token as the website would sign it, only while the development secret is configured (not production)."""
    settings = IdentitySettings.from_env()
    if not settings.demo_sign_in:
        error(
            "refusing to mint tokens: BOT_ENV is production, or a non-development secret or key is configured "
            "(BOT_JWT_SECRET / BOT_JWT_PUBLIC_KEY)"
        )
        return EXIT_FAILED
    max_minutes = settings.max_lifetime_seconds // 60
    if not 1 <= args.minutes <= max_minutes:
        error(f"--minutes must be between 1 and {max_minutes} (BOT_TOKEN_MAX_MINUTES)")
        return EXIT_FAILED
    print(mint_token(args.subject, args.role, settings, ttl_seconds=args.minutes * 60))
    return EXIT_OK
