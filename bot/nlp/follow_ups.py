"""What a short follow-up changes about the previous question: an assessment kind, credits or not, a count.

Welsh as well as English: "a'r un data?", "a gyda chredydau?", "a hebddyn nhw?", "ac am dri?"."""

from __future__ import annotations

import re
from typing import Optional

from bot.rules.model import AssessmentType

_KINDS = (
    (
        AssessmentType.DATA_ANALYSIS,
        re.compile(r"\bdata\s*-?\s*set|\bdataset|\bdata\s+analysis|\bdata\b|\bddata\b|\bdadansodd", re.I),
    ),
    (
        AssessmentType.REPORT,
        re.compile(r"\breport|\bessay|\bwritten\b|\b1,?500\b|\badroddiad|\b(?:t|d|th)raethawd|\bysgrifenedig", re.I),
    ),
    (
        AssessmentType.MASTERS_TEST,
        re.compile(
            r"\btest\b|\bexam|\bquiz\b|\bmasters?'?s?[- ]level|\bprawf|\bbrawf|\barholiad|\bharholiad|\bcwis\b"
            r"|\blefel\s+(?:m|f)eistr",
            re.I,
        ),
    ),
)
# Welsh: "heb gredydau" (soft mutation after "heb"), "hebddyn nhw" / "hebddo" / "hebddi" (without them / it),
# "dysgu yn unig", "jyst i ddysgu", "dim credydau".
_CREDITS_CY = r"(?:c|g|ch|ngh)redyd(?:au)?"
_WITHOUT_CREDITS = re.compile(
    r"\b(?:without|no|w/o)\s+(?:the\s+)?credits?\b|\bjust\s+(?:for\s+)?(?:learning|to\s+learn)\b|\blearning[- ]only\b"
    r"|\bheb\s+(?:y\s+)?" + _CREDITS_CY + r"\b|\bdim\s+(?:o\s+)?" + _CREDITS_CY + r"\b"
    r"|\bhebdd(?:yn|ynt|o|i|om|och|on)\b|\bheb\W*$"
    r"|\bdysgu(?:\s+yn|'n)\s+unig\b|\b(?:jyst|jest|dim\s+ond|ond)\s+(?:er\s+mwyn|i)\s+ddysgu\b|\ber\s+mwyn\s+dysgu\b"
    r"|^\W*(?:and\s+|what\s+about\s+|how\s+about\s+|a\s+)?(?:without|heb)(?:\s+(?:then|them|it))?\W*$",
    re.I,
)
_WITH_CREDITS = re.compile(r"\bcredits?\b|\bcredit[- ]bearing\b|\b" + _CREDITS_CY + r"\b", re.I)
_COUNT = re.compile(
    r"\b\d+\b|(?<!that )(?<!this )(?<!the )(?<!same )\bone\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|both)\b"
    # Welsh, mutated or not: "ac am dri?", "a bedwar?"; "un" but not "yr un" / "a'r un" (the same / that one)
    r"|(?<!yr )(?<!'r )(?<!\u2019r )(?<!pa )\bun\b(?!-|\s*(?:'na|\u2019na|na|yna|yma|'ma|hwnnw|honno|hwnna|peth)\b)"
    r"|\b(?:dau|ddau|dwy|ddwy|tri|dri|thri|tair|dair|thair|pedwar|bedwar|phedwar|pedair|bedair|phedair|pump|bump|pum"
    r"|chwech|chwe|saith|wyth|naw|deg|ddeg)\b",
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
