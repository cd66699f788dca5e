#!/usr/bin/env python3
"""Fail when the trained model misreads a test story's user text (`rasa test core` checks intent -> action only).

Every `user:` line of the given story files is parsed by the model and must get the story's `intent:`; a story
whose text the assistant would misunderstand fails here, even though its actions would be right (part of
`make gates`).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path
from typing import Any, Iterator, List, Tuple

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project's custom components (bot.rasa_server)


def story_messages(path: Path) -> Iterator[Tuple[str, str, str]]:
    """(story name, user text, expected intent) for every user step of a story file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for story in data.get("stories") or []:
        for step in story.get("steps") or []:
            if "user" in step and step.get("intent"):
                yield story.get("story", "?"), str(step["user"]).strip(), str(step["intent"])


async def misread(model: Path, files: List[Path]) -> List[str]:
    """One line per user text whose parsed intent is not the story's."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # not every parse at debug level
    agent = Agent.load(str(model))
    problems: List[str] = []
    for path in files:
        for story, text, intent in story_messages(path):
            parsed: Any = await agent.parse_message(text)
            got = (parsed.get("intent") or {}).get("name")
            if got != intent:
                problems.append(f"{path.name}: {story!r}: {text!r} read as {got}, the story says {intent}")
    return problems


def main() -> int:
    """Parse every story text and exit 1 when any is misread."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, required=True, help="the trained model (models/ibers.tar.gz)")
    parser.add_argument("stories", type=Path, nargs="+", help="test story files")
    args = parser.parse_args()
    total = sum(1 for path in args.stories for _ in story_messages(path))
    problems = asyncio.run(misread(args.model, args.stories))
    print(f"Test story texts: {total - len(problems)} of {total} read as their story says")
    for line in problems:
        print(f"FAILED: {line}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
