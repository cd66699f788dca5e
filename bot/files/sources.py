"""Load bot/data/sources.yaml: for each answer topic, the sentences of the page it applies."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, Tuple

from bot.files import SOURCES_FILE
from bot.files.reading import read_yaml
from bot.rules.sources import PageQuote

Sources = Dict[str, Tuple[PageQuote, ...]]


class SourcesError(ValueError):
    """The sources file is missing, unreadable or malformed."""


def load_sources(path: Path = SOURCES_FILE) -> Sources:
    """Every topic's quotes, checked for shape."""
    document = read_yaml(path, SourcesError, "sources")
    if not isinstance(document, dict):
        raise SourcesError(f"{path.name}: expected a mapping of topic to quotes")
    return {str(topic): _quotes(str(topic), entries, path) for topic, entries in document.items()}


def _quotes(topic: str, entries: object, path: Path) -> Tuple[PageQuote, ...]:
    """One topic's list of {quote, section}."""
    if not isinstance(entries, list) or not entries:
        raise SourcesError(f"{path.name}: {topic}: expected a non-empty list of quotes")
    quotes = []
    for entry in entries:
        if not isinstance(entry, dict) or not all(isinstance(entry.get(key), str) for key in ("quote", "section")):
            raise SourcesError(f"{path.name}: {topic}: each entry needs a quote and a section (text)")
        quotes.append(PageQuote(quote=entry["quote"].strip(), section=entry["section"].strip()))
    return tuple(quotes)


@lru_cache(maxsize=None)
def get_sources() -> Sources:
    """The shipped sources, read once."""
    return load_sources()
