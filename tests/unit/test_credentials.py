"""The effective credentials: always-on REST and socket.io, messaging channels only when their variables are set.

Every channel is built by Rasa's own loader from dummy values; nothing here touches the network.
"""

from __future__ import annotations

import asyncio
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest
import rasa.shared.utils.io
from rasa.core.channels.channel import OutputChannel
from rasa.core.channels.facebook import FacebookInput
from rasa.core.channels.slack import SlackInput
from rasa.core.channels.telegram import TelegramInput
from rasa.core.channels.twilio import TwilioInput
from rasa.core.run import _create_single_channel

import bot.rasa_server.channels
from bot.rasa_server import messaging
from bot.rasa_server.channels import GuardedRestInput, GuardedSocketIOInput
from bot.services import credentials as creds

ROOT = Path(__file__).resolve().parents[2]
BASE_KEYS = ["bot.rasa_server.channels.GuardedRestInput", "bot.rasa_server.channels.GuardedSocketIOInput"]

TELEGRAM = {
    "TELEGRAM_ACCESS_TOKEN": "123:tg-secret",
    "TELEGRAM_VERIFY": "@ibers_bot",
    "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/webhooks/telegram/webhook",
}
TWILIO = {"TWILIO_ACCOUNT_SID": "AC-dummy-sid", "TWILIO_AUTH_TOKEN": "tw-secret"}
SMS = {**TWILIO, "TWILIO_NUMBER": "+441970000001"}
WHATSAPP = {**TWILIO, "TWILIO_WHATSAPP_NUMBER": "+441970000002"}
FACEBOOK = {
    "FACEBOOK_VERIFY": "fb-verify",
    "FACEBOOK_SECRET": "fb-secret",
    "FACEBOOK_PAGE_ACCESS_TOKEN": "fb-page-token",
}
SLACK = {
    "SLACK_TOKEN": "xoxb-slack-secret",
    "SLACK_SIGNING_SECRET": "slack-signing-secret",
    "SLACK_CHANNEL": "#enquiries",
}
ALL = {**TELEGRAM, **SMS, **WHATSAPP, **FACEBOOK, **SLACK}
SECRETS = [
    "123:tg-secret",
    "tw-secret",
    "AC-dummy-sid",
    "fb-secret",
    "fb-page-token",
    "xoxb-slack-secret",
    "slack-signing-secret",
]


def build(env: Dict[str, str], name: str) -> Any:
    """Rasa's own constructor for the channel called name, from the effective credentials of env."""
    key = next(channel.key for channel in creds.CHANNELS if channel.name == name)
    credentials = creds.effective_credentials(env)
    assert key in credentials, f"{name} not enabled by {sorted(env)}"
    return _create_single_channel(key, credentials[key])


def test_no_variables_means_only_rest_and_socketio() -> None:
    assert list(creds.effective_credentials({})) == BASE_KEYS
    assert creds.enabled_channels({}) == ["rest", "socketio"]
    assert creds.effective_credentials({}) == creds.base_credentials()


def test_base_names_are_the_channels_own() -> None:
    assert creds.BASE_NAMES == {
        "bot.rasa_server.channels.GuardedRestInput": GuardedRestInput.name(),
        "bot.rasa_server.channels.GuardedSocketIOInput": GuardedSocketIOInput.name(),
    }


def test_telegram() -> None:
    channel = build(TELEGRAM, "telegram")
    assert type(channel) is messaging.GuardedTelegramInput and isinstance(channel, TelegramInput)
    assert channel.name() == "telegram"
    assert channel.access_token == "123:tg-secret"
    assert channel.verify == "ibers_bot"  # Telegram reports the username without the @
    assert channel.webhook_url == TELEGRAM["TELEGRAM_WEBHOOK_URL"]


def test_twilio_sms() -> None:
    channel = build(SMS, "twilio")
    assert type(channel) is messaging.TwilioSmsInput and isinstance(channel, TwilioInput)
    assert channel.name() == "twilio"
    assert (channel.account_sid, channel.auth_token, channel.twilio_number) == (
        "AC-dummy-sid",
        "tw-secret",
        "+441970000001",
    )
    assert creds.enabled_channels(SMS) == ["rest", "socketio", "twilio"]


def test_twilio_whatsapp_gets_its_own_name_and_the_whatsapp_prefix() -> None:
    channel = build(WHATSAPP, "twilio_whatsapp")
    assert type(channel) is messaging.TwilioWhatsAppInput and isinstance(channel, TwilioInput)
    assert channel.name() == "twilio_whatsapp"
    assert channel.twilio_number == "whatsapp:+441970000002"
    assert channel.get_output_channel().twilio_number == "whatsapp:+441970000002"  # builds a client, no request
    assert creds.enabled_channels(WHATSAPP) == ["rest", "socketio", "twilio_whatsapp"]
    prefixed = {**TWILIO, "TWILIO_WHATSAPP_NUMBER": "whatsapp:+441970000002"}
    assert build(prefixed, "twilio_whatsapp").twilio_number == "whatsapp:+441970000002"


def test_sms_and_whatsapp_together() -> None:
    env = {**SMS, **WHATSAPP}
    assert creds.enabled_channels(env) == ["rest", "socketio", "twilio", "twilio_whatsapp"]
    assert build(env, "twilio").twilio_number == "+441970000001"
    assert build(env, "twilio_whatsapp").twilio_number == "whatsapp:+441970000002"


def test_facebook() -> None:
    channel = build(FACEBOOK, "facebook")
    assert type(channel) is messaging.GuardedFacebookInput and isinstance(channel, FacebookInput)
    assert channel.name() == "facebook"
    assert (channel.fb_verify, channel.fb_secret, channel.fb_access_token) == (
        "fb-verify",
        "fb-secret",
        "fb-page-token",
    )


def test_slack_with_and_without_a_channel() -> None:
    channel = build(SLACK, "slack")
    assert type(channel) is messaging.GuardedSlackInput and isinstance(channel, SlackInput)
    assert channel.name() == "slack"
    assert channel.slack_token == "xoxb-slack-secret"
    assert channel.slack_signing_secret == "slack-signing-secret"
    assert channel.slack_channel == "#enquiries"
    without = {k: v for k, v in SLACK.items() if k != "SLACK_CHANNEL"}
    assert build(without, "slack").slack_channel is None


@pytest.mark.parametrize("channel", creds.CHANNELS, ids=lambda channel: channel.name)
def test_a_missing_or_empty_variable_leaves_the_channel_off(channel: creds.Channel) -> None:
    for var in channel.required:
        for env in ({k: v for k, v in ALL.items() if k != var}, {**ALL, var: "  "}):
            assert channel.key not in creds.effective_credentials(env)
            assert channel.name not in creds.enabled_channels(env)


def test_every_channel_at_once_is_loaded_by_rasa_from_the_written_file(tmp_path: Path) -> None:
    out = tmp_path / "var" / "credentials.effective.yml"
    names = creds.write(out, ALL)
    assert names == ["rest", "socketio", "telegram", "twilio", "twilio_whatsapp", "facebook", "slack"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    loaded = rasa.shared.utils.io.read_config_file(str(out))  # the reader `rasa run --credentials` uses
    assert loaded == creds.effective_credentials(ALL)
    built = [_create_single_channel(key, value) for key, value in loaded.items()]
    assert [channel.name() for channel in built] == names
    assert len({channel.name() for channel in built}) == len(built)  # one webhook URL prefix each


def test_secrets_are_not_expanded_as_variables_by_rasa(tmp_path: Path) -> None:
    env = {**SLACK, "SLACK_TOKEN": "xoxb-${HOME}-$x"}
    out = tmp_path / "c.yml"
    creds.write(out, env)
    loaded = rasa.shared.utils.io.read_config_file(str(out))
    assert loaded["bot.rasa_server.messaging.GuardedSlackInput"]["slack_token"] == "xoxb-${HOME}-$x"


def test_rewriting_keeps_mode_600(tmp_path: Path) -> None:
    out = tmp_path / "c.yml"
    out.write_text("old")
    out.chmod(0o644)
    creds.write(out, {})
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "GuardedRestInput" in out.read_text()


def test_incomplete_channels_name_only_the_missing_variables() -> None:
    env = {"TELEGRAM_ACCESS_TOKEN": "123:tg-secret", **SMS}
    assert creds.incomplete_channels(env) == {"telegram": ["TELEGRAM_VERIFY", "TELEGRAM_WEBHOOK_URL"]}


def run_cli(tmp_path: Path, env: Dict[str, str]) -> subprocess.CompletedProcess:
    out = tmp_path / "eff.yml"
    base_env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "bot.services.credentials", "write", "--out", str(out)],
        cwd=ROOT,
        env={**base_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_cli_prints_channel_names_and_never_secrets(tmp_path: Path) -> None:
    partial = {"FACEBOOK_SECRET": "fb-secret-partial"}
    result = run_cli(tmp_path, {**ALL, **{k: "" for k in FACEBOOK}, **partial})
    output = result.stdout + result.stderr
    assert result.stdout.strip() == "channels: rest socketio telegram twilio twilio_whatsapp slack"
    assert "facebook not enabled, missing FACEBOOK_VERIFY, FACEBOOK_PAGE_ACCESS_TOKEN" in result.stderr
    for secret in SECRETS + ["fb-secret-partial"]:
        assert secret not in output
    assert stat.S_IMODE((tmp_path / "eff.yml").stat().st_mode) == 0o600


def test_cli_with_no_variables(tmp_path: Path) -> None:
    result = run_cli(tmp_path, {})
    assert result.stdout.strip() == "channels: rest socketio"
    assert result.stderr == ""


class TextOnly(OutputChannel):
    """A text-only channel that keeps what it would send."""

    def __init__(self) -> None:
        self.sent: List[str] = []

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        self.sent.append(text)


BUTTONS = (
    {"title": "What are microcredentials?", "payload": "/ask_what_are"},
    {"title": "How much do they cost?", "payload": "/ask_cost"},
)


def buttons() -> List[Dict[str, str]]:
    """Fresh copies: Rasa's default rendering pops keys out of the button dicts."""
    return [dict(button) for button in BUTTONS]


def test_rasa_default_shows_buttons_as_readable_text() -> None:
    channel = TextOnly()
    asyncio.run(channel.send_response("u1", {"text": "Hello!", "buttons": buttons()}))
    joined = "\n".join(channel.sent)
    assert channel.sent == [
        "Hello!",
        "1: What are microcredentials? (/ask_what_are)",
        "2: How much do they cost? (/ask_cost)",
    ]
    for button in BUTTONS:
        assert button["title"] in joined


class RecordingTwilioOutput(messaging.TextOnlyTwilioOutput):
    """The SMS/WhatsApp output with Twilio's API call replaced by a list."""

    def __init__(self) -> None:
        super().__init__("AC-dummy-sid", "tw-secret", "whatsapp:+441970000002")
        self.bodies: List[Dict[str, Any]] = []

    async def _send_message(self, message_data: Dict[str, Any]) -> Any:
        self.bodies.append(dict(message_data))
        return object()


def test_sms_and_whatsapp_send_buttons_as_one_readable_message() -> None:
    output = RecordingTwilioOutput()
    asyncio.run(output.send_response("whatsapp:+447700900000", {"text": "Hello!", "buttons": buttons()}))
    assert len(output.bodies) == 1
    body = output.bodies[0]["body"]
    assert body == "Hello!\nYou could ask:\n- What are microcredentials?\n- How much do they cost?"
    assert "/ask_" not in body
    assert output.bodies[0]["from_"] == "whatsapp:+441970000002"
    assert output.bodies[0]["to"] == "whatsapp:+447700900000"


def test_quick_replies_too_and_no_buttons_leaves_text_alone() -> None:
    output = RecordingTwilioOutput()
    asyncio.run(
        output.send_response("u", {"text": "Pick one", "quick_replies": [{"title": "Cost", "payload": "/ask_cost"}]})
    )
    asyncio.run(output.send_response("u", {"text": "Plain"}))
    assert [b["body"] for b in output.bodies] == ["Pick one\nYou could ask:\n- Cost", "Plain"]


def test_sms_input_uses_the_text_only_output() -> None:
    for env, name in ((SMS, "twilio"), (WHATSAPP, "twilio_whatsapp")):
        assert isinstance(build(env, name).get_output_channel(), messaging.TextOnlyTwilioOutput)


def test_domain_buttons_read_well_as_text() -> None:
    """Every response with buttons, as an SMS: the titles, no payloads, no blank line that would split it."""
    domain = rasa.shared.utils.io.read_yaml_file(str(ROOT / "domain.yml"))
    with_buttons = [
        (name, variant)
        for name, variants in domain["responses"].items()
        for variant in variants
        if variant.get("buttons")
    ]
    assert with_buttons, "domain.yml has no responses with buttons"
    for name, variant in with_buttons:
        text = messaging.text_with_options(variant.get("text", ""), variant["buttons"])
        for button in variant["buttons"]:
            assert f"- {button['title']}" in text, name
            assert button["payload"] not in text, name


@pytest.mark.parametrize(
    "env,name",
    [(SMS, "twilio"), (WHATSAPP, "twilio_whatsapp"), (FACEBOOK, "facebook"), (SLACK, "slack"), (TELEGRAM, "telegram")],
)
def test_messaging_channels_are_behind_the_guard(
    env: Dict[str, str], name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each blueprint wraps Rasa's handler with bot.rasa_server.channels.guard (Telegram's own webhook call is stubbed out)."""
    wrapped: List[Any] = []

    def fake_guard(handler: Any) -> Any:
        wrapped.append(handler)
        return handler

    async def on_new_message(message: Any) -> None:
        return None

    monkeypatch.setattr(bot.rasa_server.channels, "guard", fake_guard)
    monkeypatch.setattr(TelegramInput, "get_output_channel", lambda self: None)  # would call Telegram's API
    monkeypatch.setattr(messaging.GuardedTelegramInput, "get_output_channel", lambda self: None)
    blueprint = build(env, name).blueprint(on_new_message)
    assert wrapped == [on_new_message]
    assert blueprint is not None


@pytest.mark.parametrize("channel", creds.CHANNELS, ids=lambda channel: channel.name)
def test_docs_channels_names_every_variable_a_channel_reads(channel):
    page = (ROOT / "docs" / "channels.md").read_text(encoding="utf-8")
    assert [var for var in (*channel.required, *channel.optional) if var not in page] == []
