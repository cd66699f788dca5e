"""The Rasa server's log never quotes what a user typed, even when Rasa warns about a "/..." payload."""

from __future__ import annotations

import warnings

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_server import log_privacy

DOMAIN = Domain.from_dict({"intents": ["greet", "affirm"], "entities": ["course"]})


@pytest.fixture
def shown(monkeypatch):
    """The warnings the process displays, after log_privacy.install (the display is restored after the test)."""
    seen = []
    monkeypatch.setattr(warnings, "showwarning", lambda message, category, *a, **k: seen.append(str(message)))
    log_privacy.install()
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        yield seen


@pytest.mark.parametrize("typed", ["/zz_secret_intent", '/greet{"name": "secret-jane@example.org"}'])
def test_rasas_payload_warnings_do_not_show_the_users_text(shown, typed):
    YAMLStoryReader.unpack_regex_message(Message(data={"text": typed}), domain=DOMAIN)
    assert shown == [log_privacy.WITHHELD]


def test_other_warnings_are_shown_unchanged(shown):
    warnings.warn("the model is old", UserWarning, stacklevel=1)
    assert shown == ["the model is old"]


def test_installing_twice_wraps_the_display_once(shown):
    log_privacy.install()
    warnings.warn("quoted in line '/secret'", UserWarning, stacklevel=1)
    assert shown == [log_privacy.WITHHELD]
