"""The command lines `make serve` runs are parsed by Rasa as meant, whatever the generated token looks like."""

from __future__ import annotations

import subprocess
import sys

import pytest
from rasa.__main__ import create_argument_parser

from bot.rasa_server.__main__ import rasa_argv
from bot.services.commands import commands
from bot.settings import ROOT, Ports


def rasa_args(command):
    """What Rasa's CLI receives from `python -m bot.rasa_server ...` (bot/rasa_server/__main__.py)."""
    assert command[:3] == [sys.executable, "-m", "bot.rasa_server"]
    return rasa_argv(command[3:])[1:]


@pytest.mark.parametrize("token", ["-starts-with-a-dash", "--double", "plain_Token-123"])
def test_the_api_token_reaches_rasa_even_when_it_starts_with_a_dash(token):
    command = commands(Ports(5005, 5055, 8080), token, {})["rasa"]
    args = create_argument_parser().parse_args(rasa_args(command))
    assert args.auth_token == token and args.enable_api


def test_the_rasa_server_listens_on_loopback_unless_rasa_host_is_set():
    assert (
        create_argument_parser().parse_args(rasa_args(commands(Ports(1, 2, 3), "t", {})["rasa"])).interface
        == "127.0.0.1"
    )
    exposed = rasa_args(commands(Ports(1, 2, 3), "t", {"RASA_HOST": "0.0.0.0"})["rasa"])
    assert create_argument_parser().parse_args(exposed).interface == "0.0.0.0"


def test_serve_allows_the_demo_page_and_bot_cors_origins_and_the_tests_none():
    env = {"BOT_CORS_ORIGINS": "https://example.org"}
    served = create_argument_parser().parse_args(rasa_args(commands(Ports(1, 2, 3), "t", env)["rasa"]))
    assert served.cors == ["http://localhost:3", "http://127.0.0.1:3", "https://example.org"]
    tested = create_argument_parser().parse_args(rasa_args(commands(Ports(1, 2, 3), "t", env, cors=False)["rasa"]))
    assert tested.cors is None


def test_every_service_has_its_command():
    every = commands(Ports(5005, 5055, 8080), "t", {})
    assert every["actions"][1:] == ["run", "actions", "--port", "5055", "--actions", "actions"]
    assert every["web"][1:] == ["-m", "bot.web", "--port", "8080", "--rasa-port", "5005"]


@pytest.mark.parametrize("args", [["run", "--port", "1"], ["--port", "1"]])
def test_the_entry_point_hands_rasa_a_run_command(args):
    assert rasa_argv(args) == ["rasa", "run", "--port", "1"]


def test_the_entry_point_installs_the_patches_before_rasa_starts(monkeypatch):
    import rasa.__main__

    from bot.rasa_server import __main__ as entry

    seen = []
    monkeypatch.setattr(entry.patches, "install", lambda: seen.append("patches"))
    monkeypatch.setattr(rasa.__main__, "main", lambda: seen.append(list(sys.argv)))
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    entry.main(["run", "--port", "1"])
    assert seen == ["patches", ["rasa", "run", "--port", "1"]]


def test_the_entry_point_is_rasas_run_command():
    result = subprocess.run(
        [sys.executable, "-m", "bot.rasa_server", "run", "--help"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "--enable-api" in result.stdout and "--credentials" in result.stdout
