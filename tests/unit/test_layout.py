"""The layout's rules, checked on the source: who may import whom, who reads the environment, who patches Rasa.

docs/architecture.md explains the rooms; these tests keep them: a new module that breaks a rule fails here.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Iterator, List, Set, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted([*(ROOT / "bot").rglob("*.py"), *(ROOT / "actions").rglob("*.py")])
MAX_LINES = 400
# (package, what it may import of the project besides itself)
ALLOWED = {
    "bot.rules": set(),
    "bot.answers": {"bot.rules"},
    "bot.nlp": {"bot.rules"},
    "bot.files": {"bot.rules"},
}
PATCH_MODULE = "bot.rasa_server.patches"
ENVIRONMENT_MODULE = "bot.settings"


def module_name(path: Path) -> str:
    """bot/rules/fees.py -> bot.rules.fees (a package's __init__ is the package)."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> Iterator[Tuple[str, int]]:
    """(module imported, line) for every absolute import in a file, `from a import b` also giving a.b."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module, node.lineno
            for alias in node.names:
                yield f"{node.module}.{alias.name}", node.lineno


def project_imports(path: Path) -> List[Tuple[str, int]]:
    """The project modules (bot.*, actions.*) a file imports."""
    return [(name, line) for name, line in imports(path) if name.split(".")[0] in {"bot", "actions"}]


def within(name: str, package: str) -> bool:
    """Whether a dotted name is the package or inside it."""
    return name == package or name.startswith(package + ".")


def files_of(package: str) -> List[Path]:
    """The source files of a package, entry points (__main__) left out: they compose, like a main()."""
    return [path for path in SOURCES if within(module_name(path), package) and path.name != "__main__.py"]


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_inner_packages_import_only_what_the_layout_allows(package):
    allowed = ALLOWED[package] | {package}
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in files_of(package)
        for name, line in project_imports(path)
        if name != "bot" and not any(within(name, ok) for ok in allowed)
    ]
    assert not wrong, "\n".join(wrong)


def test_the_rasa_server_package_never_imports_the_actions_or_the_store():
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in files_of("bot.rasa_server")
        for name, line in project_imports(path)
        if within(name, "actions") or within(name, "bot.store") or within(name, "bot.admin")
    ]
    assert not wrong, "\n".join(wrong)


def test_the_store_imports_no_rasa_and_nothing_above_it():
    above = ("rasa", "rasa_sdk", "actions", "bot.answers", "bot.nlp", "bot.rasa_server", "bot.admin", "bot.services")
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in files_of("bot.store")
        for name, line in imports(path)
        if any(within(name, package) for package in above)
    ]
    assert not wrong, "\n".join(wrong)


def environment_reads(path: Path) -> List[int]:
    """Lines that touch the process environment (os.environ, os.getenv, os.putenv)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv", "putenv", "environb"}
    ]
    lines += [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module == "os"
        and {a.name for a in node.names} & {"environ", "getenv"}
    ]
    return lines


def test_only_the_settings_module_reads_the_environment():
    readers = [f"{path.relative_to(ROOT)}:{lines}" for path in SOURCES if (lines := environment_reads(path))]
    assert readers == [f"bot/settings.py:{environment_reads(ROOT / 'bot' / 'settings.py')}"]


def rasa_names(tree: ast.AST) -> Set[str]:
    """Names bound in a module by importing from Rasa (`from rasa.x import Y`, `import rasa.x as y`)."""
    names: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "rasa":
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(
                alias.asname or alias.name.split(".")[0] for alias in node.names if alias.name.startswith("rasa")
            )
    return names


def rasa_attribute_assignments(path: Path) -> List[int]:
    """Lines that assign an attribute of something imported from Rasa (a monkey patch), or call setattr on it."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bound = rasa_names(tree)

    def from_rasa(target: ast.AST) -> bool:
        while isinstance(target, ast.Attribute):
            target = target.value
        return isinstance(target, ast.Name) and target.id in bound

    lines = []
    for node in ast.walk(tree):
        targets = (
            node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AugAssign) else []
        )
        lines += [node.lineno for target in targets if isinstance(target, ast.Attribute) and from_rasa(target)]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr" and node.args:
            lines += [node.lineno] if from_rasa(node.args[0]) else []
    return lines


def test_every_change_to_rasa_internals_lives_in_the_patches_module():
    patchers = sorted(module_name(path) for path in SOURCES if rasa_attribute_assignments(path))
    assert patchers == [PATCH_MODULE]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_modules_are_small_and_say_what_they_are_for(path):
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_LINES, f"{path.relative_to(ROOT)} is over {MAX_LINES} lines"
    if text.strip():
        assert ast.get_docstring(ast.parse(text)), f"{path.relative_to(ROOT)} has no module docstring"


def test_bot_has_few_top_level_modules():
    top = sorted(path.name for path in (ROOT / "bot").glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "identity.py", "settings.py"]
