"""Run the action server, the Rasa server and the demo web page together; one Ctrl-C stops all three.

`python -m bot.services` (what `make serve` runs). The command lines are bot.services.commands'; each service
runs in a process group of its own (bot.services.procs).
"""

from __future__ import annotations

import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from typing import Any, Dict, List, Optional

from bot import settings
from bot.services import credentials as bot_credentials
from bot.services.commands import commands
from bot.services.procs import start_group, stop_groups
from bot.services.startup import refuse_to_start_if_unsafe
from bot.settings import Env, Ports


def rasa_token(env: Env) -> str:
    """The HTTP API token: RASA_TOKEN, or one generated once for local use and kept in var/."""
    token = settings.rasa_token_from_env(env)
    if token:
        return token
    token_file = settings.RASA_TOKEN_FILE
    if not token_file.exists():
        token_file.parent.mkdir(exist_ok=True)
        token_file.write_text(secrets.token_urlsafe(32))
        token_file.chmod(0o600)
    return token_file.read_text().strip()


def service_env(ports: Ports) -> Dict[str, str]:
    """The environment every service shares."""
    env = dict(settings.environment())
    env.setdefault(settings.TRACKER_DB_VAR, str(settings.DEFAULT_TRACKER_FILE))
    env["ACTION_PORT"] = str(ports.action)
    env["RASA_PORT"] = str(ports.rasa)
    env["WEB_PORT"] = str(ports.web)
    env.setdefault("SANIC_HOST", "127.0.0.1")  # the action server listens on loopback only
    return env


class Supervisor:
    """Start services, stop them all when one dies or on a signal."""

    def __init__(self, env: Dict[str, str]) -> None:
        """A supervisor of no services yet, which starts them with env."""
        self.env = env
        self.processes: Dict[str, subprocess.Popen[Any]] = {}

    def start(self, name: str, command: List[str]) -> None:
        """Start one service in its own process group."""
        self.processes[name] = start_group(command, settings.ROOT, self.env)

    def dead(self) -> Optional[str]:
        """The name of a service that has exited, if any."""
        return next((name for name, proc in self.processes.items() if proc.poll() is not None), None)

    def stop_all(self, grace: float = 15.0) -> None:
        """Terminate every service, then kill what is still running after the grace period."""
        stop_groups(self.processes.values(), grace)


def wait_until_ready(url: str, supervisor: Supervisor, timeout: float = 180.0) -> bool:
    """Poll url until it answers, giving up if a service dies or the timeout passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and supervisor.dead() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.5)
    return False


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    """Treat SIGTERM like Ctrl-C so the services are stopped the same way."""
    raise KeyboardInterrupt


def write_credentials(env: Env) -> None:
    """Write the effective credentials, saying which channels are on and which are incomplete."""
    for name, missing in bot_credentials.incomplete_channels(env).items():
        print(f"serve: {name} not enabled, missing {', '.join(missing)}", file=sys.stderr)
    names = bot_credentials.write(settings.EFFECTIVE_CREDENTIALS, env)
    print(f"serve: channels: {' '.join(names)}", flush=True)


def main() -> int:
    """Start everything and supervise until Ctrl-C or a service dies (nothing starts with unsafe settings)."""
    refuse_to_start_if_unsafe("serve")
    ports = Ports.from_env()
    env = service_env(ports)
    supervisor = Supervisor(env)
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    write_credentials(env)
    try:
        for name, command in commands(ports, rasa_token(env), env).items():
            supervisor.start(name, command)
        if wait_until_ready(f"http://127.0.0.1:{ports.rasa}/", supervisor):
            print(f"\nThe assistant is ready: open http://localhost:{ports.web}/ (Ctrl-C stops it)\n", flush=True)
        while (dead := supervisor.dead()) is None:
            time.sleep(0.5)
        print(f"serve: the {dead} service stopped unexpectedly; stopping the others.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nserve: stopping.", flush=True)
        return 0
    finally:
        supervisor.stop_all()
