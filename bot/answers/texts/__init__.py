"""Every sentence the composed answers say, in English and Welsh: one YAML file per answers module.

Each file maps a key to its `en` and `cy` templates (`str.format` fields in braces, the same fields in both);
`Texts("contact")("out_of_scope", language, email=...)` renders one in the conversation's language. A language
other than Welsh gets English. tests/unit/test_answer_texts.py checks that every key has both forms with the same
fields, so no composed answer can lack its Welsh form.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Dict

import yaml

FOLDER = Path(__file__).resolve().parent
LANGUAGES = ("en", "cy")
WELSH = "cy"
ENGLISH = "en"


def reply_language(language: Any) -> str:
    """ "cy" for Welsh (any "cy..." code), English for anything else, including no language yet."""
    return WELSH if str(language or "").lower().startswith(WELSH) else ENGLISH


@lru_cache(maxsize=None)
def templates(module: str) -> Dict[str, Dict[str, str]]:
    """The key -> {language: template} table of one answers module."""
    data = yaml.safe_load((FOLDER / f"{module}.yaml").read_text(encoding="utf-8")) or {}
    return {str(key): {str(lang): str(text) for lang, text in forms.items()} for key, forms in data.items()}


class Texts:
    """The templates of one answers module, rendered by key and language."""

    def __init__(self, module: str) -> None:
        self.module = module

    def __call__(self, key: str, language: Any = ENGLISH, **fields: Any) -> str:
        """The text of `key` in the reply language, its fields filled in."""
        return templates(self.module)[key][reply_language(language)].format(**fields)
