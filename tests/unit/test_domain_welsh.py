"""Every response of domain.yml answers in Welsh for a Welsh conversation and in English otherwise, on every channel.

Rasa 3.6 picks a response variation with `ResponseVariationFilter`, and two of its rules are traps for a bilingual
domain: a channel-specific variation without a condition beats a conditional one (the Welsh speaker on Telegram
would get English), and when every variation is conditional and the slot is empty nothing is said at all. These
tests ask the pinned Rasa itself which variations it would choose from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(ROOT / "domain.yml"))
RESPONSES: Dict[str, List[Dict[str, Any]]] = DOMAIN.responses
CHANNELS = ["rest", "socketio", "telegram", "twilio", "twilio_whatsapp", "facebook", "slack"]


def language_of(variation: Dict[str, Any]) -> Optional[str]:
    """The language slot value a variation is conditioned on (None when it has no language condition)."""
    for condition in variation.get("condition") or []:
        if condition.get("type") == "slot" and condition.get("name") == "language":
            return condition.get("value") or "undecided"
    return None


def is_welsh(variation: Dict[str, Any]) -> bool:
    """Whether a variation is a Welsh one (conditioned on the language slot being cy)."""
    return language_of(variation) == "cy"


def chosen_from(response: str, channel: str, language: Optional[str]) -> List[Dict[str, Any]]:
    """The variations Rasa would choose among for this response, channel and language slot."""
    from rasa.core.nlg.response import ResponseVariationFilter

    return ResponseVariationFilter(RESPONSES).responses_for_utter_action(response, channel, {"language": language})


@pytest.mark.parametrize("response", sorted(RESPONSES))
def test_every_response_has_a_welsh_variation_and_an_unconditional_english_one(response):
    variations = RESPONSES[response]
    assert any(is_welsh(v) for v in variations), f"{response} has no Welsh variation"
    assert any(not v.get("condition") and not v.get("channel") for v in variations), f"{response}: no default"
    assert {language_of(v) for v in variations} <= {None, "cy", "en", "undecided"}, response


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("response", sorted(RESPONSES))
def test_a_welsh_conversation_gets_only_welsh_variations_on_every_channel(response, channel):
    chosen = chosen_from(response, channel, "cy")
    assert chosen and all(is_welsh(v) for v in chosen), (response, channel, chosen)


@pytest.mark.parametrize("language", ["en", None])
@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("response", sorted(RESPONSES))
def test_an_english_or_undecided_conversation_gets_only_english_variations(response, channel, language):
    chosen = chosen_from(response, channel, language)
    assert chosen and not any(is_welsh(v) for v in chosen), (response, channel, chosen)


def test_the_welsh_and_english_variations_offer_the_same_buttons():
    for response, variations in RESPONSES.items():
        offered = {True: set(), False: set()}
        for variation in variations:
            offered[is_welsh(variation)].add(tuple(button["payload"] for button in variation.get("buttons", [])))
        assert offered[True] == offered[False], response


def test_both_traps_are_real_in_the_pinned_rasa():
    """The reason for the rules above, shown on a made-up domain: Rasa really behaves like this."""
    traps = yaml.safe_load(
        """
        utter_channel_beats_condition:
          - text: "English on Telegram"
            channel: telegram
          - text: "Cymraeg"
            condition: [{type: slot, name: language, value: cy}]
        utter_only_conditional:
          - text: "Cymraeg"
            condition: [{type: slot, name: language, value: cy}]
        """
    )
    generator = TemplatedNaturalLanguageGenerator(traps)
    on_telegram = generator.generate_from_slots("utter_channel_beats_condition", {"language": "cy"}, "telegram")
    assert on_telegram is not None and on_telegram["text"] == "English on Telegram"
    assert generator.generate_from_slots("utter_only_conditional", {"language": None}, "rest") is None
