"""The chat widget on the demo page, driven in headless Chromium against the real servers."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any, Dict, List

import pytest
from playwright.sync_api import Page, expect

from bot.files.policy import get_policy
from bot.rules import credits_earned
from bot.rules.money import format_money
from bot.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
RESULTS = ROOT / "results" / "browser"
BOT = "#chat-log .chat-msg-bot"
USER = "#chat-log .chat-msg-user"
SOURCES = f"{BOT} details.chat-sources"
SOURCES_LABEL = "From the microcredentials page"
DURATION_QUOTE = "each microcredential can be completed in 8-weeks"  # the page's own words, hyphen and all


def open_widget(page: Page) -> None:
    """Open the panel with its launcher button and wait for the assistant's greeting."""
    launcher = page.locator("#chat-launcher")
    expect(launcher).to_be_visible()
    if launcher.get_attribute("aria-expanded") != "true":
        launcher.click()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#chat-panel")).to_be_visible()
    expect(page.locator(BOT).first).to_be_visible()


def wait_until_quiet(page: Page, selector: str = BOT, quiet: float = 0.8, timeout: float = 20) -> int:
    """Wait until no new bot message has arrived for `quiet` seconds; the number of bot messages."""
    deadline = time.monotonic() + timeout
    count, since = page.locator(selector).count(), time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(150)
        now = page.locator(selector).count()
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet and page.locator(".chat-typing-dots").is_hidden():
            return count
    raise AssertionError(f"the assistant kept talking (or typing) for {timeout}s")


def ask(page: Page, question: str) -> str:
    """Type a question, press Enter, wait for the whole reply; the text of the new bot messages."""
    before = page.locator(BOT).count()
    page.locator("#chat-input").fill(question)
    page.locator("#chat-input").press("Enter")
    expect(page.locator(USER).last).to_contain_text(question)
    expect(page.locator(BOT)).not_to_have_count(before)
    wait_until_quiet(page)
    return "\n".join(page.locator(BOT).all_text_contents()[before:])


def test_page_looks_like_the_department_page_and_the_widget_opens(page: Page):
    policy = get_policy()
    expect(page.locator("h1")).to_have_text("About microcredentials")
    expect(page.locator("main")).to_contain_text(format_money(policy.learning_fee))
    expect(page.locator("footer a", has_text="Privacy")).to_have_attribute("href", policy.contact.privacy_url)
    launcher = page.locator("#chat-launcher")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#chat-panel")).to_be_hidden()
    open_widget(page)
    expect(page.locator("#chat-input")).to_be_focused()
    expect(page.locator("#chat-privacy")).to_be_visible()
    expect(page.locator("#chat-privacy a")).to_have_attribute("href", policy.contact.privacy_url)
    expect(page.locator("#chat-log")).to_have_attribute("role", "log")
    expect(page.locator("#chat-log")).to_have_attribute("aria-live", "polite")
    expect(page.locator("#chat-log .chat-buttons button").first).to_be_visible()


def test_cost_question_shows_both_prices(page: Page):
    policy = get_policy()
    open_widget(page)
    answer = ask(page, "how much does a microcredential cost?")
    assert format_money(policy.learning_fee) in answer, answer
    assert format_money(policy.credit_fee) in answer, answer


def test_suggested_button_sends_its_payload_and_shows_its_title(page: Page):
    open_widget(page)
    wait_until_quiet(page)
    button = page.locator("#chat-log .chat-buttons").last.locator("button").first
    title = button.inner_text()
    bots = page.locator(BOT).count()
    button.click()
    expect(page.locator(USER).last).to_have_text(f"You: {title}")
    expect(page.locator(BOT)).not_to_have_count(bots)
    wait_until_quiet(page)
    assert "/" not in page.locator(USER).last.inner_text(), "the payload, not the title, was shown"


def test_conversation_survives_a_reload(page: Page):
    open_widget(page)
    answer = ask(page, "how long do they take?")
    session = page.evaluate("localStorage.getItem('ibers-chat-session')")
    page.reload()
    expect(page.locator("#chat-launcher")).to_have_attribute("aria-expanded", "true")  # stays open
    expect(page.locator(USER).first).to_contain_text("how long do they take?")
    expect(page.locator("#chat-log")).to_contain_text(answer.splitlines()[0].removeprefix("Assistant: "))
    assert page.evaluate("localStorage.getItem('ibers-chat-session')") == session
    assert ask(page, "thanks")  # the same conversation carries on after the reload


def test_new_chat_starts_a_new_conversation(page: Page):
    open_widget(page)
    ask(page, "how long do they take?")
    session = page.evaluate("localStorage.getItem('ibers-chat-session')")
    page.locator("#chat-restart").click()
    expect(page.locator(USER)).to_have_count(0)
    expect(page.locator(BOT).first).to_be_visible()  # the new conversation's greeting
    expect(page.locator("#chat-input")).to_be_focused()
    assert page.evaluate("localStorage.getItem('ibers-chat-session')") != session
    assert ask(page, "what are microcredentials?")


def test_signed_in_learner_is_told_their_own_credits(page: Page, site):
    learner = Store(site.db_url).learner("L0006")
    earned = credits_earned(get_policy(), learner.enrolments)
    open_widget(page)
    select = page.locator("#chat-signin-select")
    expect(select).to_be_visible()
    select.select_option("L0006")
    expect(page.locator("#chat-status")).to_contain_text("Signed in as")
    answer = ask(page, "how many credits have I got?")
    expected = f"earned {earned} credits" if earned else "not earned any credits"
    assert expected in answer, answer
    page.reload()  # the sign-in stays for this tab
    expect(page.locator("#chat-signin-select")).to_have_value("L0006")
    expect(page.locator("#chat-status")).to_contain_text("Signed in as")


def test_markup_in_a_message_is_shown_as_text(page: Page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_widget(page)
    markup = "<img src=x onerror=alert(1)>"
    ask(page, markup)
    expect(page.locator(USER).last).to_have_text(f"You: {markup}")
    assert page.locator("#chat-log img").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []


def test_links_in_replies_are_safe_anchors(page: Page):
    open_widget(page)
    ask(page, "how do I contact you?")
    links = page.locator("#chat-log .chat-msg-bot a")
    expect(links.first).to_be_visible()
    for i in range(links.count()):
        link = links.nth(i)
        assert link.get_attribute("href").startswith(("https://", "http://"))
        assert "noopener" in link.get_attribute("rel")


def test_keyboard_only_use_and_no_trap(page: Page):
    launcher = page.locator("#chat-launcher")
    for _ in range(60):  # Tab through the page until the launcher has focus
        page.keyboard.press("Tab")
        if launcher.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the chat launcher cannot be reached with Tab")
    page.keyboard.press("Enter")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#chat-input")).to_be_focused()
    expect(page.locator(BOT).first).to_be_visible()
    page.keyboard.type("what are microcredentials?")
    page.keyboard.press("Enter")
    expect(page.locator(USER).last).to_contain_text("what are microcredentials?")
    expect(page.locator(BOT)).not_to_have_count(1)
    # Tab moves on past the last control of the panel: no keyboard trap.
    for _ in range(10):
        page.keyboard.press("Tab")
    inside = page.evaluate("document.getElementById('chat-panel').contains(document.activeElement)")
    assert not inside, "focus is trapped in the chat panel"
    page.locator("#chat-input").focus()
    page.keyboard.press("Escape")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#chat-panel")).to_be_hidden()
    expect(launcher).to_be_focused()


def test_open_widget_has_no_axe_violations_and_is_screenshotted(browser, site):
    # axe is injected as an inline script, which the page's CSP (rightly) forbids: this one context
    # bypasses CSP; every other test runs with it enforced.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(site.url)
        open_widget(page)
        page.locator("#chat-signin-select").select_option("L0006")
        expect(page.locator("#chat-status")).to_contain_text("Signed in as")
        ask(page, "how much does a microcredential cost?")
        ask(page, "how do I contact you?")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
        violations = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [node["target"] for node in v["nodes"]][:5],
            }
            for v in result["violations"]
        ]
        assert not violations, "axe-core violations:\n" + json.dumps(violations, indent=2)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "axe.json").write_text(
            json.dumps({"violations": result["violations"], "passes": len(result["passes"])}, indent=2)
        )
        page.screenshot(path=str(RESULTS / "widget.png"))
    finally:
        context.close()


def tab_to(page: Page, target, limit: int = 40) -> None:
    """Press Tab until `target` has focus (fail if it never does)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"{target} cannot be reached with Tab")


def inject_after_answer(page: Page, question: str, payloads: List[Dict[str, Any]]) -> None:
    """Relay the widget's socket.io connection, and after the first reply to `question` send `payloads` too.

    Each payload arrives as a bot_uttered event of its own, exactly as the server's would.
    """
    armed = {"on": False}

    def relay(ws) -> None:
        server = ws.connect_to_server()

        def from_page(message) -> None:
            if isinstance(message, str) and "user_uttered" in message and json.dumps(question)[1:-1] in message:
                armed["on"] = True
            server.send(message)

        def from_server(message) -> None:
            ws.send(message)
            if armed["on"] and isinstance(message, str) and message.startswith('42["bot_uttered"'):
                armed["on"] = False
                for payload in payloads:
                    ws.send("42" + json.dumps(["bot_uttered", payload]))

        ws.on_message(from_page)
        server.on_message(from_server)

    page.route_web_socket(re.compile(r"/socket\.io/"), relay)
    page.reload()  # the route applies to pages loaded after it is set


def test_an_answer_shows_the_sentence_of_the_page_it_comes_from(page: Page):
    # Needs action_answer_faq to send its sources and the socket.io channel to deliver custom payloads.
    open_widget(page)
    ask(page, "how long do they take?")
    disclosure = page.locator(SOURCES).last
    summary = disclosure.locator("summary")
    expect(summary).to_have_text(SOURCES_LABEL)
    quote = disclosure.locator("blockquote", has_text=DURATION_QUOTE)
    expect(quote).to_be_hidden()  # closed until asked for
    page.locator("#chat-log").focus()
    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(quote).to_be_visible()
    expect(disclosure.locator("figure", has_text=DURATION_QUOTE).locator("figcaption")).to_have_text(
        "How long do they take?"
    )
    page.keyboard.press("Space")
    expect(quote).to_be_hidden()
    assert '"sources"' not in page.locator("#chat-log").inner_text(), "the payload was shown as text"


def test_sources_are_shown_as_text_and_other_payloads_are_ignored(page: Page):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    markup = "<b>x</b> & <img src=x onerror=alert(1)>"
    inject_after_answer(
        page,
        "how long do they take?",
        [
            {"custom": {"sources": [{"quote": markup, "section": "<i>How long do they take?</i>"}]}},
            {"custom": {"unknown": "<b>not for the widget</b>"}},
            {"custom": {"sources": "not a list"}},
        ],
    )
    open_widget(page)
    ask(page, "how long do they take?")
    disclosure = page.locator(SOURCES).last
    disclosure.locator("summary").click()
    quote = disclosure.locator("blockquote", has_text=markup)
    expect(quote).to_have_text(markup)  # the characters themselves, not markup
    expect(disclosure.locator("figure", has_text=markup).locator("figcaption")).to_have_text(
        "<i>How long do they take?</i>"
    )
    assert page.locator("#chat-log b, #chat-log i, #chat-log img").count() == 0
    log = page.locator("#chat-log").inner_text()
    assert "not for the widget" not in log and "not a list" not in log, log
    page.wait_for_timeout(300)
    assert dialogs == []
    page.reload()  # the sources stay with their answer, still as text
    expect(page.locator(SOURCES).last.locator("blockquote", has_text=markup)).to_have_count(1)
    assert page.locator("#chat-log b, #chat-log i, #chat-log img").count() == 0
