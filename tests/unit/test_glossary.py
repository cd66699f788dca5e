"""One thing, one name: every Welsh text uses the glossary's term for what its English text names."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import pytest
import yaml

from bot.answers.texts import FOLDER, templates

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY: Dict[str, Dict[str, List[str]]] = yaml.safe_load((ROOT / "bot" / "answers" / "glossary.yaml").read_text())


def pairs() -> Iterator[Tuple[str, str, str]]:
    """(where, English text, Welsh text) for every response variation pair and every composed text."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    for name, variations in domain["responses"].items():
        welsh = [
            v for v in variations if {"name": "language", "type": "slot", "value": "cy"} in (v.get("condition") or [])
        ]
        english = [v for v in variations if v not in welsh]
        for position, variation in enumerate(welsh):
            partner = english[min(position, len(english) - 1)]
            yield name, partner.get("text", ""), variation.get("text", "")
    for path in sorted(FOLDER.glob("*.yaml")):
        for key, forms in templates(path.stem).items():
            yield f"{path.stem}.{key}", forms["en"], forms["cy"]


PAIRS = list(pairs())


def mentions(text: str, forms: List[str]) -> bool:
    """Whether the text contains one of the forms as whole words (case-insensitive)."""
    return any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text, re.IGNORECASE) for form in forms)


@pytest.mark.parametrize("term", sorted(GLOSSARY))
def test_no_welsh_text_uses_a_rendering_the_glossary_avoids(term):
    avoided = [where for where, _, welsh in PAIRS if mentions(welsh, GLOSSARY[term]["avoid"])]
    assert avoided == [], f"{term}: use {GLOSSARY[term]['cy'][0]!r} in {avoided}"


@pytest.mark.parametrize("term", sorted(GLOSSARY))
def test_the_term_is_used_in_welsh_wherever_the_english_names_it_in_most_texts(term):
    naming = [(where, welsh) for where, english, welsh in PAIRS if mentions(english, GLOSSARY[term]["en"])]
    missing = [where for where, welsh in naming if not mentions(welsh, GLOSSARY[term]["cy"])]
    # A sentence can be turned round in Welsh without the noun ("you can take it for credits" may not repeat
    # "credits"), so a few may go without; most must use the glossary's word.
    assert len(missing) <= max(2, len(naming) // 5), f"{term}: {missing}"


def test_every_term_has_english_welsh_and_avoided_forms():
    for term, entry in GLOSSARY.items():
        assert entry["en"] and entry["cy"] and "avoid" in entry, term
        assert not set(entry["cy"]) & set(entry["avoid"]), term
