"""Whether a message really asks for the enquiry team's functions (the inbox), not a learner's question."""

from __future__ import annotations

import re

_STAFF_WORDS = re.compile(
    r"\b(?:enquir(?:y|ies)|inquir(?:y|ies)|inbox|queue|tickets?|handled|unhandled|mark(?:ed)?\s+(?:as\s+)?(?:done|dealt"
    r"|handled|closed|answered)|dealt\s+with|close\s+(?:enquiry|number|no)|ymholiad(?:au)?|mewnflwch)\b",
    re.IGNORECASE,
)


def looks_like_staff_request(text: str) -> bool:
    """True when the message names the inbox or enquiries (so a refusal for non-staff makes sense)."""
    return bool(_STAFF_WORDS.search(text))
