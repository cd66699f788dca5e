"""Proof that a messaging webhook request comes from its provider, checked before the connector reads it.

Rasa 3.6's Twilio and Telegram connectors check no signature, so anyone who finds the URL could post as any
phone number or chat id (and, on SMS, make the university pay for each reply). `refuse_unproven` adds a
request middleware to a connector's blueprint: a POST to its /webhook without a valid proof is answered 403
before Rasa sees it, so nothing reaches the tracker.
- Twilio: X-Twilio-Signature, checked with the `twilio` package's RequestValidator and the account's auth token
  over the public URL Twilio posted to (configured, since behind a proxy the server sees another URL).
- Telegram: X-Telegram-Bot-Api-Secret-Token, the secret_token given to setWebhook.
"""

from __future__ import annotations

import hmac
import logging
from typing import Callable, Optional

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.request_validator import RequestValidator

logger = logging.getLogger(__name__)
TWILIO_SIGNATURE_HEADER = "X-Twilio-Signature"
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MESSENGER_SIGNATURE_HEADER = "X-Hub-Signature"
REFUSED_TEXT = "The request is not signed by the messaging provider."
Proof = Callable[[Request], bool]


def twilio_signed(auth_token: str, public_url: Optional[str]) -> Proof:
    """A check of Twilio's signature over `public_url` (or, unset, the URL as this server sees it) and the form."""
    validator = RequestValidator(auth_token)

    def proven(request: Request) -> bool:
        """Whether the request carries Twilio's valid signature of its URL and form fields."""
        signature = request.headers.get(TWILIO_SIGNATURE_HEADER, "")
        if not signature:
            return False
        url = signed_url(public_url, request)
        form = {key: values[0] for key, values in request.form.items()} if request.form else {}
        return bool(validator.validate(url, form, signature))

    return proven


def signed_url(public_url: Optional[str], request: Request) -> str:
    """The URL the provider signed: the configured public URL with the request's query string, or request.url."""
    if not public_url:
        return request.url
    return f"{public_url}?{request.query_string}" if request.query_string else public_url


def telegram_signed(secret_token: str) -> Proof:
    """A check of Telegram's secret token header against the secret given to setWebhook."""
    expected = secret_token.encode("utf-8")

    def proven(request: Request) -> bool:
        """Whether the request carries the webhook's secret token."""
        given = request.headers.get(TELEGRAM_SECRET_HEADER, "").encode("utf-8")
        return bool(given) and hmac.compare_digest(given, expected)

    return proven


def messenger_signed(app_secret: str) -> Proof:
    """A check of Messenger's X-Hub-Signature with the app secret, by Rasa's own FacebookInput check: Rasa answers
    a bad one 200 "not validated", so this lets the edge answer 403 instead (Rasa's check still runs after it)."""
    from rasa.core.channels.facebook import FacebookInput

    def proven(request: Request) -> bool:
        """Whether the body carries the app's valid signature."""
        signature = request.headers.get(MESSENGER_SIGNATURE_HEADER, "")
        return bool(signature) and FacebookInput.validate_hub_signature(app_secret, request.body, signature)

    return proven


def refuse_unproven(blueprint: Blueprint, proven: Proof, channel: str) -> Blueprint:
    """`blueprint` with POSTs to /webhooks/<channel>/webhook answered 403 unless `proven` (health checks stay open)."""

    @blueprint.middleware("request")
    async def check(request: Request) -> Optional[HTTPResponse]:
        """Refuse an unproven webhook message before the connector reads it."""
        # Sanic may run a blueprint's middleware for other blueprints' routes too: match this channel's URL.
        if request.method != "POST" or request.path.rstrip("/") != f"/webhooks/{channel}/webhook":
            return None
        if proven(request):
            return None
        logger.warning("%s webhook request refused: no valid provider signature", channel)
        return response.text(REFUSED_TEXT, status=403)

    return blueprint
