"""The one place that reads the environment and knows the repository's paths (standard library only).

Every other module gets its configuration from here, or takes a mapping that came from here, so the
variables the assistant understands are all listed in this file (and in the README's configuration table).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import List, Mapping, Optional

Env = Mapping[str, str]

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var"
MODELS = ROOT / "models"
MODEL = MODELS / "ibers.tar.gz"
SPACY_PIPELINE = MODELS / "spacy" / "ibers_en"
NODE_MODULES = ROOT / "node_modules"
CREDENTIALS_FILE = ROOT / "credentials.yml"
ENDPOINTS_FILE = ROOT / "endpoints.yml"
EFFECTIVE_CREDENTIALS = VAR / "credentials.effective.yml"
RASA_TOKEN_FILE = VAR / "rasa_token"
DEFAULT_DB_FILE = VAR / "bot.db"
DEFAULT_TRACKER_FILE = VAR / "tracker.db"

SQLITE_BUSY_TIMEOUT_SECONDS = 15  # how long a SQLite writer waits for another (the store, the tracker, the CLI)
DEFAULT_ACTION_TIMEOUT_SECONDS = 10.0  # Rasa's own default is five minutes

DB_URL_VAR = "BOT_DB_URL"
TRACKER_DB_VAR = "BOT_TRACKER_DB"
ACTION_TIMEOUT_VAR = "BOT_ACTION_TIMEOUT_SECONDS"
RETENTION_VAR = "BOT_RETENTION_DAYS"
JWT_SECRET_VAR = "BOT_JWT_SECRET"
JWT_PUBLIC_KEY_VAR = "BOT_JWT_PUBLIC_KEY"


def environment() -> Env:
    """The process environment (read here and nowhere else)."""
    return os.environ


def _env(env: Optional[Env]) -> Env:
    """The given mapping, or the process environment."""
    return environment() if env is None else env


@dataclass(frozen=True)
class Ports:
    """The three ports, from RASA_PORT, ACTION_PORT and WEB_PORT."""

    rasa: int
    action: int
    web: int

    @classmethod
    def from_env(cls, env: Optional[Env] = None) -> "Ports":
        """Read the ports from the environment, with the documented defaults."""
        env = _env(env)
        return cls(
            rasa=int(env.get("RASA_PORT", "5005")),
            action=int(env.get("ACTION_PORT", "5055")),
            web=int(env.get("WEB_PORT", "8080")),
        )


@dataclass(frozen=True)
class JwtKeys:
    """The keys the website's tokens are checked with (None: unset)."""

    secret: Optional[str]
    public_key: Optional[str]


def jwt_keys(env: Optional[Env] = None) -> JwtKeys:
    """BOT_JWT_SECRET (HS256) and BOT_JWT_PUBLIC_KEY (RS256), empty values counting as unset."""
    env = _env(env)
    return JwtKeys(env.get(JWT_SECRET_VAR) or None, env.get(JWT_PUBLIC_KEY_VAR) or None)


def database_url(explicit: Optional[str] = None, env: Optional[Env] = None) -> str:
    """The enrolment store: the caller's URL, else $BOT_DB_URL, else the SQLite file var/bot.db."""
    return explicit or _env(env).get(DB_URL_VAR) or f"sqlite:///{DEFAULT_DB_FILE}"


def tracker_db(explicit: Optional[str] = None, env: Optional[Env] = None) -> str:
    """Rasa's tracker store: the caller's path or URL, else $BOT_TRACKER_DB, else var/tracker.db."""
    return str(explicit or _env(env).get(TRACKER_DB_VAR) or DEFAULT_TRACKER_FILE)


def action_timeout_seconds(env: Optional[Env] = None) -> float:
    """How long Rasa waits for a custom action: BOT_ACTION_TIMEOUT_SECONDS, default 10 (a bad value: the default)."""
    try:
        seconds = float(_env(env).get(ACTION_TIMEOUT_VAR, DEFAULT_ACTION_TIMEOUT_SECONDS))
    except ValueError:
        return DEFAULT_ACTION_TIMEOUT_SECONDS
    return seconds if seconds > 0 else DEFAULT_ACTION_TIMEOUT_SECONDS


def retention_days(explicit: Optional[int] = None, env: Optional[Env] = None) -> int:
    """The retention for `purge`: the caller's days, else $BOT_RETENTION_DAYS; at least 1 (ValueError otherwise)."""
    days = explicit
    if days is None:
        configured = _env(env).get(RETENTION_VAR, "").strip()
        if not configured:
            raise ValueError(f"give --days N or set ${RETENTION_VAR}")
        try:
            days = int(configured)
        except ValueError:
            raise ValueError(f"${RETENTION_VAR} is not a whole number of days: {configured!r}") from None
    if days < 1:
        raise ValueError(f"the retention must be at least 1 day (got {days})")
    return days


def public_rasa_url(env: Optional[Env] = None) -> Optional[str]:
    """BOT_PUBLIC_RASA_URL without a trailing slash: where browsers reach Rasa (None: the page's host)."""
    public = _env(env).get("BOT_PUBLIC_RASA_URL")
    return public.rstrip("/") if public else None


def cors_origins(web_port: int, env: Optional[Env] = None) -> List[str]:
    """Origins allowed to call Rasa: the demo page's own, plus BOT_CORS_ORIGINS (space separated)."""
    own = [f"http://localhost:{web_port}", f"http://127.0.0.1:{web_port}"]
    return own + _env(env).get("BOT_CORS_ORIGINS", "").split()


def rasa_host(env: Optional[Env] = None) -> str:
    """The interface the Rasa server listens on (RASA_HOST, default loopback)."""
    return _env(env).get("RASA_HOST", "127.0.0.1")


def web_host(env: Optional[Env] = None) -> str:
    """The interface the demo page listens on (WEB_HOST, default loopback)."""
    return _env(env).get("WEB_HOST", "127.0.0.1")


def model_path(env: Optional[Env] = None) -> Path:
    """The trained model to serve (BOT_MODEL, default models/ibers.tar.gz)."""
    return Path(_env(env).get("BOT_MODEL", str(MODEL)))


def rasa_token_from_env(env: Optional[Env] = None) -> Optional[str]:
    """RASA_TOKEN, the HTTP API token, if set."""
    return _env(env).get("RASA_TOKEN") or None
