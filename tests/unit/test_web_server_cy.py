"""The Welsh demo page (/cy/): as complete as the English one, the same figures and widget, a switch between them.

Welsh Language Standards: the page and the chat widget are published in Welsh at the same time as in English, fully
working, with a Cymraeg/English switch to the matching page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Set, Tuple

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.answers.assessment import assessment_label
from bot.files.policy import get_policy
from bot.identity import DEV_SECRET
from bot.rules.model import AssessmentType
from bot.rules.money import format_money
from bot.web import server
from bot.web.server import PLACEHOLDER, make_app, page_values

RASA_PORT = 5123
WEB = Path(server.__file__).resolve().parent
ENGLISH_TEMPLATE = WEB / "templates" / "index.html"
WELSH_TEMPLATE = WEB / "templates" / "index.cy.html"
WIDGET = WEB / "static" / "widget.js"
DEV: Dict[str, str] = {}
WELSH_HEADINGS = [
    "Ynglŷn â microgymwysterau",
    "I bwy maen nhw?",
    "Faint o amser maen nhw'n ei gymryd?",
    "Beth yw'r gost?",
    "Sut maen nhw'n cael eu hasesu?",
    "Tuag at gymhwyster ôl-raddedig",
    "Dechrau arni",
    "Cynorthwyydd microgymwysterau",
]
ENGLISH_HEADINGS = ["About microcredentials", "Who are they for?", "What is the cost?", "Get started"]
# The widget's labels in the Welsh template (the page's part of the widget; widget.js has the rest).
WELSH_WIDGET_LABELS = [
    "Gofynnwch i'n cynorthwyydd",
    "Sgwrs newydd",
    'aria-label="Cau\'r sgwrs"',
    'aria-label="Sgwrs"',
    "Eich cwestiwn",
    "Anfon",
    "Sut rydyn ni'n defnyddio eich data",
]
WELSH_SIGN_IN = ["Mewngofnodi fel", "(datblygu yn unig)", "Heb fewngofnodi"]


@pytest.fixture(autouse=True)
def no_public_rasa_url(monkeypatch):
    monkeypatch.delenv("BOT_PUBLIC_RASA_URL", raising=False)


async def client_for(env: Mapping[str, str]) -> TestClient:
    client = TestClient(TestServer(make_app(RASA_PORT, env=env), host="127.0.0.1"))
    await client.start_server()
    return client


class _Page(HTMLParser):
    """The page's html lang, headings, element ids and links (with their attributes and text)."""

    def __init__(self) -> None:
        super().__init__()
        self.lang: Optional[str] = None
        self.headings: List[str] = []
        self.ids: List[str] = []
        self.links: List[Tuple[Dict[str, Optional[str]], str]] = []
        self._heading: Optional[List[str]] = None
        self._link: Optional[Tuple[Dict[str, Optional[str]], List[str]]] = None

    def handle_starttag(self, tag: str, attrs: List[Tuple[str, Optional[str]]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang")
        if values.get("id"):
            self.ids.append(str(values["id"]))
        if tag in ("h1", "h2"):
            self._heading = []
        if tag == "a":
            self._link = (values, [])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2") and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join("".join(self._link[1]).split())))
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
        if self._link is not None:
            self._link[1].append(data)


def parsed(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    return page


def switch_link(page: _Page) -> Tuple[Dict[str, Optional[str]], str]:
    links = [(attrs, text) for attrs, text in page.links if attrs.get("id") == "lang-switch"]
    assert len(links) == 1, page.links
    return links[0]


# --- /cy/ is served like / -------------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["/cy/", "/cy"])
async def test_welsh_page_is_served_in_welsh(path: str):
    client = await client_for(DEV)
    try:
        response = await client.get(path)
        assert response.status == 200 and response.content_type == "text/html"
        assert response.headers["Content-Language"] == "cy"
        page = parsed(await response.text())
        assert page.lang == "cy"
        for heading in WELSH_HEADINGS:
            assert heading in page.headings, page.headings
        assert not set(ENGLISH_HEADINGS) & set(page.headings)
    finally:
        await client.close()


async def test_the_switch_links_each_page_to_the_other():
    client = await client_for(DEV)
    try:
        english = parsed(await (await client.get("/")).text())
        welsh = parsed(await (await client.get("/cy/")).text())
        attrs, text = switch_link(english)
        assert (text, attrs["href"], attrs["lang"], attrs["hreflang"]) == ("Cymraeg", "/cy/", "cy", "cy")
        attrs, text = switch_link(welsh)
        assert (text, attrs["href"], attrs["lang"], attrs["hreflang"]) == ("English", "/", "en", "en")
        for page in (english, welsh):  # near the top: the first link after the skip link and the site name
            position = [a.get("id") for a, _ in page.links].index("lang-switch")
            assert position <= 2, page.links[:4]
        # The Welsh page's own links stay on the Welsh page.
        assert all(
            a["href"] == "/cy/"
            for a, _ in welsh.links
            if a.get("href", "").startswith("/") and a.get("id") != "lang-switch"
        )
    finally:
        await client.close()


async def test_welsh_page_has_the_same_security_headers_as_the_english_one():
    client = await client_for(DEV)
    try:
        english = await client.get("/")
        for path in ("/cy/", "/cy"):
            welsh = await client.get(path)
            for header in ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"):
                assert welsh.headers[header] == english.headers[header], header
            assert "unsafe" not in welsh.headers["Content-Security-Policy"]
    finally:
        await client.close()


async def test_welsh_page_states_the_policy_figures():
    policy = get_policy()
    client = await client_for(DEV)
    try:
        page = await (await client.get("/cy/")).text()
        assert "{{" not in page and "}}" not in page
        for pence in (policy.learning_fee, policy.credit_fee, policy.top_up):
            assert format_money(pence) in page
        assert f"{policy.completion_weeks} wythnos" in page
        assert f"{policy.registration_months} mis" in page
        assert f"{policy.credits_per_microcredential} credyd" in page
        assert f"{policy.exemption_credits} credyd" in page
        for kind in (AssessmentType.REPORT, AssessmentType.DATA_ANALYSIS, AssessmentType.MASTERS_TEST):
            rule = policy.assessments[kind]
            assert assessment_label(rule, "cy") in page
            assert rule.label not in page  # the English label is not left on the Welsh page
        assert f"marc llwyddo {policy.assessments[AssessmentType.MASTERS_TEST].pass_mark}%" in page
        for url in (policy.contact.privacy_url, policy.contact.enquiry_url, policy.contact.course_list_url):
            assert f'href="{url}"' in page
        assert policy.contact.enquiry_email in page
    finally:
        await client.close()


async def test_welsh_widget_labels_and_the_sign_in_switch_only_in_development():
    client = await client_for({"BOT_JWT_SECRET": DEV_SECRET})
    try:
        page = await (await client.get("/cy/")).text()
        for label in WELSH_WIDGET_LABELS + WELSH_SIGN_IN:
            assert label in page, label
    finally:
        await client.close()
    client = await client_for({"BOT_ENV": "production", "BOT_JWT_SECRET": DEV_SECRET})
    try:
        page = await (await client.get("/cy/")).text()
        assert "chat-signin" not in page
        assert not any(label in page for label in WELSH_SIGN_IN)
        assert all(label in page for label in WELSH_WIDGET_LABELS)
    finally:
        await client.close()


# --- the two templates match -----------------------------------------------------------------------------
def test_both_templates_have_the_same_element_ids():
    english = parsed(ENGLISH_TEMPLATE.read_text(encoding="utf-8"))
    welsh = parsed(WELSH_TEMPLATE.read_text(encoding="utf-8"))
    assert welsh.ids == english.ids  # the same widget elements, in the same order


def test_both_templates_use_the_same_figures_and_links():
    def names(path: Path) -> Set[str]:
        return set(PLACEHOLDER.findall(path.read_text(encoding="utf-8")))

    english, welsh = names(ENGLISH_TEMPLATE), names(WELSH_TEMPLATE)
    assert welsh == english
    assert english <= set(page_values(get_policy(), "cy"))


def test_welsh_template_writes_no_figure_of_its_own():
    template = WELSH_TEMPLATE.read_text(encoding="utf-8")
    assert not re.search(r"£\s?\d|\d\s?%|\d[- ](?:wythnos|credyd|mis)\b", template)


def test_welsh_page_values_use_the_welsh_names():
    policy = get_policy()
    english, welsh = page_values(policy), page_values(policy, "cy")
    assert english["report_label"] == policy.assessments[AssessmentType.REPORT].label
    assert welsh["report_label"] != english["report_label"]
    assert " ac " in welsh["eligible_programmes"] or " a " in welsh["eligible_programmes"]
    assert " and " not in welsh["eligible_programmes"]
    numbers = [key for key in english if not key.endswith(("_label", "_programmes"))]
    assert {key: welsh[key] for key in numbers} == {key: english[key] for key in numbers}


# --- every widget string in both languages ---------------------------------------------------------------
def widget_strings() -> Dict[str, Dict[str, str]]:
    """widget.js's STRINGS table, language -> key -> text, read from the script's source."""
    script = WIDGET.read_text(encoding="utf-8")
    table = re.search(r"const STRINGS = \{\n(.*?)\n  \};\n", script, re.DOTALL)
    assert table, "widget.js has no STRINGS table"
    strings: Dict[str, Dict[str, str]] = {}
    for language, body in re.findall(r"^    (\w+): \{\n(.*?)\n    \},?$", table.group(1), re.DOTALL | re.MULTILINE):
        strings[language] = dict(re.findall(r'^      (\w+): "((?:[^"\\]|\\.)*)",$', body, re.MULTILINE))
        entries = [line for line in body.splitlines() if line.strip()]
        assert len(strings[language]) == len(entries), f"unparsed {language} entries: {entries}"
    return strings


def test_every_widget_string_is_in_english_and_welsh():
    strings = widget_strings()
    assert set(strings) == {"en", "cy"}
    assert set(strings["cy"]) == set(strings["en"]), set(strings["cy"]) ^ set(strings["en"])
    assert len(strings["en"]) >= 15
    for language, texts in strings.items():
        assert all(text.strip() for text in texts.values()), language
    differing = [key for key in strings["en"] if strings["en"][key] != strings["cy"][key]]
    assert len(differing) >= len(strings["en"]) - 2, "Welsh strings left as English"
    for key, text in strings["en"].items():  # the same {fields} in both
        assert re.findall(r"\{\w+\}", strings["cy"][key]) == re.findall(r"\{\w+\}", text), key


def test_every_string_the_widget_shows_comes_from_the_table():
    script = WIDGET.read_text(encoding="utf-8")
    used = set(re.findall(r"LABELS\.(\w+)", script)) | set(re.findall(r'notice\("(\w+)"\)', script))
    assert used <= set(widget_strings()["en"]), used - set(widget_strings()["en"])
    # No English literal is shown or announced directly.
    sinks = r'(?:textContent\s*=|say\(|notice\(|setAttribute\("aria-label",)\s*"[^"]*[A-Za-z]{2}[^"]*\s[^"]*"'
    assert not re.findall(sinks, script)
    assert "metadata: pageMetadata()" in script and "language: LANGUAGE" in script
