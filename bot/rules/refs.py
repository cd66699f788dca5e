"""How learners are referred to: learner ids and email addresses, their shapes and normal forms (written once)."""

from __future__ import annotations

import re
from typing import Optional

__all__ = [
    "EMAIL_PATTERN",
    "LEARNER_ID_PATTERN",
    "find_learner_ref",
    "looks_like_email",
    "looks_like_learner_id",
    "normalise_email",
    "normalise_learner_id",
]

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
LEARNER_ID_PATTERN = re.compile(r"^[A-Za-z]\d+$")
# In running text ("credits for L0003?", "jane@example.org's exemption") punctuation around a reference is not
# part of it, so the search is stricter than the shape checks above.
_REF_IN_TEXT = re.compile(r"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})|\b(L\d{4,})\b", re.IGNORECASE)


def normalise_email(email: str) -> str:
    """Emails are compared and stored trimmed and lower-cased."""
    return email.strip().lower()


def normalise_learner_id(learner_id: str) -> str:
    """Learner ids are stored upper-case, e.g. L0001."""
    return learner_id.strip().upper()


def looks_like_learner_id(ref: str) -> bool:
    """Whether a reference is shaped like a learner id (a letter then digits)."""
    return bool(LEARNER_ID_PATTERN.match(ref.strip()))


def looks_like_email(ref: str) -> bool:
    """Whether a reference is shaped like an email address."""
    return bool(EMAIL_PATTERN.match(ref.strip()))


def find_learner_ref(text: str) -> Optional[str]:
    """The first learner id or email address typed in a message ("credits for L0003"), else None."""
    match = _REF_IN_TEXT.search(text)
    if not match:
        return None
    return match.group(1) or match.group(2)
