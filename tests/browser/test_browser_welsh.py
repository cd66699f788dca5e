"""The Welsh page (/cy/) and its chat widget in headless Chromium, against the real servers.

Welsh Language Standards: the page and the widget work in Welsh as fully as in English, the assistant answers in
Welsh from the first message on the Welsh page, and the Cymraeg/English switch keeps the conversation.
"""

from __future__ import annotations

import json
from typing import Iterator, List

import pytest
from playwright.sync_api import Page, expect

from bot.files.policy import get_policy
from bot.rules.money import format_money
from tests.browser.conftest import watched
from tests.browser.test_browser_widget import AXE, BOT, RESULTS, USER, ask, open_widget, wait_until_quiet

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

WELSH_ANSWER = "gyrsiau byr ar-lein"  # utter_what_are's Welsh variation
ENGLISH_ANSWER = "short online courses"  # and its English one
WELSH_GREETING = "Helo!"


@pytest.fixture
def welsh(context, site) -> Iterator[Page]:
    """The Welsh page, loaded in a fresh profile with the CSP enforced; no script errors allowed."""
    problems: List[str] = []
    opened = watched(context.new_page(), problems)
    opened.goto(site.url + "cy/")
    yield opened
    assert not problems, "the page logged errors:\n" + "\n".join(problems)


def test_welsh_page_and_widget_are_in_welsh(welsh: Page):
    policy = get_policy()
    expect(welsh.locator("html")).to_have_attribute("lang", "cy")
    expect(welsh.locator("h1")).to_have_text("Ynglŷn â microgymwysterau")
    expect(welsh.locator("main")).to_contain_text(format_money(policy.learning_fee))
    expect(welsh.locator("footer a")).to_have_text("Hysbysiad preifatrwydd (dolen enghreifftiol)")
    switch = welsh.locator("#lang-switch")
    expect(switch).to_have_text("English")
    expect(switch).to_have_attribute("href", "/")
    expect(switch).to_have_attribute("lang", "en")
    launcher = welsh.locator("#chat-launcher")
    expect(launcher).to_have_text("Gofynnwch i'n cynorthwyydd")
    open_widget(welsh)
    expect(welsh.locator("#chat-title")).to_have_text("Cynorthwyydd microgymwysterau")
    expect(welsh.locator("#chat-restart")).to_have_text("Sgwrs newydd")
    expect(welsh.locator("#chat-close")).to_have_attribute("aria-label", "Cau'r sgwrs")
    expect(welsh.locator("#chat-log")).to_have_attribute("aria-label", "Sgwrs")
    expect(welsh.locator("label[for=chat-input]")).to_have_text("Eich cwestiwn")
    expect(welsh.locator("#chat-send")).to_have_text("Anfon")
    expect(welsh.locator("#chat-privacy a")).to_have_text("Sut rydyn ni'n defnyddio eich data")
    expect(welsh.locator("label[for=chat-signin-select]")).to_have_text("Mewngofnodi fel (datblygu yn unig)")
    expect(welsh.locator("#chat-signin-select option").first).to_have_text("Heb fewngofnodi")
    # The assistant's own greeting (the first message) is already Welsh, with Welsh labels around it.
    expect(welsh.locator(BOT).first).to_contain_text(WELSH_GREETING)
    expect(welsh.locator(f"{BOT} .visually-hidden").first).to_have_text("Cynorthwyydd: ")
    expect(welsh.locator("#chat-log .chat-buttons").first).to_have_attribute("aria-label", "Atebion awgrymedig")
    wait_until_quiet(welsh)
    # The widget's own announcements: an empty question, the typing indicator, signing in.
    welsh.locator("#chat-send").click()
    expect(welsh.locator("#chat-status")).to_have_text("Teipiwch gwestiwn yn gyntaf.")
    typing = welsh.evaluate(
        """() => {
            document.getElementById("chat-input").value = "Beth yw'r gost?";
            document.getElementById("chat-form").requestSubmit();
            return document.getElementById("chat-typing-text").textContent;
        }"""
    )
    assert typing == "Mae'r cynorthwyydd yn teipio…"
    expect(welsh.locator(f"{USER} .visually-hidden").last).to_have_text("Chi: ")
    wait_until_quiet(welsh)
    welsh.locator("#chat-signin-select").select_option("L0006")
    expect(welsh.locator("#chat-status")).to_contain_text("Wedi mewngofnodi fel")
    expect(welsh.locator("#chat-signin-select option[value=L0006]")).to_contain_text("(dysgwr)")


def test_welsh_question_gets_the_welsh_answer(welsh: Page):
    open_widget(welsh)
    answer = ask(welsh, "Beth yw microgymwysterau?")
    assert WELSH_ANSWER in answer.lower(), answer
    assert ENGLISH_ANSWER not in answer.lower(), answer


def test_the_welsh_page_is_answered_in_welsh_even_when_asked_in_english(welsh: Page):
    # The page language goes with the first message, so the session starts in Welsh.
    open_widget(welsh)
    answer = ask(welsh, "what are microcredentials?")
    assert WELSH_ANSWER in answer.lower(), answer


def test_switching_language_keeps_the_conversation(page: Page, site):
    open_widget(page)
    answer = ask(page, "how long do they take?")
    first_line = answer.splitlines()[0].removeprefix("Assistant: ").split(". ")[0]  # its first sentence
    session = page.evaluate("localStorage.getItem('ibers-chat-session')")
    switch = page.locator("#lang-switch")
    expect(switch).to_have_text("Cymraeg")
    expect(switch).to_have_attribute("hreflang", "cy")
    switch.click()
    page.wait_for_url(site.url + "cy/")
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    # The same conversation, still open, its transcript shown with Welsh labels.
    expect(page.locator("#chat-launcher")).to_have_attribute("aria-expanded", "true")
    expect(page.locator(USER).first).to_have_text("Chi: how long do they take?")
    expect(page.locator("#chat-log")).to_contain_text(first_line)
    assert page.evaluate("localStorage.getItem('ibers-chat-session')") == session
    # The page's new language is picked up by the next message, even one written in English.
    answer = ask(page, "what are microcredentials?")
    assert WELSH_ANSWER in answer.lower(), answer
    assert page.evaluate("localStorage.getItem('ibers-chat-session')") == session
    page.locator("#lang-switch").click()
    page.wait_for_url(site.url)
    expect(page.locator(USER).first).to_have_text("You: how long do they take?")
    answer = ask(page, "what are microcredentials?")
    assert ENGLISH_ANSWER in answer.lower(), answer
    assert page.evaluate("localStorage.getItem('ibers-chat-session')") == session


@pytest.mark.parametrize("path, label", [("", "Cymraeg"), ("cy/", "English")])
def test_the_language_switch_is_near_the_top_for_the_keyboard(context, site, path: str, label: str):
    problems: List[str] = []
    opened = watched(context.new_page(), problems)
    opened.goto(site.url + path)
    switch = opened.locator("#lang-switch")
    for _ in range(4):
        opened.keyboard.press("Tab")
        if switch.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail(f"the {label} link is not among the first Tab stops")
    expect(switch).to_have_text(label)
    opened.keyboard.press("Enter")
    opened.wait_for_url(site.url + ("cy/" if path == "" else ""))
    assert not problems, problems


def test_open_welsh_widget_has_no_axe_violations(browser, site):
    # As in the English axe test, axe is injected inline, so this one context bypasses the CSP.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(site.url + "cy/")
        expect(page.locator("html")).to_have_attribute("lang", "cy")
        open_widget(page)
        page.locator("#chat-signin-select").select_option("L0006")
        expect(page.locator("#chat-status")).to_contain_text("Wedi mewngofnodi fel")
        ask(page, "Faint maen nhw'n ei gostio?")
        ask(page, "Sut mae cysylltu â chi?")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
        violations = [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]
        assert not violations, "axe-core violations:\n" + json.dumps(violations, indent=2)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "axe-cy.json").write_text(
            json.dumps({"violations": result["violations"], "passes": len(result["passes"])}, indent=2)
        )
        page.screenshot(path=str(RESULTS / "widget-cy.png"))
    finally:
        context.close()
