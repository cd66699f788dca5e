"""The chat widget on the demo page, driven in headless Chromium against the real servers."""

from __future__ import annotations

import json
import time
from pathlib import Path

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
