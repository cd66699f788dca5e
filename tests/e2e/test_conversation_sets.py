"""The held-out conversation sets (tests/e2e/conversations/), end to end over REST with the real servers.

Every case runs in a conversation of its own; each class must pass at least PASS_RATE of its cases. The
per-class figures and every failing case with its reply are printed and written to results/conversation_sets.json.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Dict, Iterator, List

import pytest
import requests

from bot.settings import ROOT
from tests.e2e.conversations.cases import FLOORS, MINIMUM_CASES, PASS_RATE, Case, Judge, load_cases

WORKERS = 4  # each case has its own sender, so cases can run side by side
RESULTS_FILE = ROOT / "results" / "conversation_sets.json"


@dataclass(frozen=True)
class Outcome:
    """What one case got, and what was wrong with it."""

    case: Case
    reply: str
    problems: List[str]
    seconds: float

    @property
    def passed(self) -> bool:
        """True when the last reply met every expectation."""
        return not self.problems


@dataclass(frozen=True)
class ClassFigures:
    """How one class of cases fared."""

    kind: str
    cases: int
    passed: int

    @property
    def rate(self) -> float:
        """The share of cases passed."""
        return self.passed / self.cases if self.cases else 0.0


@pytest.fixture(scope="module")
def servers(launch_servers, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The assistant's servers, started once for this module's cases (fresh database, fresh conversations)."""
    running = launch_servers(tmp_path_factory.mktemp("conversation_sets"))
    yield running
    running.stop()


def run_case(servers: Any, judge: Judge, case: Case) -> Outcome:
    """Play a case's turns in a new conversation and judge the last reply."""
    sender = f"sets-{case.id}-{uuid.uuid4().hex[:8]}"
    started, reply = time.monotonic(), ""
    try:
        for turn in case.turns:
            reply = servers.texts(sender, turn)
    except requests.RequestException as error:
        return Outcome(case, reply, [f"request failed: {error}"], time.monotonic() - started)
    return Outcome(case, reply, judge.problems(case, reply), time.monotonic() - started)


def figures(outcomes: List[Outcome]) -> Dict[str, ClassFigures]:
    """Cases and passes per class, in the order of MINIMUM_CASES."""
    grouped: Dict[str, List[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        grouped[outcome.case.kind].append(outcome)
    return {
        kind: ClassFigures(kind, len(grouped[kind]), sum(o.passed for o in grouped[kind])) for kind in MINIMUM_CASES
    }


def report(by_class: Dict[str, ClassFigures], outcomes: List[Outcome]) -> str:
    """The per-class table, then every failing case with its turns, its reply and what was wrong."""
    lines = ["", f"{'class':<12}{'cases':>7}{'passed':>8}{'rate':>8}   (bar {PASS_RATE:.0%})"]
    for row in by_class.values():
        flag = "" if row.rate >= PASS_RATE else "  BELOW"
        lines.append(f"{row.kind:<12}{row.cases:>7}{row.passed:>8}{row.rate:>8.1%}{flag}")
    for outcome in outcomes:
        if not outcome.passed:
            lines.append(f"\nFAILED {outcome.case.id} ({outcome.case.source})")
            lines += [f"  user: {turn}" for turn in outcome.case.turns]
            lines.append(f"  bot:  {outcome.reply!r}")
            lines += [f"  - {problem}" for problem in outcome.problems]
    return "\n".join(lines)


def write_results(by_class: Dict[str, ClassFigures], outcomes: List[Outcome]) -> None:
    """The figures and the failures as JSON, for the record."""
    RESULTS_FILE.parent.mkdir(exist_ok=True)
    document = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "bar": PASS_RATE,
        "classes": {k: {"cases": f.cases, "passed": f.passed, "rate": round(f.rate, 4)} for k, f in by_class.items()},
        "slowest_case_seconds": round(max((o.seconds for o in outcomes), default=0.0), 2),
        "failures": [
            {
                "id": o.case.id,
                "class": o.case.kind,
                "turns": list(o.case.turns),
                "reply": o.reply,
                "problems": o.problems,
            }
            for o in outcomes
            if not o.passed
        ],
    }
    RESULTS_FILE.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def class_figures(servers: Any) -> Dict[str, ClassFigures]:
    """Run every case (a few at a time), print and record the figures, and return them per class."""
    judge = Judge.from_files()
    with ThreadPoolExecutor(WORKERS) as pool:
        outcomes = list(pool.map(lambda case: run_case(servers, judge, case), load_cases()))
    by_class = figures(outcomes)
    print(report(by_class, outcomes))
    write_results(by_class, outcomes)
    return by_class


@pytest.mark.parametrize("kind", list(MINIMUM_CASES))
def test_each_class_of_held_out_conversations_is_handled(class_figures, kind):
    row = class_figures[kind]
    bar = FLOORS.get(kind, PASS_RATE)
    assert row.rate >= bar, (
        f"{kind}: {row.passed}/{row.cases} passed ({row.rate:.1%} < {bar:.0%}; target {PASS_RATE:.0%})"
    )
