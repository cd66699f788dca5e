"""Patch 4 (bot.rasa_server.patches): Rasa's Messenger connector on the tests' stand-in host, and only then."""

from __future__ import annotations

import fbmessenger
from rasa.core.channels import facebook

from bot.rasa_server import patches


def test_the_stand_in_host_replaces_the_graph_api_host_when_set(monkeypatch):
    monkeypatch.setattr(facebook, "MessengerClient", facebook.MessengerClient)  # restored after the test
    patches.install_messenger_api_base("http://127.0.0.1:9")
    client = facebook.MessengerClient("page-token")
    assert client.graph_url == f"http://127.0.0.1:9/v{client.api_version}"
    assert isinstance(client, fbmessenger.MessengerClient)


def test_without_the_setting_rasa_keeps_the_real_graph_api(monkeypatch):
    monkeypatch.setattr(facebook, "MessengerClient", facebook.MessengerClient)
    monkeypatch.delenv("BOT_FACEBOOK_API_BASE", raising=False)
    patches.install_messenger_api_base()
    assert facebook.MessengerClient is fbmessenger.MessengerClient
    assert facebook.MessengerClient("page-token").graph_url.startswith("https://graph.facebook.com/")


def test_rasa_builds_its_messenger_client_through_the_replaced_name():
    source = open(facebook.__file__, encoding="utf-8").read()
    assert "self.client = MessengerClient(page_access_token)" in source  # the name the patch replaces (3.6.21)
