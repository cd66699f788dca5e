#!/usr/bin/env python3
"""Fail when the held-out NLU accuracy as a user sees it falls below the gate: a fallback counts as wrong.

`rasa test nlu` scores the intent under the FallbackClassifier (a message the assistant would answer with "I'm not
sure I understood" still counts as right when the intent underneath was), so its accuracy overstates what a user
gets. This parses every held-out example with the trained model, exactly as the server does, and counts the intent
the dialogue would act on.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import Any, List, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the project's custom components (bot.rasa_server)

FALLBACK = "nlu_fallback"


def held_out_examples(folder: Path) -> List[Tuple[str, str]]:
    """(text, intent) of every example in the NLU files of a folder, entity annotations removed."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(folder))
    return [(example.get("text"), example.get("intent")) for example in data.intent_examples]


async def predictions(model: Path, examples: List[Tuple[str, str]]) -> List[str]:
    """The intent the model gives each text, fallback included."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # not every parse at debug level
    agent = Agent.load(str(model))
    intents: List[str] = []
    for text, _ in examples:
        parsed: Any = await agent.parse_message(text)
        intents.append((parsed.get("intent") or {}).get("name") or "")
    return intents


def main() -> int:
    """Parse the held-out set, print accuracy, the fallback rate and the most missed intents, exit 1 below the gate."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, required=True, help="the trained model (models/ibers.tar.gz)")
    parser.add_argument("--min-accuracy", type=float, required=True, help="minimum share of examples read right")
    parser.add_argument("folder", type=Path, help="a held-out NLU folder (tests/nlu/en)")
    args = parser.parse_args()
    examples = held_out_examples(args.folder)
    got = asyncio.run(predictions(args.model, examples))
    right = sum(1 for (_, intent), predicted in zip(examples, got, strict=True) if predicted == intent)
    fallbacks = got.count(FALLBACK)
    missed = Counter(intent for (_, intent), predicted in zip(examples, got, strict=True) if predicted != intent)
    accuracy = right / len(examples)
    print(
        f"User-visible accuracy on {args.folder}: {right} of {len(examples)} = {accuracy:.3f} "
        f"(gate {args.min_accuracy:.3f}); {fallbacks} fell to fallback"
    )
    for intent, count in missed.most_common(8):
        print(f"  {intent:<24} {count} missed")
    if accuracy < args.min_accuracy:
        print(f"FAILED: user-visible accuracy {accuracy:.3f} is below {args.min_accuracy:.3f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
