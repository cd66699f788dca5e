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
CHANNEL_LIMITS_LOG = VAR / "channel_limits.log"  # paid channels' reply caps reached (bot.rasa_server.channel_limits)

SQLITE_BUSY_TIMEOUT_SECONDS = 15  # how long a SQLite writer waits for another (the store, the tracker, the CLI)
DEFAULT_ACTION_TIMEOUT_SECONDS = 10.0  # Rasa's own default is five minutes

DB_URL_VAR = "BOT_DB_URL"
TRACKER_DB_VAR = "BOT_TRACKER_DB"
ACTION_TIMEOUT_VAR = "BOT_ACTION_TIMEOUT_SECONDS"
RETENTION_VAR = "BOT_RETENTION_DAYS"
JWT_SECRET_VAR = "BOT_JWT_SECRET"
JWT_PUBLIC_KEY_VAR = "BOT_JWT_PUBLIC_KEY"
ENV_VAR = "BOT_ENV"
SEAL_SECRET_VAR = "BOT_SEAL_SECRET"
TOKEN_MAX_MINUTES_VAR = "BOT_TOKEN_MAX_MINUTES"
JWT_ISSUER_VAR = "BOT_JWT_ISSUER"
JWT_AUDIENCE_VAR = "BOT_JWT_AUDIENCE"
DEFAULT_TOKEN_MAX_MINUTES = 720
DEV_JWT_SECRET = "ibers-dev-only-secret-do-not-use-in-production"  # published: development only
ENVIRONMENTS = ("development", "production")


def environment() -> Env:
    """The process environment (read here and nowhere else)."""
    return os.environ


def _env(env: Optional[Env]) -> Env:
    """The given mapping, or the process environment."""
    return environment() if env is None else env


def bot_env(env: Optional[Env] = None) -> str:
    """BOT_ENV: `development` (the default) or `production`; any other value counts as production (fail closed)."""
    value = _env(env).get(ENV_VAR, "").strip().lower() or "development"
    return value if value in ENVIRONMENTS else "production"


def production(env: Optional[Env] = None) -> bool:
    """Whether BOT_ENV asks for production (strict start-up checks, no demo sign-in)."""
    return bot_env(env) == "production"


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


def seal_secret(env: Optional[Env] = None) -> Optional[str]:
    """BOT_SEAL_SECRET: the key sealed claims are signed with (required with BOT_JWT_PUBLIC_KEY; None: unset)."""
    return _env(env).get(SEAL_SECRET_VAR) or None


def _whole_number(variable: str, configured: str, unit: str) -> int:
    """A variable's value as a whole number (ValueError naming the variable otherwise)."""
    try:
        return int(configured)
    except ValueError:
        raise ValueError(f"${variable} is not a whole number of {unit}: {configured!r}") from None


def token_max_minutes(env: Optional[Env] = None) -> int:
    """BOT_TOKEN_MAX_MINUTES: the longest token lifetime accepted, default 720 (ValueError unless a whole number >= 1)."""
    configured = _env(env).get(TOKEN_MAX_MINUTES_VAR, "").strip()
    if not configured:
        return DEFAULT_TOKEN_MAX_MINUTES
    minutes = _whole_number(TOKEN_MAX_MINUTES_VAR, configured, "minutes")
    if minutes < 1:
        raise ValueError(f"${TOKEN_MAX_MINUTES_VAR} must be at least 1 (got {minutes})")
    return minutes


def jwt_issuer(env: Optional[Env] = None) -> Optional[str]:
    """BOT_JWT_ISSUER: the `iss` every token must carry, when set."""
    return _env(env).get(JWT_ISSUER_VAR, "").strip() or None


def jwt_audience(env: Optional[Env] = None) -> Optional[str]:
    """BOT_JWT_AUDIENCE: the `aud` every token must carry, when set."""
    return _env(env).get(JWT_AUDIENCE_VAR, "").strip() or None


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
        days = _whole_number(RETENTION_VAR, configured, "days")
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


def channel_webhook_url(channel: str, env: Optional[Env] = None) -> Optional[str]:
    """The public webhook URL a provider signs for `channel`: TWILIO_WEBHOOK_URL (twilio) or
    TWILIO_WHATSAPP_WEBHOOK_URL (twilio_whatsapp); None: the URL as the server sees it (not behind a proxy)."""
    var = {"twilio": "TWILIO_WEBHOOK_URL", "twilio_whatsapp": "TWILIO_WHATSAPP_WEBHOOK_URL"}.get(channel, "")
    return (_env(env).get(var) or "").strip() or None if var else None


def telegram_secret_token(env: Optional[Env] = None) -> Optional[str]:
    """TELEGRAM_SECRET_TOKEN: given to Telegram's setWebhook and required on every update (None: unset)."""
    return (_env(env).get("TELEGRAM_SECRET_TOKEN") or "").strip() or None


def provider_api_base(provider: str, env: Optional[Env] = None) -> Optional[str]:
    """BOT_<PROVIDER>_API_BASE (TWILIO, TELEGRAM, SLACK, FACEBOOK): tests' stand-in API host (None: the real one)."""
    value = (_env(env).get(f"BOT_{provider.upper()}_API_BASE") or "").strip()
    return value.rstrip("/") or None


def paid_reply_caps(env: Optional[Env] = None) -> "tuple[int, int]":
    """Replies per hour on paid channels (SMS, WhatsApp): BOT_PAID_REPLIES_PER_SENDER_HOUR (default 20) per
    sender and BOT_PAID_REPLIES_PER_HOUR (default 500) for all senders; a bad or non-positive value: the default."""
    env = _env(env)
    return (
        _positive_int(env.get("BOT_PAID_REPLIES_PER_SENDER_HOUR"), 20),
        _positive_int(env.get("BOT_PAID_REPLIES_PER_HOUR"), 500),
    )


def _positive_int(value: Optional[str], default: int) -> int:
    """`value` as a whole number above zero, else `default`."""
    try:
        number = int((value or "").strip())
    except ValueError:
        return default
    return number if number > 0 else default


def create_private_file(path: Path) -> None:
    """Create a file of personal data (a SQLite database) owner-only: 0600, any missing folder 0700, var/ 0700.

    Called before SQLite opens the file; SQLite gives its -wal and -shm files the same permissions.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.parent.resolve() == VAR.resolve():
        path.parent.chmod(0o700)
    os.close(os.open(path, os.O_CREAT | os.O_RDWR, 0o600))
    path.chmod(0o600)
