"""Twilio SMS and WhatsApp, Telegram, Slack and Messenger end to end: real Rasa and action servers, the providers
played by a stand-in HTTP server on loopback (BOT_<PROVIDER>_API_BASE; for Messenger, whose client hard-codes
graph.facebook.com, bot.rasa_server.patches points it at the stand-in). One Rasa serves every channel."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Dict, Iterator, List
from urllib.parse import parse_qs, urlparse

import pytest
import requests
from twilio.request_validator import RequestValidator

from bot.services import credentials
from tests.e2e import conftest

ACCOUNT = "AC" + "0" * 32
AUTH_TOKEN = "twilio-auth-token-for-tests"
SMS_NUMBER = "+441970000001"
WHATSAPP_NUMBER = "+441970000002"
TELEGRAM_TOKEN = "123456:telegram-token-for-tests"
TELEGRAM_SECRET = "telegram-secret-for-tests"
TELEGRAM_BOT = "ibers_test_bot"
SLACK_SECRET = "slack-signing-secret-for-tests"
FACEBOOK_SECRET = "facebook-app-secret-for-tests"
PUBLIC_BASE = "https://bot.example.org"  # what the providers sign: the URL in front of the proxy


class StandIn(BaseHTTPRequestHandler):
    """Plays Twilio's Messages API and Telegram's Bot API, recording what the assistant sends."""

    sent: List[Dict[str, Any]] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's name)
        """Record a Twilio message or a Telegram method call and answer as the provider would."""
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
        path = urlparse(self.path).path
        if path.endswith("/Messages.json"):
            fields = {key: values[0] for key, values in parse_qs(body).items()}
            self.sent.append(
                {"provider": "twilio", "to": fields.get("To"), "from": fields.get("From"), "text": fields.get("Body")}
            )
            self.answer(201, {"sid": "SM" + "0" * 32, "account_sid": ACCOUNT, "body": fields.get("Body")})
            return
        if path.endswith("/me/messages"):
            fields = json.loads(body or "{}")
            message = fields.get("message") or {}
            text = message.get("text") or ((message.get("attachment") or {}).get("payload") or {}).get("text")
            if text is not None:
                self.sent.append({"provider": "messenger", "to": fields["recipient"]["id"], "text": text})
            self.answer(200, {"recipient_id": fields["recipient"]["id"], "message_id": "mid.1"})
            return
        if path.endswith("/chat.postMessage"):
            fields = json.loads(body) if body.startswith("{") else {k: v[0] for k, v in parse_qs(body).items()}
            self.sent.append({"provider": "slack", "to": fields.get("channel"), "text": fields.get("text", "")})
            self.answer(200, {"ok": True, "channel": fields.get("channel"), "ts": "1.0"})
            return
        method = path.rsplit("/", 1)[-1]
        fields = telegram_fields(self.headers.get("Content-Type", ""), body)
        self.sent.append({"provider": "telegram", "method": method, **fields})
        results = {
            "getMe": {"id": 1, "is_bot": True, "first_name": "IBERS", "username": TELEGRAM_BOT},
            "setWebhook": True,
        }
        chat = {"id": int(fields.get("chat_id", 1) or 1), "type": "private"}
        self.answer(200, {"ok": True, "result": results.get(method, {"message_id": 1, "date": 0, "chat": chat})})

    do_GET = do_POST

    def answer(self, status: int, payload: Any) -> None:
        """Send a JSON answer."""
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        """Quiet."""


def telegram_fields(content_type: str, body: str) -> Dict[str, Any]:
    """The fields of a Bot API call (aiogram posts a form, possibly multipart)."""
    if "json" in content_type:
        return json.loads(body or "{}")
    if "multipart" in content_type:
        fields: Dict[str, Any] = {}
        for part in body.split("--")[1:]:
            if 'name="' in part:
                name = part.split('name="', 1)[1].split('"', 1)[0]
                fields[name] = part.split("\r\n\r\n", 1)[-1].rsplit("\r\n", 1)[0]
        return fields
    return {key: values[0] for key, values in parse_qs(body).items()}


@pytest.fixture(scope="module")
def stand_in() -> Iterator[str]:
    """The providers' APIs on a free loopback port."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIn)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def channels(stand_in: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[conftest.Servers]:
    """Rasa with SMS, WhatsApp and Telegram enabled by the environment, as `make serve` would enable them."""
    tmp = tmp_path_factory.mktemp("channels")
    env = {
        "TWILIO_ACCOUNT_SID": ACCOUNT,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_NUMBER": SMS_NUMBER,
        "TWILIO_WHATSAPP_NUMBER": WHATSAPP_NUMBER,
        "TWILIO_WEBHOOK_URL": f"{PUBLIC_BASE}/webhooks/twilio/webhook",
        "TWILIO_WHATSAPP_WEBHOOK_URL": f"{PUBLIC_BASE}/webhooks/twilio_whatsapp/webhook",
        "TELEGRAM_ACCESS_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_VERIFY": TELEGRAM_BOT,
        "TELEGRAM_WEBHOOK_URL": f"{PUBLIC_BASE}/webhooks/telegram/webhook",
        "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
        "SLACK_TOKEN": "xoxb-slack-token-for-tests",
        "SLACK_SIGNING_SECRET": SLACK_SECRET,
        "FACEBOOK_VERIFY": "facebook-verify-for-tests",
        "FACEBOOK_SECRET": FACEBOOK_SECRET,
        "FACEBOOK_PAGE_ACCESS_TOKEN": "facebook-page-token-for-tests",
        "BOT_SLACK_API_BASE": stand_in,
        "BOT_TWILIO_API_BASE": stand_in,
        "BOT_TELEGRAM_API_BASE": stand_in,
        "BOT_FACEBOOK_API_BASE": stand_in,
    }
    effective = tmp / "credentials.yml"
    assert credentials.write(effective, env)[-5:] == ["telegram", "twilio", "twilio_whatsapp", "facebook", "slack"]
    original = conftest.server_commands

    def with_channels(ports: Any, token: str, run_env: Dict[str, str], model: Path) -> Dict[str, List[str]]:
        """The usual commands, Rasa given the credentials file with the messaging channels."""
        every = conftest.service_commands(
            ports, token, run_env, model=model, credentials=effective, interface="127.0.0.1", cors=False
        )
        return {name: every[name] for name in conftest.SERVERS}

    conftest.server_commands = with_channels
    try:
        running = conftest.start_servers(tmp, env)
    finally:
        conftest.server_commands = original
    yield running
    running.stop()


def twilio_post(
    servers: conftest.Servers, channel: str, sender: str, text: str, sign: bool = True
) -> requests.Response:
    """Post an inbound message as Twilio does, signed over the public URL unless `sign` is false."""
    form = {"From": sender, "To": SMS_NUMBER, "Body": text, "AccountSid": ACCOUNT, "MessageSid": "SM" + "1" * 32}
    signature = RequestValidator(AUTH_TOKEN).compute_signature(f"{PUBLIC_BASE}/webhooks/{channel}/webhook", form)
    headers = {"X-Twilio-Signature": signature if sign else ""}
    return requests.post(f"{servers.rasa_url}/webhooks/{channel}/webhook", data=form, headers=headers, timeout=60)


def telegram_post(
    servers: conftest.Servers, chat_id: int, text: str, secret: str = TELEGRAM_SECRET
) -> requests.Response:
    """Post an update as Telegram does, with the webhook's secret token header."""
    update = {
        "update_id": chat_id,
        "message": {
            "message_id": 1,
            "date": 0,
            "text": text,
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": chat_id, "is_bot": False, "first_name": "A"},
        },
    }
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
    return requests.post(f"{servers.rasa_url}/webhooks/telegram/webhook", json=update, headers=headers, timeout=60)


def sent_to(recipient: str) -> List[Dict[str, Any]]:
    """What the stand-in received for one recipient (phone address or chat id)."""
    return [m for m in StandIn.sent if str(m.get("to", m.get("chat_id"))) == recipient]


def wait_for_replies(recipient: str, provider: str, seconds: float = 120) -> List[Dict[str, Any]]:
    """The stand-in's messages for the recipient, waiting for the first (Slack's connector answers in the background)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        replies = [m for m in sent_to(recipient) if m["provider"] == provider]
        if replies:
            return replies
        time.sleep(0.2)
    return []


def tracker_events(servers: conftest.Servers, sender: str) -> List[Dict[str, Any]]:
    """The conversation's events in Rasa's tracker."""
    url = f"{servers.rasa_url}/conversations/{sender}/tracker?token={servers.token}"
    return requests.get(url, timeout=30).json().get("events", [])


def user_events(servers: conftest.Servers, sender: str) -> List[Dict[str, Any]]:
    """The user messages Rasa stored for the sender."""
    return [event for event in tracker_events(servers, sender) if event.get("event") == "user"]


def test_telegram_webhook_is_registered_with_the_secret_token(channels: conftest.Servers) -> None:
    registrations = [m for m in StandIn.sent if m.get("method") == "setWebhook"]
    assert registrations and registrations[-1]["secret_token"] == TELEGRAM_SECRET
    assert registrations[-1]["url"] == f"{PUBLIC_BASE}/webhooks/telegram/webhook"


@pytest.mark.parametrize("channel,sender", [("twilio", "+447700900001"), ("twilio_whatsapp", "whatsapp:+447700900002")])
def test_signed_twilio_message_is_answered_to_the_sender(channels: conftest.Servers, channel: str, sender: str) -> None:
    assert twilio_post(channels, channel, sender, "What are microcredentials?").status_code == 204
    replies = sent_to(sender)
    assert replies, "no reply reached Twilio"
    number = SMS_NUMBER if channel == "twilio" else f"whatsapp:{WHATSAPP_NUMBER}"
    assert all(reply["from"] == number for reply in replies)
    text = "\n".join(reply["text"] for reply in replies)
    assert "microcredential" in text.lower()
    assert "/ask_" not in text and "sources" not in text  # buttons folded into titles, no custom JSON
    assert all(len(reply["text"]) <= 1600 for reply in replies)


@pytest.mark.parametrize("channel", ["twilio", "twilio_whatsapp"])
def test_unsigned_twilio_message_is_refused_and_nothing_stored(channels: conftest.Servers, channel: str) -> None:
    sender = f"+4477009001{len(channel)}"
    assert twilio_post(channels, channel, sender, "What are microcredentials?", sign=False).status_code == 403
    assert sent_to(sender) == [] and user_events(channels, sender) == []


def test_twilio_message_signed_with_another_token_is_refused(channels: conftest.Servers) -> None:
    sender = "+447700900200"
    form = {"From": sender, "To": SMS_NUMBER, "Body": "hello"}
    forged = RequestValidator("not-the-token").compute_signature(f"{PUBLIC_BASE}/webhooks/twilio/webhook", form)
    response = requests.post(
        f"{channels.rasa_url}/webhooks/twilio/webhook", data=form, headers={"X-Twilio-Signature": forged}, timeout=60
    )
    assert response.status_code == 403
    assert sent_to(sender) == [] and user_events(channels, sender) == []


def test_personal_question_by_sms_gets_the_sign_in_route_and_no_personal_data(channels: conftest.Servers) -> None:
    sender = "+447700900300"
    assert twilio_post(channels, "twilio", sender, "how many credits do I have?").status_code == 204
    text = "\n".join(reply["text"] for reply in sent_to(sender)).lower()
    assert "sign in" in text and "earned" not in text


WELSH_QUESTION = "Beth yw microgymwysterau?"
WELSH_SENDERS = {  # channel -> (recipient the stand-in sees, provider)
    "twilio": ("+447700900400", "twilio"),
    "twilio_whatsapp": ("whatsapp:+447700900401", "twilio"),
    "telegram": ("5400", "telegram"),
    "slack": ("DU400", "slack"),
    "messenger": ("2400", "messenger"),
}


def post_on(servers: conftest.Servers, channel: str, text: str) -> requests.Response:
    """Post a correctly signed message on one channel from that channel's Welsh test sender."""
    recipient = WELSH_SENDERS[channel][0]
    if channel.startswith("twilio"):
        return twilio_post(servers, channel, recipient, text)
    if channel == "telegram":
        return telegram_post(servers, int(recipient), text)
    if channel == "slack":
        return slack_post(servers, recipient[1:], text)
    return messenger_post(servers, recipient, text)


@pytest.mark.parametrize("channel", sorted(WELSH_SENDERS))
def test_welsh_message_is_answered_in_welsh_on_every_channel(channels: conftest.Servers, channel: str) -> None:
    assert post_on(channels, channel, WELSH_QUESTION).status_code in (200, 204)
    recipient, provider = WELSH_SENDERS[channel]
    text = "\n".join(m.get("text", "") for m in wait_for_replies(recipient, provider)).lower()
    assert "gyrsiau byr ar-lein" in text, text  # utter_what_are's Welsh variation
    assert "short online courses" not in text and "who are they for" not in text, text


def test_telegram_update_with_the_secret_is_answered_in_the_chat(channels: conftest.Servers) -> None:
    assert telegram_post(channels, 5001, "What are microcredentials?").status_code == 200
    replies = [m for m in sent_to("5001") if m.get("method") == "sendMessage"]
    assert replies and "microcredential" in "\n".join(m["text"] for m in replies).lower()


@pytest.mark.parametrize("secret", ["", "a-guessed-secret"])
def test_telegram_update_without_the_secret_is_refused_and_nothing_stored(
    channels: conftest.Servers, secret: str
) -> None:
    chat_id = 5002 + len(secret)
    assert telegram_post(channels, chat_id, "What are microcredentials?", secret=secret).status_code == 403
    assert sent_to(str(chat_id)) == [] and user_events(channels, str(chat_id)) == []


def test_personal_question_on_telegram_gets_the_sign_in_route(channels: conftest.Servers) -> None:
    assert telegram_post(channels, 5100, "how many credits do I have?").status_code == 200
    text = "\n".join(m.get("text", "") for m in sent_to("5100")).lower()
    assert "sign in" in text and "earned" not in text


def slack_post(servers: conftest.Servers, user: str, text: str, secret: str = SLACK_SECRET) -> requests.Response:
    """Post a direct-message event as Slack does, signed with the signing secret."""
    event = {"type": "message", "channel": f"D{user}", "channel_type": "im", "user": user, "text": text, "ts": "1.0"}
    body = json.dumps({"type": "event_callback", "event": event, "authorizations": [{"user_id": "UBOT"}]})
    stamp = str(int(time.time()))
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256).hexdigest()
    headers = {
        "Content-Type": "application/json",
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={digest}",
    }
    return requests.post(f"{servers.rasa_url}/webhooks/slack/webhook", data=body, headers=headers, timeout=60)


def messenger_post(
    servers: conftest.Servers, sender: str, text: str, secret: str = FACEBOOK_SECRET
) -> requests.Response:
    """Post a message event as Messenger does, signed with the app secret."""
    messaging = {
        "sender": {"id": sender},
        "recipient": {"id": "PAGE"},
        "timestamp": 0,
        "message": {"mid": "m", "text": text},
    }
    body = json.dumps({"object": "page", "entry": [{"id": "PAGE", "time": 0, "messaging": [messaging]}]})
    digest = hmac.new(secret.encode(), body.encode(), hashlib.sha1).hexdigest()
    headers = {"Content-Type": "application/json", "X-Hub-Signature": f"sha1={digest}"}
    return requests.post(f"{servers.rasa_url}/webhooks/facebook/webhook", data=body, headers=headers, timeout=60)


def test_signed_slack_message_is_answered_in_its_channel(channels: conftest.Servers) -> None:
    response = slack_post(channels, "U100", "What are microcredentials?")
    assert response.status_code == 200, response.text
    replies = wait_for_replies("DU100", "slack")
    assert replies and "microcredential" in "\n".join(m["text"] for m in replies).lower()


def test_slack_message_signed_with_another_secret_is_refused_and_nothing_stored(channels: conftest.Servers) -> None:
    assert slack_post(channels, "U101", "What are microcredentials?", secret="guessed").status_code >= 400
    assert sent_to("DU101") == [] and user_events(channels, "U101") == []


def test_messenger_message_signed_with_another_secret_is_refused_and_nothing_stored(channels: conftest.Servers) -> None:
    assert messenger_post(channels, "2002", "What are microcredentials?", secret="guessed").status_code == 403
    assert sent_to("2002") == [] and user_events(channels, "2002") == []


def test_signed_messenger_message_is_answered_to_the_sender(channels: conftest.Servers) -> None:
    assert messenger_post(channels, "2001", "What are microcredentials?").status_code == 200
    replies = sent_to("2001")
    assert replies and all(reply["provider"] == "messenger" for reply in replies)
    assert "microcredential" in "\n".join(reply["text"] for reply in replies).lower()


def test_personal_question_on_messenger_gets_the_sign_in_route_and_no_personal_data(channels: conftest.Servers) -> None:
    assert messenger_post(channels, "2003", "how many credits do I have?").status_code == 200
    text = "\n".join(reply["text"] for reply in sent_to("2003")).lower()
    assert "sign in" in text and "earned" not in text


def test_personal_question_on_slack_gets_the_sign_in_route_and_no_personal_data(channels: conftest.Servers) -> None:
    assert slack_post(channels, "U500", "how many credits do I have?").status_code == 200
    text = "\n".join(m["text"] for m in wait_for_replies("DU500", "slack")).lower()
    assert "sign in" in text and "earned" not in text
