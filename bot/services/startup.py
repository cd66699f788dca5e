"""Start-up checks every service runs first: in production a weak identity set-up refuses to start.

`problems(env)` lists what must be fixed (each entry names its variable); every entry point (`python -m
bot.services`, `python -m bot.rasa_server`, `python -m bot.web`, the action server's `actions` package) calls
`refuse_to_start_if_unsafe(service)`, which prints them and exits non-zero. Outside production only invalid values
stop a service; the development secret on a non-loopback interface gets a loud warning instead.
Standard library and bot.settings only.
"""

from __future__ import annotations

import sys
from typing import List, Optional

from bot import settings
from bot.settings import Env

DEV_SECRET = settings.DEV_JWT_SECRET
MIN_SECRET_CHARS = 32  # 256 bits of HS256 key, at least
LOOPBACK = ("127.0.0.1", "localhost", "::1")
EXIT_REFUSED = 78  # EX_CONFIG


def problems(env: Optional[Env] = None) -> List[str]:
    """What stops a service from starting: invalid values anywhere, a weak identity set-up in production."""
    found = _invalid_values(env)
    if settings.production(env):
        found += _production_problems(env)
    return found


def _invalid_values(env: Optional[Env]) -> List[str]:
    """Values that cannot be used in any environment."""
    try:
        settings.token_max_minutes(env)
    except ValueError as error:
        return [str(error)]
    return []


def _production_problems(env: Optional[Env]) -> List[str]:
    """The identity checks of BOT_ENV=production."""
    keys = settings.jwt_keys(env)
    if keys.public_key:
        if not settings.seal_secret(env):
            return [
                f"${settings.SEAL_SECRET_VAR} is unset: RS256 (${settings.JWT_PUBLIC_KEY_VAR}) needs a separate sealing secret"
            ]
        return _secret_problems(settings.SEAL_SECRET_VAR, settings.seal_secret(env))
    return _secret_problems(settings.JWT_SECRET_VAR, keys.secret)


def _secret_problems(var: str, secret: Optional[str]) -> List[str]:
    """Why this secret cannot be used in production (unset, the published development value, or short)."""
    if not secret:
        return [f"${var} is unset: production needs the website's own secret (the development one is public)"]
    if secret == DEV_SECRET:
        return [f"${var} is the published development secret; it would also turn the demo sign-in on"]
    if len(secret) < MIN_SECRET_CHARS:
        return [f"${var} is shorter than {MIN_SECRET_CHARS} characters"]
    return []


def warnings(env: Optional[Env] = None) -> List[str]:
    """Loud warnings outside production: the development secret served beyond this machine."""
    keys = settings.jwt_keys(env)
    if settings.production(env):
        return []
    if keys.public_key:
        return [] if settings.seal_secret(env) else [f"${settings.SEAL_SECRET_VAR} is unset: no token is accepted"]
    if keys.secret not in (None, DEV_SECRET):
        return []
    exposed = [
        f"{var}={host}"
        for var, host in (("RASA_HOST", settings.rasa_host(env)), ("WEB_HOST", settings.web_host(env)))
        if host not in LOOPBACK
    ]
    if not exposed:
        return []
    return [
        f"the published development secret is in use and {' '.join(exposed)} is reachable from other machines: "
        f"anyone can mint a staff token. Set ${settings.JWT_SECRET_VAR} and {settings.ENV_VAR}=production."
    ]


def refuse_to_start_if_unsafe(service: str, env: Optional[Env] = None) -> None:
    """Print the problems and exit non-zero if there are any; print the warnings loudly otherwise."""
    found = problems(env)
    for problem in found:
        print(f"{service}: refusing to start: {problem}", file=sys.stderr, flush=True)
    if found:
        raise SystemExit(EXIT_REFUSED)
    for warning in warnings(env):
        print(f"{service}: WARNING: {warning}", file=sys.stderr, flush=True)
