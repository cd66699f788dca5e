"""What a short follow-up changes about the previous question: an assessment kind, credits or not, a count."""

from __future__ import annotations

import re
from typing import Optional

from bot.rules.model import AssessmentType

_KINDS = (
    (AssessmentType.DATA_ANALYSIS, re.compile(r"\bdata\s*-?\s*set|\bdataset|\bdata\s+analysis|\bdata\b", re.I)),
    (AssessmentType.REPORT, re.compile(r"\breport|\bessay|\bwritten\b|\b1,?500\b|\badroddiad", re.I)),
    (
        AssessmentType.MASTERS_TEST,
        re.compile(r"\btest\b|\bexam|\bquiz\b|\bmasters?'?s?[- ]level|\bprawf|\barholiad", re.I),
    ),
)
_WITHOUT_CREDITS = re.compile(
    r"\b(?:without|no|w/o)\s+(?:the\s+)?credits?\b|\bjust\s+(?:for\s+)?(?:learning|to\s+learn)\b|\blearning[- ]only\b"
    r"|\bheb\s+gredydau\b|^\W*(?:and\s+|what\s+about\s+|how\s+about\s+|a\s+)?(?:without|heb)(?:\s+(?:then|them|it))?\W*$",
    re.I,
)
_WITH_CREDITS = re.compile(r"\bcredits?\b|\bcredit[- ]bearing\b|\bcredydau\b|\bgredydau\b|\bchredydau\b", re.I)
_COUNT = re.compile(
    r"\b\d+\b|(?<!that )(?<!this )(?<!the )(?<!same )\bone\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|both)\b",
    re.I,
)


def assessment_kind(text: str) -> Optional[AssessmentType]:
    """The kind of final assessment a follow-up names ("and the data set one?"), if any."""
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return None


def credits_choice(text: str) -> Optional[bool]:
    """True for "with credits", False for "without credits" / "just learning", None when not said."""
    if _WITHOUT_CREDITS.search(text):
        return False
    if _WITH_CREDITS.search(text):
        return True
    return None


def names_a_count(text: str) -> bool:
    """Whether a follow-up gives a number ("and for 3?")."""
    return bool(_COUNT.search(text))
