"""Security of the running assistant: the HTTP API needs its token, and `make serve` keeps its servers on loopback."""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, Iterator, Set

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK_V4, LOOPBACK_V6 = "0100007F", "00000000000000000000000001000000"
TCP_LISTEN = "0A"

PROTECTED = [
    ("GET", "/status", None),
    ("GET", "/domain", None),
    ("GET", "/conversations/someone/tracker", None),
    ("POST", "/conversations/someone/messages", {"text": "hi", "sender": "user"}),
    ("POST", "/conversations/someone/tracker/events", {"event": "slot", "name": "language", "value": "cy"}),
    ("POST", "/model/parse", {"text": "hi"}),
    ("POST", "/conversations/someone/predict", None),
    ("PUT", "/model", {"model_file": "/tmp/anything.tar.gz"}),
    ("DELETE", "/model", None),
]


@pytest.mark.parametrize("method, path, body", PROTECTED)
@pytest.mark.parametrize("token", [None, "wrong-token", ""])
def test_the_http_api_refuses_requests_without_its_token(servers, method, path, body, token):
    params = {} if token is None else {"token": token}
    response = requests.request(method, servers.rasa_url + path, params=params, json=body, timeout=30)
    assert response.status_code == 401


def test_the_http_api_answers_with_its_token(servers):
    assert requests.get(f"{servers.rasa_url}/status", params={"token": servers.token}, timeout=30).status_code == 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening_addresses(port: int) -> Set[str]:
    """The local addresses (hex, as /proc/net/tcp writes them) of sockets listening on a TCP port."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if fields[3] == TCP_LISTEN and int(hex_port, 16) == port:
                found.add(address)
    return found


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dict[str, object]]:
    """`python -m bot.services` (what `make serve` runs) with the defaults for hosts, on free ports."""
    tmp = tmp_path_factory.mktemp("serve")
    ports = {"RASA_PORT": free_port(), "ACTION_PORT": free_port(), "WEB_PORT": free_port()}
    env = {key: value for key, value in os.environ.items() if key not in ("SANIC_HOST", "RASA_HOST")}
    env.update({key: str(value) for key, value in ports.items()})
    token, secret = secrets.token_urlsafe(24), secrets.token_urlsafe(32)
    env.update(
        RASA_TOKEN=token,
        BOT_JWT_SECRET=secret,
        BOT_DB_URL=f"sqlite:///{tmp / 'bot.db'}",
        BOT_TRACKER_DB=str(tmp / "tracker.db"),
    )
    subprocess.run([sys.executable, "-m", "bot", "setup"], cwd=ROOT, env=env, check=True, capture_output=True)
    log = tmp / "serve.log"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.services"], cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None and "is ready" not in log.read_text():
            time.sleep(0.5)
        assert "is ready" in log.read_text(), log.read_text()[-3000:]
        yield {"ports": ports, "token": token, "secret": secret, "log": log, "proc": proc}
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_make_serve_keeps_the_action_server_on_loopback(served):
    assert listening_addresses(served["ports"]["ACTION_PORT"]) in (
        {LOOPBACK_V4},
        {LOOPBACK_V6},
        {LOOPBACK_V4, LOOPBACK_V6},
    )


def test_make_serve_keeps_the_rasa_server_on_loopback_unless_told_otherwise(served):
    assert listening_addresses(served["ports"]["RASA_PORT"]) in (
        {LOOPBACK_V4},
        {LOOPBACK_V6},
        {LOOPBACK_V4, LOOPBACK_V6},
    )


def test_make_serve_prints_no_token_or_secret(served):
    port = served["ports"]["RASA_PORT"]
    assert (
        requests.get(f"http://127.0.0.1:{port}/status", params={"token": served["token"]}, timeout=30).status_code
        == 200
    )
    printed = served["log"].read_text()
    assert served["token"] not in printed and served["secret"] not in printed


PRODUCTION_WITHOUT_SECRET = {"BOT_ENV": "production", "BOT_JWT_SECRET": "", "BOT_JWT_PUBLIC_KEY": ""}


@pytest.mark.parametrize(
    "command",
    [
        [sys.executable, "-m", "bot.web", "--port", "7150"],
        [sys.executable, "-m", "bot.services"],
        [str(Path(sys.executable).parent / "rasa"), "run", "actions", "--port", "7151", "--actions", "actions"],
    ],
    ids=["web", "services", "actions"],
)
def test_production_without_a_secret_refuses_to_start_naming_the_variable(command):
    env = {**os.environ, **PRODUCTION_WITHOUT_SECRET}
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert "BOT_JWT_SECRET" in done.stderr


def test_the_demo_token_endpoint_is_404_in_production_with_a_real_secret():
    port = free_port()
    env = {**os.environ, "BOT_ENV": "production", "BOT_JWT_SECRET": secrets.token_urlsafe(48)}
    proc = subprocess.Popen([sys.executable, "-m", "bot.web", "--port", str(port)], cwd=ROOT, env=env)
    try:
        for _ in range(120):
            try:
                response = requests.get(f"http://127.0.0.1:{port}/demo-token?as=S0001&role=staff", timeout=5)
                break
            except requests.ConnectionError:
                assert proc.poll() is None, "the web server exited"
                time.sleep(0.5)
        assert response.status_code == 404
        assert "Sign in as" not in requests.get(f"http://127.0.0.1:{port}/", timeout=5).text
    finally:
        proc.terminate()
        proc.wait(timeout=20)
