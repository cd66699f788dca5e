"""bench.stats: percentiles, latency summaries, throughput and ratios."""

from __future__ import annotations

import pytest

from bench.stats import latency_summary_ms, percentile, ratio, throughput


@pytest.mark.parametrize(
    "values,q,expected",
    [
        ([1, 2, 3, 4], 50, 2.5),
        ([1, 2, 3, 4], 0, 1),
        ([1, 2, 3, 4], 100, 4),
        ([10], 95, 10),
        (list(range(1, 101)), 95, 95.05),
        (list(range(1, 101)), 99, 99.01),
        ([5, 1, 4, 2, 3], 50, 3),  # order does not matter
    ],
)
def test_percentile_interpolates_between_closest_ranks_like_numpy(values, q, expected):
    assert percentile(values, q) == pytest.approx(expected)


def test_percentile_of_nothing_is_none_and_q_is_checked():
    assert percentile([], 50) is None
    with pytest.raises(ValueError):
        percentile([1], 101)


def test_latency_summary_is_in_milliseconds():
    summary = latency_summary_ms([0.010, 0.020, 0.030, 0.040])
    assert summary["p50"] == pytest.approx(25.0)
    assert summary["mean"] == pytest.approx(25.0)
    assert (summary["min"], summary["max"], summary["count"]) == (pytest.approx(10.0), pytest.approx(40.0), 4)


def test_latency_summary_of_nothing_has_no_figures():
    summary = latency_summary_ms([])
    assert summary["count"] == 0 and all(summary[k] is None for k in ("p50", "p95", "p99", "mean", "min", "max"))


def test_throughput_and_ratio_guard_against_zero_and_missing():
    assert throughput(100, 4.0) == 25.0
    assert throughput(5, 0) is None
    assert ratio(10.0, 4.0) == 2.5
    assert ratio(None, 4.0) is None and ratio(1.0, None) is None and ratio(1.0, 0) is None
