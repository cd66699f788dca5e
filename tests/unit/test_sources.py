"""Every answer's sources are the page's own sentences, under the heading they really sit under."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.files.sources import SourcesError, get_sources, load_sources

ROOT = Path(__file__).resolve().parents[2]
LINES = [
    " ".join(line.split())
    for line in (ROOT / "docs" / "microcredentials-faq.txt").read_text(encoding="utf-8").splitlines()
]
PAGE = "\n".join(LINES)  # runs of white space (the page has non-breaking spaces) read as one space
HEADINGS = {line for line in LINES if line.endswith("?") and len(line) < 120 or line == "Downloadable Resources"}
FAQ_TOPICS = [
    "what_are", "who_for", "duration", "reregistration", "cost", "topup", "assessment", "pass_mark", "grades",
    "credits", "how_many", "qualification", "upgrade", "format", "courses", "bookable", "release_date",
]  # fmt: skip


def section_of(quote: str) -> str:
    """The last heading above the line that holds the quote."""
    heading = ""
    for line in LINES:
        heading = line if line in HEADINGS else heading
        if quote in line:
            return heading
    raise AssertionError(f"not on the page: {quote}")


ALL = [(topic, quote) for topic, quotes in get_sources().items() for quote in quotes]


@pytest.mark.parametrize("topic, quote", ALL, ids=[f"{t}-{i}" for i, (t, _) in enumerate(ALL)])
def test_every_quote_is_on_the_page_word_for_word(topic, quote):
    assert quote.quote in PAGE, quote.quote


@pytest.mark.parametrize("topic, quote", ALL, ids=[f"{t}-{i}" for i, (t, _) in enumerate(ALL)])
def test_every_quote_sits_under_the_section_it_names(topic, quote):
    assert section_of(quote.quote) == quote.section


@pytest.mark.parametrize("topic", FAQ_TOPICS)
def test_every_page_topic_has_its_sources(topic):
    assert get_sources()[topic]


def test_a_malformed_sources_file_is_refused_naming_the_topic(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("cost:\n  - quote: 1\n", encoding="utf-8")
    with pytest.raises(SourcesError, match="cost"):
        load_sources(path)
    path.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(SourcesError, match="mapping"):
        load_sources(path)
    path.write_text("cost: []\n", encoding="utf-8")
    with pytest.raises(SourcesError, match="non-empty"):
        load_sources(path)


def test_no_quote_is_padded_with_space():
    assert all(not re.match(r"\s", q.quote) for _, q in ALL)
