"""A sentence of the microcredentials page that an answer applies: shown beside the answer as its source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple


@dataclass(frozen=True)
class PageQuote:
    """One verbatim sentence of the page and the heading it sits under."""

    quote: str
    section: str

    def as_payload(self) -> Dict[str, str]:
        """The JSON form sent to the widget."""
        return {"quote": self.quote, "section": self.section}


def sources_payload(quotes: Tuple[PageQuote, ...]) -> Dict[str, List[Dict[str, str]]]:
    """The custom message that carries an answer's sources: {"sources": [{"quote", "section"}, ...]}."""
    return {"sources": [quote.as_payload() for quote in quotes]}
