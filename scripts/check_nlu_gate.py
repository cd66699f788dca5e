#!/usr/bin/env python3
"""Fail the build when the held-out NLU test falls below the quality gates (intent macro F1, each intent's F1)."""

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
    parser.add_argument("--min-f1", type=float, default=0.97, help="minimum intent macro F1 (default 0.97)")
    parser.add_argument("--min-intent-f1", type=float, default=0.0, help="minimum F1 of every intent (default: none)")
    parser.add_argument("--within", type=float, default=None, help="fail when macro F1 is more than this below --of's")
    parser.add_argument(
        "--of", type=Path, default=None, help="another language's intent report, printed beside this one"
    )
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
    oos = intents.get("out_of_scope")
    if oos is not None:
        print(f"  out_of_scope: precision {oos['precision']:.3f}, recall {oos['recall']:.3f} (n={int(oos['support'])})")
    failed = False
    if macro < args.min_f1:
        print(f"FAILED: intent macro F1 {macro:.3f} is below {args.min_f1:.2f}", file=sys.stderr)
        failed = True
    if args.of is not None:
        reference = json.loads(args.of.read_text())["macro avg"]["f1-score"]
        print(f"  intent macro F1 {macro:.3f} beside {reference:.3f} in {args.of} (gap {reference - macro:+.3f})")
        if args.within is not None and macro < reference - args.within - 1e-9:
            print(
                f"FAILED: intent macro F1 {macro:.3f} is more than {args.within:.2f} below {reference:.3f}",
                file=sys.stderr,
            )
            failed = True
    below = {name: s["f1-score"] for name, s in intents.items() if s["f1-score"] < args.min_intent_f1}
    for name, score in sorted(below.items()):
        print(f"FAILED: intent {name} F1 {score:.3f} is below {args.min_intent_f1:.2f}", file=sys.stderr)
    return 1 if failed or below else 0


if __name__ == "__main__":
    raise SystemExit(main())
