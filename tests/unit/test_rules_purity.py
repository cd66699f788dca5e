"""The rule module stays pure: no Rasa, no SQLAlchemy, no clock, and every rule quotes the page."""

from __future__ import annotations

import ast
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import bot.rules

ROOT = Path(__file__).resolve().parents[2]
RULES_DIR = ROOT / "bot" / "rules"
FORBIDDEN = ("rasa", "rasa_sdk", "sqlalchemy", "alembic", "psycopg2")
PAGE_COPY = ROOT / "docs" / "microcredentials-faq.txt"  # the committed copy of the source of truth
DEPARTMENT_PAGE = ROOT.parent / "shared" / "seed" / "microcredentials-faq.txt"  # beside a clone, where there is one


def _public_functions():
    return [(name, obj) for name in bot.rules.__all__ if inspect.isfunction(obj := getattr(bot.rules, name))]


def _normalise(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def test_importing_the_rules_loads_neither_rasa_nor_sqlalchemy():
    probe = "import json, sys, bot.rules; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = {name.split(".")[0] for name in json.loads(result.stdout)}
    assert loaded.isdisjoint(FORBIDDEN)


@pytest.mark.parametrize("source", sorted(RULES_DIR.glob("*.py")), ids=lambda path: path.name)
def test_rule_source_imports_only_the_standard_library_and_bot_rules(source):
    tree = ast.parse(source.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [node.module or ""]
        else:
            continue
        for module in modules:
            assert module.split(".")[0] not in FORBIDDEN, f"{source.name} imports {module}"
            assert not module.startswith("bot.") or module.startswith("bot.rules"), module


@pytest.mark.parametrize("source", sorted(RULES_DIR.glob("*.py")), ids=lambda path: path.name)
def test_rules_never_read_the_clock(source):
    tree = ast.parse(source.read_text(encoding="utf-8"))
    calls = {
        node.func.attr for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert calls.isdisjoint({"today", "now", "utcnow", "time"})


@pytest.mark.parametrize("source", sorted(RULES_DIR.glob("*.py")), ids=lambda path: path.name)
def test_rule_code_holds_no_money_amounts(source):
    tree = ast.parse(source.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node)
    }
    literals = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]
    assert not [text for text in literals if re.search(r"£\s*\d", text)]


@pytest.mark.parametrize(("name", "function"), _public_functions(), ids=[name for name, _ in _public_functions()])
def test_every_public_rule_quotes_the_page(name, function):
    assert 'Page: "' in (function.__doc__ or ""), f"{name} has no quoted page sentence"


def test_the_committed_page_is_the_departments_page():
    if DEPARTMENT_PAGE.is_file():
        assert PAGE_COPY.read_text(encoding="utf-8") == DEPARTMENT_PAGE.read_text(encoding="utf-8")
    assert PAGE_COPY.stat().st_size > 0


def test_quoted_sentences_are_on_the_page():
    page = _normalise(PAGE_COPY.read_text(encoding="utf-8"))
    for name, function in _public_functions():
        for quote in re.findall(r'"([^"]+)"', function.__doc__.split("Page:", 1)[1]):
            assert _normalise(quote) in page, f"{name} quotes text not on the page: {quote!r}"
