#!/usr/bin/env python3
"""Fail the build when the held-out NLU test falls below the quality gate (intent macro F1)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

IGNORED = {"accuracy", "macro avg", "weighted avg", "micro avg"}


def main() -> int:
    """Read Rasa's intent report, print the weakest intents, and exit 1 below the gate."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("report", type=Path, help="results/nlu/intent_report.json from `rasa test nlu`")
    parser.add_argument("--min-f1", type=float, default=0.95, help="minimum intent macro F1 (default 0.95)")
    args = parser.parse_args()
    report = json.loads(args.report.read_text())
    macro = report["macro avg"]["f1-score"]
    intents = {name: scores for name, scores in report.items() if name not in IGNORED and isinstance(scores, dict)}
    weakest = sorted(intents.items(), key=lambda item: item[1]["f1-score"])[:8]
    print(
        f"NLU held-out test: {len(intents)} intents, {int(report['macro avg']['support'])} examples, "
        f"accuracy {report.get('accuracy', float('nan')):.3f}, intent macro F1 {macro:.3f} (gate {args.min_f1:.2f})"
    )
    for name, scores in weakest:
        print(
            f"  {name:<24} F1 {scores['f1-score']:.3f}  (precision {scores['precision']:.3f}, recall {scores['recall']:.3f}, n={int(scores['support'])})"
        )
    if macro < args.min_f1:
        print(f"FAILED: intent macro F1 {macro:.3f} is below {args.min_f1:.2f}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
