"""`python -m bot.nlp build [--catalogue FILE] [--out DIR]`: write the spaCy pipeline for Rasa."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Optional, Sequence

from bot.files.catalogue import load_catalogue_file
from bot.nlp.pipeline import save_pipeline
from bot.settings import SPACY_PIPELINE


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Parse arguments and build the pipeline."""
    parser = argparse.ArgumentParser(prog="python -m bot.nlp", description=__doc__)
    parser.add_argument("command", choices=["build"])
    parser.add_argument(
        "--catalogue", type=Path, default=None, help="catalogue YAML (default: bot/data/catalogue.yaml)"
    )
    parser.add_argument("--out", type=Path, default=SPACY_PIPELINE, help="output directory")
    args = parser.parse_args(argv)
    courses = load_catalogue_file(args.catalogue)
    path = save_pipeline(courses, args.out)
    print(f"spaCy pipeline with {len(courses)} courses written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
