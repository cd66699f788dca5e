"""Run the action server, the Rasa server and the demo web page together; one Ctrl-C stops all three."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

from bot import credentials as bot_credentials

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var"
MODEL = ROOT / "models" / "ibers.tar.gz"
EFFECTIVE_CREDENTIALS = VAR / "credentials.effective.yml"


@dataclass(frozen=True)
class Ports:
    """The three ports, from RASA_PORT, ACTION_PORT and WEB_PORT."""

    rasa: int
    action: int
    web: int

    @classmethod
    def from_env(cls, env: Dict[str, str]) -> "Ports":
        """Read the ports from the environment, with the documented defaults."""
        return cls(
            rasa=int(env.get("RASA_PORT", "5005")),
            action=int(env.get("ACTION_PORT", "5055")),
            web=int(env.get("WEB_PORT", "8080")),
        )


def rasa_token(env: Dict[str, str]) -> str:
    """The HTTP API token: RASA_TOKEN, or one generated once for local use and kept in var/."""
    if env.get("RASA_TOKEN"):
        return env["RASA_TOKEN"]
    token_file = VAR / "rasa_token"
    if not token_file.exists():
        VAR.mkdir(exist_ok=True)
        token_file.write_text(secrets.token_urlsafe(32))
        token_file.chmod(0o600)
    return token_file.read_text().strip()


def service_env(ports: Ports) -> Dict[str, str]:
    """The environment every service shares."""
    env = dict(os.environ)
    env.setdefault("BOT_TRACKER_DB", str(VAR / "tracker.db"))
    env["ACTION_PORT"] = str(ports.action)
    env["RASA_PORT"] = str(ports.rasa)
    env["WEB_PORT"] = str(ports.web)
    env.setdefault("SANIC_HOST", "127.0.0.1")  # the action server listens on loopback only
    return env


def commands(ports: Ports, token: str, env: Dict[str, str]) -> Dict[str, List[str]]:
    """The command line of each service."""
    bin_dir = Path(sys.executable).parent
    cors = [f"http://localhost:{ports.web}", f"http://127.0.0.1:{ports.web}"] + env.get("BOT_CORS_ORIGINS", "").split()
    return {
        "actions": [str(bin_dir / "rasa"), "run", "actions", "--port", str(ports.action), "--actions", "actions"],
        "rasa": [
            str(bin_dir / "rasa"), "run", "--model", str(env.get("BOT_MODEL", MODEL)),
            "--interface", env.get("RASA_HOST", "127.0.0.1"), "--port", str(ports.rasa),
            "--enable-api", f"--auth-token={token}", "--cors", *cors,
            "--credentials", str(EFFECTIVE_CREDENTIALS), "--endpoints", "endpoints.yml",
        ],
        "web": [sys.executable, "-m", "bot.web", "--port", str(ports.web), "--rasa-port", str(ports.rasa)],
    }


class Supervisor:
    """Start services, stop them all when one dies or on a signal."""

    def __init__(self, env: Dict[str, str]) -> None:
        self.env = env
        self.processes: Dict[str, subprocess.Popen] = {}
        self.stopping = False

    def start(self, name: str, command: List[str]) -> None:
        """Start one service in its own process group."""
        self.processes[name] = subprocess.Popen(command, cwd=ROOT, env=self.env, start_new_session=True)

    def dead(self) -> Optional[str]:
        """The name of a service that has exited, if any."""
        return next((name for name, proc in self.processes.items() if proc.poll() is not None), None)

    def stop_all(self, grace: float = 15.0) -> None:
        """Terminate every service, then kill what is still running after the grace period."""
        for proc in self.processes.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for proc in self.processes.values():
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


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


def main() -> int:
    """Start everything and supervise until Ctrl-C or a service dies."""
    ports = Ports.from_env(dict(os.environ))
    env = service_env(ports)
    supervisor = Supervisor(env)
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    for name, missing in bot_credentials.incomplete_channels(env).items():
        print(f"serve: {name} not enabled, missing {', '.join(missing)}", file=sys.stderr)
    names = bot_credentials.write(EFFECTIVE_CREDENTIALS, env)
    print(f"serve: channels: {' '.join(names)}", flush=True)
    try:
        for name, command in commands(ports, rasa_token(env), env).items():
            supervisor.start(name, command)
        if wait_until_ready(f"http://127.0.0.1:{ports.rasa}/", supervisor):
            print(f"\nThe assistant is ready: open http://localhost:{ports.web}/ (Ctrl-C stops it)\n", flush=True)
        while (name := supervisor.dead()) is None:
            time.sleep(0.5)
        print(f"serve: the {name} service stopped unexpectedly; stopping the others.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nserve: stopping.", flush=True)
        return 0
    finally:
        supervisor.stop_all()


if __name__ == "__main__":
    raise SystemExit(main())
