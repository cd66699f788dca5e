"""Plain frozen records the store returns besides the rules dataclasses (never ORM objects)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Optional

ENQUIRY_LANGUAGES = ("en", "cy")  # the languages an enquiry can be left in (Welsh Language Standards)
DEFAULT_ENQUIRY_LANGUAGE = "en"


class EnquiryStatus(str, enum.Enum):
    """Where an enquiry is in the enquiry team's inbox."""

    NEW = "new"
    HANDLED = "handled"


@dataclass(frozen=True)
class Enquiry:
    """An enquiry left through the assistant, as stored."""

    id: int
    created_at: datetime
    conversation_id: Optional[str]
    name: str
    email: str
    question: str
    consent: bool
    status: EnquiryStatus
    handled_at: Optional[datetime] = None
    handled_by: Optional[str] = None
    language: str = DEFAULT_ENQUIRY_LANGUAGE  # the conversation's language: "en" or "cy" (Welsh Language Standards)
