"""The side-by-side table, the issue's goals (reported, never asserted) and the JSON record. Pure functions.

A bot's figures are a dict as bench.run builds it:
    {"load": LoadResult.summary() at N users, "single": the same for one user,
     "rss_peak_mb": {"rasa": ..., "actions": ..., "total": ...}, "training_s": ..., "cold_start_s": ...,
     "cpu_ms_per_turn": ...}
Any figure may be missing (None or absent) when a step failed or was skipped; it then shows as "—" and a goal
that needs it as "n/a".
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence

from bench.stats import ratio

MISSING = "—"
GOAL_USERS = 20
GOAL_RSS_MB = 1500.0  # 1.5 GB, decimal (MB = 10^6 bytes), the stricter reading
GOAL_SINGLE_P95_MS = 100.0
GOAL_TRAINING_S = 300.0
GOAL_COLD_START_S = 30.0


def dig(data: Optional[Mapping[str, Any]], *path: str) -> Any:
    """data[path[0]][path[1]]..., or None when any step is missing."""
    current: Any = data
    for key in path:
        if not isinstance(current, Mapping) or current.get(key) is None:
            return None
        current = current[key]
    return current


def fmt(value: Optional[float], unit: str) -> str:
    """A figure with its unit, or the missing mark."""
    if value is None:
        return MISSING
    if unit == "ms":
        return f"{value:.1f} ms" if value < 1000 else f"{value:,.0f} ms"
    if unit == "turns/s":
        return f"{value:.1f} turns/s"
    if unit == "MB":
        return f"{value:,.0f} MB"
    if unit == "s":
        return f"{value:.1f} s"
    if unit == "count":
        return f"{value:.0f}"
    return f"{value:g} {unit}".strip()


def fmt_ratio(value: Optional[float]) -> str:
    """A ratio as '1.23×', or the missing mark."""
    return MISSING if value is None else f"{value:.2f}×"


def fmt_errors(summary: Optional[Mapping[str, Any]]) -> str:
    """'errors / turns (rate)' of a load summary."""
    if not summary or not summary.get("turns"):
        return MISSING
    errors, turns = summary.get("errors", 0), summary["turns"]
    return f"{errors} / {turns} ({100.0 * errors / turns:.1f}%)"


@dataclass(frozen=True)
class Row:
    """One line of the table: the raw figures (for the JSON) and how they print."""

    metric: str
    unit: str
    ours: Optional[float]
    starter: Optional[float]
    ratio: Optional[float]
    ours_text: str
    starter_text: str
    ratio_text: str


def _row(metric: str, unit: str, ours: Optional[float], starter: Optional[float], with_ratio: bool = True) -> Row:
    """A table row of one metric, its figures formatted and (optionally) their ratio."""
    r = ratio(ours, starter) if with_ratio else None
    return Row(metric, unit, ours, starter, r, fmt(ours, unit), fmt(starter, unit), fmt_ratio(r))


def build_rows(ours: Mapping[str, Any], starter: Mapping[str, Any]) -> List[Row]:
    """The table: ours, the starter bot and ours ÷ starter for every metric."""
    users = dig(ours, "load", "users") or dig(starter, "load", "users") or "N"
    rows: List[Row] = []
    for q in ("p50", "p95", "p99"):
        rows.append(
            _row(
                f"latency {q} @ {users} users",
                "ms",
                dig(ours, "load", "latency_ms", q),
                dig(starter, "load", "latency_ms", q),
            )
        )
    rows.append(
        _row(
            f"throughput @ {users} users",
            "turns/s",
            dig(ours, "load", "throughput_tps"),
            dig(starter, "load", "throughput_tps"),
        )
    )
    o_err, s_err = dig(ours, "load", "errors"), dig(starter, "load", "errors")
    errors = _row(f"errors @ {users} users", "count", o_err, s_err, with_ratio=False)
    rows.append(
        Row(
            errors.metric,
            errors.unit,
            o_err,
            s_err,
            None,
            fmt_errors(ours.get("load")),
            fmt_errors(starter.get("load")),
            MISSING,
        )
    )
    rows.append(
        _row(
            f"unexpected replies @ {users} users",
            "count",
            dig(ours, "load", "unexpected"),
            dig(starter, "load", "unexpected"),
            with_ratio=False,
        )
    )
    rows.append(
        _row(
            "latency p50, single user",
            "ms",
            dig(ours, "single", "latency_ms", "p50"),
            dig(starter, "single", "latency_ms", "p50"),
        )
    )
    rows.append(
        _row(
            "latency p95, single user",
            "ms",
            dig(ours, "single", "latency_ms", "p95"),
            dig(starter, "single", "latency_ms", "p95"),
        )
    )
    rows.append(
        _row("peak RSS, Rasa server", "MB", dig(ours, "rss_peak_mb", "rasa"), dig(starter, "rss_peak_mb", "rasa"))
    )
    rows.append(
        _row(
            "peak RSS, action server", "MB", dig(ours, "rss_peak_mb", "actions"), dig(starter, "rss_peak_mb", "actions")
        )
    )
    rows.append(_row("peak RSS, total", "MB", dig(ours, "rss_peak_mb", "total"), dig(starter, "rss_peak_mb", "total")))
    rows.append(_row("server CPU per turn", "ms", dig(ours, "cpu_ms_per_turn"), dig(starter, "cpu_ms_per_turn")))
    rows.append(_row("training time", "s", dig(ours, "training_s"), dig(starter, "training_s")))
    rows.append(_row("cold start to first answer", "s", dig(ours, "cold_start_s"), dig(starter, "cold_start_s")))
    return rows


def format_table(rows: Sequence[Row]) -> str:
    """metric | ours | starter | ratio, aligned; the metric left, the figures right."""
    header = ("metric", "ours", "starter", "ours/starter")
    cells = [header] + [(r.metric, r.ours_text, r.starter_text, r.ratio_text) for r in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]

    def line(values: Sequence[str]) -> str:
        """One row of the table, aligned."""
        first = values[0].ljust(widths[0])
        rest = [v.rjust(w) for v, w in zip(values[1:], widths[1:], strict=False)]
        return " | ".join([first, *rest])

    rule = "-+-".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(c) for c in cells[1:])])


@dataclass(frozen=True)
class Goal:
    """One of the issue's goals: what it asks, what we measured, and whether it was met (None: not measured)."""

    goal: str
    measured: str
    met: Optional[bool]

    @property
    def verdict(self) -> str:
        """'met', 'not met' or 'n/a'."""
        return "n/a" if self.met is None else ("met" if self.met else "not met")


def _goal(goal: str, value: Optional[float], text: Callable[[float], str], test: Callable[[float], bool]) -> Goal:
    """A goal measured by value (not measured when None)."""
    if value is None:
        return Goal(goal, MISSING, None)
    return Goal(goal, text(value), bool(test(value)))


def evaluate_goals(ours: Mapping[str, Any], starter: Mapping[str, Any]) -> List[Goal]:
    """The issue's goals for our assistant, against the starter bot where they are relative."""
    users = dig(ours, "load", "users")
    at = f"{users} users" if users else "N users"
    note = "" if users in (None, GOAL_USERS) else f" (goal stated at {GOAL_USERS} users)"
    tps = ratio(dig(ours, "load", "throughput_tps"), dig(starter, "load", "throughput_tps"))
    p95 = ratio(dig(ours, "load", "latency_ms", "p95"), dig(starter, "load", "latency_ms", "p95"))
    return [
        _goal(f"throughput at {at} ≥ 2× starter's{note}", tps, lambda v: f"{v:.2f}× starter's", lambda v: v >= 2.0),
        _goal(f"p95 latency at {at} ≤ half starter's{note}", p95, lambda v: f"{v:.2f}× starter's", lambda v: v <= 0.5),
        _goal(
            f"single-user p95 ≤ {GOAL_SINGLE_P95_MS:.0f} ms",
            dig(ours, "single", "latency_ms", "p95"),
            lambda v: fmt(v, "ms"),
            lambda v: v <= GOAL_SINGLE_P95_MS,
        ),
        _goal(
            "peak RSS of Rasa + action server ≤ 1.5 GB",
            dig(ours, "rss_peak_mb", "total"),
            lambda v: fmt(v, "MB"),
            lambda v: v <= GOAL_RSS_MB,
        ),
        _goal("training ≤ 5 min", dig(ours, "training_s"), lambda v: fmt(v, "s"), lambda v: v <= GOAL_TRAINING_S),
        _goal(
            "cold start to first answer ≤ 30 s",
            dig(ours, "cold_start_s"),
            lambda v: fmt(v, "s"),
            lambda v: v <= GOAL_COLD_START_S,
        ),
    ]


def format_goals(goals: Sequence[Goal]) -> str:
    """The goals as aligned lines: goal | measured | met / not met / n/a."""
    cells = [("goal (reported, not asserted)", "measured", "verdict")] + [
        (g.goal, g.measured, g.verdict) for g in goals
    ]
    widths = [max(len(c[i]) for c in cells) for i in range(3)]
    lines = [" | ".join(v.ljust(w) for v, w in zip(c, widths, strict=False)).rstrip() for c in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def record(
    config: Mapping[str, Any],
    environment: Mapping[str, Any],
    bots: Mapping[str, Mapping[str, Any]],
    failures: Sequence[Mapping[str, str]],
    started: str,
    finished: str,
) -> Dict[str, Any]:
    """The JSON document of one run."""
    ours, starter = bots.get("ours", {}), bots.get("starter", {})
    return {
        "started": started,
        "finished": finished,
        "config": dict(config),
        "environment": dict(environment),
        "table": [asdict(r) for r in build_rows(ours, starter)],
        "goals": [dict(asdict(g), verdict=g.verdict) for g in evaluate_goals(ours, starter)],
        "bots": {name: dict(figures) for name, figures in bots.items()},
        "failures": list(failures),
    }


def write_record(document: Mapping[str, Any], results_dir: Path, stamp: str, latest: bool = True) -> List[Path]:
    """Write bench-<stamp>.json and (unless latest is False) latest.json under results_dir; return the paths."""
    results_dir.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, indent=2, ensure_ascii=False, default=str) + "\n"
    paths = [results_dir / f"bench-{stamp}.json"] + ([results_dir / "latest.json"] if latest else [])
    for path in paths:
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(text)
        tmp.replace(path)
    return paths
