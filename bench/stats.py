"""Latency and throughput statistics, in pure Python (no numpy needed, no servers)."""

from __future__ import annotations

import math
from typing import Dict, Iterable, Optional, Sequence

PERCENTILES = (50, 95, 99)


def percentile(values: Iterable[float], q: float) -> Optional[float]:
    """The q-th percentile (0..100) by linear interpolation between closest ranks (numpy's default); None if empty."""
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, not {q}")
    ordered = sorted(values)
    if not ordered:
        return None
    position = (len(ordered) - 1) * q / 100
    lower, upper = math.floor(position), math.ceil(position)
    if lower == upper:
        return float(ordered[lower])
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def latency_summary_ms(latencies_s: Sequence[float]) -> Dict[str, Optional[float]]:
    """p50/p95/p99, mean, min and max of latencies given in seconds, in milliseconds (None when there are none)."""
    ms = [value * 1000.0 for value in latencies_s]
    summary: Dict[str, Optional[float]] = {f"p{q}": percentile(ms, q) for q in PERCENTILES}
    summary["mean"] = sum(ms) / len(ms) if ms else None
    summary["min"] = min(ms) if ms else None
    summary["max"] = max(ms) if ms else None
    summary["count"] = len(ms)
    return summary


def throughput(completed: int, wall_seconds: float) -> Optional[float]:
    """Completed turns per second of wall time; None when no time passed."""
    if wall_seconds <= 0:
        return None
    return completed / wall_seconds


def ratio(ours: Optional[float], theirs: Optional[float]) -> Optional[float]:
    """ours / theirs, or None when either is missing or theirs is zero."""
    if ours is None or theirs is None or theirs == 0:
        return None
    return ours / theirs
