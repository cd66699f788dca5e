"""The held-out conversation sets (tests/e2e/conversations/), end to end over REST with the real servers.

Every case runs in a conversation of its own; each class must pass at least PASS_RATE of its cases (until then,
its floor). The English sets and the Welsh ones (conversations/cy/, typed with no language hint) run side by side;
no Welsh turn may be answered in English or not at all. The per-class figures of both languages and every failing
case with its reply are printed and written to results/conversation_sets.json.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Dict, Iterator, List, Mapping, Tuple

import pytest
import requests

from bot.answers.texts import WELSH
from bot.settings import ROOT
from tests.e2e.conversations.cases import (
    ANSWERED_IN_ENGLISH,
    EMPTY_REPLY,
    FLOORS_BY_LANGUAGE,
    MINIMUM_CASES,
    MINIMUMS,
    PASS_RATE,
    Case,
    Judge,
    all_cases,
)

WORKERS = 4  # each case has its own sender, so cases can run side by side
RESULTS_FILE = ROOT / "results" / "conversation_sets.json"


@dataclass(frozen=True)
class Outcome:
    """What one case got, and what was wrong with it."""

    case: Case
    replies: List[str]
    problems: List[str]
    seconds: float

    @property
    def reply(self) -> str:
        """The last reply, the one the case judges."""
        return self.replies[-1] if self.replies else ""

    @property
    def passed(self) -> bool:
        """True when the last reply met every expectation."""
        return not self.problems


@dataclass(frozen=True)
class ClassFigures:
    """How one class of cases of one language fared."""

    language: str
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


@dataclass(frozen=True)
class LanguageFigures:
    """The Welsh turns (every turn of every Welsh case) answered in English, and those given no reply."""

    turns: int
    english: int
    empty: int


Figures = Dict[Tuple[str, str], ClassFigures]


def run_case(servers: Any, judges: Mapping[str, Judge], case: Case) -> Outcome:
    """Play a case's turns in a new conversation and judge the last reply (a Welsh case's every reply for English)."""
    sender = f"sets-{case.language}-{case.id}-{uuid.uuid4().hex[:8]}"
    started, replies = time.monotonic(), []
    judge = judges[case.language]
    try:
        for turn in case.turns:
            replies.append(servers.texts(sender, turn))
    except requests.RequestException as error:
        return Outcome(case, replies, [f"request failed: {error}"], time.monotonic() - started)
    return Outcome(case, replies, judge.conversation_problems(case, replies), time.monotonic() - started)


def figures(outcomes: List[Outcome]) -> Figures:
    """Cases and passes per language and class, in the order of MINIMUM_CASES."""
    grouped: Dict[Tuple[str, str], List[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        grouped[outcome.case.language, outcome.case.kind].append(outcome)
    return {
        (language, kind): ClassFigures(
            language, kind, len(grouped[language, kind]), sum(o.passed for o in grouped[language, kind])
        )
        for language in MINIMUMS
        for kind in MINIMUM_CASES
    }


def welsh_turns(outcomes: List[Outcome], judge: Judge) -> LanguageFigures:
    """How many of the Welsh cases' turns got English wording, and how many got no reply at all."""
    replies = [reply for o in outcomes if o.case.language == WELSH for reply in o.replies]
    checked = [judge.english_problems(reply) for reply in replies]
    english = sum(any(p.startswith(ANSWERED_IN_ENGLISH) for p in problems) for problems in checked)
    return LanguageFigures(len(replies), english, sum(EMPTY_REPLY in problems for problems in checked))


def report(by_class: Figures, welsh: LanguageFigures, outcomes: List[Outcome]) -> str:
    """The per-class table of both languages, then every failing case with its turns, its reply and what was wrong."""
    header = "".join(f"{f'{language} cases':>10}{'passed':>8}{'rate':>8}" for language in MINIMUMS)
    lines = ["", f"{'class':<12}{header}   (bar {PASS_RATE:.0%})"]
    for kind in MINIMUM_CASES:
        cells = ""
        for language in MINIMUMS:
            row = by_class[language, kind]
            flag = " " if row.rate >= PASS_RATE else "*"
            cells += f"{row.cases:>10}{row.passed:>8}{row.rate:>7.1%}{flag}"
        lines.append(f"{kind:<12}{cells}")
    lines.append("(* below the bar)")
    lines.append(
        f"Welsh turns: {welsh.turns}, answered in English: {welsh.english}, empty: {welsh.empty} (both must be 0)"
    )
    for outcome in outcomes:
        if not outcome.passed:
            lines.append(f"\nFAILED {outcome.case.id} ({outcome.case.source})")
            for turn, reply in zip(outcome.case.turns, outcome.replies, strict=False):  # fewer on a failed request
                lines += [f"  user: {turn}", f"  bot:  {reply!r}"]
            lines += [f"  - {problem}" for problem in outcome.problems]
    return "\n".join(lines)


def write_results(by_class: Figures, welsh: LanguageFigures, outcomes: List[Outcome]) -> None:
    """The figures and the failures as JSON, for the record."""
    RESULTS_FILE.parent.mkdir(exist_ok=True)
    document = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "bar": PASS_RATE,
        "classes": {
            language: {
                kind: {"cases": f.cases, "passed": f.passed, "rate": round(f.rate, 4)}
                for (lang, kind), f in by_class.items()
                if lang == language
            }
            for language in MINIMUMS
        },
        "welsh_turns": {"turns": welsh.turns, "answered_in_english": welsh.english, "empty": welsh.empty},
        "slowest_case_seconds": round(max((o.seconds for o in outcomes), default=0.0), 2),
        "failures": [
            {
                "id": o.case.id,
                "language": o.case.language,
                "class": o.case.kind,
                "turns": list(o.case.turns),
                "replies": o.replies,
                "problems": o.problems,
            }
            for o in outcomes
            if not o.passed
        ],
    }
    RESULTS_FILE.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def measured(servers: Any) -> Tuple[Figures, LanguageFigures]:
    """Run every case of both languages (a few at a time), print and record the figures, and return them."""
    judges = {language: Judge.from_files(language) for language in MINIMUMS}
    with ThreadPoolExecutor(WORKERS) as pool:
        outcomes = list(pool.map(lambda case: run_case(servers, judges, case), all_cases()))
    by_class, welsh = figures(outcomes), welsh_turns(outcomes, judges[WELSH])
    print(report(by_class, welsh, outcomes))
    write_results(by_class, welsh, outcomes)
    return by_class, welsh


@pytest.mark.parametrize("language", list(MINIMUMS))
@pytest.mark.parametrize("kind", list(MINIMUM_CASES))
def test_each_class_of_held_out_conversations_is_handled(measured, language, kind):
    row = measured[0][language, kind]
    bar = FLOORS_BY_LANGUAGE[language].get(kind, PASS_RATE)
    assert row.rate >= bar, (
        f"{language} {kind}: {row.passed}/{row.cases} passed ({row.rate:.1%} < {bar:.0%}; target {PASS_RATE:.0%})"
    )


def test_no_welsh_turn_is_answered_in_english_or_left_empty(measured):
    welsh = measured[1]
    assert welsh.turns > 0
    assert (welsh.english, welsh.empty) == (0, 0), f"of {welsh.turns} Welsh turns: {welsh}"
