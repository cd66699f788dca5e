"""The effective Rasa credentials: credentials.yml (REST and socket.io, always on) plus each messaging channel
whose environment variables are all set. No network.

Rasa expands ${VAR} in a credentials file and refuses to start when a variable is unset, so optional channels
cannot be listed in credentials.yml itself. Instead `python -m bot.services.credentials write [--out PATH]`
writes var/credentials.effective.yml (mode 600) and prints the names of the enabled channels, never their
values; the supervisor (`python -m bot.services`, bot.services.serve) starts Rasa with that file. See
docs/channels.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import yaml

from bot import settings
from bot.settings import Env

ROOT = settings.ROOT
BASE_FILE = settings.CREDENTIALS_FILE
DEFAULT_OUT = settings.EFFECTIVE_CREDENTIALS
CHANNELS_MODULE = "bot.rasa_server.channels"
MESSAGING_MODULE = "bot.rasa_server.messaging"

# Names (InputChannel.name(), the /webhooks/<name>/ prefix) of the channels in credentials.yml.
BASE_NAMES = {f"{CHANNELS_MODULE}.GuardedRestInput": "rest", f"{CHANNELS_MODULE}.GuardedSocketIOInput": "socketio"}


@dataclass(frozen=True)
class Channel:
    """A messaging channel: its name, its credentials.yml key, the variables it needs and how to build it."""

    name: str
    key: str
    required: Tuple[str, ...]
    build: Callable[[Env], Dict[str, Any]]
    optional: Tuple[str, ...] = field(default=())  # variables the channel reads when set (documented too)

    def missing(self, env: Env) -> List[str]:
        """The required variables that are unset or empty."""
        return [var for var in self.required if not _value(env, var)]

    def partly_set(self, env: Env) -> bool:
        """Some but not all required variables are set: probably a mistake worth a warning.

        Variables shared with another channel (Twilio's account SID and token) do not count on their own:
        setting up SMS alone should not warn that WhatsApp is incomplete.
        """
        missing = self.missing(env)
        if not 0 < len(missing) < len(self.required):
            return False
        shared = {var for other in CHANNELS if other is not self for var in other.required}
        own = [var for var in self.required if var not in shared]
        return not own or any(_value(env, var) for var in own)


def _value(env: Env, var: str) -> str:
    """The variable's value, trimmed ("" when unset)."""
    return (env.get(var) or "").strip()


def _telegram(env: Env) -> Dict[str, Any]:
    """Telegram's credentials."""
    return {
        "access_token": _value(env, "TELEGRAM_ACCESS_TOKEN"),
        "verify": _value(env, "TELEGRAM_VERIFY").lstrip("@"),
        "webhook_url": _value(env, "TELEGRAM_WEBHOOK_URL"),
    }


def _twilio(number_var: str) -> Callable[[Env], Dict[str, Any]]:
    """A builder of Twilio's credentials, sending from the number in number_var."""

    def build(env: Env) -> Dict[str, Any]:
        """Twilio's credentials."""
        return {
            "account_sid": _value(env, "TWILIO_ACCOUNT_SID"),
            "auth_token": _value(env, "TWILIO_AUTH_TOKEN"),
            "twilio_number": _value(env, number_var),
        }

    return build


def _facebook(env: Env) -> Dict[str, Any]:
    """Facebook Messenger's credentials."""
    return {
        "verify": _value(env, "FACEBOOK_VERIFY"),
        "secret": _value(env, "FACEBOOK_SECRET"),
        "page-access-token": _value(env, "FACEBOOK_PAGE_ACCESS_TOKEN"),
    }


def _slack(env: Env) -> Dict[str, Any]:
    """Slack's credentials (the channel only when set)."""
    credentials = {
        "slack_token": _value(env, "SLACK_TOKEN"),
        "slack_signing_secret": _value(env, "SLACK_SIGNING_SECRET"),
    }
    if _value(env, "SLACK_CHANNEL"):
        credentials["slack_channel"] = _value(env, "SLACK_CHANNEL")
    return credentials


CHANNELS: Tuple[Channel, ...] = (
    Channel(
        "telegram",
        f"{MESSAGING_MODULE}.GuardedTelegramInput",
        ("TELEGRAM_ACCESS_TOKEN", "TELEGRAM_VERIFY", "TELEGRAM_WEBHOOK_URL"),
        _telegram,
        optional=("TELEGRAM_SECRET_TOKEN",),  # required in production (bot.rasa_server.messaging)
    ),
    Channel(
        "twilio",
        f"{MESSAGING_MODULE}.TwilioSmsInput",
        ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_NUMBER"),
        _twilio("TWILIO_NUMBER"),
        optional=("TWILIO_WEBHOOK_URL", "BOT_PAID_REPLIES_PER_SENDER_HOUR", "BOT_PAID_REPLIES_PER_HOUR"),
    ),
    Channel(
        "twilio_whatsapp",
        f"{MESSAGING_MODULE}.TwilioWhatsAppInput",
        ("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_WHATSAPP_NUMBER"),
        _twilio("TWILIO_WHATSAPP_NUMBER"),
        optional=("TWILIO_WHATSAPP_WEBHOOK_URL", "BOT_PAID_REPLIES_PER_SENDER_HOUR", "BOT_PAID_REPLIES_PER_HOUR"),
    ),
    Channel(
        "facebook",
        f"{MESSAGING_MODULE}.GuardedFacebookInput",
        ("FACEBOOK_VERIFY", "FACEBOOK_SECRET", "FACEBOOK_PAGE_ACCESS_TOKEN"),
        _facebook,
    ),
    Channel(
        "slack",
        f"{MESSAGING_MODULE}.GuardedSlackInput",
        ("SLACK_TOKEN", "SLACK_SIGNING_SECRET"),
        _slack,
        optional=("SLACK_CHANNEL",),
    ),
)


def base_credentials(base: Path = BASE_FILE) -> Dict[str, Any]:
    """credentials.yml as a dict (the always-on channels)."""
    loaded = yaml.safe_load(base.read_text(encoding="utf-8")) or {}
    if not isinstance(loaded, dict):
        raise ValueError(f"{base} must be a mapping of channel to settings")
    return {key: (value or {}) for key, value in loaded.items()}


def _messaging(env: Env) -> List[Channel]:
    """The messaging channels whose required variables are all set."""
    return [channel for channel in CHANNELS if not channel.missing(env)]


def effective_credentials(env: Optional[Env] = None, base: Path = BASE_FILE) -> Dict[str, Any]:
    """The base credentials plus every messaging channel whose required variables are all set."""
    env = settings.environment() if env is None else env
    credentials = base_credentials(base)
    for channel in _messaging(env):
        credentials[channel.key] = channel.build(env)
    return credentials


def enabled_channels(env: Optional[Env] = None, base: Path = BASE_FILE) -> List[str]:
    """Names of the enabled channels: those of credentials.yml, then the messaging channels that are set up."""
    env = settings.environment() if env is None else env
    names = [BASE_NAMES.get(key, key) for key in base_credentials(base)]
    return names + [channel.name for channel in _messaging(env)]


def incomplete_channels(env: Optional[Env] = None) -> Dict[str, List[str]]:
    """Channels with some but not all of their variables set, and the variable names still missing."""
    env = settings.environment() if env is None else env
    return {channel.name: channel.missing(env) for channel in CHANNELS if channel.partly_set(env)}


class _QuotedDumper(yaml.SafeDumper):
    """Writes every string double-quoted: Rasa only expands ${...} in plain scalars, so a secret can never
    be mistaken for a variable reference when Rasa reads the file."""


_QuotedDumper.add_representer(
    str, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
)


def _dump(credentials: Dict[str, Any]) -> str:
    """The file's text: a header, then every string double-quoted."""
    header = "# Generated by `python -m bot.services.credentials write` from credentials.yml and the environment. Do not edit.\n"
    body = yaml.dump(credentials, Dumper=_QuotedDumper, sort_keys=False, allow_unicode=True, width=10_000)
    return header + body


def write(out: Path = DEFAULT_OUT, env: Optional[Env] = None, base: Path = BASE_FILE) -> List[str]:
    """Write the effective credentials to out (mode 600, atomically) and return the enabled channel names."""
    env = settings.environment() if env is None else env
    text = _dump(effective_credentials(env, base))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".credentials.", dir=out.parent)  # created with mode 600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, 0o600)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return enabled_channels(env, base)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """`write [--out PATH]`: write the effective credentials and print the enabled channel names."""
    parser = argparse.ArgumentParser(prog="python -m bot.services.credentials", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    write_cmd = commands.add_parser("write", help="write the effective credentials file")
    write_cmd.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"default: {DEFAULT_OUT.relative_to(ROOT)}")
    write_cmd.add_argument("--base", type=Path, default=BASE_FILE, help="the always-on credentials (credentials.yml)")
    args = parser.parse_args(argv)

    env = dict(settings.environment())
    for name, missing in incomplete_channels(env).items():
        print(f"credentials: {name} not enabled, missing {', '.join(missing)}", file=sys.stderr)
    names = write(args.out, env, args.base)
    print(f"channels: {' '.join(names)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
