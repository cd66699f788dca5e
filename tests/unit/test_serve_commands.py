"""The command lines `make serve` runs are parsed by Rasa as meant, whatever the generated token looks like."""

from __future__ import annotations

import pytest
from rasa.__main__ import create_argument_parser

from bot.serve import Ports, commands


@pytest.mark.parametrize("token", ["-starts-with-a-dash", "--double", "plain_Token-123"])
def test_the_api_token_reaches_rasa_even_when_it_starts_with_a_dash(token):
    command = commands(Ports(5005, 5055, 8080), token, {})["rasa"]
    args = create_argument_parser().parse_args(command[1:])
    assert args.auth_token == token and args.enable_api


def test_the_rasa_server_listens_on_loopback_unless_rasa_host_is_set():
    assert create_argument_parser().parse_args(commands(Ports(1, 2, 3), "t", {})["rasa"][1:]).interface == "127.0.0.1"
    exposed = commands(Ports(1, 2, 3), "t", {"RASA_HOST": "0.0.0.0"})["rasa"][1:]
    assert create_argument_parser().parse_args(exposed).interface == "0.0.0.0"
