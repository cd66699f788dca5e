"""Layering: the store and the catalogue import no Rasa; the catalogue module imports no SQLAlchemy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
STORE_FILES = sorted((REPO / "bot" / "store").rglob("*.py"))


def imported_modules(path: Path) -> set:
    """Top-level names of every module a Python file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", STORE_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_store_source_imports_no_rasa(path):
    assert not {"rasa", "rasa_sdk"} & imported_modules(path)


@pytest.mark.parametrize(
    "path",
    [REPO / "bot" / "files" / "catalogue.py", REPO / "bot" / "rules" / "catalogue.py"],
    ids=lambda p: p.parent.name,
)
def test_catalogue_source_imports_neither_rasa_nor_sqlalchemy(path):
    assert not {"rasa", "rasa_sdk", "sqlalchemy", "alembic"} & imported_modules(path)


def loaded_after_import(modules: str) -> set:
    """Top-level packages loaded by a fresh interpreter after importing the given modules."""
    code = f"import sys; import {modules}; print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}})))"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_importing_the_store_and_admin_cli_loads_no_rasa():
    loaded = loaded_after_import(
        "bot.store, bot.store.seed, bot.store.catalogue_import, bot.store.privacy, bot.store.export, bot.admin"
    )
    assert not {"rasa", "rasa_sdk"} & loaded


def test_importing_the_catalogue_loads_no_sqlalchemy():
    loaded = loaded_after_import("bot.files.catalogue")
    assert not {"rasa", "rasa_sdk", "sqlalchemy"} & loaded


def bot_modules(path: Path) -> set:
    """Every bot.* module a Python file imports (absolute imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.startswith("bot."))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.startswith("bot"):
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", STORE_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_store_source_reads_no_files(path):
    """The store only talks SQL: YAML files are read by bot.files and composed with the store by bot.admin."""
    assert "yaml" not in imported_modules(path)
    assert not {m for m in bot_modules(path) if m.startswith(("bot.files", "bot.admin", "bot.answers"))}


def test_demo_learners_file_module_imports_only_rules_and_files():
    path = REPO / "bot" / "files" / "demo_learners.py"
    assert not {"sqlalchemy", "alembic", "rasa", "rasa_sdk"} & imported_modules(path)
    assert all(m.startswith(("bot.rules", "bot.files")) for m in bot_modules(path))


def test_learner_report_is_pure_wording():
    path = REPO / "bot" / "answers" / "learner_report.py"
    assert not {"sqlalchemy", "alembic", "rasa", "rasa_sdk", "yaml"} & imported_modules(path)
    assert all(m.startswith(("bot.rules", "bot.answers")) for m in bot_modules(path))
