"""Real servers for end-to-end tests: the trained model, the action server and the Rasa server on free ports."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import pytest
import requests

from bot import settings
from bot.services.commands import commands as service_commands
from bot.services.procs import free_port, start_group, stop_group
from bot.settings import Ports

ROOT = settings.ROOT
MODEL = settings.MODEL
STARTUP_SECONDS = 240
SERVERS = ("actions", "rasa")  # the web page is started by the browser tests (tests/browser/conftest.py)


def pytest_collection_modifyitems(items: List[pytest.Item]) -> None:
    """Every test in this folder is an end-to-end test."""
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


@dataclass
class Servers:
    """Running servers and how to talk to them."""

    rasa_url: str
    action_url: str
    token: str
    env: Dict[str, str]
    processes: Dict[str, subprocess.Popen]
    logs: Path
    commands: Dict[str, List[str]]

    def send(self, sender: str, message: str, metadata: Optional[dict] = None, timeout: float = 30) -> List[dict]:
        """Post a message to the REST channel and return the bot's replies."""
        body = {"sender": sender, "message": message}
        if metadata is not None:
            body["metadata"] = metadata
        response = requests.post(f"{self.rasa_url}/webhooks/rest/webhook", json=body, timeout=timeout)
        response.raise_for_status()
        return response.json()

    def texts(self, sender: str, message: str, metadata: Optional[dict] = None) -> str:
        """All reply texts of one turn, joined."""
        return "\n".join(reply.get("text", "") for reply in self.send(sender, message, metadata))

    def spawn(self, name: str) -> None:
        """Start one server (again), appending to its log."""
        with (self.logs / f"{name}.log").open("a") as log:
            self.processes[name] = start_group(
                self.commands[name], ROOT, self.env, stdout=log, stderr=subprocess.STDOUT
            )

    def wait_ready(self, name: str) -> None:
        """Wait until one server answers its health check."""
        health = f"{self.action_url}/health" if name == "actions" else f"{self.rasa_url}/status?token={self.token}"
        wait_for(health, self.processes[name], self.logs / f"{name}.log")

    def launch(self, name: str) -> None:
        """Start one server (again) and wait until it answers."""
        self.spawn(name)
        self.wait_ready(name)

    def halt(self, name: str) -> None:
        """Stop one server, politely first."""
        stop_process(self.processes[name])

    def stop(self) -> None:
        """Stop both servers."""
        for name in list(self.processes):
            self.halt(name)

    def log_text(self) -> str:
        """Everything both servers have logged so far."""
        return "".join((self.logs / f"{name}.log").read_text(errors="replace") for name in self.commands)


def stop_process(proc: subprocess.Popen, grace: float = 20) -> None:
    """Terminate a process's group, killing it if it has not exited after the grace period."""
    stop_group(proc, grace)


def ensure_model() -> Path:
    """Train once per run if the model is missing or stale (make decides; a no-op when fresh)."""
    subprocess.run(["make", "--no-print-directory", "-s", "train"], cwd=ROOT, check=True)
    assert MODEL.exists(), "make train did not produce the model"
    return MODEL


def wait_for(url: str, proc: subprocess.Popen, log: Path, timeout: float = STARTUP_SECONDS) -> None:
    """Wait until url answers 200, failing early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}; log:\n{log.read_text()[-4000:]}")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} not ready after {timeout}s; log:\n{log.read_text()[-4000:]}")


def server_commands(ports: Ports, token: str, env: Dict[str, str], model: Path) -> Dict[str, List[str]]:
    """The action and Rasa servers as `make serve` starts them, but on loopback with credentials.yml and no CORS."""
    every = service_commands(
        ports, token, env, model=model, credentials=settings.CREDENTIALS_FILE, interface="127.0.0.1", cors=False
    )
    return {name: every[name] for name in SERVERS}


def start_servers(tmp: Path, extra_env: Optional[Dict[str, str]] = None) -> Servers:
    """Seed a fresh database and start the action server and the Rasa server."""
    model = ensure_model()
    rasa_port, action_port = free_port(), free_port()
    token = secrets.token_urlsafe(16)
    env = dict(os.environ)
    env.update(
        ACTION_PORT=str(action_port),
        RASA_PORT=str(rasa_port),
        SANIC_HOST="127.0.0.1",
        BOT_DB_URL=f"sqlite:///{tmp / 'bot.db'}",
        BOT_TRACKER_DB=str(tmp / "tracker.db"),
        TF_CPP_MIN_LOG_LEVEL="2",
        RASA_TELEMETRY_ENABLED="false",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
    )
    env.update(extra_env or {})
    subprocess.run([sys.executable, "-m", "bot", "setup"], cwd=ROOT, env=env, check=True, capture_output=True)
    logs = tmp / "logs"
    logs.mkdir(exist_ok=True)
    commands = server_commands(Ports(rasa=rasa_port, action=action_port, web=0), token, env, model)
    servers = Servers(
        f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{action_port}", token, env, {}, logs, commands
    )
    try:
        for name in commands:
            servers.spawn(name)
        for name in commands:
            servers.wait_ready(name)
    except Exception:
        servers.stop()
        raise
    return servers


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    """The assistant as it runs in production, shared by the end-to-end tests of one run."""
    running = start_servers(tmp_path_factory.mktemp("e2e"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def launch_servers():
    """start_servers, for tests that need a pair of their own (e.g. to stop and restart them)."""
    return start_servers
