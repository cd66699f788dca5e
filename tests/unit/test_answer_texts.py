"""Every composed answer has its Welsh form: the texts of bot/answers/texts, and no sentence left in the code."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import Iterator, Set, Tuple

import pytest

from bot.answers.texts import FOLDER, LANGUAGES, Texts, reply_language, templates
from bot.nlp.silent_topics import RULES, TOPICS, rule_note

ANSWERS = FOLDER.parent
MODULES = sorted(path.stem for path in FOLDER.glob("*.yaml"))
# The same word in both languages (Welsh borrows it, or English texts use the Welsh name: "Cymraeg"), so the Welsh
# form may equal the English one.
SAME_IN_BOTH = {("contact", "button_cost"), ("reply", "date"), ("enquiries", "language_cy")}
# Answers modules whose sentences are still written in the code, in English only (issue #14): each is moved to a
# texts file in turn, and the test below fails if one of these no longer has sentences (take it off the list).
NOT_YET_IN_WELSH = {
    "learner_report",
}
ENGLISH_WORDS = re.compile(r"\b(?:the|you|your|please|and|with|about|can't|isn't|I'm)\b", re.IGNORECASE)


def fields(template: str) -> Set[str]:
    """The `str.format` fields of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def entries() -> Iterator[Tuple[str, str]]:
    """(module, key) of every text."""
    for module in MODULES:
        for key in templates(module):
            yield module, key


@pytest.mark.parametrize(("module", "key"), list(entries()))
def test_every_text_has_an_english_and_a_welsh_form_with_the_same_fields(module, key):
    forms = templates(module)[key]
    assert set(forms) == set(LANGUAGES), f"{module}.{key} has {sorted(forms)}"
    assert all(forms[language].strip() for language in LANGUAGES)
    assert fields(forms["cy"]) == fields(forms["en"]), f"{module}.{key}: the Welsh form names other fields"
    if (module, key) not in SAME_IN_BOTH:
        assert forms["cy"] != forms["en"], f"{module}.{key}: the Welsh form is the English text"


@pytest.mark.parametrize(("module", "key"), list(entries()))
def test_no_welsh_form_is_english_text(module, key):
    welsh = re.sub(r"\{[^}]*\}", "", templates(module)[key]["cy"])
    assert not ENGLISH_WORDS.search(welsh), f"{module}.{key}: {welsh!r}"


def test_welsh_is_chosen_by_any_welsh_code_and_english_is_the_default():
    assert [reply_language(code) for code in ("cy", "CY-gb", "cymraeg")] == ["cy"] * 3
    assert [reply_language(code) for code in (None, "", "en", "fr")] == ["en"] * 4


def test_a_text_renders_in_the_language_asked_with_its_fields():
    guard = Texts("guard")
    assert "2000" in guard("too_long", "cy", max_chars=2000) and "nod" in guard("too_long", "cy", max_chars=2000)
    assert guard("empty", None) == guard("empty", "en") != guard("empty", "cy")


def keys_named_in(path: Path) -> Set[str]:
    """The literal keys a module renders: T("key", ...)."""
    return set(re.findall(r"\bT\(\s*\"([a-z_]+)\"", path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("module", MODULES)
def test_every_key_a_module_renders_is_in_its_texts(module):
    assert keys_named_in(ANSWERS / f"{module}.py") <= set(templates(module))


def test_every_silent_topic_has_a_label_and_every_rule_note_a_welsh_form_matching_the_rule():
    texts = templates("not_covered")
    assert {f"topic_{topic.id}" for topic in TOPICS} <= set(texts)
    for topic in TOPICS:
        if topic.rule is not None:
            assert texts[f"note_{topic.rule}"]["en"] == rule_note(topic).reason
    assert {key for key in texts if key.startswith("note_")} == {f"note_{rule}" for rule in RULES}


def sentences_in(path: Path) -> Set[str]:
    """String literals of a module that read as words for the user (not docstrings, keys or patterns)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if re.search(r"[A-Za-z]{2,} [A-Za-z]{2,}", node.value):
                found.add(node.value)
    return found


@pytest.mark.parametrize("path", sorted(ANSWERS.glob("*.py")), ids=lambda path: path.stem)
def test_a_module_in_both_languages_writes_no_sentence_in_its_code(path):
    if path.stem in NOT_YET_IN_WELSH:
        assert sentences_in(path), f"{path.stem} has no sentences left: take it off NOT_YET_IN_WELSH"
    else:
        assert sentences_in(path) == set(), f"{path.stem}: move these to texts/{path.stem}.yaml"


def test_dates_and_lists_read_naturally_in_welsh():
    from datetime import date

    from bot.answers.reply import format_date, join_names

    assert (
        format_date(date(2025, 1, 13), "cy") == "13 Ionawr 2025" and format_date(date(2025, 1, 13)) == "13 January 2025"
    )
    assert join_names(["Genomics 1", "Genomics 2"], language="cy") == "Genomics 1 a Genomics 2"
    assert join_names(["Genomics 1", "Introduction to Plant Breeding"], language="cy").endswith(
        " ac Introduction to Plant Breeding"
    )
    assert join_names(["A", "B", "C"], "or", "cy") == "A, B neu C" and join_names(["A", "B", "C"], "or") == "A, B or C"
