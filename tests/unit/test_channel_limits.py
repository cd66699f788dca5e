"""Paid channels' hourly reply caps, Twilio's message splitting and the production start-up rule."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest
from rasa.shared.exceptions import RasaException

from bot.rasa_server import messaging
from bot.rasa_server.channel_limits import Decision, ReplyCaps, staff_summary
from bot.rasa_server.messaging import GuardedTelegramInput, TextOnlyTwilioOutput, TwilioSmsInput, split_for_twilio
from bot.rasa_server.signatures import telegram_signed, twilio_signed


class Clock:
    """A clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_sender_over_the_hourly_cap_gets_one_notice_then_nothing(tmp_path: Path) -> None:
    clock = Clock()
    caps = ReplyCaps(per_sender=2, overall=100, log_file=tmp_path / "limits.log", clock=clock)
    decisions = [caps.decide("twilio", "+44100") for _ in range(5)]
    assert decisions == [Decision.SEND, Decision.SEND, Decision.NOTICE, Decision.DROP, Decision.DROP]
    assert caps.decide("twilio", "+44200") is Decision.SEND  # another sender is not held back
    clock.now += 3601
    assert caps.decide("twilio", "+44100") is Decision.SEND  # the hour has moved on


def test_the_global_cap_holds_back_every_sender(tmp_path: Path) -> None:
    caps = ReplyCaps(per_sender=10, overall=2, log_file=tmp_path / "limits.log", clock=Clock())
    assert [caps.decide("twilio", sender) for sender in ("a", "b", "c", "c")] == [
        Decision.SEND,
        Decision.SEND,
        Decision.NOTICE,
        Decision.DROP,
    ]


def test_staff_see_the_caps_and_when_they_were_reached(tmp_path: Path) -> None:
    log = tmp_path / "limits.log"
    assert "No cap has been reached" in staff_summary(log, 20, 500)
    caps = ReplyCaps(per_sender=1, overall=500, log_file=log, clock=Clock())
    caps.decide("twilio", "+44100")
    caps.decide("twilio", "+44100")
    summary = staff_summary(log, 1, 500)
    assert "1 replies per sender per hour" in summary and "sender cap reached  +44100" in summary
    assert json.loads(log.read_text().splitlines()[0])["cap"] == "sender"


def test_twilio_output_sends_the_limit_notice_once_and_then_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: List[Dict[str, Any]] = []

    async def record(self: Any, message: Dict[str, Any]) -> None:
        sent.append(message)

    monkeypatch.setattr(TextOnlyTwilioOutput, "_send_message", record)
    output = TextOnlyTwilioOutput("AC" + "0" * 32, "token", "+441970000000", ReplyCaps(1, 100, None, Clock()))
    for text in ("first answer", "second answer", "third answer"):
        asyncio.run(output.send_text_message("+44100", text))
    assert [message["body"] for message in sent][0] == "first answer"
    assert len(sent) == 2 and "this hour" in sent[1]["body"]


def test_a_welsh_conversation_gets_the_limit_notice_in_welsh(monkeypatch: pytest.MonkeyPatch) -> None:
    sent: List[Dict[str, Any]] = []

    async def record(self: Any, message: Dict[str, Any]) -> None:
        sent.append(message)

    monkeypatch.setattr(TextOnlyTwilioOutput, "_send_message", record)
    output = TextOnlyTwilioOutput("AC" + "0" * 32, "token", "+441970000000", ReplyCaps(1, 100, None, Clock()))
    welsh = "Mae microgymwysterau yn gyrsiau byr ar-lein gan Brifysgol Aberystwyth sy'n eich galluogi i ddysgu."
    for text in (welsh, welsh):
        asyncio.run(output.send_text_message("+44100", text))
    assert len(sent) == 2 and sent[1]["body"].startswith("Rydw i wedi anfon cymaint o atebion neges destun")
    assert "this hour" not in sent[1]["body"]


def test_long_answers_are_split_at_twilios_limit_on_word_ends() -> None:
    text = " ".join(["microcredential"] * 300) + "\n\nSecond paragraph."
    parts = split_for_twilio(text)
    assert all(len(part) <= 1600 for part in parts) and parts[-1] == "Second paragraph."
    assert " ".join(parts[:-1]).split() == ["microcredential"] * 300


def test_in_production_a_twilio_channel_without_its_auth_token_does_not_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messaging.settings, "environment", lambda: {"BOT_ENV": "production"})
    with pytest.raises(RasaException, match="TWILIO_AUTH_TOKEN"):
        TwilioSmsInput("AC" + "0" * 32, "", "+441970000000")


def test_in_production_telegram_without_a_secret_token_does_not_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messaging.settings, "environment", lambda: {"BOT_ENV": "production"})
    with pytest.raises(RasaException, match="TELEGRAM_SECRET_TOKEN"):
        GuardedTelegramInput("123:abc", "ibers_bot", "https://bot.example.org/webhooks/telegram/webhook")


class FakeRequest:
    """What the proofs read of a Sanic request."""

    def __init__(self, headers: Dict[str, str], form: Dict[str, str], url: str = "http://127.0.0.1/x") -> None:
        self.headers = headers
        self.form = {key: [value] for key, value in form.items()}
        self.url = url
        self.query_string = ""


def test_twilio_proof_checks_the_signature_over_the_public_url() -> None:
    from twilio.request_validator import RequestValidator

    form = {"From": "+44100", "Body": "hello"}
    public = "https://bot.example.org/webhooks/twilio/webhook"
    good = RequestValidator("token").compute_signature(public, form)
    proven = twilio_signed("token", public)
    assert proven(FakeRequest({"X-Twilio-Signature": good}, form))
    assert not proven(FakeRequest({"X-Twilio-Signature": good}, {**form, "Body": "changed"}))
    assert not proven(FakeRequest({}, form))


def test_telegram_proof_needs_the_exact_secret() -> None:
    proven = telegram_signed("s3cret")
    assert proven(FakeRequest({"X-Telegram-Bot-Api-Secret-Token": "s3cret"}, {}))
    assert not proven(FakeRequest({"X-Telegram-Bot-Api-Secret-Token": "guess"}, {}))
    assert not proven(FakeRequest({}, {}))
