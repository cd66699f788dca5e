"""Read small whole numbers written as digits or English words ("2", "two", "a couple", "none")."""

from __future__ import annotations

import re
from typing import Optional

WORDS = {
    "zero": 0,
    "none": 0,
    "nothing": 0,
    "no": 0,
    "nil": 0,
    "nought": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "single": 1,
    "once": 1,
    "two": 2,
    "couple": 2,
    "both": 2,
    "twice": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}
NUMBER_WORDS = tuple(word for word, value in WORDS.items() if word not in {"a", "an", "no", "once", "both", "twice"})
_TOKEN = re.compile(r"[a-z]+|\d+")


def word_value(token: str) -> Optional[int]:
    """The value of one token written as digits or a number word, else None."""
    token = token.lower()
    if token.isdigit():
        return int(token)
    return WORDS.get(token) if token in NUMBER_WORDS or token in {"no", "both"} else None


def parse_count(text: str) -> Optional[int]:
    """The single count a short answer gives ("3", "three of them", "none", "just one"), else None."""
    values = [word_value(token) for token in _TOKEN.findall(text.lower().replace(",", ""))]
    found = [value for value in values if value is not None]
    if not found:
        return None
    if len(set(found)) > 1:
        return None
    return found[0]
