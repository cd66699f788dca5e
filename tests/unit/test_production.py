"""Production fails closed: a weak identity set-up refuses to start, naming the variable to fix."""

from __future__ import annotations

import pytest

from bot import settings
from bot.identity import DEV_SECRET
from bot.services.startup import problems, refuse_to_start_if_unsafe, warnings

STRONG = "a-real-website-secret-of-at-least-32-characters"
PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----"


def test_bot_env_defaults_to_development_and_unknown_values_count_as_production():
    assert not settings.production({})
    assert settings.production({"BOT_ENV": "production"})
    assert settings.production({"BOT_ENV": "prod"})


def test_token_max_minutes_defaults_to_720_and_refuses_nonsense():
    assert settings.token_max_minutes({}) == 720
    assert settings.token_max_minutes({"BOT_TOKEN_MAX_MINUTES": "30"}) == 30
    for bad in ("0", "-5", "ten"):
        with pytest.raises(ValueError, match="BOT_TOKEN_MAX_MINUTES"):
            settings.token_max_minutes({"BOT_TOKEN_MAX_MINUTES": bad})


@pytest.mark.parametrize(
    "env, variable",
    [
        ({}, "BOT_JWT_SECRET"),
        ({"BOT_JWT_SECRET": DEV_SECRET}, "BOT_JWT_SECRET"),
        ({"BOT_JWT_SECRET": "short"}, "BOT_JWT_SECRET"),
        ({"BOT_JWT_PUBLIC_KEY": PUBLIC_KEY}, "BOT_SEAL_SECRET"),
        ({"BOT_JWT_PUBLIC_KEY": PUBLIC_KEY, "BOT_SEAL_SECRET": DEV_SECRET}, "BOT_SEAL_SECRET"),
        ({"BOT_JWT_SECRET": STRONG, "BOT_TOKEN_MAX_MINUTES": "forever"}, "BOT_TOKEN_MAX_MINUTES"),
    ],
)
def test_production_with_a_weak_identity_set_up_has_a_problem_naming_the_variable(env, variable):
    found = problems({"BOT_ENV": "production", **env})
    assert found and variable in found[0]


def test_production_with_its_own_secrets_has_no_problem():
    assert problems({"BOT_ENV": "production", "BOT_JWT_SECRET": STRONG}) == []
    assert problems({"BOT_ENV": "production", "BOT_JWT_PUBLIC_KEY": PUBLIC_KEY, "BOT_SEAL_SECRET": STRONG}) == []


def test_development_starts_with_the_development_secret():
    assert problems({}) == []


def test_refusing_to_start_exits_non_zero_and_names_the_variable(capsys):
    with pytest.raises(SystemExit) as stopped:
        refuse_to_start_if_unsafe("web", {"BOT_ENV": "production"})
    assert stopped.value.code != 0
    assert "BOT_JWT_SECRET" in capsys.readouterr().err


def test_the_development_secret_on_a_public_interface_is_a_loud_warning():
    assert warnings({}) == []
    assert "RASA_HOST=0.0.0.0" in warnings({"RASA_HOST": "0.0.0.0"})[0]
    assert "WEB_HOST=0.0.0.0" in warnings({"WEB_HOST": "0.0.0.0", "BOT_JWT_SECRET": DEV_SECRET})[0]
    assert warnings({"RASA_HOST": "0.0.0.0", "BOT_JWT_SECRET": STRONG}) == []
