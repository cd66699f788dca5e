"""Is a question about the asker's own record? ("how many credits have I got?" versus "what are they worth?")."""

from __future__ import annotations

import re

_FIRST_PERSON = re.compile(
    r"\b(my|mine|me|myself|i've|ive|i have|have i|i'm|im|i am|am i|did i|do i|i did|i paid|i owe|i still|i need|i'd|i got)\b",
    re.IGNORECASE,
)


def looks_personal(text: str) -> bool:
    """Whether the wording asks about the asker's own situation."""
    return bool(_FIRST_PERSON.search(text.replace("\u2019", "'")))
